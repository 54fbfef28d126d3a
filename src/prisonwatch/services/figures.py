"""Figures: stock, series, flows, identity checks, published-figure comparisons and deals."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any, Literal

from prisonwatch.core import concessions, merges
from prisonwatch.core import deals as deal_rules
from prisonwatch.core.bitemporal import cutoff, effective_events
from prisonwatch.core.bounds import Bounds
from prisonwatch.core.deal_releases import PublishedTotal
from prisonwatch.core.deal_releases import released_in_deals as deal_releases
from prisonwatch.core.ledger import (
    SeriesPoint,
    StockIndex,
    derive,
    fold_person,
    identity,
    series,
)
from prisonwatch.core.month_precision import event_to_month, intervals_to_month
from prisonwatch.core.observations import Difference, compare
from prisonwatch.core.organisations import canonical_organisation
from prisonwatch.core.periods import Granularity, Period, periods_between
from prisonwatch.core.records import Concession, Deal, Event, Observation, Person, Source
from prisonwatch.core.tallies import tally
from prisonwatch.core.timeline import Interval
from prisonwatch.core.vocabulary import (
    STATUS_CHANGING,
    ObservationMetric,
    Protection,
    organisation_matches,
)
from prisonwatch.services import known
from prisonwatch.services.bulk_index import stock_index
from prisonwatch.services.event_runs import EventRuns, ordered
from prisonwatch.services.keyed import in_key_order
from prisonwatch.services.public import protection_levels
from prisonwatch.storage.port import LedgerStore


@dataclass(frozen=True, slots=True)
class Scope:
    """Which part of the ledger a figure covers and as known on which day.

    The organisation is held as its one display name (core.organisations), however it was
    asked for: a scope asked for as "Вясна" is the scope "Viasna", shown, cached and computed
    as one."""

    organisation: str | None = None
    country: str | None = None
    known_on: date | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "organisation", canonical_organisation(self.organisation))


@dataclass(slots=True)
class View:
    """The ledger as seen in one scope: effective events and derived intervals, loaded once.

    The unscoped view is also kept current write by write (`updated`): besides what figures
    read, it holds each person's effective events, political intervals and problems, and which
    events corrections supersede, so that a change re-folds only the persons it touched. Events
    are kept in (earliest date, id) order, the store's own order, so that a view kept current
    and a view loaded afresh are equal."""

    persons: dict[str, Person]
    events: Sequence[Event]
    """Effective events in `event_order` (`event_runs.EventRuns`: a write copies only the
    runs of events it touches)."""
    deals: list[Deal]
    observations: list[Observation]
    sources: dict[str, Source]
    index: StockIndex
    problems: list[str]
    custody: dict[str, list[Interval]]
    by_person: dict[str, list[Event]] = field(default_factory=dict)
    """Each person's effective events (in `events` order)."""
    political: dict[str, list[Interval]] = field(default_factory=dict)
    problems_by: dict[str, list[str]] = field(default_factory=dict)
    superseded: Counter[str] = field(default_factory=Counter)
    """Event ids that stored corrections supersede (with how many corrections name each)."""
    supersedes_of: dict[str, frozenset[str]] = field(default_factory=dict)
    """For persons with corrections: the event ids their stored events supersede."""
    tallies: dict[tuple[tuple[Period, ...], str | None], list[dict[str, Bounds]]] = field(
        default_factory=dict
    )
    """Event counts per period asked for so far (`tally`), carried to the next view by the
    change's difference, so that figures after a write do not count every event again."""
    revolving: dict[tuple[date, date, str | None], tuple[int, int]] = field(default_factory=dict)
    """Designations and releases within windows asked for so far (`designations_releases`)."""

    flows: dict[tuple[Period, ...], list[Flows]] = field(default_factory=dict)
    """Inflow, outflow and outflow by mechanism per period of the series asked for so far,
    carried to the next view by the difference of the intervals a change moved."""
    freed: frozenset[str] | None = field(default=None, compare=False)
    """The persons with an effective event naming a deal (`released_in_deals`); None: not
    known yet, found from the events when first asked for (`freed_by_deals`). Kept current
    write by write from the touched persons' events."""
    month_precise: frozenset[str] = frozenset()
    """Persons whose dates this view holds at month precision (`core.month_precision`): the
    public view's `counts_only` persons (`public.Projection.counts_only`); empty for analysts.
    Their events (in `events` and `by_person`) and intervals (custody, political, the stock
    index) are dated to the first of their month, the intervals folded at the exact dates
    first. Every figure made from this view counts them so."""

    through: datetime | None = None
    """The moment through which this view reads `month_precise` persons' records when it is a
    current view (`services.known`): the end of the month before the day it was made for (the
    live public view), so that a record of theirs entered in a month moves its figures on the
    first of the next; None: as they are now (analysts), or as known on the scope's day."""

    links: dict[str, str] = field(default_factory=dict)
    """Each merged record's id and the id it was merged into (`core.merges`): their events
    are counted on the timeline of the person they joined, as one person's."""

    def freed_by_deals(self) -> frozenset[str]:
        """`freed`, found from every event the first time it is asked for."""
        if self.freed is None:
            self.freed = frozenset(e.person_id for e in self.events if e.deal_id is not None)
        return self.freed

    def series(self, periods: Sequence[Period]) -> list[SeriesPoint]:
        """`core.ledger.series` over this view's stock index, its flows remembered (the stock
        on each period's last day is two binary searches, so it is not)."""
        key = tuple(periods)
        found = self.flows.get(key)
        if found is None:
            points = series(self.index, periods)
            if len(self.flows) >= MAX_MEMO:
                self.flows.clear()
            self.flows[key] = [(p.inflow, p.outflow, p.outflow_by_mechanism) for p in points]
            return points
        return [
            SeriesPoint(p, self.index.stock_on(p.last), i, o, m)
            for p, (i, o, m) in zip(periods, found, strict=True)
        ]

    def tally(self, periods: Sequence[Period], organisation: str | None) -> list[dict[str, Bounds]]:
        """`core.tallies.tally` of this view's events, remembered (a few keys at most)."""
        key = (tuple(periods), organisation)
        found = self.tallies.get(key)
        if found is None:
            found = tally(self.events, periods, organisation)
            if len(self.tallies) >= MAX_MEMO:
                self.tallies.clear()
            self.tallies[key] = found
        return found

    def designations_releases(
        self, start: date, end: date, organisation: str | None
    ) -> tuple[int, int, float | None]:
        """`deals.designations_per_release` of this view's events, remembered."""
        key = (start, end, organisation)
        found = self.revolving.get(key)
        if found is None:
            d, r, _ = deal_rules.designations_per_release(self.events, start, end, organisation)
            found = (d, r)
            if len(self.revolving) >= MAX_MEMO:
                self.revolving.clear()
            self.revolving[key] = found
        d, r = found
        return d, r, (d / r if r else None)

    def _memos_after(
        self, removed: list[Event], added: list[Event]
    ) -> tuple[
        dict[tuple[tuple[Period, ...], str | None], list[dict[str, Bounds]]],
        dict[tuple[date, date, str | None], tuple[int, int]],
    ]:
        """This view's memos moved on by a change that took out `removed` events and put in
        `added` ones: counts are sums over events, so each is shifted by the difference.

        Only the periods a moved event's dates overlap are counted (`_periods_touched`; a
        period no moved event overlaps counts none of them), so a write costs its events, not
        every period of every series remembered (a daily series has thousands); periods not in
        order are all counted."""
        edges = [(e.date.earliest.toordinal(), e.date.latest.toordinal()) for e in added]
        edges += [(e.date.earliest.toordinal(), e.date.latest.toordinal()) for e in removed]
        tallies = {}
        for (periods, org), old in list(self.tallies.items()):
            at = _periods_touched(periods, edges) if edges else []
            if at is None:
                plus, minus = tally(added, periods, org), tally(removed, periods, org)
                tallies[(periods, org)] = [
                    _shifted(o, p, m) for o, p, m in zip(old, plus, minus, strict=True)
                ]
                continue
            some = [periods[i] for i in at]
            plus, minus = tally(added, some, org), tally(removed, some, org)
            moved = list(old)
            for i, p, m in zip(at, plus, minus, strict=True):
                moved[i] = _shifted(old[i], p, m)
            tallies[(periods, org)] = moved
        revolving = {}
        for (start, end, org), (d, r) in list(self.revolving.items()):
            d1, r1, _ = deal_rules.designations_per_release(added, start, end, org)
            d0, r0, _ = deal_rules.designations_per_release(removed, start, end, org)
            revolving[(start, end, org)] = (d + d1 - d0, r + r1 - r0)
        return tallies, revolving

    @classmethod
    def load(
        cls,
        store: LedgerStore,
        scope: Scope,
        month_precise: frozenset[str] = frozenset(),
        today: date | None = None,
    ) -> View:
        """The view of `scope` from the store; the persons in `month_precise` at month
        precision (the public's figures), everyone else at their exact dates. As known on a
        day, `month_precise` persons' records are read as known at the end of the month
        before that day's (`services.known`), everyone else's at the end of that day; the
        current view (no `known_on`) made for `today` reads them as known at the end of the
        month before today's, everyone else's as they are now."""
        at = cutoff(scope.known_on) if scope.known_on is not None else None
        today = None if scope.known_on is not None else today
        # month-precise persons' records as known at the end of the month before (`known`)
        everyone = sorted(
            known.persons(store, scope.known_on, month_precise, today), key=_person_id
        )
        persons = {p.id: p for p in everyone}
        root_of = merges.roots(merges.links_of(everyone))
        if scope.country:
            persons = {k: p for k, p in persons.items() if p.country == scope.country.upper()}
        raw = known.events(store, scope.known_on, month_precise, today)
        in_force = merges.joined(effective_events(raw, scope.known_on), root_of)
        events = [e for e in in_force if e.person_id in persons]
        stored = merges.rekeyed(raw, root_of)
        events.sort(key=event_order)
        observations = store.observations(known_on=at)
        deals = store.deals(known_on=at)
        if scope.country:
            c = scope.country.upper()
            observations = [o for o in observations if o.country in (None, c)]
            deals = [d for d in deals if d.country in (None, c)]
        derived = derive(events, scope.organisation)
        custody, political = derived.custody, derived.political_by_person
        intervals = derived.political
        if month_precise:
            events = [event_to_month(e) if e.person_id in month_precise else e for e in events]
            events.sort(key=event_order)
            custody = _to_month(custody, month_precise)
            political = _to_month(political, month_precise)
            intervals = [iv for ivs in political.values() for iv in ivs]
        by_person: dict[str, list[Event]] = defaultdict(list)
        for e in events:
            by_person[e.person_id].append(e)
        supersedes_of: dict[str, set[str]] = defaultdict(set)
        for e in stored:
            if e.supersedes is not None:
                supersedes_of[e.person_id].add(e.supersedes)
        problems_by = {k: [str(p) for p in v] for k, v in derived.problems_by_person.items()}
        return cls(
            persons=persons,
            events=EventRuns(events, event_order),
            deals=deals,
            observations=observations,
            sources={s.id: s for s in store.sources(known_on=at)},
            index=stock_index(intervals),
            problems=_problems(problems_by),
            custody=custody,
            by_person=dict(by_person),
            political=political,
            problems_by=problems_by,
            superseded=Counter(t for ts in supersedes_of.values() for t in ts),
            supersedes_of={k: frozenset(v) for k, v in supersedes_of.items()},
            month_precise=month_precise,
            through=known.month_precise_cutoff(None, today),
            links=merges.links_of(everyone),
        )

    def updated(
        self,
        fresh: Fresh,
        month_precise: frozenset[str] | None = None,
        through: datetime | Literal["same"] | None = "same",
    ) -> View | None:
        """This (unscoped, current) view with the records in `fresh` taken in: a pure function
        of the old view and the changed records. Only the persons `fresh` names are re-folded;
        the stock index, events, custody and problems are changed for them alone. None when the
        change cannot be taken in this way (a correction of another person's event whose owner
        is not among those read): the caller then loads the view afresh. The old view is left
        as it was, for requests still reading it.

        `month_precise`: the persons held at month precision after the change (None: the same
        as before). Each person who enters or leaves it must be among those `fresh` read (their
        exact events are needed to fold them again), else the answer is None. `through`: the
        moment through which `fresh` read the month-precise persons' records (`View.through`;
        "same": as before). `fresh` must have read them so (`Fresh.read`)."""
        if through == "same":
            through = self.through
        if month_precise is None:
            month_precise = self.month_precise
        elif not (month_precise ^ self.month_precise) <= fresh.persons.keys():
            return None
        persons = self.persons.copy()
        added: list[str] = []
        for pid, p in fresh.persons.items():
            if p is None:
                persons.pop(pid, None)
            else:
                if pid not in persons:
                    added.append(pid)
                persons[pid] = p  # in its place when already there
        persons = in_key_order(persons, added)  # in id order, as a view loaded afresh has them
        touched = set(fresh.persons) | set(fresh.events)
        superseded = self.superseded.copy()
        supersedes_of = self.supersedes_of.copy()
        for pid in touched:
            old = supersedes_of.pop(pid, frozenset())
            new = frozenset(
                e.supersedes for e in fresh.events.get(pid, ()) if e.supersedes is not None
            )
            if new:
                supersedes_of[pid] = new
            superseded.subtract(old)
            superseded.update(new)
        superseded = Counter({k: n for k, n in superseded.items() if n > 0})
        read = {e.id for evs in fresh.events.values() for e in evs}
        flipped = set(superseded).symmetric_difference(self.superseded)
        if not flipped <= read:
            return None
        # per-person maps are copied only when a touched person's entry changes (a rename
        # leaves them shared), and changed in place where a key stays (a key taken out and
        # put back would leave a hole); copied with `dict.copy`, which copies the table whole
        # while at most a third of it is holes (`dict(d)` copies a dict with any hole entry
        # by entry: 33 against 3 ms at 100,000 persons)
        by_person = _OnWrite(self.by_person)
        custody = _OnWrite(self.custody)
        political = _OnWrite(self.political)
        problems_by = _OnWrite(self.problems_by)
        freed = None if self.freed is None else set(self.freed)
        gone: list[Interval] = []
        come: list[Interval] = []
        removed: list[Event] = []
        added_events: list[Event] = []
        links = self.links if fresh.links is None else fresh.links
        root_of = merges.roots(links)
        for pid in touched:
            removed.extend(by_person.map.get(pid, []))
            mine = (
                merges.joined(
                    sorted(
                        (
                            e
                            for e in fresh.events.get(pid, ())
                            if not e.void and e.id not in superseded
                        ),
                        key=event_order,
                    ),
                    root_of,
                )
                if pid in persons
                else []
            )
            fold = fold_person(mine)  # at the exact dates, in their true order
            changing = any(e.kind in STATUS_CHANGING for e in mine)
            if pid in month_precise:
                mine = sorted(map(event_to_month, mine), key=event_order)
                fold = replace(
                    fold,
                    custody=intervals_to_month(fold.custody),
                    political=intervals_to_month(fold.political),
                )
            added_events.extend(mine)
            by_person.put(pid, mine or None)
            custody.put(pid, fold.custody if changing else None)
            gone.extend(political.map.get(pid, ()))
            political.put(pid, fold.political or None)
            come.extend(fold.political)
            problems_by.put(pid, [str(p) for p in fold.problems] or None)
            if freed is not None:
                freed.discard(pid)
                if any(e.deal_id is not None for e in mine):
                    freed.add(pid)
        events = ordered(self.events, event_order).changed(removed, added_events)
        if events is None:
            return None
        tallies, revolving = self._memos_after(removed, added_events)
        index = self.index.replaced(gone, come)
        flows = self._flows_after(gone, come, index)
        sources = self.sources.copy()
        for sid, s in fresh.sources.items():
            if s is None:
                sources.pop(sid, None)
            else:
                sources[sid] = s
        return View(
            persons=persons,
            events=events,
            deals=self.deals if fresh.deals is None else fresh.deals,
            observations=self.observations if fresh.observations is None else fresh.observations,
            sources=sources,
            index=index,
            problems=self.problems
            if problems_by.map is self.problems_by
            else _problems(problems_by.map),
            custody=custody.map,
            by_person=by_person.map,
            political=political.map,
            problems_by=problems_by.map,
            superseded=superseded,
            supersedes_of=supersedes_of,
            tallies=tallies,
            revolving=revolving,
            flows=flows,
            freed=None if freed is None else frozenset(freed),
            month_precise=month_precise,
            through=through,
            links=links,
        )

    def _flows_after(
        self, gone: list[Interval], come: list[Interval], index: StockIndex
    ) -> dict[tuple[Period, ...], list[Flows]]:
        """The remembered flows moved on by the intervals that left and entered the index
        (flows count interval edges, so each is shifted by the difference); `index` is the new
        index, whose mechanisms every period lists, as `series` gives them.

        Only the periods a moved interval's start or end may fall in are counted again (on
        indexes of the moved intervals alone); the others keep their flows. That costs the
        moved intervals, not the periods: a write does not walk every month of every series
        asked for. When the mechanisms listed change (every period's list changes) or the
        periods are not in order, every period is counted again."""
        if not self.flows:
            return {}
        mechs = sorted(index.ends_by_mechanism)
        old_index, new_index = StockIndex.build(gone), StockIndex.build(come)
        same_mechs = mechs == sorted(self.index.ends_by_mechanism)
        edges = _edge_ranges([*gone, *come])
        out = {}
        for periods, old in list(self.flows.items()):
            touched = _periods_touched(periods, edges) if same_mechs else None
            at: Sequence[int] = range(len(periods)) if touched is None else touched
            flows: list[Flows] = [ZERO_FLOWS] * len(periods) if touched is None else list(old)
            for i in at:
                p, (inflow, outflow, by) = periods[i], old[i]
                before, last = p.first - timedelta(days=1), p.last
                plus_by = new_index.outflow_by_mechanism(before, last)
                minus_by = old_index.outflow_by_mechanism(before, last)
                flows[i] = (
                    _moved(inflow, new_index.inflow(before, last), old_index.inflow(before, last)),
                    _moved(
                        outflow, new_index.outflow(before, last), old_index.outflow(before, last)
                    ),
                    {
                        k: _moved(by.get(k, ZERO), plus_by.get(k, ZERO), minus_by.get(k, ZERO))
                        for k in mechs
                    },
                )
            out[periods] = flows
        return out

    def known_names(self, public: bool = False) -> tuple[list[str], list[str]]:
        """The organisations and countries this view knows (see `known_names`), from memory.
        `public`: the organisations and countries the public may be told of. Countries are
        those of persons it sees (a country known only through a counts_only person would
        confirm that such a person is held there: `?country=` answers it as an unknown
        country); organisations are those of published figures and of public persons' events
        (an organisation known only from a protected person's designation, named in the 400
        of an unknown `?org=`, told that someone it recognised is withheld)."""
        # each person's level as the public projection applies it (`public.level_of`: the
        # strictest of every record of the person): a protected record merged into a public
        # one makes the joined person protected, and its events stand under the public id
        level = protection_levels(self.persons) if public else {}
        orgs = {
            canonical_organisation(e.organisation) or ""
            for e in self.events
            if not public or level.get(e.person_id) is Protection.PUBLIC
        }
        orgs |= {canonical_organisation(o.organisation) or "" for o in self.observations}
        orgs.discard("")
        countries = {
            p.country
            for p in self.persons.values()
            if p.country and not (public and level[p.id] is Protection.COUNTS_ONLY)
        }
        countries |= {d.country for d in self.deals if d.country}
        countries |= {o.country for o in self.observations if o.country}
        return sorted(orgs, key=str.casefold), sorted(countries)

    def refs(self, source_ids: tuple[str, ...]) -> list[dict[str, Any]]:
        """Each source as a link: its address, publisher and date (titles stay on the source's
        own page, where the public projection clears them)."""
        out = []
        for sid in source_ids:
            s = self.sources.get(sid)
            if s is not None:
                out.append(
                    {
                        "id": s.id,
                        "url": s.url,
                        "publisher": s.publisher or _host(s.url) or "source",
                        "published": s.published.isoformat() if s.published else None,
                    }
                )
        return out

    def urls(self, source_ids: tuple[str, ...]) -> list[str]:
        """How to find each source: its address, else its title and date."""
        out = []
        for sid in source_ids:
            s = self.sources.get(sid)
            if s is not None:
                out.append(
                    s.url or " ".join(x for x in (s.title, str(s.published or "")) if x) or sid
                )
        return out


