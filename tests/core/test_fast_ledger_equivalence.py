"""The fast fold, stock index, series and tallies give exactly what the plain code gave.

Issue #15 made the hot paths of the statistics faster: the fold sorts each timeline once, and
a full stock index is built column by column with numpy (`services.bulk_index`).
`tests/core/reference_ledger.py` is the code as it was. On generated ledgers with every event
kind, uncertain dates (months, years, intervals), ties on the same day, events in any order,
problems in the data (a release with no custody, a release dated before its custody) and
designations by several organisations, both must agree on every interval, problem, index
entry, series point and tally, in the same order.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from prisonwatch.core.dates import parse_fuzzy
from prisonwatch.core.ledger import StockIndex, derive, series
from prisonwatch.core.periods import Granularity, periods_between
from prisonwatch.core.records import Event
from prisonwatch.core.tallies import tally
from prisonwatch.core.vocabulary import EventKind, ReleaseMechanism
from prisonwatch.services.bulk_index import stock_index
from tests.core import reference_ledger as ref

BASE = date(2020, 1, 1)
ORGS = [None, "Viasna", "viasna", "Memorial"]
T0 = datetime(2026, 1, 1)


@st.composite
def date_texts(draw: st.DrawFn) -> str:
    day = BASE + timedelta(days=draw(st.integers(0, 900)))
    shape = draw(st.sampled_from(["day", "day", "day", "month", "year", "interval"]))
    if shape == "month":
        return day.strftime("%Y-%m")
    if shape == "year":
        return str(day.year)
    if shape == "interval":
        later = day + timedelta(days=draw(st.integers(0, 120)))
        return f"{day.isoformat()}/{later.isoformat()}"
    return day.isoformat()


@st.composite
def person_events(draw: st.DrawFn, pid: str) -> list[Event]:
    n = draw(st.integers(0, 8))
    out: list[Event] = []
    for _ in range(n):
        kind = draw(st.sampled_from(list(EventKind)))
        out.append(
            Event(
                id=f"{pid}-e{draw(st.integers(0, 40))}-{len(out)}",
                person_id=pid,
                kind=kind,
                date=parse_fuzzy(draw(date_texts())),
                recorded_at=T0,
                mechanism=draw(st.none() | st.sampled_from(list(ReleaseMechanism))),
                organisation=draw(st.sampled_from(ORGS)),
                deal_id=draw(st.sampled_from([None, "d1", "d2"])),
            )
        )
    return out


registries = st.integers(1, 12).flatmap(
    lambda n: st.tuples(*[person_events(f"p{i}") for i in range(n)]).map(
        lambda groups: [e for g in groups for e in g]
    )
)


def _index_state(index: StockIndex | ref.StockIndex) -> tuple[object, ...]:
    def edges(e: object) -> tuple[object, object]:
        return list(e.exact), dict(e.fuzzy)  # type: ignore[attr-defined]

    return (
        list(index.sure_starts),
        list(index.sure_ends),
        list(index.maybe_starts),
        list(index.maybe_ends),
        edges(index.starts),
        edges(index.ends),
        {m: edges(e) for m, e in index.ends_by_mechanism.items()},
    )


@settings(max_examples=300, deadline=None)
@given(registries, st.data())
def test_fast_code_equals_reference(events: list[Event], data: st.DataObject) -> None:
    events = data.draw(st.permutations(events))
    organisation = data.draw(st.sampled_from([None, "Viasna", "memorial", "nobody"]))
    fast, slow = derive(events, organisation), ref.derive(events, organisation)
    assert list(fast.custody.items()) == list(slow.custody.items())
    assert fast.political == slow.political
    assert fast.problems == slow.problems

    index, ref_index = stock_index(fast.political), ref.StockIndex.build(slow.political)
    assert _index_state(index) == _index_state(ref_index)
    assert _index_state(StockIndex.build(fast.political)) == _index_state(ref_index)

    for by, start, end in (
        (Granularity.MONTH, date(2019, 11, 1), date(2023, 2, 28)),
        (Granularity.YEAR, date(2019, 1, 1), date(2023, 12, 31)),
        (Granularity.DAY, BASE + timedelta(days=data.draw(st.integers(0, 880))), None),
    ):
        if end is None:
            end = start + timedelta(days=20)
        periods = periods_between(start, end, by)
        got = [
            (p.period, p.stock, p.inflow, p.outflow, list(p.outflow_by_mechanism.items()))
            for p in series(index, periods)
        ]
        want = [(p, s, i, o, list(m.items())) for p, s, i, o, m in ref.series(ref_index, periods)]
        assert got == want
        fast_tally = tally(events, periods, organisation)
        slow_tally = ref.tally(events, periods, organisation)
        assert [list(c.items()) for c in fast_tally] == [list(c.items()) for c in slow_tally]
