"""Deal accounting and the revolving door.

For each deal: how many it released (as reported, and as the registry can account for by
name), how many of them were political prisoners, how many were later taken back into custody,
what each side conceded, and the replacement time: the days until new designations after the
deal reach the number of political prisoners it freed. When the registry holds too few
individual designations, a published designation figure for a period after the deal gives an
estimate at its average rate, and says so (`basis`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from prisonwatch.core.dates import month_start
from prisonwatch.core.records import Concession, Deal, Event, Observation
from prisonwatch.core.timeline import first_designation, sort_key
from prisonwatch.core.vocabulary import (
    CUSTODY_START,
    RECOGNITION,
    EventKind,
    ObservationMetric,
    organisation_matches,
)


@dataclass(frozen=True, slots=True)
class Replacement:
    """When new designations after a deal matched the political prisoners it freed.

    `days` is the best figure; `days_max` the latest it can be (the end of the published
    period that proves it); `basis` is `registry` or `published_rate`.
    """

    days: int
    days_max: int
    basis: str
    observation_id: str | None = None


@dataclass(frozen=True, slots=True)
class DealAccount:
    deal: Deal
    released: int
    released_in_registry: int
    political_prisoners: int
    political_prisoners_in_registry: int
    returned_to_custody: int
    returned_in_registry: int
    returned_persons: tuple[str, ...]
    released_persons: tuple[str, ...]
    concessions: tuple[Concession, ...]
    replacement: Replacement | None


def _replacement_from_registry(
    deal_day: date, designations: Sequence[Event], needed: int
) -> Replacement | None:
    after = sorted((e for e in designations if e.date.earliest > deal_day), key=sort_key)
    if needed <= 0 or len(after) < needed:
        return None
    by_latest = sorted(e.date.latest for e in after)
    by_earliest = sorted(e.date.earliest for e in after)
    return Replacement(
        days=(by_earliest[needed - 1] - deal_day).days,
        days_max=(by_latest[needed - 1] - deal_day).days,
        basis="registry",
    )


def _replacement_from_rate(
    deal: Deal, observations: Sequence[Observation], organisation: str | None, needed: int
) -> Replacement | None:
    """Estimate from a published count of designations over a period starting at the deal."""
    deal_day = deal.date.latest
    best: Replacement | None = None
    for ob in observations:
        if ob.metric is not ObservationMetric.DESIGNATED or ob.value < needed or needed <= 0:
            continue
        if (
            organisation is not None
            and (ob.organisation or "").casefold() != organisation.casefold()
        ):
            continue
        if deal.country and ob.country and ob.country != deal.country:
            continue
        if not month_start(deal.date.earliest) <= ob.period.earliest <= deal_day:
            continue  # the published period must begin with the deal
        span = (ob.period.latest - ob.period.earliest).days + 1
        days = math.ceil(needed * span / ob.value)  # at the period's average rate
        cand = Replacement(
            days, (ob.period.latest - deal.date.earliest).days, "published_rate", ob.id
        )
        if best is None or cand.days_max < best.days_max:
            best = cand
    return best


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
        political = 0
        returned: list[str] = []
        for pid in persons:
            own = by_person.get(pid, [])
            release = min((e for e in releases if e.person_id == pid), key=sort_key)
            desig = first_designation(own, organisation)
            if desig is not None and desig.date.earliest <= release.date.latest:
                political += 1
            if any(e.kind in CUSTODY_START and sort_key(e) > sort_key(release) for e in own):
                returned.append(pid)
        pp = deal.reported_political_prisoners
        freed_pp = pp if pp is not None else political
        replacement = _replacement_from_registry(
            deal.date.latest, designations, freed_pp
        ) or _replacement_from_rate(deal, observations, organisation, freed_pp)
        out.append(
            DealAccount(
                deal=deal,
                released=deal.reported_released
                if deal.reported_released is not None
                else len(persons),
                released_in_registry=len(persons),
                political_prisoners=freed_pp,
                political_prisoners_in_registry=political,
                returned_to_custody=max(len(returned), deal.reported_returned or 0),
                returned_in_registry=len(returned),
                returned_persons=tuple(returned),
                released_persons=persons,
                concessions=deal.concessions,
                replacement=replacement,
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
