"""Month precision: how the dates of persons the public may know only as counts enter figures.

A `counts_only` person is counted in every public figure, but the day of their arrest or
release must not be learnable from those figures: comparing the stock of two consecutive days
would otherwise give it, and a family that knows the day of an arrest would learn that their
relative is in the ledger. So in public figures each such date counts as the first day of its
month (`to_month`): a day-exact date, a date known only to the month, and any day in that month
all count from the 1st. Applied alike to every kind of event (arrest, designation, release,
re-arrest, death, deportation) and to the custody intervals folded from them.

The person's events are folded at their exact dates first, in their true order, and only then
are the dates moved (`interval_to_month`): moving them before folding would put a release
before the arrest it ends when both fall in one month. An interval whose start and end fall in
one month becomes `[1st, 1st)`: never in the stock on any day, but one in and one out in that
month's flows (so stock(t1) = stock(t0) + inflow - outflow still holds). An uncertain date
keeps its uncertainty at month grain: its earliest and latest days each move to the first of
their month, so one spanning several months stays uncertain between those first days. Every
figure's dependence on such a person then changes only on first days of months.

Knowledge time too: "as known on K" (`core.bitemporal`) would otherwise tell the day such a
person's record was entered, and so often the day of the news behind it (compare the public
figures as known on two consecutive days). In public answers a month-precise person's records
(first versions, revisions, voids) are known from the first day of the month after the one
they were entered in: as known on K, the public sees them as they were known at the end of
the month before K's (`known_through`). A record entered on 17 March is in no public figure
as known on any day of March, and in those as known on every day from 1 April; the figures
as known on two days of one month never differ by it.

Analysts' figures keep every date exact; this is applied only where public figures are built.
"""

from __future__ import annotations

import calendar
from dataclasses import replace
from datetime import date, datetime, timedelta

from prisonwatch.core.dates import FuzzyDate, Precision
from prisonwatch.core.records import Event
from prisonwatch.core.timeline import Interval


def month_start(day: date) -> date:
    """The first day of `day`'s month."""
    return day.replace(day=1)


def known_through(known_on: date) -> date:
    """The day through which month-precise persons' records are known in a public answer as
    known on `known_on`: the last day of the month before `known_on`'s (a record entered in a
    month is known publicly from the first day of the next). In January of the year 1, which
    has no month before, the first day there is (no record is entered before it)."""
    first = month_start(known_on)
    return first - timedelta(days=1) if first > date.min else first


def to_month(d: FuzzyDate) -> FuzzyDate:
    """The date as public figures count it: earliest and latest each on the 1st of its month."""
    first, last = month_start(d.earliest), month_start(d.latest)
    if first == d.earliest and last == d.latest:
        return d
    return FuzzyDate(first, last, Precision.DAY if first == last else Precision.INTERVAL)


def whole_months(d: FuzzyDate) -> FuzzyDate:
    """The date as a public record gives it for a month-precise person: the whole months it
    falls in (a day in March 2025 is "2025-03"; a span from March into May, March to May)."""
    first = month_start(d.earliest)
    last = d.latest.replace(day=calendar.monthrange(d.latest.year, d.latest.month)[1])
    precision = Precision.MONTH if (first.year, first.month) == (last.year, last.month) else None
    return FuzzyDate(first, last, precision or Precision.INTERVAL)


def entered_month(at: datetime) -> datetime:
    """When a record of a month-precise person was entered, as a public record gives it: the
    first moment of its month."""
    return datetime.combine(month_start(at.date()), datetime.min.time(), at.tzinfo)


def event_to_month(e: Event) -> Event:
    """The event dated as public figures count it (`to_month`); the term's end is left as it
    is (public figures never split protected persons by term end)."""
    moved = to_month(e.date)
    return e if moved is e.date else replace(e, date=moved)


def interval_to_month(iv: Interval) -> Interval:
    """A custody or political interval folded at exact dates, its start and end moved to
    month precision (`to_month`)."""
    start = to_month(iv.start)
    end = None if iv.end is None else to_month(iv.end)
    if start is iv.start and end is iv.end:
        return iv
    return iv._replace(start=start, end=end)


def intervals_to_month(intervals: list[Interval]) -> list[Interval]:
    return [interval_to_month(iv) for iv in intervals]