MAX_MEMO = 32
"""Tallies a view remembers at once (each holds a count per kind and period)."""


Flows = tuple[Bounds, Bounds, dict[str, Bounds]]
"""A period's inflow, outflow and outflow by mechanism."""
ZERO = Bounds(0, 0)


ZERO_FLOWS: Flows = (ZERO, ZERO, {})


def _edge_ranges(intervals: Sequence[Interval]) -> list[tuple[int, int]]:
    """The days (earliest, latest, as ordinals) each interval's start and end may fall on."""
    out = []
    for iv in intervals:
        out.append((iv.start.earliest.toordinal(), iv.start.latest.toordinal()))
        if iv.end is not None:
            out.append((iv.end.earliest.toordinal(), iv.end.latest.toordinal()))
    return out


def _periods_touched(
    periods: Sequence[Period], edges: Sequence[tuple[int, int]]
) -> list[int] | None:
    """The positions of the periods any of `edges` may fall in (a period counts an edge whose
    days overlap its own), in order; None when the periods are not in order without overlap,
    so that a binary search cannot find them."""
    lasts = [p.last.toordinal() for p in periods]
    firsts = [p.first.toordinal() for p in periods]
    if any(lasts[i] >= firsts[i + 1] for i in range(len(periods) - 1)):
        return None
    touched: set[int] = set()
    for earliest, latest in edges:
        i = bisect_left(lasts, earliest)
        while i < len(periods) and firsts[i] <= latest:
            touched.add(i)
            i += 1
    return sorted(touched)


