"""Counts of events per period, by kind, release mechanism and designating organisation.

These are the raw flows a documenter reads off a registry ("how many pardons in July?"), as
opposed to the political-prisoner flows of `core.ledger`, which count entries into and exits
from the stock. An event whose date spans several periods is possible in each of them and sure
in none; one whose range lies inside a single period is sure there.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence

from prisonwatch.core.bounds import Bounds
from prisonwatch.core.bulk import paused_gc
from prisonwatch.core.organisations import canonical_organisation
from prisonwatch.core.periods import Period
from prisonwatch.core.records import Event
from prisonwatch.core.vocabulary import (
    RECOGNITION,
    EventKind,
    ReleaseMechanism,
    organisation_matches,
)


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
    # what each (kind, mechanism, organisation) counts under: worked out once per triple
    labels: dict[tuple[EventKind, ReleaseMechanism | None, str | None], tuple[str, ...]] = {}
    n_periods = len(periods)
    for (earliest, latest, kind, mechanism, org), n in combos.items():
        keys = labels.get((kind, mechanism, org))
        if keys is None:
            if kind in RECOGNITION and not organisation_matches(org, organisation):
                keys = ()
            else:
                key = _key(kind, mechanism, org)
                keys = (key,) if key == kind.value else (kind.value, key)
            labels[kind, mechanism, org] = keys
        if not keys:
            continue
        e, la = earliest.toordinal(), latest.toordinal()
        lo = bisect_left(lasts, e)
        if lo == n_periods:
            continue
        if e >= firsts[lo] and la <= lasts[lo]:  # within one period: sure there
            for k in keys:
                maybe[lo][k] += n
                sure[lo][k] += n
            continue
        hi = bisect_right(firsts, la)
        for i in range(lo, hi):
            for k in keys:
                maybe[i][k] += n
    return [
        {k: Bounds(sure[i][k], maybe[i][k]) for k in sorted(maybe[i])} for i in range(len(periods))
    ]
