"""The claims being read from one article, and the sentences they are read from."""

from __future__ import annotations

from dataclasses import dataclass, field

from prisonwatch.extract.slavic.dates import Time
from prisonwatch.extract.slavic.names import Mention
from prisonwatch.extract.slavic.words import Token


@dataclass(slots=True)
class Draft:
    id: str
    action: str
    count: int
    qualifier: str
    population: str
    sentence: int
    start: int
    end: int
    part_of: Draft | None = None
    mechanism: str | None = None
    when: tuple[str, str] | None = None
    persons: list[str] = field(default_factory=list)
    agent: str | None = None
    source: str | None = None
    timed: bool = False  # its sentence gives its time (else inherited or the article's day)
    with_named: list[str] = field(default_factory=list)  # "Статкевич и 51": the one beside
    trigger: int | None = None  # where the word that gives its action stands
    rule: str = "count"  # how it was found: "count", "bare" (no noun), "named" (people named)
    # the other places the article tells it (title, lead, body): (sentence, trigger)
    told: list[tuple[int, int | None]] = field(default_factory=list)


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    tokens: list[Token]
    times: list[Time]
    people: list[Mention]
    source: str | None
    in_title: bool