def _moved(old: Bounds, plus: Bounds, minus: Bounds) -> Bounds:
    """A count plus some and minus others. Counts, not intervals: the sure and the possible
    counts each move by their own difference."""
    return Bounds(old.low + plus.low - minus.low, old.high + plus.high - minus.high)


def _shifted(
    old: dict[str, Bounds], plus: dict[str, Bounds], minus: dict[str, Bounds]
) -> dict[str, Bounds]:
    """One period's counts plus some and minus others (keys counted nowhere dropped, in
    key order as `tally` gives them)."""
    if not plus and not minus:
        return old
    out = {}
    for k in sorted({*old, *plus, *minus}):
        b = _moved(old.get(k, ZERO), plus.get(k, ZERO), minus.get(k, ZERO))
        if b.high:
            out[k] = b
    return out


def _to_month(
    by_person: dict[str, list[Interval]], month_precise: frozenset[str]
) -> dict[str, list[Interval]]:
    """Intervals by person, those of `month_precise` persons at month precision."""
    return {
        pid: intervals_to_month(ivs) if pid in month_precise else ivs
        for pid, ivs in by_person.items()
    }


class _OnWrite:
    """A per-person map of the view a change is taken into, copied on the first `put` that
    changes it: the old view's map stays as it was, and is shared when nothing changed."""

    __slots__ = ("_copied", "map")

    def __init__(self, old: dict[str, Any]) -> None:
        self.map = old
        self._copied = False

    def put(self, key: str, value: Any) -> None:
        """Set `key` to `value`, or take it out when `value` is None; an entry equal to
        `value` is kept as it is (no copy)."""
        if key not in self.map if value is None else self.map.get(key) == value:
            return
        if not self._copied:
            self.map = self.map.copy()
            self._copied = True
        if value is None:
            self.map.pop(key, None)
        else:
            self.map[key] = value


