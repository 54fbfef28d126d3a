"""Demand lists: who asked whom to free whom, and what is left of each demand on any day.

A demand is made by someone (a state, an envoy, an NGO, a parliament) of someone (the state that
holds the prisoners), on a day, with a source. It names persons (a list of names, each matched
to the registry or waiting for a decision) or gives a count ("up to 1,400"), or both.

What is left of a demand is derived, never stored: each named person's status on a day comes
from the same custody fold as every other figure (`core.timeline`), so a demand's progress and
the registry can never disagree. A name that matches no registry person is `unknown`: the
ledger cannot say whether that person is held.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from prisonwatch.core.dates import FuzzyDate
from prisonwatch.core.timeline import Interval
from prisonwatch.core.vocabulary import DEATHS, Qualifier


class NameState(StrEnum):
    """How a name on a demand list stands with the registry."""

    MATCHED = "matched"
    UNSURE = "unsure"
    UNMATCHED = "unmatched"


class DemandStatus(StrEnum):
    """Where a person named in a demand stands on a given day."""

    HELD = "held"
    UNCERTAIN = "uncertain"
    FREED = "freed"
    DIED = "died"
    NOT_HELD = "not_held"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class DemandName:
    """One name as the demand wrote it, and who in the registry it is (if anyone yet)."""

    position: int
    name: str
    state: NameState
    person_id: str | None = None
    candidates: tuple[tuple[str, str, float], ...] = ()
    """(person id, name, score) of the registry persons the name may be, best first."""
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Demand:
    """A demand for release, with its source."""

    id: str
    by: str
    made_on: FuzzyDate
    recorded_at: datetime
    recorded_by: str = "import"
    of: str | None = None
    country: str | None = None
    count: int | None = None
    qualifier: Qualifier = Qualifier.EXACT
    source_ids: tuple[str, ...] = ()
    claim_id: str | None = None
    note: str | None = None
    names: tuple[DemandName, ...] = ()
    voided_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class NameOutcome:
    """A named person's status on a day: freed when and through which deal, or died when."""

    name: DemandName
    status: DemandStatus
    since: FuzzyDate | None = None
    deal_id: str | None = None
    mechanism: str | None = None
    before_demand: bool = False
    """Freed or dead already before the demand was made (the list was out of date)."""


@dataclass(frozen=True, slots=True)
class Progress:
    """What is left of a demand on a day."""

    demand: Demand
    on: date
    outcomes: tuple[NameOutcome, ...]
    counts: Mapping[DemandStatus, int] = field(default_factory=dict)
    freed_by_deal: Mapping[str, int] = field(default_factory=dict)
    repeated: int = 0
    """Names matched to a person an earlier name on the list already is: shown, not counted."""

    @property
    def still_held(self) -> tuple[int, int]:
        """Named persons still held: (surely, possibly) on the day."""
        held = self.counts.get(DemandStatus.HELD, 0)
        return held, held + self.counts.get(DemandStatus.UNCERTAIN, 0)


def name_outcome(
    demand: Demand,
    name: DemandName,
    custody: Sequence[Interval],
    deaths: Sequence[FuzzyDate],
    on: date,
) -> NameOutcome:
    """The status on `on` of one named person, from their custody intervals and known deaths."""
    if name.state is not NameState.MATCHED or name.person_id is None:
        return NameOutcome(name, DemandStatus.UNKNOWN)
    made = demand.made_on.earliest
    died = [d for d in deaths if d.earliest <= on]
    if died:
        first = min(died)
        return NameOutcome(name, DemandStatus.DIED, first, before_demand=first.latest < made)
    if any(iv.surely_held(on) for iv in custody):
        return NameOutcome(name, DemandStatus.HELD)
    if any(iv.possibly_held(on) for iv in custody):
        return NameOutcome(name, DemandStatus.UNCERTAIN)
    ended = [iv for iv in custody if iv.end is not None and iv.end.latest <= on]
    if ended:
        last = max(ended, key=lambda iv: iv.end or iv.start)
        assert last.end is not None
        if last.end_kind in DEATHS:
            return NameOutcome(
                name, DemandStatus.DIED, last.end, before_demand=last.end.latest < made
            )
        return NameOutcome(
            name,
            DemandStatus.FREED,
            last.end,
            last.deal_id,
            last.mechanism.value if last.mechanism else None,
            before_demand=last.end.latest < made,
        )
    if custody:
        return NameOutcome(name, DemandStatus.NOT_HELD)
    return NameOutcome(name, DemandStatus.UNKNOWN)


def progress(
    demand: Demand,
    custody: Mapping[str, Sequence[Interval]],
    deaths: Mapping[str, Sequence[FuzzyDate]],
    on: date,
) -> Progress:
    """Every named person's status on `on`, with the counts by status and by deal."""
    outcomes = tuple(
        name_outcome(
            demand,
            n,
            custody.get(n.person_id or "", ()),
            deaths.get(n.person_id or "", ()),
            on,
        )
        for n in demand.names
    )
    # the counts are of persons: a person the list names twice (two spellings) counts once
    seen: set[str] = set()
    counted: list[NameOutcome] = []
    for o in outcomes:
        pid = o.name.person_id if o.name.state is NameState.MATCHED else None
        if pid is not None:
            if pid in seen:
                continue
            seen.add(pid)
        counted.append(o)
    counts = Counter(o.status for o in counted)
    by_deal = Counter(
        o.deal_id or "" for o in counted if o.status is DemandStatus.FREED and not o.before_demand
    )
    return Progress(demand, on, outcomes, dict(counts), dict(by_deal), len(outcomes) - len(counted))


def progress_series(
    demand: Demand,
    custody: Mapping[str, Sequence[Interval]],
    deaths: Mapping[str, Sequence[FuzzyDate]],
    days: Sequence[date],
) -> list[tuple[date, Mapping[DemandStatus, int]]]:
    """The counts by status on each of `days` (for the progress chart)."""
    return [(d, progress(demand, custody, deaths, d).counts) for d in days]
