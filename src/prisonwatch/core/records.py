"""The records of the ledger, immutable and each carrying where it came from.

Every record holds `recorded_at`, the moment it entered the ledger, so that any figure can be
recomputed "as known on" an earlier day (see `core.bitemporal`). Records never change: a
correction is a new record that supersedes the old one.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime

from prisonwatch.core.dates import FuzzyDate
from prisonwatch.core.vocabulary import (
    EventKind,
    Gender,
    ObservationMetric,
    Protection,
    Qualifier,
    ReleaseMechanism,
    ReviewStatus,
)


def content_id(prefix: str, *parts: object) -> str:
    """A stable id made from content, so that importing the same thing twice changes nothing."""
    payload = json.dumps([str(p) if p is not None else None for p in parts], ensure_ascii=False)
    return f"{prefix}:{hashlib.sha256(payload.encode()).hexdigest()[:16]}"


@dataclass(frozen=True, slots=True)
class PublicId:
    """An id the public knows a record by, as the store gave it (`kind` `key`: the store's key
    for keyed public ids, under `record_id` `record-ids`). A backup carries them, so that a
    store restored from it shows the public the same ids and every public link keeps working."""

    kind: str
    record_id: str
    public_id: str

    @property
    def id(self) -> str:
        return f"{self.kind}:{self.record_id}"


@dataclass(frozen=True, slots=True)
class Source:
    """A document that states facts: an article, an NGO list, a statement, a data set.

    Its id is a hash of its text (or of its address when the ledger keeps no text), so every
    copy of one document is the same source. Its text is never edited; claims point into it.
    """

    id: str
    url: str | None
    title: str | None
    publisher: str | None
    published: date | None
    language: str | None
    recorded_at: datetime
    text: str | None = None

    @staticmethod
    def make_id(text: str | None, url: str | None) -> str:
        basis = text if text is not None else (url or "")
        return "sha256:" + hashlib.sha256(basis.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets into a source's text, with the text they cover."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Review:
    status: ReviewStatus = ReviewStatus.SUGGESTED
    reviewer: str | None = None
    at: datetime | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """One attributed assertion from one source: a count of people something happened to."""

    id: str
    source_id: str
    action: str
    count: int
    qualifier: Qualifier
    population: str
    when: FuzzyDate | None
    evidence: Span
    extractor: str
    extractor_version: str
    recorded_at: datetime
    confidence: float = 1.0
    persons: tuple[str, ...] = ()
    agent: str | None = None
    attributed_to: str | None = None
    mechanism: ReleaseMechanism | None = None
    country: str | None = None
    part_of: str | None = None
    review: Review = field(default_factory=Review)
    superseded_by: str | None = None


@dataclass(frozen=True, slots=True)
class Person:
    """Someone the ledger follows, with every spelling of their name that sources use."""

    id: str
    name: str
    recorded_at: datetime
    aliases: tuple[str, ...] = ()
    birth_year: int | None = None
    gender: Gender = Gender.UNKNOWN
    region: str | None = None
    country: str | None = None
    protection: Protection = Protection.PUBLIC
    note: str | None = None
    merged_into: str | None = None

    @property
    def all_names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened to one person on a (possibly uncertain) date.

    `supersedes` names the event this one corrects; a correction with `void` set withdraws the
    superseded event without replacing it.

    Custody details, as a Viasna card carries them (mostly on a sentencing): the criminal-code
    `articles`, the sentence length in months, when the term ends, the court. Public facts for a
    public person. `detention_place` (colony, prison) and `health` are for analysts only: the
    public projection never carries them (see `services.public`).
    """

    id: str
    person_id: str
    kind: EventKind
    date: FuzzyDate
    recorded_at: datetime
    recorded_by: str = "import"
    mechanism: ReleaseMechanism | None = None
    organisation: str | None = None
    deal_id: str | None = None
    place: str | None = None
    source_ids: tuple[str, ...] = ()
    claim_ids: tuple[str, ...] = ()
    note: str | None = None
    supersedes: str | None = None
    void: bool = False
    articles: tuple[str, ...] = ()
    sentence_months: int | None = None
    term_ends: _dt.date | None = None
    court: str | None = None
    detention_place: str | None = None
    health: str | None = None


@dataclass(frozen=True, slots=True)
class Concession:
    """What one side of a deal gave: `United States` / `sanctions_lifted` / `Belavia`."""

    by: str
    what: str
    target: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Deal:
    """An agreement in which releases were traded for concessions.

    The releases it covered are the release events whose `deal_id` names it, so a release can
    belong to at most one deal. `reported_released` and `reported_political_prisoners` are the
    figures sources published, kept beside what the registry can account for.
    """

    id: str
    date: FuzzyDate
    recorded_at: datetime
    country: str | None = None
    parties: tuple[str, ...] = ()
    mediator: str | None = None
    concessions: tuple[Concession, ...] = ()
    reported_released: int | None = None
    reported_political_prisoners: int | None = None
    figures_by: str | None = None
    source_ids: tuple[str, ...] = ()
    note: str | None = None
    reported_returned: int | None = None


@dataclass(frozen=True, slots=True)
class Observation:
    """An aggregate figure someone published: "Viasna: 1,110 political prisoners on 2025-12-01".

    For `held` the period is the day (or range of days) the stock refers to; for flows it is the
    period the figure covers.
    """

    id: str
    metric: ObservationMetric
    value: int
    period: FuzzyDate
    recorded_at: datetime
    organisation: str | None = None
    country: str | None = None
    qualifier: Qualifier = Qualifier.EXACT
    source_ids: tuple[str, ...] = ()
    claim_id: str | None = None
    note: str | None = None
    place: str | None = None
    """Where the figure was counted (a square, a town), when it is about one place."""
    scope: str | None = None
    """The event or campaign the figure is about ("detained at the 2012-05-06 Moscow
    protest"); figures of different scopes count different things and never conflict."""
