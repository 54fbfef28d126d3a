"""A person's timeline folded into periods of custody and of political-prisoner status.

Status is derived, never stored: this fold is the only place that decides when someone was held.
The model is beancount's lifetimes: walk one person's events in date order and open or close an
interval at each event that starts or ends custody.

Rules:
- `detained` and `returned_to_custody` open custody; `released`, `died_in_custody` and
  `deported` (while held) close it.
- An organisation designates people it knows to be held, so a designation of someone with no
  custody on record yet opens custody at the designation date (marked `implied`). A designation
  after a recorded release is a recognition after release and opens nothing.
- Someone is a political prisoner while in custody and after their first designation (by the
  chosen organisation, if one is chosen). Designation is a status of the person, so someone
  re-arrested after release is a political prisoner again from the day of re-arrest.
- A release or death in custody with no custody open is a problem in the data, reported as such.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import NamedTuple

from prisonwatch.core.dates import FuzzyDate, max_fuzzy
from prisonwatch.core.problems import Problem
from prisonwatch.core.records import Event
from prisonwatch.core.vocabulary import (
    CUSTODY_END,
    CUSTODY_START,
    DEATHS,
    RECOGNITION,
    EventKind,
    ReleaseMechanism,
    organisation_matches,
)

_ORDER = {kind: i for i, kind in enumerate(EventKind)}


class Interval(NamedTuple):
    """A period `[start, end)`: held from the start day, free from the end day on.

    `end` is None while the person is still held. `mechanism` is how it ended when it ended in
    a release; `deal_id` the deal that release belonged to.
    """

    person_id: str
    start: FuzzyDate
    end: FuzzyDate | None
    start_event: str
    end_event: str | None = None
    end_kind: EventKind | None = None
    mechanism: ReleaseMechanism | None = None
    deal_id: str | None = None
    implied: bool = False

    def possibly_held(self, day: date) -> bool:
        return self.start.earliest <= day and (self.end is None or self.end.latest > day)

    def surely_held(self, day: date) -> bool:
        return self.start.latest <= day and (self.end is None or self.end.earliest > day)


_new_interval = tuple.__new__
"""Makes an `Interval` from all its fields at once, in C: a fold makes hundreds of thousands,
and the named tuple's own constructor is a Python function."""


CUSTODY_STATUSES = ("held", "uncertain", "died in custody", "not held", "no custody on record")
"""Every value `custody_status` gives: a filter by status accepts these and no other."""


def custody_status(intervals: Sequence[Interval], day: date) -> str:
    """Held, uncertain (the dates leave it open), died in custody, not held, or no custody on
    record. A death in custody is a status of its own, never "not held"."""
    if any(iv.surely_held(day) for iv in intervals):
        return "held"
    if any(iv.possibly_held(day) for iv in intervals):
        return "uncertain"
    if any(
        iv.end_kind in DEATHS and iv.end is not None and iv.end.latest <= day for iv in intervals
    ):
        return "died in custody"
    return "not held" if intervals else "no custody on record"


def sort_key(event: Event) -> tuple[date, date, int, str]:
    return (event.date.earliest, event.date.latest, _ORDER[event.kind], event.id)


def _end_mechanism(event: Event) -> ReleaseMechanism | None:
    if event.kind is EventKind.RELEASED:
        return event.mechanism or ReleaseMechanism.UNKNOWN
    if event.kind is EventKind.DEPORTED:
        return ReleaseMechanism.DEPORTATION
    return None


def fold_custody(events: Sequence[Event]) -> tuple[list[Interval], list[Problem]]:
    """Fold one person's events (any order) into custody intervals and the problems found."""
    return fold_sorted(sorted(events, key=sort_key))


def fold_sorted(events: Sequence[Event]) -> tuple[list[Interval], list[Problem]]:
    """`fold_custody` of events already in `sort_key` order."""
    intervals: list[Interval] = []
    problems: list[Problem] = []
    open_start: Event | None = None
    implied = False
    for ev in events:
        kind = ev.kind
        if kind in CUSTODY_START or (kind is EventKind.DESIGNATED and not intervals):
            if open_start is None:
                open_start, implied = ev, kind is EventKind.DESIGNATED
            elif kind is EventKind.RETURNED_TO_CUSTODY:
                # a return says a release came first: none recorded means a release is missing
                # from the record, or this is a detention (a sentence, a transfer) mislabelled
                problems.append(
                    Problem(
                        ev.id,
                        "kind",
                        f"returned_to_custody on {ev.date} while held since "
                        f"{open_start.date} ({open_start.id}) with no release between",
                    )
                )
        elif kind in CUSTODY_END:
            if open_start is None:
                if kind not in (EventKind.DEPORTED, EventKind.DIED):
                    problems.append(
                        Problem(
                            ev.id, "kind", f"{kind.value} on {ev.date} with no custody before it"
                        )
                    )
                continue
            if ev.date.latest < open_start.date.earliest:
                problems.append(Problem(ev.id, "date", f"{kind.value} before custody began"))
                continue
            intervals.append(
                _new_interval(
                    Interval,
                    (
                        ev.person_id,
                        open_start.date,
                        ev.date,
                        open_start.id,
                        ev.id,
                        kind,
                        _end_mechanism(ev),
                        ev.deal_id,
                        implied,
                    ),
                )
            )
            open_start = None
    if open_start is not None:
        intervals.append(
            _new_interval(
                Interval,
                (
                    open_start.person_id,
                    open_start.date,
                    None,
                    open_start.id,
                    None,
                    None,
                    None,
                    None,
                    implied,
                ),
            )
        )
    return intervals, problems


def first_designation(events: Iterable[Event], organisation: str | None = None) -> Event | None:
    """The earliest recognition of the person as a political prisoner (by `organisation`)."""
    best: Event | None = None
    for ev in events:
        if ev.kind not in RECOGNITION:
            continue
        if organisation is not None and not organisation_matches(ev.organisation, organisation):
            continue
        if best is None or sort_key(ev) < sort_key(best):
            best = ev
    return best


def first_designation_sorted(
    events: Sequence[Event], organisation: str | None = None
) -> Event | None:
    """`first_designation` of events already in `sort_key` order: the first one that counts."""
    wanted = organisation
    for ev in events:
        if ev.kind in RECOGNITION and (organisation_matches(ev.organisation, wanted)):
            return ev
    return None


def political_intervals(custody: Sequence[Interval], designation: Event | None) -> list[Interval]:
    """The parts of the custody intervals during which the person was a recognised prisoner."""
    if designation is None:
        return []
    out: list[Interval] = []
    d = designation.date
    for iv in custody:
        start = iv.start if iv.start.earliest >= d.latest else max_fuzzy(iv.start, d)
        if iv.end is not None and start.earliest >= iv.end.latest:
            continue  # recognised only after this custody ended
        if start is not iv.start:
            iv = _new_interval(
                Interval,
                (
                    iv.person_id,
                    start,
                    iv.end,
                    designation.id,
                    iv.end_event,
                    iv.end_kind,
                    iv.mechanism,
                    iv.deal_id,
                    iv.implied,
                ),
            )
        out.append(iv)
    return out


def future_problems(events: Iterable[Event], today: date) -> list[Problem]:
    """Events said to have happened after `today`: impossible, so refused wherever they enter."""
    return [
        Problem(ev.id, "date", f"{ev.kind.value} on {ev.date} is after today ({today})")
        for ev in events
        if ev.date.earliest > today
    ]
