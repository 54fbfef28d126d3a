"""Small builders for core records in tests."""

from __future__ import annotations

from datetime import datetime

from prisonwatch.core.dates import parse_fuzzy
from prisonwatch.core.records import Event
from prisonwatch.core.vocabulary import EventKind, ReleaseMechanism

T0 = datetime(2026, 1, 1)
_counter = iter(range(10**9))


def ev(
    person: str,
    kind: str,
    when: str,
    *,
    mechanism: str | None = None,
    org: str | None = None,
    deal: str | None = None,
    recorded: datetime = T0,
    supersedes: str | None = None,
    void: bool = False,
    id: str | None = None,
) -> Event:
    return Event(
        id=id or f"e{next(_counter)}",
        person_id=person,
        kind=EventKind(kind),
        date=parse_fuzzy(when),
        recorded_at=recorded,
        mechanism=ReleaseMechanism(mechanism) if mechanism else None,
        organisation=org,
        deal_id=deal,
        supersedes=supersedes,
        void=void,
    )
