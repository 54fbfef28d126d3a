"""Deal accounting and the revolving door.

For each deal the ledger sets two kinds of figure side by side and never puts one in the
other's place:

- **as published**: what sources said the deal released, how many of those were political
  prisoners, how many were taken back; each with its qualifier ("more than 109"), who said it
  and its sources. They come from the deal record's own reported figures and from published
  `released` observations for the deal's day: one that names an organisation counts the
  political prisoners (by that organisation's recognition) among those released, one that names
  none counts everyone released.
- **in the registry**: the persons whose release events name the deal, those of them
  recognised as political prisoners before their release, and those later back in custody.

The replacement time is the number of days until new designations after the deal match the
political prisoners it freed. It is computed on a stated basis, with its inputs and formula
(docs/ledger.md): from a published designation count over a period that begins with the deal,
at that period's average rate, or from the registry's own dated designations. Where an input
is a bound ("more than 40"), the result is a bound.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from prisonwatch.core.dates import FuzzyDate, month_start
from prisonwatch.core.records import Concession, Deal, Event, Observation
from prisonwatch.core.timeline import first_designation, sort_key
from prisonwatch.core.vocabulary import (
    CUSTODY_START,
    RECOGNITION,
    EventKind,
    ObservationMetric,
    Qualifier,
    organisation_matches,
)


class FigureKind(StrEnum):
    """What a published deal figure counts."""

    RELEASED = "released"
    POLITICAL_PRISONERS = "political_prisoners"
    RETURNED_TO_CUSTODY = "returned_to_custody"


def qualifier_bounds(value: int, qualifier: Qualifier) -> tuple[int, int | None]:
    """The values a qualified figure allows: `(low, high)`, `high` None when open above.

    "about" is kept as its value: the source gives no width to widen it by.
    """
    if qualifier is Qualifier.AT_LEAST:
        return value, None
    if qualifier is Qualifier.MORE_THAN:
        return value + 1, None
    if qualifier is Qualifier.UP_TO:
        return 0, value
    if qualifier is Qualifier.FEWER_THAN:
        return 0, max(value - 1, 0)
    return value, value


@dataclass(frozen=True, slots=True)
class PublishedFigure:
    """One figure a source published about a deal, exactly as stated."""

    kind: FigureKind
    value: int
    qualifier: Qualifier
    by: str | None
    source_ids: tuple[str, ...]
    note: str | None = None
    observation_id: str | None = None

    @property
    def bounds(self) -> tuple[int, int | None]:
        return qualifier_bounds(self.value, self.qualifier)


class Basis(StrEnum):
    """What a replacement time rests on."""

    PUBLISHED_RATE = "published_rate"
    REGISTRY = "registry"


@dataclass(frozen=True, slots=True)
class Replacement:
    """When new designations after a deal matched the political prisoners it freed.

    `needed` is that number and `needed_from` where it comes from (a published figure, or the
    registry's count). `designations` counts designations after the deal on this basis (over
    `period` for a published figure). `days_low`/`days_high` bound the days from the deal until
    they reached `needed` (`days_high` None: not bounded above; both None: not reached).
    `certain_within` is the days until the end of the published period when the count surely
    reached `needed` by then. `formula` shows the arithmetic.
    """

    basis: Basis
    needed: int
    needed_qualifier: Qualifier
    needed_from: PublishedFigure | None
    designations: int
    designations_qualifier: Qualifier
    days_low: int | None
    days_high: int | None
    formula: str
    period: tuple[date, date] | None = None
    certain_within: int | None = None
    observation_id: str | None = None
    designations_by: str | None = None

    @property
    def reached(self) -> bool:
        return self.days_low is not None


class Moment(StrEnum):
    """The kinds of moment on a deal's timeline."""

    RELEASE = "release"
    CONCESSION = "concession"
    RETURNED = "returned_to_custody"
    DESIGNATIONS_PUBLISHED = "designations_published"


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One moment of a deal's story, dated as the records date it."""

    date: FuzzyDate
    moment: Moment
    person_id: str | None = None
    concession: Concession | None = None


@dataclass(frozen=True, slots=True)
class DealAccount:
    """A deal's figures as published and as in the registry, kept apart."""

    deal: Deal
    published: tuple[PublishedFigure, ...]
    released_persons: tuple[str, ...]
    political_persons: tuple[str, ...]
    returned_persons: tuple[str, ...]
    concessions: tuple[Concession, ...]
    replacements: tuple[Replacement, ...]
    timeline: tuple[TimelineEntry, ...]
    released_on: tuple[FuzzyDate, ...] = ()
    """When each of `released_persons` was released in the deal (their release event's
    date, in the same order), so that a count "as of" a day can say which releases surely
    and which possibly had happened by then."""

    def published_of(self, kind: FigureKind) -> tuple[PublishedFigure, ...]:
        return tuple(f for f in self.published if f.kind is kind)


