"""Custody figures: terms ending soon, and persons sentenced under an article.

Counts only, never names or places; every person counts, protected or not, as in every other
figure of the ledger. The public sees the same counts under the article numbers the public may
read (`public_figures`): an article's number is free text after its first digit, so one that
names a protected person ("342-<surname>") is left out of the public list, and asking for it
answers as for an article nobody was sentenced under.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from prisonwatch.core.bitemporal import effective_events
from prisonwatch.core.custody import custody_figures, sentenced
from prisonwatch.core.records import Event
from prisonwatch.core.timeline import custody_status, fold_custody, sort_key
from prisonwatch.storage.port import LedgerStore

TERMS_WINDOW_DAYS = 365
""""The next 12 months"."""


def figures(
    store: LedgerStore,
    today: date,
    article: str | None = None,
    within_days: int = TERMS_WINDOW_DAYS,
    known_on: date | None = None,
) -> dict[str, Any]:
    """Terms ending within `within_days` of `today` and persons per article (or one article),
    from the record in force (as known on `known_on`). Raises `CustodyError` for a bad article."""
    by_person: dict[str, list[Event]] = {}
    for e in effective_events(store.events(), known_on):
        by_person.setdefault(e.person_id, []).append(e)
    people = []
    for pid, evs in by_person.items():
        evs.sort(key=sort_key)
        if not any(e.articles or e.term_ends for e in evs):
            continue
        intervals, _ = fold_custody(evs)
        people.append(sentenced(pid, evs, custody_status(intervals, today) == "held"))
    return custody_figures(people, today, within_days, article)


def public_figures(
    data: dict[str, Any], text: Callable[[str | None], str | None]
) -> dict[str, Any]:
    """`figures` as the public may see them (`text`: the public projection's check of a stored
    text): rows only for article numbers that pass, and the asked-for article, when its number
    does not pass, answered as one nobody was sentenced under (the answer an unknown article
    gets), so that no answer differs between a protected name and an unknown one."""
    out = dict(data)
    out["articles"] = [r for r in data["articles"] if text(r["article"])]
    asked = data.get("article")
    if asked is not None and not text(asked["article"]):
        out["article"] = {"article": asked["article"], "persons": 0, "held": 0}
    return out
