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
from prisonwatch.core.periods import Period
from prisonwatch.core.records import Event
from prisonwatch.core.vocabulary import RECOGNITION, EventKind, organisation_matches


def tally_key(event: Event) -> str:
    """`released:pardon`, `designated:Viasna`, or the bare kind."""
    if event.kind is EventKind.RELEASED:
        return f"released:{(event.mechanism.value if event.mechanism else 'unknown')}"
    if event.kind in RECOGNITION and event.organisation:
        return f"{event.kind.value}:{event.organisation}"
    return event.kind.value


def tally(
    events: Iterable[Event], periods: Sequence[Period], organisation: str | None = None
) -> list[dict[str, Bounds]]:
    """For each period, the count of events by kind and by `tally_key`.

    With `organisation`, designations by other organisations are left out.
    """
    firsts = [p.first.toordinal() for p in periods]
    lasts = [p.last.toordinal() for p in periods]
    sure: list[Counter[str]] = [Counter() for _ in periods]
    maybe: list[Counter[str]] = [Counter() for _ in periods]
    for ev in events:
        if ev.kind in RECOGNITION and not organisation_matches(ev.organisation, organisation):
            continue
        e, la = ev.date.earliest.toordinal(), ev.date.latest.toordinal()
        lo = bisect_left(lasts, e)
        hi = bisect_right(firsts, la)
        if lo >= hi:
            continue
        key = tally_key(ev)
        keys = (key,) if key == ev.kind.value else (ev.kind.value, key)
        for i in range(lo, hi):
            for key in keys:
                maybe[i][key] += 1
        if hi - lo == 1 and firsts[lo] <= e and la <= lasts[lo]:
            for key in keys:
                sure[lo][key] += 1
    return [
        {k: Bounds(sure[i][k], maybe[i][k]) for k in sorted(maybe[i])} for i in range(len(periods))
    ]
