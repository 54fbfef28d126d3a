"""Who is on the other end of a request: the address the per-address login lock counts.

The address is the TCP peer's. Only when the peer is a proxy the operator named in
`PRISONWATCH_TRUSTED_PROXIES` (addresses or networks, comma-separated) is `X-Forwarded-For`
read, from the right: the first address in it that is not itself a trusted proxy is the client.
Anyone else can write any `X-Forwarded-For` they like, so from anyone else it is ignored.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

from fastapi import Request

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(text: str) -> tuple[Network, ...]:
    """`10.0.0.1, 192.168.0.0/16, ::1` as networks; a bad entry raises ValueError naming it."""
    found = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        try:
            found.append(ipaddress.ip_network(part, strict=False))
        except ValueError:
            raise ValueError(
                f"PRISONWATCH_TRUSTED_PROXIES: {part!r} is not an IP address or network"
            ) from None
    return tuple(found)


def _trusted(address: str, networks: Iterable[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in net for net in networks)


def client_address(request: Request) -> str:
    networks: tuple[Network, ...] = getattr(request.app.state, "trusted_proxies", ())
    peer = request.client.host if request.client else "unknown"
    if not networks or not _trusted(peer, networks):
        return peer
    hops = [h.strip() for h in ",".join(request.headers.getlist("x-forwarded-for")).split(",")]
    for hop in reversed([h for h in hops if h]):
        if not _trusted(hop, networks):
            return hop[:64]
    return peer
