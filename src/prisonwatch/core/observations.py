"""Published figures set beside what the registry derives for the same day or period.

The difference is always shown, never hidden: a registry that counts 300 where Viasna counts
1,110 is incomplete, and users must see by how much.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from prisonwatch.core.bounds import Bounds
from prisonwatch.core.dates import FuzzyDate
from prisonwatch.core.deals import qualifier_bounds
from prisonwatch.core.ledger import StockIndex
from prisonwatch.core.periods import Period
from prisonwatch.core.records import Event, Observation
from prisonwatch.core.tallies import tally
from prisonwatch.core.vocabulary import ObservationMetric, Qualifier, organisation_matches


@dataclass(frozen=True, slots=True)
class Difference:
    """Published minus registry, as honest bounds: the published figure's qualifier counts.

    "more than 1,100" allows 1,101 or more, so its difference from a registry count of 1 is
    "at least 1,100" (`high` None: open above), never an exact 1,099; "up to 1,400" allows 0 to
    1,400, so the difference may be negative. "about 1,100" has no stated width: the
    difference is computed from the value and marked `approximate`, so that it is never shown
    as exact."""

    low: int
    high: int | None
    approximate: bool = False

    @property
    def exact(self) -> bool:
        return self.high is not None and self.low == self.high and not self.approximate

    def as_dict(self) -> dict[str, int | bool | None]:
        return {
            "low": self.low,
            "high": self.high,
            "exact": self.exact,
            "approximate": self.approximate,
        }


@dataclass(frozen=True, slots=True)
class Comparison:
    """A published figure, the registry's figure for the same thing, and their difference."""

    observation: Observation
    registry: Bounds

    @property
    def difference(self) -> Difference:
        """Published minus registry, as bounds from the values the published figure's
        qualifier allows and the registry's bounds."""
        ob = self.observation
        low, high = qualifier_bounds(ob.value, ob.qualifier)
        return Difference(
            low - self.registry.high,
            None if high is None else high - self.registry.low,
            ob.qualifier is Qualifier.ABOUT,
        )


Tally = Callable[[Sequence[Period], str | None], list[dict[str, Bounds]]]
"""Counts of events per period (`core.tallies.tally` over some events, or a memo of it)."""


def compare(
    observations: Sequence[Observation],
    index: StockIndex,
    events: Sequence[Event],
    counts: Tally | None = None,
) -> list[Comparison]:
    """Each observation beside the registry: stocks at the period's last day, flows over it.
    `counts` tallies the events (by default `tally` over `events`)."""
    out: list[Comparison] = []
    for ob in sorted(observations, key=lambda o: (o.period.earliest, o.id)):
        if ob.metric is ObservationMetric.HELD:
            reg = index.stock_on(ob.period.latest)
        else:
            period = Period(str(ob.period), ob.period.earliest, ob.period.latest)
            if counts is None:
                found = tally(events, [period], ob.organisation)[0]
            else:
                found = counts([period], ob.organisation)[0]
            reg = found.get(ob.metric.value, Bounds(0, 0))
        out.append(Comparison(ob, reg))
    return out


@dataclass(frozen=True, slots=True)
class PublishedTally:
    """Published figures of one metric summed over one period, as bounds."""

    period: Period
    total: Bounds
    figures: int
    """How many distinct figures (one per place and event) fall in the period."""


def published_tally(
    observations: Sequence[Observation],
    metric: ObservationMetric,
    periods: Sequence[Period],
    organisation: str | None = None,
    country: str | None = None,
) -> list[PublishedTally]:
    """Published figures of `metric` (OVD-Info's detentions per protest, say) summed by period.

    Each figure counts once per place and event (its scope); reports of the same scope that
    disagree give bounds from the lowest to the highest value. A figure whose dates may fall in
    several periods counts in the high bound of each and the low bound of none.
    """
    groups: dict[tuple[FuzzyDate, str | None, str | None, str | None], list[int]] = {}
    spans: dict[tuple[FuzzyDate, str | None, str | None, str | None], Observation] = {}
    for ob in observations:
        if ob.metric is not metric:
            continue
        if organisation is not None and not organisation_matches(ob.organisation, organisation):
            continue
        if country is not None and (ob.country or "").upper() != country.upper():
            continue
        key = (ob.period, ob.place, ob.scope, ob.country)
        groups.setdefault(key, []).append(ob.value)
        spans[key] = ob
    out = []
    for p in periods:
        low = high = n = 0
        for key, values in groups.items():
            period = spans[key].period
            if period.latest < p.first or period.earliest > p.last:
                continue
            n += 1
            high += max(values)
            if p.first <= period.earliest and period.latest <= p.last:
                low += min(values)
        out.append(PublishedTally(p, Bounds(low, high), n))
    return out
