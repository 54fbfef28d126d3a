"""The persons and events "as known on K" for a figure, month-precise persons' at month grain.

Analysts' figures as known on K read every record as known at the end of K
(`core.bitemporal.cutoff`). Public figures read the persons held at month precision
(`public.Projection.month_precise`: those the public may know only as counts or under a
pseudonym) as known at the end of the month before K's (`core.month_precision.known_through`):
their records reach public figures as known on a day only from the first of the month after
they were entered, so that comparing the public figures as known on two days never tells the
day such a person's record (and so, often, the news of their arrest) was entered. Everyone
else is read at the end of K.
"""

from __future__ import annotations

from datetime import date

from prisonwatch.core.bitemporal import cutoff
from prisonwatch.core.month_precision import known_through
from prisonwatch.core.records import Event, Person
from prisonwatch.storage.port import LedgerStore


def persons(
    store: LedgerStore, known_on: date | None, month_precise: frozenset[str] = frozenset()
) -> list[Person]:
    """Every stored person as known on `known_on` (as they are now when None), those in
    `month_precise` as known at the end of the month before `known_on`'s."""
    if known_on is None:
        return store.persons()
    found = store.persons(known_on=cutoff(known_on))
    if not month_precise:
        return found
    earlier = cutoff(known_through(known_on))
    kept = [p for p in found if p.id not in month_precise]
    return kept + store.persons(known_on=earlier, ids=sorted(month_precise))


def events(
    store: LedgerStore, known_on: date | None, month_precise: frozenset[str] = frozenset()
) -> list[Event]:
    """Every stored event as known on `known_on` (as they are now when None), those of
    `month_precise` persons as known at the end of the month before `known_on`'s. (Each was
    recorded by the end of `known_on`: `core.bitemporal.effective_events(events, known_on)`
    keeps them all.)"""
    if known_on is None:
        return store.events()
    found = store.events(known_on=cutoff(known_on))
    if not month_precise:
        return found
    earlier = cutoff(known_through(known_on))
    kept = [e for e in found if e.person_id not in month_precise]
    return kept + store.events(sorted(month_precise), known_on=earlier)
