"""Calendar periods (day, month, year) over which flows are counted and series are drawn."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from prisonwatch.core.dates import add_months


class Granularity(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True, slots=True)
class Period:
    """The days `first` to `last`, both included, named by `label` (`2025-09`, `2025`)."""

    label: str
    first: date
    last: date


def _period_of(day: date, by: Granularity) -> Period:
    if by is Granularity.DAY:
        return Period(day.isoformat(), day, day)
    if by is Granularity.MONTH:
        first = date(day.year, day.month, 1)
        return Period(first.strftime("%Y-%m"), first, add_months(first, 1) - timedelta(days=1))
    return Period(str(day.year), date(day.year, 1, 1), date(day.year, 12, 31))


def periods_between(start: date, end: date, by: Granularity) -> list[Period]:
    """Every period of granularity `by` that overlaps `[start, end]`, in order."""
    if end < start:
        return []
    out: list[Period] = []
    p = _period_of(start, by)
    while p.first <= end:
        out.append(p)
        p = _period_of(p.last + timedelta(days=1), by)
    return out