def published_figures(deal: Deal, observations: Sequence[Observation]) -> list[PublishedFigure]:
    """The deal's published figures: its observations first, then its record's own figures
    where no observation already gives the same number for the same thing."""
    out: list[PublishedFigure] = []
    for ob in sorted(observations, key=lambda o: o.id):
        if ob.metric is not ObservationMetric.RELEASED:
            continue
        if deal.country and ob.country and ob.country != deal.country:
            continue
        if not (deal.date.earliest <= ob.period.earliest and ob.period.latest <= deal.date.latest):
            continue
        kind = FigureKind.POLITICAL_PRISONERS if ob.organisation else FigureKind.RELEASED
        out.append(
            PublishedFigure(
                kind, ob.value, ob.qualifier, ob.organisation, ob.source_ids, ob.note, ob.id
            )
        )
    own = (
        (FigureKind.RELEASED, deal.reported_released),
        (FigureKind.POLITICAL_PRISONERS, deal.reported_political_prisoners),
        (FigureKind.RETURNED_TO_CUSTODY, deal.reported_returned),
    )
    for kind, value in own:
        if value is None or any(f.kind is kind and f.value == value for f in out):
            continue
        out.append(PublishedFigure(kind, value, Qualifier.EXACT, deal.figures_by, deal.source_ids))
    return out


def _needed(
    published: Sequence[PublishedFigure], organisation: str | None
) -> PublishedFigure | None:
    """The published count of political prisoners freed to measure replacement against:
    the one by `organisation` when there is one."""
    pp = [f for f in published if f.kind is FigureKind.POLITICAL_PRISONERS]
    same = [f for f in pp if organisation and organisation_matches(f.by, organisation)]
    chosen = same or pp
    return chosen[0] if chosen else None


def _ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def replacement_from_rate(
    deal: Deal, needed: PublishedFigure, ob: Observation
) -> Replacement | None:
    """Days until `needed` designations at the average rate of a published designation count
    over a period that begins with the deal: ⌈needed × days in period ÷ designations⌉.

    None when the period does not begin with the deal (from the start of the deal's month to
    the day after it) or the published count is smaller than `needed`.
    """
    start, end = ob.period.earliest, ob.period.latest
    if not month_start(deal.date.earliest) <= start <= deal.date.latest + timedelta(days=1):
        return None
    if ob.value < needed.value or needed.value <= 0 or ob.value <= 0:
        return None
    span = (end - start).days + 1
    n_low, n_high = needed.bounds
    d_low, d_high = qualifier_bounds(ob.value, ob.qualifier)
    low = _ceil_div(n_low * span, d_high) if d_high else 0
    if n_low > 0:
        low = max(low, 1)
    high = _ceil_div(n_high * span, d_low) if n_high is not None and d_low > 0 else None
    surely = n_high is not None and d_low >= n_high
    days = _ceil_div(needed.value * span, ob.value)
    formula = f"⌈{needed.value} × {span} days ÷ {ob.value}⌉ = {days} days"
    return Replacement(
        basis=Basis.PUBLISHED_RATE,
        needed=needed.value,
        needed_qualifier=needed.qualifier,
        needed_from=needed,
        designations=ob.value,
        designations_qualifier=ob.qualifier,
        days_low=low,
        days_high=high,
        formula=formula,
        period=(start, end),
        certain_within=(end - deal.date.earliest).days if surely else None,
        observation_id=ob.id,
        designations_by=ob.organisation,
    )


def replacement_from_registry(
    deal_day: date,
    designations: Sequence[Event],
    needed: int,
    needed_qualifier: Qualifier = Qualifier.EXACT,
    needed_from: PublishedFigure | None = None,
) -> Replacement:
    """Days until the registry's `needed`-th designation dated surely after the deal: the
    earliest and latest day it can have been, given how precisely each is dated."""
    after = [e for e in designations if e.date.earliest > deal_day]
    base = Replacement(
        basis=Basis.REGISTRY,
        needed=needed,
        needed_qualifier=needed_qualifier,
        needed_from=needed_from,
        designations=len(after),
        designations_qualifier=Qualifier.EXACT,
        days_low=None,
        days_high=None,
        formula=f"{len(after)} designations recorded after {deal_day.isoformat()}, {needed} needed",
    )
    if needed <= 0 or len(after) < needed:
        return base
    low = (sorted(e.date.earliest for e in after)[needed - 1] - deal_day).days
    high = (sorted(e.date.latest for e in after)[needed - 1] - deal_day).days
    return replace(
        base,
        days_low=low,
        days_high=high,
        formula=f"designation number {needed} designation recorded after {deal_day.isoformat()} "
        f"falls {low}" + (f"–{high}" if high != low else "") + " days after the deal",
    )