def _person_id(p: Person) -> str:
    return p.id


def event_order(e: Event) -> tuple[date, str]:
    """The order the view keeps events in: earliest date, then id."""
    return (e.date.earliest, e.id)


def _problems(by_person: dict[str, list[str]]) -> list[str]:
    """Problems found, person by person in id order."""
    return [p for pid in sorted(by_person) for p in by_person[pid]]


@dataclass(frozen=True, slots=True)
class Fresh:
    """The current records a change touched, as read from the store after it: the input of
    `View.updated`. `persons` maps every touched person id to the record (None: voided or
    gone); `events`, every touched person id to all their stored events (corrections and voids
    included; a merged record's under its root, its own list empty: `core.merges`);
    `sources`, the changed sources (None: gone); `deals` and `observations` the
    whole current lists when any changed, else None."""

    persons: dict[str, Person | None]
    events: dict[str, list[Event]]
    sources: dict[str, Source | None]
    deals: list[Deal] | None = None
    observations: list[Observation] | None = None
    links: dict[str, str] | None = None
    """Every merged record's merge after the change (`View.links`); None: as before it."""

    @classmethod
    def read(
        cls,
        store: LedgerStore,
        person_ids: set[str],
        source_ids: set[str],
        deals: bool,
        observations: bool,
        links: Mapping[str, str] | None = None,
        month_precise: frozenset[str] = frozenset(),
        through: datetime | None = None,
    ) -> Fresh:
        """The records the change touched as the store holds them now. A person is read with
        every record of theirs (`core.merges`): the records merged into them and the one they
        were merged into, and their events are given under the root's id (a merged record
        keeps an empty list), so the root is folded with its joined timeline. `links`: every
        merged record's merge before the change (`View.links`); None: read from the store.
        `through` (the live public view's `View.through`): the records of the persons in
        `month_precise` are read as known then (`services.known`), everyone else's as now."""
        if links is None:
            links = merges.links_of(store.persons())

        def split(some: list[str]) -> tuple[list[str], list[str]]:
            if through is None or not month_precise:
                return some, []
            return [i for i in some if i not in month_precise], [
                i for i in some if i in month_precise
            ]

        def read_persons(some: list[str]) -> list[Person]:
            now_ids, then_ids = split(some)
            found = store.persons(ids=now_ids) if now_ids else []
            return found + (store.persons(ids=then_ids, known_on=through) if then_ids else [])

        def read_events(some: list[str]) -> list[Event]:
            now_ids, then_ids = split(some)
            found = store.events(person_ids=now_ids) if now_ids else []
            return found + (store.events(then_ids, known_on=through) if then_ids else [])

        ids = sorted(person_ids)
        found = {p.id: p for p in read_persons(ids)} if ids else {}
        now = dict(links)
        for pid in ids:
            p = found.get(pid)
            if p is not None and p.merged_into:
                now[pid] = p.merged_into
            else:
                now.pop(pid, None)
        root_of = merges.roots(now)
        more = sorted(merges.members(root_of, ids) - set(ids))
        if more:  # records of the same persons the change did not touch: read them too
            found.update({p.id: p for p in read_persons(more)})
            ids = sorted([*ids, *more])
        events: dict[str, list[Event]] = {pid: [] for pid in ids}
        for e in read_events(ids) if ids else []:  # each under its root
            events.setdefault(root_of.get(e.person_id, e.person_id), []).append(e)
        srcs = {s.id: s for s in store.sources(sorted(source_ids))} if source_ids else {}
        return cls(
            persons={pid: found.get(pid) for pid in ids},
            events=events,
            sources={sid: srcs.get(sid) for sid in source_ids},
            deals=store.deals() if deals else None,
            observations=store.observations() if observations else None,
            links=now,
        )

    def with_persons(self, store: LedgerStore, person_ids: set[str]) -> Fresh:
        """This change with the records of `person_ids` (as the store holds them now) read
        too: persons not touched by the change whose figures must be folded again (their
        dates' precision moved). Reading a record again changes nothing (`derived`)."""
        more = person_ids - self.persons.keys()
        if not more:
            return self
        extra = Fresh.read(store, more, set(), False, False, self.links)
        return replace(
            self,
            persons={**self.persons, **extra.persons},
            events={**self.events, **extra.events},
            links=extra.links,
        )


