"""What the extractor hands on: immutable, typed results for one article.

Every reader of an article (English, Russian, Belarusian) produces these same types; JSON is
made from them only at the `extract` command's edge (`services.extracting.to_json`), and ingest
turns them into core records without a round trip through a dictionary.

Ids (`c1`, `e1`) are local to one article: `part_of` and `in_return_for` refer to them.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of the article's whole text: `text == article[start:end]`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Period:
    """When something happened, as two ISO 8601 dates of reduced precision (`2025`,
    `2025-09`, `2025-09-11`); equal ends for a single day, month or year."""

    start: str
    end: str


@dataclass(frozen=True, slots=True)
class ClaimFinding:
    """Why the extractor believes a claim: the features its confidence is computed from."""

    rule: str  # which rule found the count: "count", "named", "headline", "subset", ...
    parse_agrees: bool  # the dependency parse links the number to the action's verb
    distance: int  # characters between the action's trigger and the number
    attributed: bool  # a source or speaker was found for it
    in_title: bool = False
    part_of: bool = False  # stated as a subset of another claim


@dataclass(frozen=True, slots=True)
class ExtractedClaim:
    """A count of people something happened to, as one article states it."""

    id: str
    action: str
    count: int
    qualifier: str
    population: str
    part_of: str | None
    mechanism: str | None
    country: str | None
    when: Period | None
    persons: tuple[str, ...]
    agent: str | None
    source: str | None
    evidence: Evidence
    confidence: float
    finding: ClaimFinding | None = None


@dataclass(frozen=True, slots=True)
class Concession:
    """What a party gave in a deal ("the United States lifted sanctions on Belavia"), and the
    claims (local ids) it was given in return for."""

    by: str | None
    what: str | None
    target: str | None
    in_return_for: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ExtractedEvent:
    """A meeting, visit, talks, appointment, statement or concession around the releases."""

    id: str
    kind: str
    when: Period | None
    place: str | None
    participants: tuple[str, ...]
    evidence: Evidence
    concession: Concession | None = None


@dataclass(frozen=True, slots=True)
class ExtractedQuote:
    """Words the article quotes, who said them, and the outlet that relayed them."""

    speaker: str | None
    via: str | None
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ExtractedEntity:
    """A person, organization, place or country under its canonical name, with its mentions."""

    name: str
    type: str
    mentions: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    id: str
    date: str | None
    title: str | None
    language: str
    source: str


@dataclass(frozen=True, slots=True)
class ExtractorStamp:
    """The extractor's name and version, and each step's versioned name."""

    name: str
    version: str
    steps: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class ArticleExtraction:
    """Everything read from one article."""

    document: DocumentInfo
    claims: tuple[ExtractedClaim, ...]
    events: tuple[ExtractedEvent, ...]
    quotes: tuple[ExtractedQuote, ...]
    entities: tuple[ExtractedEntity, ...]
    extractor: ExtractorStamp
    #: set when the article is in a language no reader reads: nothing else was read from it
    unread_language: str | None = None
    notes: tuple[str, ...] = field(default=())

    @property
    def concessions(self) -> tuple[ExtractedEvent, ...]:
        return tuple(e for e in self.events if e.concession is not None)
