"""A seeded synthetic registry for benchmarks: persons with realistic custody histories."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from prisonwatch.core.dates import FuzzyDate, Precision, parse_fuzzy
from prisonwatch.core.records import Event
from prisonwatch.core.vocabulary import EventKind, ReleaseMechanism

START = date(2015, 1, 1)
END = date(2026, 6, 30)
MECHANISMS = list(ReleaseMechanism)
ORGS = ["Viasna", "Memorial", "OVD-Info"]


@dataclass(frozen=True, slots=True)
class Row:
    """One event as plain values, for loading into another engine."""

    id: str
    person_id: str
    kind: str
    earliest: date
    latest: date
    mechanism: str | None
    organisation: str | None
    recorded_at: datetime


def _fuzzy(day: date, rnd: random.Random, month_share: float) -> FuzzyDate:
    if rnd.random() < month_share:
        return parse_fuzzy(day.strftime("%Y-%m"))
    return FuzzyDate(day, day, Precision.DAY)


def registry(
    persons: int, events_per_person: int = 10, seed: int = 7, month_share: float = 0.1
) -> list[Event]:
    """About `persons * events_per_person` events. Custody-changing events are at least two
    months apart, so every engine pairs them the same way whatever the date precision."""
    rnd = random.Random(seed)
    span = (END - START).days
    out: list[Event] = []
    n = 0
    for p in range(persons):
        pid = f"p{p}"
        day = START + timedelta(days=rnd.randrange(span - 1500))
        evs: list[tuple[EventKind, date, ReleaseMechanism | None, str | None]] = []
        evs.append((EventKind.DETAINED, day, None, None))
        if rnd.random() < 0.8:
            evs.append(
                (
                    EventKind.DESIGNATED,
                    day + timedelta(days=rnd.randrange(62, 200)),
                    None,
                    rnd.choice(ORGS),
                )
            )
        cursor = day + timedelta(days=200)
        evs.append((EventKind.CHARGED, day + timedelta(days=rnd.randrange(1, 60)), None, None))
        evs.append((EventKind.SENTENCED, cursor + timedelta(days=rnd.randrange(1, 60)), None, None))
        cursor += timedelta(days=62)
        open_ = True
        while len(evs) < events_per_person:
            step = timedelta(days=rnd.randrange(62, 400))
            cursor += step
            if cursor > END:
                break
            if rnd.random() < 0.3:
                evs.append((EventKind.TRANSFERRED, cursor, None, None))
                continue
            if open_:
                evs.append((EventKind.RELEASED, cursor, rnd.choice(MECHANISMS), None))
            else:
                evs.append((EventKind.RETURNED_TO_CUSTODY, cursor, None, None))
            open_ = not open_
        while len(evs) < events_per_person:
            evs.append(
                (EventKind.TRANSFERRED, day + timedelta(days=rnd.randrange(1, 60)), None, None)
            )
        for kind, d, mech, org in evs:
            recorded = datetime.combine(
                d + timedelta(days=rnd.randrange(0, 400)), datetime.min.time()
            )
            out.append(
                Event(
                    f"e{n}",
                    pid,
                    kind,
                    _fuzzy(d, rnd, month_share),
                    recorded,
                    mechanism=mech,
                    organisation=org,
                )
            )
            n += 1
    return out


def rows(events: list[Event]) -> list[Row]:
    return [
        Row(
            e.id,
            e.person_id,
            e.kind.value,
            e.date.earliest,
            e.date.latest,
            e.mechanism.value if e.mechanism else None,
            e.organisation,
            e.recorded_at,
        )
        for e in events
    ]
