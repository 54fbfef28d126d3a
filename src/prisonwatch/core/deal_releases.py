"""Released in deals, as of a day: the registry's count and what was published, side by side.

The `deal` release mechanism is not this number: a release in a deal is often recorded as a
`pardon` or a `deportation` that names the deal, so the mechanism column of the series counts
only releases whose sources called the mechanism a deal. This module counts what the question
"how many were freed through deals by day X, and how many of them political prisoners?" asks:

- **in the registry**: the releases whose events name a deal, by day X, as bounds (a release
  dated "September" is possibly but not surely by 15 September), and those of the released
  persons recognised as political prisoners before their release (by any organisation, or by
  the one in scope). A person freed in two deals counts in each: the figure counts releases.
- **as published**: for each deal, the figures its sources published (value, qualifier, who
  said it, which sources), never replaced by the registry's count. Sources often disagree
  ("123" and "114" for one deal), so a deal's published figures give a span, from the lowest
  value any of them allows to the highest; the total over the deals is the sum of the spans. A
  deal with no published figure of a kind leaves the total without an upper bound, and is
  named, rather than counted as zero.

Both count deals possibly dated by day X; the lower bound takes only those surely by then.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from prisonwatch.core.bounds import Bounds
from prisonwatch.core.deals import DealAccount, FigureKind, PublishedFigure
from prisonwatch.core.records import Deal


@dataclass(frozen=True, slots=True)
class PublishedTotal:
    """What the deals' published figures of one kind allow in total.

    `low` is the sum, over the deals surely dated by the day, of the lowest value each deal's
    figures allow; `high` the sum of the highest over the deals possibly dated by then, None
    when that is open (a figure "more than 109", or a deal with nothing published). `missing`
    names the deals with no published figure of this kind."""

    low: int
    high: int | None
    missing: tuple[str, ...]

    @property
    def exact(self) -> bool:
        return self.high is not None and self.low == self.high


@dataclass(frozen=True, slots=True)
class DealReleases:
    """One deal's part of the figure: the registry's releases by the day, and what was
    published about it."""

    deal: Deal
    surely_by: bool
    """The deal is surely dated by the day (else only possibly)."""
    released: Bounds
    political_prisoners: Bounds
    published_released: tuple[PublishedFigure, ...]
    published_political: tuple[PublishedFigure, ...]


@dataclass(frozen=True, slots=True)
class ReleasedInDeals:
    """The answer for one day: the registry's counts as bounds, the published totals, and
    each deal's part with its published figures and their sources."""

    on: date
    released: Bounds
    political_prisoners: Bounds
    published_released: PublishedTotal
    published_political: PublishedTotal
    deals: tuple[DealReleases, ...]


def _span(figures: Sequence[PublishedFigure]) -> tuple[int, int | None] | None:
    """The values a deal's published figures of one kind allow together: from the lowest any
    of them allows to the highest (None above when one is open); None when there are none."""
    if not figures:
        return None
    lows, highs = zip(*(f.bounds for f in figures), strict=True)
    high = None if any(h is None for h in highs) else max(h for h in highs if h is not None)
    return min(lows), high


def _total(parts: Sequence[DealReleases], kind: FigureKind) -> PublishedTotal:
    low = 0
    high: int | None = 0
    missing: list[str] = []
    for part in parts:
        figs = part.published_released if kind is FigureKind.RELEASED else part.published_political
        span = _span(figs)
        if span is None:
            missing.append(part.deal.id)
            high = None
            continue
        if part.surely_by:
            low += span[0]
        high = None if high is None or span[1] is None else high + span[1]
    return PublishedTotal(low, high, tuple(missing))


def released_in_deals(accounts: Sequence[DealAccount], on: date) -> ReleasedInDeals:
    """Releases in deals by the end of `on`, from the deals' accounts (`deals.account`, which
    already applies the organisation in scope to who counts as a political prisoner)."""
    parts: list[DealReleases] = []
    for a in accounts:
        if a.deal.date.earliest > on:
            continue
        political = set(a.political_persons)
        sure = possible = sure_pp = possible_pp = 0
        for pid, when in zip(a.released_persons, a.released_on, strict=True):
            if when.earliest > on:
                continue
            possible += 1
            possible_pp += pid in political
            if when.latest <= on:
                sure += 1
                sure_pp += pid in political
        parts.append(
            DealReleases(
                deal=a.deal,
                surely_by=a.deal.date.latest <= on,
                released=Bounds(sure, possible),
                political_prisoners=Bounds(sure_pp, possible_pp),
                published_released=a.published_of(FigureKind.RELEASED),
                published_political=a.published_of(FigureKind.POLITICAL_PRISONERS),
            )
        )
    zero = Bounds(0, 0)
    return ReleasedInDeals(
        on=on,
        released=sum((p.released for p in parts), zero),
        political_prisoners=sum((p.political_prisoners for p in parts), zero),
        published_released=_total(parts, FigureKind.RELEASED),
        published_political=_total(parts, FigureKind.POLITICAL_PRISONERS),
        deals=tuple(parts),
    )
