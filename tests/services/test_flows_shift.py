"""The series flows a view remembers, moved on by the intervals a write took out and put in,
equal the flows counted afresh on the new stock index, period by period.

`View._flows_after` counts again only the periods a moved interval's start or end may fall in
(exact days and uncertain months or years, ends by every release mechanism); this checks it
against `core.ledger.series` on the whole new index, for series by day, month and year, with
mechanisms that appear or vanish, and for periods not in order (counted in full).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from prisonwatch.core.dates import FuzzyDate, Precision
from prisonwatch.core.ledger import StockIndex, series
from prisonwatch.core.periods import Granularity, periods_between
from prisonwatch.core.records import Event
from prisonwatch.core.tallies import tally
from prisonwatch.core.timeline import Interval
from prisonwatch.core.vocabulary import RECOGNITION, EventKind, ReleaseMechanism
from prisonwatch.services.figures import View

START = date(2019, 1, 1)
AT = datetime(2026, 1, 1)


@st.composite
def fuzzy(draw: st.DrawFn) -> FuzzyDate:
    day = START + timedelta(days=draw(st.integers(0, 4 * 365)))
    kind = draw(st.sampled_from([Precision.DAY, Precision.DAY, Precision.MONTH, Precision.YEAR]))
    if kind is Precision.MONTH:
        first = day.replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return FuzzyDate(first, last, kind)
    if kind is Precision.YEAR:
        return FuzzyDate(date(day.year, 1, 1), date(day.year, 12, 31), kind)
    return FuzzyDate.day(day)


@st.composite
def interval(draw: st.DrawFn) -> Interval:
    start = draw(fuzzy())
    end = draw(st.one_of(st.none(), fuzzy()))
    if end is not None and end.latest < start.earliest:
        start, end = end, start
    kind, mech = draw(
        st.sampled_from(
            [
                (EventKind.RELEASED, ReleaseMechanism.PARDON),
                (EventKind.RELEASED, ReleaseMechanism.DEAL),
                (EventKind.RELEASED, ReleaseMechanism.TERM_SERVED),
                (EventKind.DIED, None),
            ]
        )
    )
    return Interval(
        f"p{draw(st.integers(0, 50))}",
        start,
        end,
        "e",
        None if end is None else "f",
        None if end is None else kind,
        None if end is None else mech,
    )


def _view(intervals: list[Interval], keys: list[tuple]) -> View:  # type: ignore[type-arg]
    view = View({}, [], [], [], {}, StockIndex.build(intervals), [], {})
    for periods in keys:
        view.series(periods)  # remembered
    return view


def _flows(index: StockIndex, periods: tuple) -> list:  # type: ignore[type-arg]
    return [(p.inflow, p.outflow, p.outflow_by_mechanism) for p in series(index, periods)]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(interval(), min_size=0, max_size=30),
    st.data(),
)
def test_flows_moved_on_equal_flows_counted_afresh(
    kept: list[Interval], data: st.DataObject
) -> None:
    gone = data.draw(st.lists(st.sampled_from(kept), unique=True) if kept else st.just([]))
    come = data.draw(st.lists(interval(), max_size=4))
    keys = [
        tuple(periods_between(date(2018, 6, 1), date(2023, 6, 30), Granularity.MONTH)),
        tuple(periods_between(date(2020, 1, 1), date(2020, 12, 31), Granularity.DAY)),
        tuple(periods_between(date(2018, 1, 1), date(2024, 12, 31), Granularity.YEAR)),
        tuple(reversed(periods_between(date(2019, 1, 1), date(2021, 12, 31), Granularity.MONTH))),
    ]
    view = _view(kept, keys)
    index = view.index.replaced(gone, come)
    after = view._flows_after(gone, come, index)
    for periods in keys:
        assert after[periods] == _flows(index, periods), periods


@st.composite
def event(draw: st.DrawFn) -> Event:
    kind, mech = draw(
        st.sampled_from(
            [
                (EventKind.DETAINED, None),
                (EventKind.RELEASED, ReleaseMechanism.PARDON),
                (EventKind.RELEASED, None),
                (EventKind.DESIGNATED, None),
                (EventKind.DIED, None),
            ]
        )
    )
    org = draw(st.sampled_from(["Viasna", "Memorial", None])) if kind in RECOGNITION else None
    return Event(
        f"e{draw(st.integers(0, 10**6))}",
        f"p{draw(st.integers(0, 20))}",
        kind,
        draw(fuzzy()),
        AT,
        mechanism=mech,
        organisation=org,
    )


@settings(max_examples=200, deadline=None)
@given(st.lists(event(), max_size=30), st.data())
def test_tallies_moved_on_equal_tallies_counted_afresh(
    kept: list[Event], data: st.DataObject
) -> None:
    """The remembered tallies (events by kind, mechanism and organisation per period), moved on
    by the events a write took out and put in, counting only the periods those events' dates
    overlap, equal the tallies counted afresh: by day, month and year, an organisation's, and
    periods not in order (counted in full)."""
    out = data.draw(st.sets(st.integers(0, len(kept) - 1)) if kept else st.just(set()))
    removed = [e for i, e in enumerate(kept) if i in out]
    added = data.draw(st.lists(event(), max_size=4))
    keys = [
        (tuple(periods_between(date(2018, 6, 1), date(2023, 6, 30), Granularity.MONTH)), None),
        (tuple(periods_between(date(2020, 1, 1), date(2020, 12, 31), Granularity.DAY)), None),
        (tuple(periods_between(date(2018, 1, 1), date(2024, 12, 31), Granularity.YEAR)), "Viasna"),
        (
            tuple(
                reversed(periods_between(date(2019, 1, 1), date(2021, 12, 31), Granularity.MONTH))
            ),
            None,
        ),
    ]
    view = View({}, kept, [], [], {}, StockIndex.build([]), [], {})
    for periods, org in keys:
        view.tally(periods, org)  # remembered
    after, _ = view._memos_after(removed, added)
    now = [e for i, e in enumerate(kept) if i not in out] + added
    for periods, org in keys:
        assert after[(periods, org)] == tally(now, periods, org), (periods[0], org)
