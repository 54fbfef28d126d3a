"""Review clearances and stored public ids, beside the ledger on the same database.

A clearance says that a person (who, when) judged a piece of a source fit for the public: a
claim's excerpt, or a source's title or address that the name check had withheld. Public ids
are random identifiers given on first use to records the public export must not name by their
own ids (pseudonyms of withheld persons, their events); they are stored so that exports agree
with each other, and never derived from the ids they stand for. Each one given is written to
the audit chain (`sql.public_id_entry`; the key by its hash alone), and `audit verify` checks
the stored ones against it.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, insert, select

from prisonwatch.core.records import PublicId
from prisonwatch.storage import audit
from prisonwatch.storage import tables as t
from prisonwatch.storage.sql import SqlStore, _audit, public_id_entry

GIVER = "prisonwatch"
"""Who the audit trail says gave a public id made on first use (an export, the first public
answer that needs the key): the application, not a person."""

KINDS = ("excerpt", "title", "address")
"""What may be cleared: a claim's excerpt, a source's title, a source's address."""


@dataclass(frozen=True, slots=True)
class Clearance:
    """`by` judged a text fit for the public. It vouches for that text only (`text_hash`, the
    sha256 of the text as cleared; None in clearances made before it was kept) and only
    against the protected persons it was judged to name then (`named`, by id; empty when it
    named nobody protected): a person protected since is not covered."""

    kind: str
    target_id: str
    cleared_by: str
    cleared_at: datetime
    note: str | None = None
    text_hash: str | None = None
    named: tuple[str, ...] = ()


class ClearanceStore:
    """Clearances and public ids of one database."""

    def __init__(self, store: SqlStore) -> None:
        self.store = store

    def clear(
        self,
        kind: str,
        target_id: str,
        by: str,
        at: datetime,
        note: str | None = None,
        text_hash: str | None = None,
        named: Iterable[str] = (),
    ) -> Clearance:
        """Record a clearance (audited, so cached public views are rebuilt)."""
        if kind not in KINDS:
            raise ValueError(f"kind: expected one of {', '.join(KINDS)}, not {kind!r}")
        persons = sorted(set(named))
        row = {"kind": kind, "target_id": target_id, "cleared_by": by, "cleared_at": at}
        vouches = {"note": note, "text_hash": text_hash, "named": persons}

        def w(conn: Connection) -> None:
            conn.execute(insert(t.clearances).values(**row, **vouches))
            _audit(conn, at, by, "clear", "clearance", target_id, None, {**row, **vouches})

        self.store._write(w)
        return Clearance(kind, target_id, by, at, note, text_hash, tuple(persons))

    def clearances(self) -> list[Clearance]:
        def q(conn: Connection) -> list[Clearance]:
            c = t.clearances.c
            found = conn.execute(
                select(
                    c.kind, c.target_id, c.cleared_by, c.cleared_at, c.note, c.text_hash, c.named
                ).order_by(c.id)
            )
            return [Clearance(*r[:6], tuple(r[6] or ())) for r in found]

        result: list[Clearance] = self.store._read(q)
        return result

    def id_key(self, at: datetime) -> bytes:
        """The store's random key for public record ids (`services.public.Projection.record_id`):
        32 hex digits, made on first use and kept in `public_ids` under kind `key`, so that a
        record's public id stays the same across restarts and exports of this store."""
        row = self.public_ids("key", ["record-ids"], at, lambda: secrets.token_hex(16))
        return row["record-ids"].encode()

    def held_public_ids(self) -> list[PublicId]:
        """Every public id this store gave, its key included, for the backup."""

        def q(conn: Connection) -> list[PublicId]:
            c = t.public_ids.c
            stmt = select(c.kind, c.record_id, c.public_id).order_by(c.kind, c.record_id)
            return [PublicId(k, r, p) for k, r, p in conn.execute(stmt)]

        result: list[PublicId] = self.store._read(q)
        return result

    def public_ids(
        self,
        kind: str,
        record_ids: Sequence[str],
        at: datetime,
        make: Callable[[], str] | None = None,
        by: str = GIVER,
    ) -> dict[str, str]:
        """The public id of each record, made (random: `make`, by default `kind-` and 16 hex
        digits) and stored on first use, each new one with an audit entry (`public_id_entry`,
        by `by`) that `audit verify` checks the stored ids against."""

        def w(conn: Connection) -> dict[str, str]:
            c = t.public_ids.c
            known = {
                r.record_id: r.public_id
                for r in conn.execute(select(c.record_id, c.public_id).where(c.kind == kind))
            }
            new = [
                {
                    "kind": kind,
                    "record_id": rid,
                    "public_id": make() if make else f"{kind}-{secrets.token_hex(8)}",
                    "created_at": at,
                }
                for rid in dict.fromkeys(record_ids)
                if rid not in known
            ]
            if new:
                conn.execute(insert(t.public_ids), new)
                audit.append(conn, [public_id_entry(at, by, r) for r in new])
            known.update({r["record_id"]: r["public_id"] for r in new})
            return {rid: known[rid] for rid in record_ids}

        if not record_ids:
            return {}
        result: dict[str, str] = self.store._write(w)
        return result
