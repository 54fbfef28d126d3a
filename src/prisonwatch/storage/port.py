"""The one port between use cases and storage, with the errors it may raise.

Every backend (SQLite, PostgreSQL) implements `LedgerStore` and passes the same contract test
suite (`tests/storage/test_contract.py`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from prisonwatch.core.problems import Problem
from prisonwatch.core.records import Claim, Deal, Event, Observation, Person, Source


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

    def claims(self, source_id: str | None = None) -> list[Claim]: ...

    def audit_log(self, record_id: str | None = None, limit: int = 100) -> list[AuditEntry]: ...

    def close(self) -> None: ...
