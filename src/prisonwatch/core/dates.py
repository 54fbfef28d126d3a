"""Dates as sources state them: a day, a month, a year, or an uncertain interval.

A release "in September 2025" did happen on one day, but the ledger only knows the month. A
`FuzzyDate` keeps that honesty: it is the closed range of days on which the thing may have
happened, together with the text it was written as, so figures derived from it can be given as
bounds rather than as a false exact number.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class Precision(StrEnum):
    """How precisely a source stated when something happened."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    INTERVAL = "interval"


class DateError(ValueError):
    """A date text that cannot be read as a day, month, year or interval."""


_PART = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, slots=True, order=True)
class FuzzyDate:
    """The closed range of days `[earliest, latest]` on which an event happened."""

    earliest: date
    latest: date
    precision: Precision

    @property
    def exact(self) -> bool:
        """True when the day is known."""
        return self.earliest == self.latest

    def contains(self, day: date) -> bool:
        return self.earliest <= day <= self.latest

    def __str__(self) -> str:
        return format_fuzzy(self)

    @classmethod
    def day(cls, d: date) -> FuzzyDate:
        return cls(d, d, Precision.DAY)


def _parse_part(text: str) -> FuzzyDate:
    m = _PART.match(text)
    if not m:
        raise DateError(f"not a date: {text!r} (expected YYYY, YYYY-MM, YYYY-MM-DD or A/B)")
    year = int(m.group(1))
    try:
        if m.group(3):
            d = date(year, int(m.group(2)), int(m.group(3)))
            return FuzzyDate(d, d, Precision.DAY)
        if m.group(2):
            month = int(m.group(2))
            first = date(year, month, 1)
            last = date(year, month, calendar.monthrange(year, month)[1])
            return FuzzyDate(first, last, Precision.MONTH)
        if year < 1:
            raise DateError(f"not a date: {text!r} (year out of range)")
        return FuzzyDate(date(year, 1, 1), date(year, 12, 31), Precision.YEAR)
    except ValueError as exc:
        if isinstance(exc, DateError):
            raise
        raise DateError(f"not a date: {text!r} ({exc})") from None


_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _spreadsheet_form(text: str) -> DateError | None:
    """The error for a day as spreadsheets write it (`12.03.2021`, `3/7/2022`), saying which
    ISO day to write; None for other text. A dotted day is day-first wherever it is written;
    a slashed one is day-first in Europe and month-first in the United States, so both
    readings are named unless only one is a date."""
    dotted = _DOTTED.match(text)
    if dotted:
        iso = _iso(int(dotted[3]), int(dotted[2]), int(dotted[1]))
        if iso:
            return DateError(f"not a date: {text!r} (write the day as {iso})")
    slashed = _SLASHED.match(text)
    if slashed:
        a, b, year = int(slashed[1]), int(slashed[2]), int(slashed[3])
        readings = list(dict.fromkeys(r for r in (_iso(year, b, a), _iso(year, a, b)) if r))
        if len(readings) == 1:
            return DateError(f"not a date: {text!r} (write the day as {readings[0]})")
        if readings:
            return DateError(
                f"not a date: {text!r} (day and month order unknown: write {readings[0]} "
                f"if it is day/month, {readings[1]} if month/day)"
            )
    return None


def parse_fuzzy(text: str) -> FuzzyDate:
    """Read `2025-09-11`, `2025-09`, `2025` or an interval `2025-09/2025-10`."""
    text = text.strip()
    spreadsheet = _spreadsheet_form(text)
    if spreadsheet is not None:
        raise spreadsheet
    if "/" in text:
        left, _, right = text.partition("/")
        parts: list[FuzzyDate] = []
        for side in (left.strip(), right.strip()):
            try:
                parts.append(_parse_part(side))
            except DateError:  # name the whole value, as written, not one side of it
                raise DateError(
                    f"not a date: {text!r} (an interval A/B is two dates YYYY, YYYY-MM or "
                    f"YYYY-MM-DD; {side!r} is not one)"
                ) from None
        a, b = parts
        if b.latest < a.earliest:
            raise DateError(f"interval ends before it starts: {text!r}")
        return FuzzyDate(a.earliest, b.latest, Precision.INTERVAL)
    return _parse_part(text)


def parse_day(text: str) -> date:
    """Read an exact day `YYYY-MM-DD`; anything less precise is an error."""
    fd = parse_fuzzy(text)
    if fd.precision is not Precision.DAY:
        raise DateError(f"not an exact day: {text!r} (expected YYYY-MM-DD)")
    return fd.earliest


def _format_start(d: date) -> str:
    """The shortest text whose first day is `d`."""
    if (d.month, d.day) == (1, 1):
        return str(d.year)
    if d.day == 1:
        return d.strftime("%Y-%m")
    return d.isoformat()


def _format_end(d: date) -> str:
    """The shortest text whose last day is `d`."""
    if (d.month, d.day) == (12, 31):
        return str(d.year)
    if d == _month_end(d):
        return d.strftime("%Y-%m")
    return d.isoformat()


def format_fuzzy(fd: FuzzyDate) -> str:
    """The shortest text that `parse_fuzzy` reads back as the same range of days."""
    start, end = _format_start(fd.earliest), _format_end(fd.latest)
    if start == end:
        return start
    if fd.exact:
        return fd.earliest.isoformat()
    if fd.precision is Precision.MONTH:
        return fd.earliest.strftime("%Y-%m")
    return f"{start}/{end}"


def _month_end(d: date) -> date:
    return date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])


def max_fuzzy(a: FuzzyDate, b: FuzzyDate) -> FuzzyDate:
    """The later of two uncertain dates: whichever happened last, as a range."""
    if a.earliest >= b.latest:
        return a
    if b.earliest >= a.latest:
        return b
    return FuzzyDate(max(a.earliest, b.earliest), max(a.latest, b.latest), Precision.INTERVAL)


def month_start(d: date) -> date:
    return date(d.year, d.month, 1)


def add_months(d: date, n: int) -> date:
    total = d.year * 12 + (d.month - 1) + n
    return date(total // 12, total % 12 + 1, 1)


def day_before(d: date) -> date:
    return d - timedelta(days=1)
