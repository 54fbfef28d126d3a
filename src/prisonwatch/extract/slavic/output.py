"""The Russian and Belarusian reader's findings as the typed results every reader hands on
(`extract/results.py`), so that JSON, ingest and review treat them as they treat English.

A claim's confidence comes from the same model as the English claims' (`extract/confidence.py`,
fitted on the English gold): the rule that found it, how far its number stands from its
trigger, whether a source is credited, title and subset. The Russian reader has no parse, so
`parse_agrees` says only that a trigger word was found for it.
"""

from __future__ import annotations

from typing import Any

from prisonwatch.extract import confidence
from prisonwatch.extract.results import (
    ArticleExtraction,
    ClaimFinding,
    Concession,
    DocumentInfo,
    Evidence,
    ExtractedClaim,
    ExtractedEntity,
    ExtractedEvent,
    ExtractedQuote,
    ExtractorStamp,
    Period,
)
from prisonwatch.extract.slavic.attribution import Quote
from prisonwatch.extract.slavic.drafts import Draft
from prisonwatch.extract.slavic.names import Mention

EXTRACTOR = "prisonwatch-extract"
VERSION = "slavic/1.0"
STEPS = (("slavic", VERSION),)


def _period(w: tuple[str, str] | dict[str, str] | None) -> Period | None:
    if not w:
        return None
    if isinstance(w, dict):
        return Period(w["from"], w["to"])
    return Period(w[0], w[1]) if w[0] else None


def _claim(text: str, d: Draft, country: str | None) -> ExtractedClaim:
    finding = ClaimFinding(
        rule=d.rule,
        parse_agrees=d.trigger is not None,
        distance=abs(d.trigger - d.start) if d.trigger is not None else 0,
        attributed=d.source is not None,
        in_title=d.sentence == 0,
        part_of=d.part_of is not None,
    )
    return ExtractedClaim(
        id=d.id,
        action=d.action,
        count=d.count,
        qualifier=d.qualifier,
        population=d.population,
        part_of=d.part_of.id if d.part_of else None,
        mechanism=d.mechanism if d.action == "released" else None,
        country=country,
        when=_period(d.when),
        persons=tuple(d.persons),
        agent=d.agent,
        source=d.source,
        evidence=Evidence(d.start, d.end, text[d.start : d.end]),
        confidence=confidence.score(finding),
        finding=finding,
    )


def _event(e: dict[str, Any]) -> ExtractedEvent:
    ev = e["evidence"]
    concession = (
        Concession(e["by"], e["what"], e["target"], tuple(e["in_return_for"]))
        if e["kind"] == "concession"
        else None
    )
    return ExtractedEvent(
        id=e["id"],
        kind=e["kind"],
        when=_period(e["when"]),
        place=e["place"],
        participants=tuple(e["participants"]),
        evidence=Evidence(ev["start"], ev["end"], ev["text"]),
        concession=concession,
    )


def _entities(found: list[Mention]) -> tuple[ExtractedEntity, ...]:
    by: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for m in found:
        by.setdefault((m.name, m.type), []).append((m.start, m.end))
    return tuple(ExtractedEntity(n, t, tuple(spans)) for (n, t), spans in by.items())


def assemble(
    document: Any,
    language: str,
    drafts: list[Draft],
    events: list[dict[str, Any]],
    quoted: list[Quote],
    found: list[Mention],
    country: str | None,
) -> ArticleExtraction:
    text: str = document.text
    return ArticleExtraction(
        document=DocumentInfo(
            id=document.id,
            date=document.date.isoformat() if document.date else None,
            title=document.title,
            language=language,
            source=document.name,
        ),
        claims=tuple(_claim(text, d, country) for d in drafts),
        events=tuple(_event(e) for e in events),
        quotes=tuple(ExtractedQuote(q.speaker, q.via, q.text, q.start, q.end) for q in quoted),
        entities=_entities(found),
        extractor=ExtractorStamp(EXTRACTOR, VERSION, STEPS),
    )