def _public(person: Person) -> bool:
    return person.protection is Protection.PUBLIC


Text = Callable[[str | None], str | None]
"""What of a stored free text a reader may see: all of it, or (for the public) the text only
when it names no protected person (`public.Projection.text`), else None."""


def _same(value: str | None) -> str | None:
    return value


def _concession(c: Concession, text: Text) -> Concession:
    """A concession as a reader may see it: a party or target naming a protected person is
    unknown, a free-text kind that does is `unknown`."""
    return replace(
        c, by=text(c.by) or "unknown", what=text(c.what) or "unknown", target=text(c.target)
    )


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = url.split("//", 1)[-1].split("/", 1)[0]
    return host.removeprefix("www.")


def _scope_dict(scope: Scope) -> dict[str, Any]:
    return {
        "organisation": canonical_organisation(scope.organisation),
        "country": scope.country,
        "known_on": scope.known_on.isoformat() if scope.known_on else None,
    }


def held_not_counted(view: View, on: date) -> int:
    """At least how many persons surely held at the end of `on` the stock cannot count, since
    no designation as a political prisoner (in scope) is recorded for them by then: a
    registry imported without `designated` events counts nobody, and says so."""
    held = sum(
        1
        for ivs in view.custody.values()
        if any(iv.start.latest <= on and (iv.end is None or iv.end.earliest > on) for iv in ivs)
    )
    return max(0, held - view.index.stock_on(on).high)


