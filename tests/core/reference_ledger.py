"""The ledger's fold, stock index and tallies as they were before they were made faster
(issue #15): a frozen copy, kept only so that a property test can check that the fast code
gives exactly the same answers on generated ledgers. Not used by the application. It follows
the domain's rules where they changed since (an organisation is one identity under any
declared spelling, `core.organisations`): the copy checks speed-ups, not the rules.
"""

# ruff: noqa
# mypy: ignore-errors

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from prisonwatch.core.bounds import Bounds
from prisonwatch.core.bulk import paused_gc
from prisonwatch.core.dates import max_fuzzy
from prisonwatch.core.periods import Period
from prisonwatch.core.problems import Problem
from prisonwatch.core.organisations import canonical_organisation
from prisonwatch.core.records import Event
from prisonwatch.core.timeline import Interval
from prisonwatch.core.vocabulary import (
    CUSTODY_END,
    CUSTODY_START,
    RECOGNITION,
    STATUS_CHANGING,
    EventKind,
    ReleaseMechanism,
    organisation_matches,
    outflow_reason,
)

_ORDER = {kind: i for i, kind in enumerate(EventKind)}


@dataclass(frozen=True, slots=True)
class Derived:
    custody: dict[str, list[Interval]]
    political: list[Interval]
    problems: list[Problem]
    organisation: str | None = None


def sort_key(event: Event) -> tuple[date, date, int, str]:
    return (event.date.earliest, event.date.latest, _ORDER[event.kind], event.id)


def _end_mechanism(event: Event) -> ReleaseMechanism | None:
    if event.kind is EventKind.RELEASED:
        return event.mechanism or ReleaseMechanism.UNKNOWN
    if event.kind is EventKind.DEPORTED:
        return ReleaseMechanism.DEPORTATION
    return None


def fold_custody(events: Sequence[Event]) -> tuple[list[Interval], list[Problem]]:
    """Fold one person's events (any order) into custody intervals and the problems found."""
    intervals: list[Interval] = []
    problems: list[Problem] = []
    open_start: Event | None = None
    implied = False
    for ev in sorted(events, key=sort_key):
        kind = ev.kind
        if kind in CUSTODY_START or (kind is EventKind.DESIGNATED and not intervals):
            if open_start is None:
                open_start, implied = ev, kind is EventKind.DESIGNATED
            elif kind is EventKind.RETURNED_TO_CUSTODY:  # the rule added in session 6
                problems.append(
                    Problem(
                        ev.id,
                        "kind",
                        f"returned_to_custody on {ev.date} while held since "
                        f"{open_start.date} ({open_start.id}) with no release between",
                    )
                )
        elif kind in CUSTODY_END:
            if open_start is None:
                if kind not in (EventKind.DEPORTED, EventKind.DIED):
                    problems.append(
                        Problem(
                            ev.id, "kind", f"{kind.value} on {ev.date} with no custody before it"
                        )
                    )
                continue
            if ev.date.latest < open_start.date.earliest:
                problems.append(Problem(ev.id, "date", f"{kind.value} before custody began"))
                continue
            intervals.append(
                Interval(
                    ev.person_id,
                    open_start.date,
                    ev.date,
                    open_start.id,
                    ev.id,
                    kind,
                    _end_mechanism(ev),
                    ev.deal_id,
                    implied,
                )
            )
            open_start = None
    if open_start is not None:
        intervals.append(
            Interval(
                person_id=open_start.person_id,
                start=open_start.date,
                end=None,
                start_event=open_start.id,
                implied=implied,
            )
        )
    return intervals, problems


def first_designation(events: Iterable[Event], organisation: str | None = None) -> Event | None:
    """The earliest recognition of the person as a political prisoner (by `organisation`)."""
    best: Event | None = None
    for ev in events:
        if ev.kind not in RECOGNITION:
            continue
        if organisation is not None and not organisation_matches(ev.organisation, organisation):
            continue
        if best is None or sort_key(ev) < sort_key(best):
            best = ev
    return best


def political_intervals(custody: Sequence[Interval], designation: Event | None) -> list[Interval]:
    """The parts of the custody intervals during which the person was a recognised prisoner."""
    if designation is None:
        return []
    out: list[Interval] = []
    d = designation.date
    for iv in custody:
        start = iv.start if iv.start.earliest >= d.latest else max_fuzzy(iv.start, d)
        if iv.end is not None and start.earliest >= iv.end.latest:
            continue  # recognised only after this custody ended
        if start is not iv.start:
            iv = Interval(
                iv.person_id,
                start,
                iv.end,
                designation.id,
                iv.end_event,
                iv.end_kind,
                iv.mechanism,
                iv.deal_id,
                iv.implied,
            )
        out.append(iv)
    return out


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
            intervals, found = fold_custody(evs)
            custody[person_id] = intervals
            if found:
                problems.extend(found)
            if intervals:
                designation = first_designation(evs, organisation)
                if designation is not None:
                    political.extend(political_intervals(intervals, designation))
    return Derived(custody, political, problems, organisation)


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


def _key(kind: EventKind, mechanism: ReleaseMechanism | None, organisation: str | None) -> str:
    """`released:pardon`, `designated:Viasna`, or the bare kind."""
    if kind is EventKind.RELEASED:
        return f"released:{mechanism.value if mechanism else 'unknown'}"
    if kind in RECOGNITION and organisation:
        return f"{kind.value}:{canonical_organisation(organisation)}"
    return kind.value


def tally(
    events: Iterable[Event], periods: Sequence[Period], organisation: str | None = None
) -> list[dict[str, Bounds]]:
    """For each period, the count of events by kind, and by release mechanism and designating
    organisation (`released:pardon`, `designated:Viasna`).

    With `organisation`, designations by other organisations are left out. Events are first
    counted by (dates, kind, mechanism, organisation), so the placing into periods is done
    once per distinct combination rather than once per event.
    """
    firsts = [p.first.toordinal() for p in periods]
    lasts = [p.last.toordinal() for p in periods]
    sure: list[Counter[str]] = [Counter() for _ in periods]
    maybe: list[Counter[str]] = [Counter() for _ in periods]
    with paused_gc():
        combos = Counter(
            (ev.date.earliest, ev.date.latest, ev.kind, ev.mechanism, ev.organisation)
            for ev in events
        )
    for (earliest, latest, kind, mechanism, org), n in combos.items():
        if kind in RECOGNITION and not organisation_matches(org, organisation):
            continue
        e, la = earliest.toordinal(), latest.toordinal()
        lo = bisect_left(lasts, e)
        hi = bisect_right(firsts, la)
        if lo >= hi:
            continue
        key = _key(kind, mechanism, org)
        keys = (key,) if key == kind.value else (kind.value, key)
        for i in range(lo, hi):
            for k in keys:
                maybe[i][k] += n
        if hi - lo == 1 and firsts[lo] <= e and la <= lasts[lo]:
            for k in keys:
                sure[lo][k] += n
    return [
        {k: Bounds(sure[i][k], maybe[i][k]) for k in sorted(maybe[i])} for i in range(len(periods))
    ]


def series(index: StockIndex, periods: Sequence[Period]) -> list[tuple]:
    out = []
    for p in periods:
        before = p.first - timedelta(days=1)
        out.append(
            (
                p,
                index.stock_on(p.last),
                index.inflow(before, p.last),
                index.outflow(before, p.last),
                index.outflow_by_mechanism(before, p.last),
            )
        )
    return out
