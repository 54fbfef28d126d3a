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
from prisonwatch.core.records import (
    Claim,
    Deal,
    Event,
    Observation,
    Person,
    PublicId,
    Source,
    Span,
)
from prisonwatch.core.revisions import Revision

KINDS_REVISED = (
    "person",
    "event",
    "deal",
    "observation",
    "source",
    "claim",
    "judgement",
    "choice",
)
"""The record kinds a store revises (`LedgerStore.revise`)."""


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
    judgements: list[BackedJudgement] = field(default_factory=list)
    """Reviewers' judgements on names, from a backup (`import` of `judgements.csv`)."""
    name_queue: list[BackedQueued] = field(default_factory=list)
    """Names waiting for (or given) a reviewer's decision, from a backup (`name_queue.jsonl`)."""
    choices: list[BackedChoice] = field(default_factory=list)
    """Analysts' choices between disagreeing sources, from a backup (`choices.jsonl`)."""
    claim_revisions: list[BackedRevision] = field(default_factory=list)
    """The revisions of claims' reviews (accepted, undone, edited: by whom, when, why), from a
    backup (`claim_revisions.jsonl`); revision 0 of a claim is its first version."""
    extractions: list[Extraction] = field(default_factory=list)
    read_concessions: list[ReadConcession] = field(default_factory=list)
    where: dict[str, str] = field(default_factory=dict)
    """Record id → where it came from (`file:line`), for messages about it."""
    restore: bool = False
    """When set, a record equal to a stored but voided one is restored by a revision (a claim
    accepted again after an undo), instead of staying void."""
    update_why: str | None = None
    """When set, a record stored under its id with other content becomes a revision with this
    reason (`import --update`) instead of a problem."""
    protection_unstated: set[str] = field(default_factory=set)
    """Persons whose row gave no protection (no such column, or an empty cell): a stored
    person keeps their level, never lowered to the default `public` by a file that says
    nothing of it."""
    public_ids: list[PublicId] = field(default_factory=list)
    """Public ids from a backup (`PublicId`), stored as given: one the store already holds
    otherwise is a problem, so a restore never changes an id the public already knows."""
    addresses: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    """(kind, record id) → the addresses a row gave in `source_url` beside `source_ids` (as a
    backup writes them): they must be the addresses of the sources it names by id, so that an
    address added to a backup's row is refused, never silently dropped."""

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
                self.public_ids,
                self.judgements,
                self.name_queue,
                self.choices,
                self.claim_revisions,
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
    id: int = 0
    """Its number in the store (0 before it is stored); revisions name it as text."""


@dataclass(frozen=True, slots=True)
class BackedJudgement:
    """A judgement as a backup carries it: `id` is a hash of its content, which names it in
    messages and makes a restore repeated onto the same store add nothing."""

    id: str
    judgement: Judgement


@dataclass(frozen=True, slots=True)
class BackedQueued:
    """A queued name as a backup carries it (`name_queue.jsonl`): `id` is a hash of its claim,
    name and time, which names it in messages and makes a repeated restore add nothing. Its
    number in the store is given afresh on restore (the backup lists them in order)."""

    id: str
    claim_id: str
    name: str
    candidates: list[dict[str, Any]]
    status: str  # pending, resolved, withdrawn
    person_id: str | None
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class BackedChoice:
    """A conflict choice as a backup carries it (`choices.jsonl`); `id` is a hash of its
    content, as for `BackedJudgement`."""

    id: str
    conflict: str
    chosen: str
    chosen_by: str
    chosen_at: datetime
    why: str