def stats(
    view: View,
    scope: Scope,
    on: date,
    start: date | None = None,
    end: date | None = None,
    by: Granularity = Granularity.MONTH,
) -> dict[str, Any]:
    """Stock on `on`, and when a range is given, the series and the identity check over it."""
    out: dict[str, Any] = {
        "on": on.isoformat(),
        **_scope_dict(scope),
        "stock": view.index.stock_on(on).as_dict(),
        "persons": len(view.persons) - sum(1 for pid in view.links if pid in view.persons),
        "events": len(view.events),
    }
    if start is not None and end is not None:
        periods = periods_between(start, end, by)
        tallies = view.tally(periods, scope.organisation)
        out["by"] = by.value
        out["series"] = [
            {
                "period": p.period.label,
                "stock": p.stock.as_dict(),
                "inflow": p.inflow.as_dict(),
                "outflow": p.outflow.as_dict(),
                "outflow_by_mechanism": {
                    m: b.as_dict() for m, b in p.outflow_by_mechanism.items() if b.high
                },
                "events": {k: b.as_dict() for k, b in counts.items()},
            }
            for p, counts in zip(view.series(periods), tallies, strict=True)
        ]
        designations, releases, ratio = view.designations_releases(start, end, scope.organisation)
        out["revolving_door"] = {
            "designations": designations,
            "releases": releases,
            "designations_per_release": ratio,
        }
        check = identity(view.index, start, end)
        out["identity"] = {
            "from": start.isoformat(),
            "to": end.isoformat(),
            "stock_from": check.stock_t0.as_dict(),
            "inflow": check.inflow.as_dict(),
            "outflow": check.outflow.as_dict(),
            "expected_stock_to": check.expected.as_dict(),
            "stock_to": check.stock_t1.as_dict(),
            "holds": check.holds,
        }
    out["observations"] = [
        {
            "id": c.observation.id,
            "metric": c.observation.metric.value,
            "period": str(c.observation.period),
            "organisation": canonical_organisation(c.observation.organisation),
            "organisation_as_written": c.observation.organisation,
            "country": c.observation.country,
            "published": c.observation.value,
            "qualifier": c.observation.qualifier.value,
            "text": qualified(c.observation.value, c.observation.qualifier.value),
            "note": c.observation.note,
            "place": c.observation.place,
            "scope": c.observation.scope,
            "source_refs": view.refs(c.observation.source_ids),
            "registry": c.registry.as_dict(),
            "difference": {
                **c.difference.as_dict(),
                "text": difference_text(c.difference),
            },
            "sources": view.urls(c.observation.source_ids),
        }
        for c in compare(view.observations, view.index, view.events, view.tally)
    ]
    out["headline"] = headline(view, on)
    out["released_in_deals"] = released_in_deals(view, scope, on)
    out["problems"] = view.problems
    return out


def _total(t: PublishedTotal) -> dict[str, Any]:
    """A published total as bounds, with the deals that published nothing of its kind named
    beside it (they leave it open above: never counted as zero)."""
    if t.high is None:
        text = f"at least {t.low:,}"
    else:
        text = f"{t.low:,}" if t.exact else f"{t.low:,}–{t.high:,}"
    return {"low": t.low, "high": t.high, "text": text, "missing": list(t.missing)}


def released_in_deals(view: View, scope: Scope, on: date, text: Text = _same) -> dict[str, Any]:
    """How many were freed through deals by the end of `on`, and how many of them political
    prisoners: the registry's releases that name a deal (as bounds), beside what the deals'
    sources published (each figure with who said it and its sources, and their total as a
    span). Counts only, as every figure: nobody is named. See `core.deal_releases`."""
    # Only the persons the deals released bear on this figure (who was freed, and whether
    # recognised before): their events are read from the view's per-person lists instead of
    # folding every event of the registry on each figure. The accounts' replacement times,
    # which need every designation, are not used here.
    freed = view.freed_by_deals()
    theirs = [e for pid in sorted(freed) for e in view.by_person.get(pid, ())]
    accounts = deal_rules.account(view.deals, theirs, view.observations, scope.organisation)
    r = deal_releases(accounts, on)
    return {
        "on": r.on.isoformat(),
        "registry": {
            "released": r.released.as_dict(),
            "political_prisoners": r.political_prisoners.as_dict(),
        },
        "published": {
            "released": _total(r.published_released),
            "political_prisoners": _total(r.published_political),
        },
        "deals": [
            {
                "id": p.deal.id,
                "date": str(p.deal.date),
                "surely_by": p.surely_by,
                "registry": {
                    "released": p.released.as_dict(),
                    "political_prisoners": p.political_prisoners.as_dict(),
                },
                "published": {
                    "released": [_figure(view, f, text) for f in p.published_released],
                    "political_prisoners": [_figure(view, f, text) for f in p.published_political],
                },
            }
            for p in r.deals
        ],
    }


