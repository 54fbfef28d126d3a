"""The extraction pipeline: one article in, the contract's JSON object out.

Each step has a versioned name (`STEPS`); the extractor's version changes whenever one does,
and every claim is stamped with both.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from prisonwatch.extract import claims as claim_rules
from prisonwatch.extract import confidence, counts_by_parse, persons_by_parse, states, timex
from prisonwatch.extract import entities as entity_rules
from prisonwatch.extract import events as event_rules
from prisonwatch.extract import nlp as nlp_step
from prisonwatch.extract import quotes as quote_rules
from prisonwatch.extract.context import Article
from prisonwatch.extract.counting import Draft
from prisonwatch.extract.gazetteer import Gazetteer
from prisonwatch.extract.numbers import NUMBER
from prisonwatch.extract.parse import linked
from prisonwatch.extract.results import (
    ArticleExtraction,
    ClaimFinding,
    Concession,
    DocumentInfo,
    Evidence,
    ExtractedClaim,
    ExtractedEvent,
    ExtractedQuote,
    ExtractorStamp,
    Period,
)
from prisonwatch.extract.sentences import sentences
from prisonwatch.extract.slavic import reader as slavic
from prisonwatch.ingest.documents import Document

EXTRACTOR = "prisonwatch-extract"
STEPS = {
    "sentences": "sentences/1.0",
    "ner": nlp_step.VERSION,
    "entities": entity_rules.VERSION,
    "timex": timex.VERSION,
    "quotes": quote_rules.VERSION,
    counts_by_parse.VERSION.split("/")[0]: counts_by_parse.VERSION,
    persons_by_parse.VERSION.split("/")[0]: persons_by_parse.VERSION,
    "claims": claim_rules.VERSION,
    "events": event_rules.VERSION,
}
VERSION = "1.0+" + "+".join(v.split("/")[-1] for v in STEPS.values())


def _span(text: str, start: int, end: int) -> Evidence:
    return Evidence(start, end, text[start:end])


def _when(w: tuple[str, str] | None) -> Period | None:
    return Period(w[0], w[1]) if w else None


def _finding(a: Article, d: Draft) -> ClaimFinding:
    """How a claim was found: the features its confidence is computed from."""
    return ClaimFinding(
        rule=d.rule,
        parse_agrees=linked(a.doc, d.start, d.trigger[0]),
        distance=abs(d.trigger[0] - d.start),
        attributed=d.source is not None,
        in_title=d.in_title,
        part_of=d.part_of is not None,
    )


def sentence_case(text: str, start: int, end: int, names: list[Any]) -> str:
    """A title-case headline as a sentence would write it: every capitalised word after the
    first lower-cased, except inside a name the entity rules found. Lengths stay the same, so
    offsets hold."""
    chars = list(text[start:end])
    keep = [(m.start - start, m.end - start) for m in names if m.start < end and m.end > start]
    first = True
    for i, ch in enumerate(chars):
        word_start = i == 0 or not chars[i - 1].isalnum()
        if not (word_start and ch.isupper()):
            continue
        if first:
            first = False
            continue
        if any(a <= i < b for a, b in keep) or (i + 1 < len(chars) and chars[i + 1].isupper()):
            continue  # a name, or an acronym ("US")
        lower = ch.lower()
        if len(lower) == 1:
            chars[i] = lower
    return "".join(chars)


class Extractor:
    """Reads articles; loads the spaCy model once, when the first English article needs it
    (Russian and Belarusian articles are read without it)."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or Gazetteer.load()
        self._nlp: Any = None
        self._codes = {e.name: e.code for e in self.gazetteer.entries if e.code}

    @property
    def nlp(self) -> Any:
        """The spaCy pipeline (raises `ModelMissingError` when its model is not installed)."""
        if self._nlp is None:
            self._nlp = nlp_step.load(self.gazetteer)
        return self._nlp

    @staticmethod
    def needs_model(documents: Iterable[Document]) -> bool:
        """Whether any of the documents is read by the spaCy pipeline (not Russian or
        Belarusian)."""
        return any(d.language not in slavic.LANGUAGES for d in documents)

    def extract_many(self, documents: Iterable[Document]) -> Iterator[ArticleExtraction]:
        docs = list(documents)
        english = [d.text for d in docs if d.language not in slavic.LANGUAGES]
        parsed = iter(self.nlp.pipe(english) if english else ())
        for document in docs:
            if document.language in slavic.LANGUAGES:
                yield slavic.read(document, self.gazetteer)
            else:
                yield self._extract(document, next(parsed))

    def extract(self, document: Document) -> ArticleExtraction:
        if document.language in slavic.LANGUAGES:
            return slavic.read(document, self.gazetteer)
        return self._extract(document, self.nlp(document.text))

    def _article(self, document: Document, spacy_doc: Any) -> Article:
        text = document.text
        body_start = text.find("\n") + 1 if text.lstrip().startswith("date ") else 0
        spans = sentences(text)
        found = entity_rules.mentions(spacy_doc, self.gazetteer, spans)
        a = Article(
            text=text,
            date=document.date,
            sentences=spans,
            mentions=found,
            times=timex.find_times(text, document.date),
            body_start=body_start,
            doc=spacy_doc,
        )
        countries = Counter(m.name for m in found if m.type == "country" and m.start >= body_start)
        if not countries:  # "Saudi women's rights activist ...": a state named by its people
            countries = states.by_adjective(spacy_doc, body_start, self.gazetteer)
        ranked = [c for c, _ in countries.most_common() if c != "United States"] or list(countries)
        a.country = self._codes.get(ranked[0]) if ranked else None
        a.country_name = ranked[0] if ranked else None
        a.quotes = quote_rules.find_quotes(a)
        if spans and body_start:
            s, e = spans[a.sentence_of(body_start)]
            cased = sentence_case(text, s, e, found)
            if cased != text[s:e] and NUMBER.search(cased):  # only a count needs the parse
                a.title_doc, a.title_start = self.nlp(cased), s
        return a

    def _extract(self, document: Document, spacy_doc: Any) -> ArticleExtraction:
        a = self._article(document, spacy_doc)
        text = a.text
        deal_hint = event_rules.concession_told(a, self.gazetteer)
        drafts = claim_rules.extract_claims(a, deal_hint)
        events = event_rules.find_events(a, self.gazetteer, drafts)
        claims = tuple(
            ExtractedClaim(
                id=d.id,
                action=d.action,
                count=d.count,
                qualifier=d.qualifier,
                population=d.population or "people",
                part_of=d.part_of.id if d.part_of else None,
                mechanism=d.mechanism if d.action == "released" else None,
                country=a.country,
                when=_when(d.when),
                persons=tuple(d.persons),
                agent=d.agent,
                source=d.source,
                evidence=_span(text, *a.sentences[d.sentence]),
                confidence=confidence.score(finding),
                finding=finding,
            )
            for d, finding in ((d, _finding(a, d)) for d in drafts)
        )
        events_out = tuple(
            ExtractedEvent(
                id=f"e{i}",
                kind=ev.kind,
                when=_when(ev.when),
                place=ev.place,
                participants=tuple(ev.participants),
                evidence=_span(text, ev.start, ev.end),
                concession=Concession(ev.by, ev.what, ev.target, tuple(ev.in_return_for))
                if ev.kind == "concession"
                else None,
            )
            for i, ev in enumerate(events, 1)
        )
        return ArticleExtraction(
            document=DocumentInfo(
                id=document.id,
                date=document.date.isoformat() if document.date else None,
                title=document.title,
                language=document.language,
                source=document.name,
            ),
            claims=claims,
            events=events_out,
            quotes=tuple(
                ExtractedQuote(q.speaker, q.via, q.text, q.start, q.end) for q in a.quotes
            ),
            entities=entity_rules.entity_list(list(a.mentions)),
            extractor=ExtractorStamp(EXTRACTOR, VERSION, tuple(STEPS.items())),
        )
