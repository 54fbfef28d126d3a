"""The ledger's figures: stock of political prisoners on a day, and the flows in and out.

Everything is derived from the registry's events by `derive`, which folds each person's
timeline (see `core.timeline`). Uncertain dates make figures into `Bounds`:
- someone is surely held on day t when custody surely began by t and surely had not ended;
- possibly held when custody may have begun by t and may not yet have ended.
A release known only as "September" therefore leaves every day of September uncertain.

Flows count interval starts (inflow) and ends (outflow) within a period, so that for exact dates
stock(t1) = stock(t0) + inflow(t0, t1] - outflow(t0, t1] holds (see `identity`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import compress, repeat
from operator import attrgetter, is_not

import numpy as np
import numpy.typing as npt

from prisonwatch.core.bounds import Bounds
from prisonwatch.core.bulk import paused_gc
from prisonwatch.core.periods import Period
from prisonwatch.core.problems import Problem
from prisonwatch.core.records import Event
from prisonwatch.core.timeline import (
    Interval,
    first_designation_sorted,
    fold_sorted,
    political_intervals,
    sort_key,
)
from prisonwatch.core.vocabulary import (
    STATUS_CHANGING,
    EventKind,
    ReleaseMechanism,
    outflow_reason,
)


@dataclass(frozen=True, slots=True)
class Derived:
    """What the registry's events mean: custody per person and political-prisoner intervals."""

    custody: dict[str, list[Interval]]
    political: list[Interval]
    problems: list[Problem]
    organisation: str | None = None


def group_by_person(events: Iterable[Event]) -> dict[str, list[Event]]:
    groups: dict[str, list[Event]] = defaultdict(list)
    for ev in events:
        groups[ev.person_id].append(ev)
    return groups


def derive(events: Iterable[Event], organisation: str | None = None) -> Derived:
    """Fold every person's effective events; `organisation` limits which designations count.

    Only events that start or end custody or recognise a prisoner change status, so the others
    are left out before grouping.
    """
    custody: dict[str, list[Interval]] = {}
    political: list[Interval] = []
    problems: list[Problem] = []
    with paused_gc():
        groups: dict[str, list[Event]] = defaultdict(list)
        for ev in events:
            if ev.kind in STATUS_CHANGING:
                groups[ev.person_id].append(ev)
        for person_id, evs in groups.items():
            evs.sort(key=sort_key)
            intervals, found = fold_sorted(evs)
            custody[person_id] = intervals
            if found:
                problems.extend(found)
            if intervals:
                designation = first_designation_sorted(evs, organisation)
                if designation is not None:
                    political.extend(political_intervals(intervals, designation))
    return Derived(custody, political, problems, organisation)


_DAY_BITS = 22
"""Day numbers (`date.toordinal`, at most 3,652,059) fit in 22 bits, so a pair of them packs
into one 64-bit integer for counting."""
_DAY_MASK = (1 << _DAY_BITS) - 1
_START = attrgetter("start")
_END = attrgetter("end")
_EARLIEST = attrgetter("earliest")
_LATEST = attrgetter("latest")
_END_KIND_AND_MECHANISM = attrgetter("end_kind", "mechanism")


def _days(dates: Iterable[date], n: int) -> npt.NDArray[np.int64]:
    """A column of day numbers."""
    return np.fromiter(map(date.toordinal, dates), np.int64, n)


class _Edges:
    """Start or end dates of intervals, indexed to count how many fall in a range of days.

    Exact days sit in a sorted list (binary search); uncertain ranges are few distinct pairs
    (whole months and years), kept with their multiplicity.
    """

    def __init__(self, pairs: Iterable[tuple[int, int]] = ()) -> None:
        exact: list[int] = []
        fuzzy: Counter[tuple[int, int]] = Counter()
        for pair in pairs:
            if pair[0] == pair[1]:
                exact.append(pair[0])
            else:
                fuzzy[pair] += 1
        exact.sort()
        self.exact = exact
        self.fuzzy = fuzzy

    @classmethod
    def from_arrays(cls, earliest: npt.NDArray[np.int64], latest: npt.NDArray[np.int64]) -> _Edges:
        """The same index from two columns of day numbers (earliest and latest day of each)."""
        edges = cls()
        same = earliest == latest
        edges.exact = np.sort(earliest[same]).tolist()
        fuzzy = ~same
        if fuzzy.any():
            keys, counts = np.unique(
                (earliest[fuzzy] << _DAY_BITS) | latest[fuzzy], return_counts=True
            )
            pairs = zip(keys.tolist(), counts.tolist(), strict=True)
            edges.fuzzy = Counter({(k >> _DAY_BITS, k & _DAY_MASK): c for k, c in pairs})
        return edges

    def between(self, after: int, upto: int) -> Bounds:
        """How many fall in the days `(after, upto]`: surely (low) and possibly (high)."""
        n = bisect_right(self.exact, upto) - bisect_right(self.exact, after)
        low = high = n
        for (e, la), k in self.fuzzy.items():
            if la > after and e <= upto:
                high += k
                if e > after and la <= upto:
                    low += k
        return Bounds(low, high)


