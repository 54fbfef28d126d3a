"""The one port between use cases and storage, with the errors it may raise.

Every backend (SQLite, PostgreSQL) implements `LedgerStore` and passes the same contract test
suite (`tests/storage/test_contract.py`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from prisonwatch.core.problems import Problem
from prisonwatch.core.records import Claim, Deal, Event, Observation, Person, Source, Span


class StorageError(Exception):
    """The database cannot be reached, opened or written; the message says which and why."""


class BatchError(Exception):
    """A batch that would break the ledger's rules; nothing of it was written."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = list(problems)


@dataclass(slots=True)
class Batch:
    """Records to write together: all of them or none."""

    sources: list[Source] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    deals: list[Deal] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    extractions: list[Extraction] = field(default_factory=list)
    read_concessions: list[ReadConcession] = field(default_factory=list)
    where: dict[str, str] = field(default_factory=dict)
    """Record id → where it came from (`file:line`), for messages about it."""

    def __len__(self) -> int:
        return sum(
            len(x)
            for x in (
                self.sources,
                self.persons,
                self.deals,
                self.events,
                self.observations,
                self.claims,
            )
        )


@dataclass(frozen=True, slots=True)
class Extraction:
    """What one extractor version read in one source (events and quotes included), kept so that
    review can build deals from the concessions it found."""

    source_id: str
    extractor_version: str
    output: dict[str, Any]
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class ReadConcession:
    """A concession an extractor read in a source ("the United States lifted sanctions on
    Belavia"), with its evidence and the stored claims it was traded for: review builds deals
    from these records when it accepts those claims."""

    id: str
    source_id: str
    extractor_version: str
    by: str | None
    what: str | None
    target: str | None
    in_return_for: tuple[str, ...]
    evidence: Span
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class Judgement:
    """A person's decision on whether a written name is a registry person."""

    name: str
    person_id: str
    verdict: str  # same, not_same, unsure
    decided_by: str
    decided_at: datetime
    note: str | None = None


@dataclass(frozen=True, slots=True)
class QueuedName:
    """A name from an accepted claim that matched no person surely enough: it waits for a
    decision before its events are recorded."""

    id: int
    claim_id: str
    name: str
    candidates: list[dict[str, Any]]
    status: str  # pending, resolved
    person_id: str | None
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class Choice:
    """Which of disagreeing values a person chose, and why."""

    id: int
    conflict: str
    chosen: str
    chosen_by: str
    chosen_at: datetime
    why: str


@dataclass(frozen=True, slots=True)
class ApplyResult:
    """What a batch changed: records added per kind, and those already present unchanged."""

    added: dict[str, int]
    unchanged: int


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str
    action: str
    record_kind: str
    record_id: str
    before: dict[str, object] | None
    after: dict[str, object] | None


class LedgerStore(Protocol):
    """Where the ledger's records live. Writes are transactional and events append-only."""

    def migrate(self) -> None:
        """Create or upgrade the schema."""

    def apply(self, batch: Batch, actor: str, at: datetime) -> ApplyResult:
        """Write every record of the batch, or none, leaving an audit record for each.

        A record whose id is already stored with the same content is left as it is (so an
        import can be repeated); one whose id is stored with other content, or that refers to
        something that does not exist, rejects the whole batch with `BatchError`.
        """

    def sources(self, ids: Sequence[str] | None = None) -> list[Source]: ...

    def persons(self) -> list[Person]: ...

    def person(self, person_id: str) -> Person | None: ...

    def find_persons(self, text: str, limit: int = 20) -> list[Person]:
        """Persons any of whose names equals or contains `text`, ignoring case."""

    def events(self, person_ids: Sequence[str] | None = None) -> list[Event]:
        """All events, corrections and superseded ones included (see `core.bitemporal`)."""

    def deals(self) -> list[Deal]: ...

    def observations(self) -> list[Observation]: ...

    def claims(self, source_id: str | None = None, ids: Sequence[str] | None = None) -> list[Claim]:
        """Claims of one source, or with the given ids, or all."""

    def audit_log(self, record_id: str | None = None, limit: int = 100) -> list[AuditEntry]: ...

    def extractions(self, source_id: str | None = None) -> list[Extraction]: ...

    def read_concessions(self, source_id: str) -> list[ReadConcession]:
        """The concessions read in a source, oldest extractor version first."""
        ...

    def update_claim(self, claim: Claim, actor: str, at: datetime) -> None:
        """Store a new review state or edited fields of a claim (audited before and after)."""

    def update_deal(self, deal: Deal, actor: str, at: datetime) -> None:
        """Replace a deal's figures and concessions (audited before and after)."""

    def merge_persons(self, keep: str, gone: str, actor: str, at: datetime) -> None:
        """Join `gone` into `keep`: both histories stay; `gone` resolves to `keep`."""

    def add_judgement(self, judgement: Judgement) -> None: ...

    def judgements(self, name: str | None = None) -> list[Judgement]: ...

    def queue_name(
        self, claim_id: str, name: str, candidates: list[dict[str, Any]], at: datetime
    ) -> int: ...

    def queued_names(self, status: str | None = "pending") -> list[QueuedName]: ...

    def resolve_name(self, queue_id: int, person_id: str, actor: str, at: datetime) -> None: ...

    def add_choice(self, conflict: str, chosen: str, by: str, at: datetime, why: str) -> None: ...

    def choices(self) -> list[Choice]: ...

    def close(self) -> None: ...
