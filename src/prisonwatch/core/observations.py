"""Published figures set beside what the registry derives for the same day or period.

The difference is always shown, never hidden: a registry that counts 300 where Viasna counts
1,110 is incomplete, and users must see by how much.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from prisonwatch.core.bounds import Bounds
from prisonwatch.core.ledger import StockIndex
from prisonwatch.core.periods import Period
from prisonwatch.core.records import Event, Observation
from prisonwatch.core.tallies import tally
from prisonwatch.core.vocabulary import ObservationMetric


@dataclass(frozen=True, slots=True)
class Comparison:
    """A published figure, the registry's figure for the same thing, and their difference."""

    observation: Observation
    registry: Bounds

    @property
    def difference(self) -> Bounds:
        """Published minus registry, as bounds."""
        return Bounds(self.observation.value, self.observation.value) - self.registry


def compare(
    observations: Sequence[Observation], index: StockIndex, events: Sequence[Event]
) -> list[Comparison]:
    """Each observation beside the registry: stocks at the period's last day, flows over it."""
    out: list[Comparison] = []
    for ob in sorted(observations, key=lambda o: (o.period.earliest, o.id)):
        if ob.metric is ObservationMetric.HELD:
            reg = index.stock_on(ob.period.latest)
        else:
            period = Period(str(ob.period), ob.period.earliest, ob.period.latest)
            counts = tally(events, [period], ob.organisation)[0]
            reg = counts.get(ob.metric.value, Bounds(0, 0))
        out.append(Comparison(ob, reg))
    return out
