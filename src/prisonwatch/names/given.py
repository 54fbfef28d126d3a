"""Given names that are one name across spellings ("Siarhei", "Sergei", "Sergiusz").

The groups are data (data/given_names.json); users may extend them.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from prisonwatch.core.text import fold


@lru_cache(maxsize=1)
def _given_groups() -> dict[str, str]:
    raw = (resources.files("prisonwatch.names") / "data" / "given_names.json").read_text(
        encoding="utf-8"
    )
    out: dict[str, str] = {}
    for group in json.loads(raw)["groups"]:
        for name in group:
            out.setdefault(name, group[0])
    return out


@lru_cache(maxsize=100_000)
def given_group(token: str) -> str | None:
    """The canonical given name a spelling belongs to ("Siarhei" → "sergei"), if known."""
    folded = fold(token)
    groups = _given_groups()
    # Łacinka softens l and n before e: "Alieś", "Mikalaj" beside "Ales", "Mikalai"
    return groups.get(folded) or groups.get(folded.replace("ie", "e"))