def _figure(view: View, f: deal_rules.PublishedFigure, text: Text = _same) -> dict[str, Any]:
    refs = view.refs(f.source_ids)
    by = text(canonical_organisation(f.by))
    return {
        "what": f.kind.value,
        "value": f.value,
        "qualifier": f.qualifier.value,
        "text": qualified(f.value, f.qualifier.value),
        "by": by or ", ".join(dict.fromkeys(r["publisher"] for r in refs)) or None,
        "by_organisation": by,
        "note": text(f.note),
        "sources": refs,
    }


def _replacement(view: View, r: deal_rules.Replacement, text: Text = _same) -> dict[str, Any]:
    ob = next((o for o in view.observations if o.id == r.observation_id), None)
    return {
        "basis": r.basis.value,
        "needed": r.needed,
        "needed_text": qualified(r.needed, r.needed_qualifier.value),
        "needed_qualifier": r.needed_qualifier.value,
        "designations_qualifier": r.designations_qualifier.value,
        "needed_by": text(r.needed_from.by) if r.needed_from else None,
        "needed_from": "published" if r.needed_from else "registry",
        "designations": r.designations,
        "designations_text": qualified(r.designations, r.designations_qualifier.value),
        "designations_by": text(r.designations_by),
        "period": [d.isoformat() for d in r.period] if r.period else None,
        "days_low": r.days_low,
        "days_high": r.days_high,
        "days_text": days_text(r.days_low, r.days_high),
        "certain_within": r.certain_within,
        "reached": r.reached,
        "formula": r.formula,
        "sources": view.refs(ob.source_ids) if ob else [],
    }


def days_text(low: int | None, high: int | None) -> str:
    """A replacement time in words: "23 days", "12–30 days", "at least 5 days"."""
    if low is None:
        return "not reached"
    if high is None:
        return f"at least {low} days"
    return f"{low} days" if low == high else f"{low}–{high} days"


_QUALIFIER_WORDS = {
    "exact": "",
    "about": "about ",
    "at_least": "at least ",
    "more_than": "more than ",
    "up_to": "up to ",
    "fewer_than": "fewer than ",
}


def difference_text(d: Difference) -> str:
    """A difference as its bounds allow: "1,099", "at least 1,100", "about 1,099",
    "−20 to 1,380"."""
    if d.high is None:
        return f"at least {d.low:,}"
    if d.low == d.high:
        return f"about {d.low:,}" if d.approximate else f"{d.low:,}"
    text = f"{d.low:,} to {d.high:,}"
    return f"about {text}" if d.approximate else text


def qualified(value: int, qualifier: str) -> str:
    """A published figure as its source put it: "more than 109", "up to 1,400"."""
    return f"{_QUALIFIER_WORDS.get(qualifier, '')}{value:,}"


def _moment(
    view: View, named: dict[str, str], t: deal_rules.TimelineEntry, seen: Text = _same
) -> dict[str, Any]:
    given = _concession(t.concession, seen) if t.concession is not None else None
    if t.moment is deal_rules.Moment.CONCESSION and given is not None:
        text = concessions.describe(given)
    elif t.moment is deal_rules.Moment.RETURNED:
        who = named.get(t.person_id or "")
        text = f"{who} back in custody" if who else "a person freed by the deal back in custody"
    elif t.moment is deal_rules.Moment.RELEASE:
        text = "release"
    else:
        text = "designations since the deal published"
    return {
        "date": str(t.date),
        "moment": t.moment.value,
        "text": text,
        "person": named.get(t.person_id or ""),
        "concession": (
            {
                "pattern": concessions.pattern_of(given),
                "party": concessions.party(given.by),
                "target": given.target,
                "text": concessions.describe(given),
            }
            if given
            else None
        ),
    }


def deals(
    view: View,
    scope: Scope,
    may_name: Callable[[Person], bool] = _public,
    text: Text = _same,
) -> list[dict[str, Any]]:
    """Each deal's accounting, in date order: published figures and registry figures side by
    side. Persons are named only where `may_name` allows (counts include everyone); every free
    text (parties, mediator, notes, who published a figure, who gave a concession and what it
    concerned) is what `text` lets the reader see.

    A person `may_name` does not allow is only counted, never described: their release and
    their return to custody are in the registry's counts (`released`, `returned_to_custody`,
    and how many of each are not named: `released_withheld`, `returned_withheld`, present
    whether 0 or more), and their return is no moment of the timeline, since a dated entry
    would tell on which day one person freed by the deal was jailed again (with the deal's
    public list of names, often whom). Readers who may name everyone (analysts) see every
    return on the timeline, dated and named."""
    rows = []
    for a in deal_rules.account(view.deals, view.events, view.observations, scope.organisation):
        named = {
            pid: p.name
            for pid in (*a.released_persons, *a.returned_persons)
            if (p := view.persons.get(pid)) is not None and may_name(p)
        }

        def persons(ids: tuple[str, ...], named: dict[str, str] = named) -> list[dict[str, str]]:
            return [{"id": pid, "name": named[pid]} for pid in ids if pid in named]

        def unnamed(ids: tuple[str, ...], named: dict[str, str] = named) -> int:
            return sum(pid not in named for pid in ids)

        published = [_figure(view, f, text) for f in a.published]
        given = [_concession(c, text) for c in a.concessions]
        rows.append(
            {
                "id": a.deal.id,
                "date": str(a.deal.date),
                "country": a.deal.country,
                "parties": [x for x in (text(p) for p in a.deal.parties) if x],
                "mediator": text(a.deal.mediator),
                "note": text(a.deal.note),
                "published": {
                    k.value: [f for f in published if f["what"] == k.value]
                    for k in deal_rules.FigureKind
                },
                "registry": {
                    "released": len(a.released_persons),
                    "political_prisoners": len(a.political_persons),
                    "returned_to_custody": len(a.returned_persons),
                    "released_persons": persons(a.released_persons),
                    "returned_persons": persons(a.returned_persons),
                    "released_withheld": unnamed(a.released_persons),
                    "returned_withheld": unnamed(a.returned_persons),
                },
                "concessions": [
                    {
                        "by": c.by,
                        "what": c.what,
                        "target": c.target,
                        "text": concessions.describe(c),
                        "pattern": concessions.pattern_of(c),
                        "party": concessions.party(c.by) if c.by != "unknown" else None,
                    }
                    for c in given
                ],
                "replacement": [_replacement(view, r, text) for r in a.replacements],
                "timeline": [
                    _moment(view, named, t, text)
                    for t in a.timeline
                    if t.moment is not deal_rules.Moment.RETURNED or t.person_id in named
                ],
                "sources": view.refs(a.deal.source_ids),
            }
        )
    return rows


