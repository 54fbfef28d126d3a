"""Custody figures: terms ending soon, and persons sentenced under an article.

Counts only, never names or places, so analysts and the public see the same answer; every
person counts, protected or not, as in every other figure of the ledger.
"""

from __future__ import annotations

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
