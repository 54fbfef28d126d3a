"""The persons and events "as known on K" for a figure, month-precise persons' at month grain.

Analysts' figures as known on K read every record as known at the end of K
(`core.bitemporal.cutoff`). Public figures read the persons held at month precision
(`public.Projection.month_precise`: those the public may know only as counts or under a
pseudonym) as known at the end of the month before K's (`core.month_precision.known_through`):
their records reach public figures as known on a day only from the first of the month after
they were entered, so that comparing the public figures as known on two days never tells the
day such a person's record (and so, often, the news of their arrest) was entered. Everyone
else is read at the end of K.

The current public figures (no K: the live statistics, series, custody and deals) follow the
same rule with K the server's today: month-precise persons' records as known at the end of the
month before today's (`today`), everyone else's as they are now. A public figure then moves by
a month-precise person's record on the first of a month only, whatever day it was entered.
"""

from __future__ import annotations

from datetime import date, datetime

from prisonwatch.core import merges
from prisonwatch.core.bitemporal import cutoff
from prisonwatch.core.month_precision import known_through
from prisonwatch.core.records import Event, Person
from prisonwatch.storage.port import LedgerStore


def month_precise_cutoff(known_on: date | None, today: date | None) -> datetime | None:
    """The moment through which month-precise persons' records are read: the end of the
    month before `known_on`'s (as known on that day), else before `today`'s (the current
    public figures on that day); None: as they are now (analysts' current figures)."""
    day = known_on if known_on is not None else today
    return None if day is None else cutoff(known_through(day))


def persons(
    store: LedgerStore,
    known_on: date | None,
    month_precise: frozenset[str] = frozenset(),
    today: date | None = None,
) -> list[Person]:
    """Every stored person as known on `known_on` (as they are now when None), those in
    `month_precise` as known at the end of the month before `known_on`'s (when None, before
    `today`'s; as they are now when that is None too)."""
    found = store.persons() if known_on is None else store.persons(known_on=cutoff(known_on))
    earlier = month_precise_cutoff(known_on, today)
    if not month_precise or earlier is None:
        return found
    kept = [p for p in found if p.id not in month_precise]
    return kept + store.persons(known_on=earlier, ids=sorted(month_precise))


def events(
    store: LedgerStore,
    known_on: date | None,
    month_precise: frozenset[str] = frozenset(),
    today: date | None = None,
) -> list[Event]:
    """Every stored event as known on `known_on` (as they are now when None), those of
    `month_precise` persons as known at the end of the month before `known_on`'s (when None,
    before `today`'s; as they are now when that is None too). (Each was recorded by the end
    of `known_on`: `core.bitemporal.effective_events(events, known_on)` keeps them all.)"""
    found = store.events() if known_on is None else store.events(known_on=cutoff(known_on))
    earlier = month_precise_cutoff(known_on, today)
    if not month_precise or earlier is None:
        return found
    kept = [e for e in found if e.person_id not in month_precise]
    return kept + store.events(sorted(month_precise), known_on=earlier)


def roots(
    store: LedgerStore,
    known_on: date | None,
    month_precise: frozenset[str] = frozenset(),
    today: date | None = None,
) -> dict[str, str]:
    """Each merged record's root as the public reads the merges: from `persons`, so that a
    merge touching a month-precise person (a public record merged into a protected one, or
    a protected one into a public one: both are then month-precise, `public.level_of`)
    counts from the first of the month after it was made, as their other records do. Read
    as they are now, a merge made on the 17th joined two timelines read as known at the end
    of the last month on that very day, and public figures moved on it."""
    return merges.roots(merges.links_of(persons(store, known_on, month_precise, today)))
