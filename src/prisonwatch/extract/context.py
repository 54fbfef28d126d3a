"""What every rule needs to know about one article: text, date, sentences, entities, times,
quotes."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from prisonwatch.extract.entities import Mention
from prisonwatch.extract.lang.en import EN
from prisonwatch.extract.lang.en.lexicon import ADJECTIVE_END, DEMONYMS
from prisonwatch.extract.timex import TimeExpr

#: Bodies that speak for the state an article is about: "the presidency said" in an article
#: about Belarus is the Belarusian presidency.
INSTITUTIONS = EN.words("institutions")


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    text: str
    speaker: str | None
    via: str | None


@dataclass(slots=True)
class Article:
    text: str
    date: date | None
    sentences: list[tuple[int, int]]
    mentions: list[Mention]
    times: list[TimeExpr]
    quotes: list[Quote] = field(default_factory=list)
    body_start: int = 0
    country: str | None = None
    country_name: str | None = None
    doc: Any = None  # the spaCy Doc of `text`: tokens, lemmas and the dependency parse
    #: the headline parsed again in sentence case ("Only 402 of Myanmar's Nearly 13,000
    #: Political Prisoners Freed" read as "Only 402 of Myanmar's nearly 13,000 political
    #: prisoners freed"), with its offset in `text`: the model misreads title case
    title_doc: Any = None
    title_start: int = 0

    def sentence_of(self, pos: int) -> int:
        starts = [s for s, _ in self.sentences]
        return max(0, bisect_right(starts, pos) - 1)

    def mentions_in(
        self, start: int, end: int, types: tuple[str, ...] | None = None
    ) -> list[Mention]:
        return [
            m
            for m in self.mentions
            if start <= m.start and m.end <= end and (types is None or m.type in types)
        ]

    def times_in(self, start: int, end: int) -> list[TimeExpr]:
        return [t for t in self.times if start <= t.start and t.end <= end]

    def quote_at(self, pos: int) -> Quote | None:
        for q in self.quotes:
            if q.start <= pos < q.end:
                return q
        return None

    def demonym(self) -> str:
        """ "Belarusian" for an article about Belarus (the adjective its text uses), else the
        country's name."""
        for m in self.mentions:
            if (
                m.type == "country"
                and m.name == self.country_name
                and m.text != m.name
                and ADJECTIVE_END.search(m.text)
            ):
                return m.text
        adjective = DEMONYMS.get((self.country_name or "").lower())
        return adjective.capitalize() if adjective else self.country_name or ""

    def institution(self, phrase: str) -> str:
        """A speaker described by its office ("presidency") named for the article's state."""
        if phrase.lower() in INSTITUTIONS:
            return f"{self.demonym()} {phrase}".strip()
        return phrase
