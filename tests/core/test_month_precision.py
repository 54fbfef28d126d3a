"""Month precision (`core.month_precision`): a person's custody folded at exact dates, then
moved to the first of each month, depends on the months alone and moves the stock only on
first days of months; stock and flows still agree."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from hypothesis import assume, given
from hypothesis import strategies as st

from prisonwatch.core.bitemporal import cutoff
from prisonwatch.core.dates import FuzzyDate, Precision
from prisonwatch.core.ledger import StockIndex, fold_person, identity
from prisonwatch.core.month_precision import (
    entered_month,
    event_to_month,
    intervals_to_month,
    known_through,
    to_month,
    whole_months,
)
from prisonwatch.core.records import Event
from prisonwatch.core.vocabulary import EventKind, ReleaseMechanism

AT = datetime(2026, 1, 1)
START = date(2024, 1, 1)

# each custody change as (months after the previous one, day in its month 1..28)
changes = st.lists(st.tuples(st.integers(0, 2), st.integers(1, 28)), min_size=1, max_size=8)


def _events(steps: list[tuple[int, int]], days: list[int]) -> list[Event]:
    """Arrest, release, re-arrest, ... at the months `steps` give, on `days`; a designation
    with the first arrest. Two changes in one month keep their order (days made increasing)."""
    out, month, last = [], 0, (0, 0)
    for i, ((gap, _), day) in enumerate(zip(steps, days, strict=True)):
        month += gap
        if (month, day) <= last:  # same month: keep the order
            day = last[1] + 1 if last[0] == month else day
        if day > 28:
            month, day = month + 1, 1
        last = (month, day)
        y, m = divmod(START.month - 1 + month, 12)
        d = FuzzyDate.day(date(START.year + y, m + 1, day))
        kind = EventKind.DETAINED if i % 2 == 0 else EventKind.RELEASED
        mech = ReleaseMechanism.PARDON if kind is EventKind.RELEASED else None
        out.append(Event(f"e{i}", "p", kind, d, AT, mechanism=mech))
        if i == 0:
            out.append(Event("des", "p", EventKind.DESIGNATED, d, AT, organisation="Viasna"))
    return out


def _coarse(events: list[Event]) -> list[tuple[date, date | None]]:
    fold = fold_person(events)
    return [
        (iv.start.earliest, iv.end.earliest if iv.end else None)
        for iv in intervals_to_month(fold.political)
    ]


@given(changes, st.lists(st.integers(1, 28), min_size=8, max_size=8))
def test_the_public_fold_depends_on_the_months_alone(
    steps: list[tuple[int, int]], other_days: list[int]
) -> None:
    days = [d for _, d in steps]
    a = _events(steps, days)
    b = _events(steps, other_days[: len(steps)])
    # the order-keeping shift may move one to the next month: then it is another case
    assume([month_of(e) for e in a] == [month_of(e) for e in b])
    assert _coarse(a) == _coarse(b)
    assert sorted(map(event_to_month, a), key=lambda e: e.id) == sorted(
        map(event_to_month, b), key=lambda e: e.id
    )


def month_of(e: Event) -> tuple[int, int]:
    return e.date.earliest.year, e.date.earliest.month


@given(changes)
def test_the_stock_moves_only_on_first_days_and_the_identity_holds(
    steps: list[tuple[int, int]],
) -> None:
    events = _events(steps, [d for _, d in steps])
    intervals = intervals_to_month(fold_person(events).political)
    index = StockIndex.build(intervals)
    day = START
    while day < date(START.year + 3, 1, 1):
        nxt = day + timedelta(days=1)
        if nxt.day != 1:
            assert index.stock_on(nxt) == index.stock_on(day), nxt
        day = nxt
    assert identity(index, START, date(START.year + 2, 12, 31)).holds


def test_an_uncertain_date_keeps_its_months() -> None:
    may = FuzzyDate(date(2025, 5, 1), date(2025, 5, 31), Precision.MONTH)
    assert to_month(may) == FuzzyDate.day(date(2025, 5, 1))
    span = FuzzyDate(date(2025, 5, 20), date(2025, 7, 3), Precision.INTERVAL)
    assert to_month(span) == FuzzyDate(date(2025, 5, 1), date(2025, 7, 1), Precision.INTERVAL)
    first = FuzzyDate.day(date(2025, 5, 1))
    assert to_month(first) is first


def test_jailed_and_freed_in_one_month_is_flow_not_stock() -> None:
    events = _events([(0, 5), (0, 20)], [5, 20])
    intervals = intervals_to_month(fold_person(events).political)
    index = StockIndex.build(intervals)
    jan1, jan31 = date(2024, 1, 1), date(2024, 1, 31)
    assert index.stock_on(jan1).high == index.stock_on(jan31).high == 0
    assert index.inflow(date(2023, 12, 31), jan31).low == 1
    assert index.outflow(date(2023, 12, 31), jan31).low == 1


days = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))


@given(days, days, st.times())
def test_a_record_is_publicly_known_from_the_first_of_the_next_month(
    known_on: date, entered: date, at: time
) -> None:
    """As known on K, a month-precise person's record entered at any moment of a month is
    known exactly when K is in a later month: never before it was entered, and the same on
    every day of K's month."""
    moment = datetime.combine(entered, at)
    known = moment <= cutoff(known_through(known_on))
    assert known == ((entered.year, entered.month) < (known_on.year, known_on.month))


@given(days, days)
def test_whole_months_and_entered_month_keep_only_the_month(a: date, b: date) -> None:
    first, last = min(a, b), max(a, b)
    d = whole_months(FuzzyDate(first, last, Precision.INTERVAL))
    assert d.earliest == first.replace(day=1) and d.latest.month == last.month
    assert (d.latest + timedelta(days=1)).day == 1
    moved = whole_months(FuzzyDate.day(a.replace(day=1 + (a.day * 7) % 28)))
    assert moved == whole_months(FuzzyDate.day(a))
    assert entered_month(datetime.combine(a, datetime.max.time())) == datetime(a.year, a.month, 1)


def test_known_through_in_the_first_month_there_is() -> None:
    """As known on a day of January of the year 1 (an API parameter can ask it), there is no
    month before: the answer is the first day there is, not an error (the deals API answered
    500 "date value out of range")."""
    assert known_through(date(1, 1, 17)) == date.min
    assert known_through(date(1, 2, 17)) == date(1, 1, 31)
