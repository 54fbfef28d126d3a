"""The view's events held in runs (`EventRuns`) read as the sorted list they stand for, after
any removals and additions, and a change leaves the runs it came from as they were."""

from __future__ import annotations

import pickle
from datetime import date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from prisonwatch.core.dates import parse_fuzzy
from prisonwatch.core.records import Event
from prisonwatch.core.vocabulary import EventKind
from prisonwatch.services import event_runs
from prisonwatch.services.event_runs import EventRuns
from prisonwatch.services.figures import event_order

AT = datetime(2026, 1, 1)


def _event(i: int, day: int) -> Event:
    when = parse_fuzzy((date(2020, 1, 1) + timedelta(days=day)).isoformat())
    return Event(f"e{i}", f"p{i % 7}", EventKind.DETAINED, when, AT)


@settings(max_examples=60, deadline=None)
@given(
    days=st.lists(st.integers(0, 40), max_size=60),
    steps=st.lists(
        st.tuples(st.lists(st.integers(0, 80), max_size=8), st.lists(st.integers(0, 40))),
        max_size=6,
    ),
)
def test_runs_read_as_the_sorted_list_after_any_change(
    days: list[int], steps: list[tuple[list[int], list[int]]]
) -> None:
    event_runs.RUN = 3  # small runs, so that runs are emptied, shared and split
    try:
        held = sorted((_event(i, d) for i, d in enumerate(days)), key=event_order)
        runs = EventRuns(held, event_order)
        n = len(days)
        for drop, add in steps:
            gone = {held[i % len(held)].id: held[i % len(held)] for i in drop if held}
            new = [_event(n + j, d) for j, d in enumerate(add)]
            n += len(add)
            before = list(runs)
            after = runs.changed(list(gone.values()), new)
            assert after is not None
            assert list(runs) == before  # the old runs are left as they were
            held = sorted([e for e in held if e.id not in gone] + new, key=event_order)
            assert list(after) == held and len(after) == len(held) and after == held
            assert [after[i] for i in range(len(held))] == held
            assert after[1:4] == held[1:4]
            assert pickle.loads(pickle.dumps(after)) == held
            runs = after
        assert runs.changed([_event(10_000, 3)], []) is None  # not held: load afresh
    finally:
        event_runs.RUN = 2048