@dataclass(slots=True)
class StockIndex:
    """Political-prisoner intervals arranged so that the stock on any day is two searches."""

    sure_starts: list[int] = field(default_factory=list)
    sure_ends: list[int] = field(default_factory=list)
    maybe_starts: list[int] = field(default_factory=list)
    maybe_ends: list[int] = field(default_factory=list)
    starts: _Edges = field(default_factory=_Edges)
    ends: _Edges = field(default_factory=_Edges)
    ends_by_mechanism: dict[str, _Edges] = field(default_factory=dict)
    """Ends by why the person left the stock: a release mechanism, or `died_in_custody`."""

    @classmethod
    def build(cls, intervals: Sequence[Interval]) -> StockIndex:
        """Index the intervals: their dates are read into columns of day numbers once, and
        sorted and counted with numpy (a million events give some 200,000 intervals)."""
        idx = cls()
        with paused_gc():
            starts = list(map(_START, intervals))
            s_e = _days(map(_EARLIEST, starts), len(starts))
            s_l = _days(map(_LATEST, starts), len(starts))
            closed = np.fromiter(map(is_not, map(_END, intervals), repeat(None)), bool, len(starts))
            ended = list(compress(intervals, closed.tolist()))
            ends = list(map(_END, ended))
            e_e = _days(map(_EARLIEST, ends), len(ends))
            e_l = _days(map(_LATEST, ends), len(ends))
            s_l_closed = s_l[closed]
            surely = s_l_closed < e_e  # surely held on some day
            idx.sure_starts = np.sort(np.concatenate((s_l[~closed], s_l_closed[surely]))).tolist()
            idx.sure_ends = np.sort(e_e[surely]).tolist()
            idx.maybe_starts = np.sort(s_e).tolist()
            idx.maybe_ends = np.sort(e_l).tolist()
            idx.starts = _Edges.from_arrays(s_e, s_l)
            idx.ends = _Edges.from_arrays(e_e, e_l)
            reasons: dict[tuple[EventKind | None, ReleaseMechanism | None], int] = {}
            codes = np.fromiter(
                (
                    reasons.setdefault(pair, len(reasons))
                    for pair in map(_END_KIND_AND_MECHANISM, ended)
                ),
                np.int64,
                len(ended),
            )
            by_mech: dict[str, npt.NDArray[np.bool_]] = {}
            for (kind, mechanism), code in reasons.items():
                reason = outflow_reason(kind, mechanism)
                mask = codes == code
                by_mech[reason] = by_mech[reason] | mask if reason in by_mech else mask
            idx.ends_by_mechanism = {
                m: _Edges.from_arrays(e_e[mask], e_l[mask]) for m, mask in by_mech.items()
            }
        return idx

    def stock_on(self, day: date) -> Bounds:
        """Political prisoners held at the end of `day`."""
        t = day.toordinal()
        low = bisect_right(self.sure_starts, t) - bisect_right(self.sure_ends, t)
        high = bisect_right(self.maybe_starts, t) - bisect_right(self.maybe_ends, t)
        return Bounds(low, high)

    def inflow(self, after: date, upto: date) -> Bounds:
        """Intervals that began in the days `(after, upto]`."""
        return self.starts.between(after.toordinal(), upto.toordinal())

    def outflow(self, after: date, upto: date) -> Bounds:
        """Intervals that ended in the days `(after, upto]`."""
        return self.ends.between(after.toordinal(), upto.toordinal())

    def outflow_by_mechanism(self, after: date, upto: date) -> dict[str, Bounds]:
        a, b = after.toordinal(), upto.toordinal()
        return {m: e.between(a, b) for m, e in sorted(self.ends_by_mechanism.items())}


@dataclass(frozen=True, slots=True)
class IdentityCheck:
    """stock(t1) against stock(t0) + inflow(t0, t1] - outflow(t0, t1]."""

    t0: date
    t1: date
    stock_t0: Bounds
    stock_t1: Bounds
    inflow: Bounds
    outflow: Bounds

    @property
    def expected(self) -> Bounds:
        return self.stock_t0 + self.inflow - self.outflow

    @property
    def holds(self) -> bool:
        """Exact data: equality. Uncertain data: the two sides' bounds must overlap."""
        return self.stock_t1.overlaps(self.expected)


def identity(index: StockIndex, t0: date, t1: date) -> IdentityCheck:
    return IdentityCheck(
        t0=t0,
        t1=t1,
        stock_t0=index.stock_on(t0),
        stock_t1=index.stock_on(t1),
        inflow=index.inflow(t0, t1),
        outflow=index.outflow(t0, t1),
    )


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    """One period of the stock-and-flow series: stock at its last day, flows within it."""

    period: Period
    stock: Bounds
    inflow: Bounds
    outflow: Bounds
    outflow_by_mechanism: dict[str, Bounds]


def series(index: StockIndex, periods: Sequence[Period]) -> list[SeriesPoint]:
    out: list[SeriesPoint] = []
    for p in periods:
        before = p.first - timedelta(days=1)
        out.append(
            SeriesPoint(
                period=p,
                stock=index.stock_on(p.last),
                inflow=index.inflow(before, p.last),
                outflow=index.outflow(before, p.last),
                outflow_by_mechanism=index.outflow_by_mechanism(before, p.last),
            )
        )
    return out
