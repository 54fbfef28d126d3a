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

from bisect import bisect_left, bisect_right, insort
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

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
    outflow_reason,
)


@dataclass(frozen=True, slots=True)
class Derived:
    """What the registry's events mean: custody per person and political-prisoner intervals."""

    custody: dict[str, list[Interval]]
    political: list[Interval]
    problems: list[Problem]
    organisation: str | None = None
    political_by_person: dict[str, list[Interval]] = field(default_factory=dict)
    """The same political intervals by person, so that one person's can be replaced."""
    problems_by_person: dict[str, list[Problem]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PersonFold:
    """One person's status-changing events folded: custody, political-prisoner intervals and
    the problems found."""

    custody: list[Interval]
    political: list[Interval]
    problems: list[Problem]


def fold_person(events: Sequence[Event], organisation: str | None = None) -> PersonFold:
    """Fold one person's effective events (any order, any kinds): what `derive` does for each
    person, so that a change to one person re-folds that person alone."""
    evs = sorted((ev for ev in events if ev.kind in STATUS_CHANGING), key=sort_key)
    if not evs:
        return PersonFold([], [], [])
    intervals, found = fold_sorted(evs)
    political: list[Interval] = []
    if intervals:
        designation = first_designation_sorted(evs, organisation)
        if designation is not None:
            political = political_intervals(intervals, designation)
    return PersonFold(intervals, political, list(found))


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
    by_person: dict[str, list[Interval]] = {}
    problems_by: dict[str, list[Problem]] = {}
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
                problems_by[person_id] = list(found)
            if intervals:
                designation = first_designation_sorted(evs, organisation)
                if designation is not None:
                    mine = political_intervals(intervals, designation)
                    if mine:
                        political.extend(mine)
                        by_person[person_id] = mine
    return Derived(custody, political, problems, organisation, by_person, problems_by)


EdgeColumns = tuple[list[int], Counter[tuple[int, int]]]
"""Start or end days: the exact ones sorted, the uncertain (earliest, latest) ranges counted."""


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

    def replaced(self, removed: _Edges | None, added: _Edges | None) -> _Edges:
        """A new set of edges without `removed`'s and with `added`'s (self is unchanged)."""
        gone = removed or _Edges()
        come = added or _Edges()
        if not (gone.exact or gone.fuzzy or come.exact or come.fuzzy):
            return self
        out = _Edges()
        out.exact = _sorted_replaced(self.exact, gone.exact, come.exact)
        fuzzy = self.fuzzy.copy()
        fuzzy.subtract(gone.fuzzy)
        fuzzy.update(come.fuzzy)
        out.fuzzy = Counter({k: n for k, n in fuzzy.items() if n > 0})
        return out

    @classmethod
    def of(cls, exact: list[int], fuzzy: Counter[tuple[int, int]]) -> _Edges:
        """Edges already split: exact days sorted, uncertain ranges counted."""
        edges = cls()
        edges.exact, edges.fuzzy = exact, fuzzy
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


def _sorted_replaced(values: list[int], removed: list[int], added: list[int]) -> list[int]:
    """A copy of the sorted `values` with each of `removed` taken out once and `added` put in,
    still sorted. Raises ValueError when a removed value is not there (the caller's state and
    the index disagree: a bug, never papered over)."""
    out = list(values)
    for v in removed:
        at = bisect_left(out, v)
        if at == len(out) or out[at] != v:
            raise ValueError(f"stock index: no edge {v} to remove")
        del out[at]
    for v in added:
        insort(out, v)
    return out


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
        idx = cls()
        starts: list[tuple[int, int]] = []
        ends: list[tuple[int, int]] = []
        by_mech: dict[str, list[tuple[int, int]]] = defaultdict(list)
        sure_starts, sure_ends = idx.sure_starts, idx.sure_ends
        maybe_starts, maybe_ends = idx.maybe_starts, idx.maybe_ends
        with paused_gc():
            for iv in intervals:
                start, end = iv.start, iv.end
                s_e, s_l = start.earliest.toordinal(), start.latest.toordinal()
                starts.append((s_e, s_l))
                maybe_starts.append(s_e)
                if end is None:
                    sure_starts.append(s_l)
                    continue
                e_e, e_l = end.earliest.toordinal(), end.latest.toordinal()
                ends.append((e_e, e_l))
                maybe_ends.append(e_l)
                if s_l < e_e:  # surely held on some day
                    sure_starts.append(s_l)
                    sure_ends.append(e_e)
                by_mech[outflow_reason(iv.end_kind, iv.mechanism)].append((e_e, e_l))
            for lst in (sure_starts, sure_ends, maybe_starts, maybe_ends):
                lst.sort()
            idx.starts, idx.ends = _Edges(starts), _Edges(ends)
            idx.ends_by_mechanism = {m: _Edges(ds) for m, ds in by_mech.items()}
        return idx

    def replaced(self, removed: Sequence[Interval], added: Sequence[Interval]) -> StockIndex:
        """A new index with the `removed` intervals taken out and the `added` ones put in (this
        one is left as it is, for readers still holding it): what a change to a few persons
        does to the stock, without sorting everything again."""
        if not removed and not added:
            return self
        old, new = StockIndex.build(removed), StockIndex.build(added)
        lists = {}
        for name in ("sure_starts", "sure_ends", "maybe_starts", "maybe_ends"):
            mine, gone, come = getattr(self, name), getattr(old, name), getattr(new, name)
            lists[name] = _sorted_replaced(mine, gone, come) if gone or come else mine
        mechs = set(old.ends_by_mechanism) | set(new.ends_by_mechanism)
        by_mech = dict(self.ends_by_mechanism)
        for m in mechs:
            edges = by_mech.get(m, _Edges()).replaced(
                old.ends_by_mechanism.get(m), new.ends_by_mechanism.get(m)
            )
            if edges.exact or edges.fuzzy:
                by_mech[m] = edges
            else:
                by_mech.pop(m, None)
        return StockIndex(
            lists["sure_starts"],
            lists["sure_ends"],
            lists["maybe_starts"],
            lists["maybe_ends"],
            self.starts.replaced(old.starts, new.starts),
            self.ends.replaced(old.ends, new.ends),
            by_mech,
        )

    @classmethod
    def from_columns(
        cls,
        sure: tuple[list[int], list[int]],
        maybe: tuple[list[int], list[int]],
        starts: EdgeColumns,
        ends: EdgeColumns,
        ends_by_mechanism: dict[str, EdgeColumns],
    ) -> StockIndex:
        """An index from columns already split, sorted and counted elsewhere: the same index
        `build` makes, for a bulk build done column by column (`services.bulk_index`, numpy)."""
        return cls(
            sure[0],
            sure[1],
            maybe[0],
            maybe[1],
            _Edges.of(*starts),
            _Edges.of(*ends),
            {m: _Edges.of(*e) for m, e in ends_by_mechanism.items()},
        )

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
        """stock(t0) + inflow - outflow, each side's bounds combined as if independent.

        The three bounds are not independent: each is reached by its own way of resolving the
        uncertain dates, and a period that ends in `(t0, t1]` was held at t0 or began in the
        window, so in every resolution the sum is the number held at t1, never below 0. The
        naive lower bound (stock low + inflow low - outflow high) can still fall below 0 (the
        demo's "-3 to 43"); a count of persons cannot, so the shown lower bound is clamped at 0.
        This hides no inconsistency: `holds` compares with stock(t1), which is never below 0,
        so the clamp cannot turn a failing check into a passing one; and when even the upper
        bound is below 0 (records that truly contradict each other) nothing is clamped.
        """
        raw = self.stock_t0 + self.inflow - self.outflow
        if raw.low < 0 <= raw.high:
            return Bounds(0, raw.high)
        return raw

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