DEAL_CSV_COLUMNS = (
    "id",
    "date",
    "country",
    "parties",
    "released_published",
    "political_prisoners_published",
    "returned_published",
    "released_in_registry",
    "political_prisoners_in_registry",
    "returned_in_registry",
    "returned_persons",
    "concessions",
    "replacement",
    "sources",
)


def _said(figs: list[dict[str, Any]]) -> str:
    """Published figures as said, each with who said it and the addresses of its sources
    (a publisher where the address is not shown), so that each can be cited: "123 per
    Meduza, RBC (https://meduza.io/..., https://www.rbc.ru/...); 114 per Radio Svoboda (...)"."""
    out = []
    for f in figs:
        where = ", ".join(w for s in f.get("sources", ()) if (w := s["url"] or s["publisher"]))
        out.append(
            f["text"] + (f" per {f['by']}" if f["by"] else "") + (f" ({where})" if where else "")
        )
    return "; ".join(out)


def deal_csv_row(d: dict[str, Any]) -> dict[str, Any]:
    """One deal as a flat row (CSV): published and registry figures in separate columns."""
    reg = d["registry"]
    return {
        "id": d["id"],
        "date": d["date"],
        "country": d["country"] or "",
        "parties": "|".join(d["parties"]),
        "released_published": _said(d["published"]["released"]),
        "political_prisoners_published": _said(d["published"]["political_prisoners"]),
        "returned_published": _said(d["published"]["returned_to_custody"]),
        "released_in_registry": reg["released"],
        "political_prisoners_in_registry": reg["political_prisoners"],
        "returned_in_registry": reg["returned_to_custody"],
        "returned_persons": "|".join(p["name"] for p in reg["returned_persons"]),
        "concessions": "|".join(c["text"] for c in d["concessions"]),
        "replacement": "|".join(
            f"{r['days_text']} ({r['basis']}: {r['formula']})" for r in d["replacement"]
        ),
        "sources": "|".join(s["url"] or s["publisher"] for s in d["sources"]),
    }


def headline(view: View, on: date) -> dict[str, Any] | None:
    """The latest published count of political prisoners held (on or before `on`), with its
    source and date, beside the registry's count for the same day and its coverage: what
    share of the published count the registry can name."""
    held = [
        o for o in view.observations if o.metric is ObservationMetric.HELD and o.period.latest <= on
    ]
    if not held:
        return None
    ob = max(held, key=lambda o: (o.period.latest, o.recorded_at, o.id))
    reg = view.index.stock_on(ob.period.latest)
    refs = view.refs(ob.source_ids)
    return {
        "value": ob.value,
        "text": qualified(ob.value, ob.qualifier.value),
        "qualifier": ob.qualifier.value,
        "organisation": canonical_organisation(ob.organisation),
        "organisation_as_written": ob.organisation,
        "by": canonical_organisation(ob.organisation)
        or ", ".join(r["publisher"] for r in refs)
        or None,
        "period": str(ob.period),
        "on": ob.period.latest.isoformat(),
        "sources": refs,
        "registry": reg.as_dict(),
        "coverage": round(100 * reg.high / ob.value, 1) if ob.value else None,
    }


class ScopeError(ValueError):
    """A scope naming an organisation or country the ledger does not know."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def known_names(store: LedgerStore) -> tuple[list[str], list[str]]:
    """The organisations (that recognise prisoners or publish figures) and the countries the
    ledger knows. Organisations are public bodies, so naming them reveals nobody."""
    orgs = {canonical_organisation(e.organisation) or "" for e in store.events()}
    orgs |= {canonical_organisation(o.organisation) or "" for o in store.observations()}
    orgs.discard("")
    countries = {p.country for p in store.persons() if p.country}
    countries |= {d.country for d in store.deals() if d.country}
    countries |= {o.country for o in store.observations() if o.country}
    return sorted(orgs, key=str.casefold), sorted(countries)


def check_scope(scope: Scope, known: tuple[list[str], list[str]]) -> None:
    """Refuse a scope that names an unknown organisation or country, saying which are known:
    a mistyped `Vyasna` must not quietly give 0."""
    orgs, countries = known
    if scope.organisation and not any(organisation_matches(o, scope.organisation) for o in orgs):
        raise ScopeError(
            "org",
            f"no such organisation {scope.organisation!r}; known: {', '.join(orgs) or 'none'}",
        )
    if scope.country and scope.country.upper() not in countries:
        raise ScopeError(
            "country",
            f"no such country {scope.country!r}; known: {', '.join(countries) or 'none'}",
        )