@dataclass(frozen=True, slots=True)
class BackedRevision:
    """One version of a claim as a backup's `claim_revisions.jsonl` carries it: revision 0 is
    the claim as first recorded; each later one holds the whole claim after a review decision
    (None: voided), who made it, when and why. `id` is `claim id#revision`."""

    id: str
    claim_id: str
    seq: int
    claim: Claim | None
    actor: str | None
    at: datetime | None
    why: str | None


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
    revised: dict[str, int] = field(default_factory=dict)


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

    def problems(self, batch: Batch) -> list[Problem]:
        """What `apply` would refuse in this batch (repeated ids, stored ids with other
        content, references to what does not exist), all of them, writing nothing: so that one
        import reports every mistake of a file at once instead of one kind per attempt."""

    # Reads fold each record's revisions over its first version (`core.revisions`). With
    # `known_on` (a moment) they give the records as known then: those first recorded by then,
    # each in its newest revision made by then; voided records are left out.

    def sources(
        self, ids: Sequence[str] | None = None, known_on: datetime | None = None
    ) -> list[Source]: ...

    def persons(
        self, known_on: datetime | None = None, ids: Sequence[str] | None = None
    ) -> list[Person]: ...

    def person(self, person_id: str, known_on: datetime | None = None) -> Person | None: ...

    def find_persons(self, text: str, limit: int = 20) -> list[Person]:
        """Persons any of whose current names equals or contains `text`, ignoring case."""

    def events(
        self,
        person_ids: Sequence[str] | None = None,
        known_on: datetime | None = None,
        ids: Sequence[str] | None = None,
    ) -> list[Event]:
        """All events (of these persons, or with these ids), corrections and superseded ones
        included (see `core.bitemporal`)."""

    def claimed_events(self) -> list[Event]:
        """The events that cite a claim as first recorded or as any revision left them (the
        rest of the registry, imported or entered by hand, cites none): what the public's
        claims are checked against (`public.public_claims`) without reading every event."""

    def deals(self, known_on: datetime | None = None) -> list[Deal]: ...

    def observations(self, known_on: datetime | None = None) -> list[Observation]: ...

    def claims(self, source_id: str | None = None, ids: Sequence[str] | None = None) -> list[Claim]:
        """Claims of one source, or with the given ids, or all."""

    def audit_log(self, record_id: str | None = None, limit: int = 100) -> list[AuditEntry]: ...

    def extractions(self, source_id: str | None = None) -> list[Extraction]: ...

    def read_concessions(self, source_id: str) -> list[ReadConcession]:
        """The concessions read in a source, oldest extractor version first."""
        ...

    def revise(
        self,
        kind: str,
        record_id: str,
        record: Any | None,
        actor: str,
        at: datetime,
        why: str,
        based_on: int | None = None,
    ) -> Revision[Any]:
        """Append a revision holding the whole `record` after the change (None: void it).

        `based_on` is the revision the change was made from (0: the first version; None: the
        newest); an older one raises `core.revisions.StaleRevision` naming the newer revision.
        Nothing is updated in place; the audit log gets an entry.
        """

    def revisions(self, kind: str, record_id: str) -> list[Revision[Any]]:
        """Every revision of one record, oldest first (its first version is not among them)."""

    def merge_links(self) -> dict[str, str]:
        """Each merged person record's id and the id it is merged into now (those of
        `persons()` with `merged_into`), read without every person."""

    def voided_persons(self) -> list[Person]:
        """Every person whose record is void now, as their last version before the void (the
        first one if none came between), in id order. A person withdrawn from the registry at
        their family's request stays protected under the names they bore (`services.public`)."""

    def former_names(self) -> dict[str, frozenset[str]]:
        """For every person revised since first recorded: each name and alias an earlier version
        of them held (the first one included) that the current one (if any) no longer holds, by
        id; persons with none are left out. What a protected person was once called must stay
        withheld after their name is corrected or changed."""
        ...

    def first_version(self, kind: str, record_id: str) -> Any | None:
        """The record as first recorded (revision 0), voided or not; None when unknown."""

    def update_claim(self, claim: Claim, actor: str, at: datetime, why: str = "review") -> None:
        """A revision of the claim: a new review state or edited fields."""

    def update_deal(self, deal: Deal, actor: str, at: datetime, why: str = "enriched") -> None:
        """A revision of the deal: new figures, concessions or sources."""

    def merge_persons(
        self, keep: str, gone: str, actor: str, at: datetime, why: str | None = None
    ) -> None:
        """Join `gone` into `keep` by a revision of `gone`: both histories stay; `gone`
        resolves to `keep`."""

    def unmerge_person(self, gone: str, actor: str, at: datetime, why: str) -> str:
        """Undo a merge by a revision of `gone` that stands alone again (its names, events
        and search its own); the person it had been merged into, which it no longer
        resolves to. `StorageError` when `gone` is unknown or not merged."""

    def drop_queued(self, claim_id: str, actor: str, at: datetime) -> int:
        """Take a claim's pending names off the queue (its acceptance was undone); how many."""

    def add_judgement(self, judgement: Judgement) -> None: ...

    def judgements(self, name: str | None = None) -> list[Judgement]: ...

    def queue_name(
        self,
        claim_id: str,
        name: str,
        candidates: list[dict[str, Any]],
        at: datetime,
        actor: str = "system",
    ) -> int: ...

    def queued_names(self, status: str | None = "pending") -> list[QueuedName]: ...

    def resolve_name(self, queue_id: int, person_id: str, actor: str, at: datetime) -> None: ...

    def add_choice(self, conflict: str, chosen: str, by: str, at: datetime, why: str) -> None: ...

    def choices(self) -> list[Choice]: ...

    def close(self) -> None: ...