def _replacements(
    deal: Deal,
    published: Sequence[PublishedFigure],
    political_in_registry: int,
    designations: Sequence[Event],
    observations: Sequence[Observation],
    organisation: str | None,
) -> tuple[Replacement, ...]:
    out: list[Replacement] = []
    best: Replacement | None = None
    for ob in observations:
        if ob.metric is not ObservationMetric.DESIGNATED:
            continue
        if not organisation_matches(ob.organisation, organisation):
            continue
        if deal.country and ob.country and ob.country != deal.country:
            continue
        needed = _needed(published, ob.organisation)
        if needed is None:
            continue
        cand = replacement_from_rate(deal, needed, ob)
        if cand is not None and (best is None or _end(cand) < _end(best)):
            best = cand
    if best is not None:
        out.append(best)
    wanted = _needed(published, organisation)
    if wanted is not None:
        out.append(
            replacement_from_registry(
                deal.date.latest, designations, wanted.value, wanted.qualifier, wanted
            )
        )
    elif political_in_registry:
        out.append(replacement_from_registry(deal.date.latest, designations, political_in_registry))
    return tuple(out)


def _end(r: Replacement) -> date:
    return r.period[1] if r.period else date.max


def _timeline(
    deal: Deal,
    returns: Sequence[Event],
    observations: Sequence[Observation],
    replacements: Sequence[Replacement],
) -> tuple[TimelineEntry, ...]:
    entries = [TimelineEntry(deal.date, Moment.RELEASE)]
    entries += [TimelineEntry(deal.date, Moment.CONCESSION, concession=c) for c in deal.concessions]
    entries += [TimelineEntry(e.date, Moment.RETURNED, person_id=e.person_id) for e in returns]
    by_id = {o.id: o for o in observations}
    for r in replacements:
        ob = by_id.get(r.observation_id or "")
        if ob is not None:
            end = FuzzyDate.day(ob.period.latest)
            entries.append(TimelineEntry(end, Moment.DESIGNATIONS_PUBLISHED))
    order = list(Moment)
    return tuple(sorted(entries, key=lambda t: (t.date.earliest, order.index(t.moment))))


def account(
    deals: Sequence[Deal],
    events: Sequence[Event],
    observations: Sequence[Observation] = (),
    organisation: str | None = None,
) -> list[DealAccount]:
    """The accounting of every deal, in date order, from the effective events."""
    by_person: dict[str, list[Event]] = {}
    for ev in events:
        by_person.setdefault(ev.person_id, []).append(ev)
    designations = [
        e
        for e in events
        if e.kind in RECOGNITION and organisation_matches(e.organisation, organisation)
    ]
    out: list[DealAccount] = []
    for deal in sorted(deals, key=lambda d: (d.date.earliest, d.id)):
        releases = [
            e
            for e in events
            if e.deal_id == deal.id and e.kind in (EventKind.RELEASED, EventKind.DEPORTED)
        ]
        persons = tuple(sorted({e.person_id for e in releases}))
        political: list[str] = []
        returns: list[Event] = []
        released_on: list[FuzzyDate] = []
        for pid in persons:
            own = by_person.get(pid, [])
            release = min((e for e in releases if e.person_id == pid), key=sort_key)
            released_on.append(release.date)
            desig = first_designation(own, organisation)
            if desig is not None and desig.date.earliest <= release.date.latest:
                political.append(pid)
            back = [e for e in own if e.kind in CUSTODY_START and sort_key(e) > sort_key(release)]
            if back:
                returns.append(min(back, key=sort_key))
        published = published_figures(deal, observations)
        replacements = _replacements(
            deal, published, len(political), designations, observations, organisation
        )
        out.append(
            DealAccount(
                deal=deal,
                published=tuple(published),
                released_persons=persons,
                political_persons=tuple(political),
                returned_persons=tuple(e.person_id for e in returns),
                concessions=deal.concessions,
                replacements=replacements,
                timeline=_timeline(deal, returns, observations, replacements),
                released_on=tuple(released_on),
            )
        )
    return out


def designations_per_release(
    events: Sequence[Event], start: date, end: date, organisation: str | None = None
) -> tuple[int, int, float | None]:
    """The revolving-door ratio over `[start, end]`: new designations per release.

    Only events whose dates lie surely inside the window count. Returns the designations, the
    releases, and their ratio (None when nothing was released).
    """
    desig = sum(
        1
        for e in events
        if e.kind is EventKind.DESIGNATED
        and organisation_matches(e.organisation, organisation)
        and start <= e.date.earliest
        and e.date.latest <= end
    )
    released = sum(
        1
        for e in events
        if e.kind is EventKind.RELEASED and start <= e.date.earliest and e.date.latest <= end
    )
    return desig, released, (desig / released if released else None)
