"""Ingest: articles become Sources, and what the extractor read in them becomes suggestions.

Idempotent: a claim's id is a hash of what it says and where, not of the extractor version, so
ingesting the same text twice changes nothing, and a newer extractor adds only what it reads
differently, marking the older suggestions it no longer makes as superseded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from prisonwatch.core.dates import DateError, FuzzyDate, parse_fuzzy
from prisonwatch.core.problems import Problem
from prisonwatch.core.records import Claim, Source, Span, content_id
from prisonwatch.core.vocabulary import Qualifier, ReleaseMechanism, ReviewStatus
from prisonwatch.extract.results import ArticleExtraction, ExtractedClaim, Period
from prisonwatch.ingest.documents import Document
from prisonwatch.services.extracting import to_json
from prisonwatch.storage.port import Batch, BatchError, Extraction, LedgerStore, ReadConcession


@dataclass(slots=True)
class IngestReport:
    sources_added: int = 0
    claims_added: int = 0
    superseded: int = 0
    refused: int = 0
    problems: list[Problem] = field(default_factory=list)


def _when(value: Period | None) -> FuzzyDate | None:
    if value is None:
        return None
    try:
        a, b = parse_fuzzy(value.start), parse_fuzzy(value.end)
        return a if a == b else parse_fuzzy(f"{value.start}/{value.end}")
    except DateError:
        return None


def claim_id(source_id: str, c: ExtractedClaim, parent: ExtractedClaim | None) -> str:
    """The claim's identity: its source and what it says, not the extractor's version."""
    parent_key = (parent.action, parent.count) if parent else None
    when = {"from": c.when.start, "to": c.when.end} if c.when else None
    return content_id(
        "cl",
        source_id,
        c.action,
        c.count,
        c.qualifier,
        c.population,
        c.mechanism,
        when,
        c.evidence.start,
        c.evidence.end,
        sorted(c.persons),
        c.agent,
        c.source,
        parent_key,
    )


def claim_ids(output: ArticleExtraction, source_id: str) -> dict[str, str]:
    """The article's local claim ids (`c1`) -> the stored claims' ids."""
    local = {c.id: c for c in output.claims}
    return {c.id: claim_id(source_id, c, local.get(c.part_of or "")) for c in output.claims}


def claims_from(output: ArticleExtraction, source_id: str, now: datetime) -> list[Claim]:
    """Core claims (suggested) from one article's extraction."""
    ids = claim_ids(output, source_id)
    return [
        Claim(
            id=ids[c.id],
            source_id=source_id,
            action=c.action,
            count=c.count,
            qualifier=Qualifier(c.qualifier),
            population=c.population,
            when=_when(c.when),
            evidence=Span(c.evidence.start, c.evidence.end, c.evidence.text),
            extractor=output.extractor.name,
            extractor_version=output.extractor.version,
            recorded_at=now,
            confidence=c.confidence,
            persons=c.persons,
            agent=c.agent,
            attributed_to=c.source,
            mechanism=ReleaseMechanism(c.mechanism) if c.mechanism else None,
            country=c.country,
            part_of=ids.get(c.part_of) if c.part_of else None,
        )
        for c in output.claims
    ]


def concessions_from(
    output: ArticleExtraction, source_id: str, now: datetime
) -> list[ReadConcession]:
    """The concessions the article reports, each with its evidence and the stored ids of the
    claims it was traded for."""
    ids = claim_ids(output, source_id)
    version = output.extractor.version
    out = []
    for ev in output.concessions:
        k = ev.concession
        assert k is not None
        traded = tuple(ids[c] for c in k.in_return_for if c in ids)
        out.append(
            ReadConcession(
                id=content_id("rc", source_id, version, ev.evidence.start, k.what, k.target),
                source_id=source_id,
                extractor_version=version,
                by=k.by,
                what=k.what,
                target=k.target,
                in_return_for=traded,
                evidence=Span(ev.evidence.start, ev.evidence.end, ev.evidence.text),
                recorded_at=now,
            )
        )
    return out


def ingest(
    store: LedgerStore,
    documents: Sequence[Document],
    outputs: Sequence[ArticleExtraction],
    actor: str,
    now: datetime,
) -> IngestReport:
    """Store each article and its suggestions; one transaction per article.

    An article the ledger refuses is reported in `problems` and the others are still stored,
    so one bad article never stops an ingest half way.
    """
    report = IngestReport()
    for doc, output in zip(documents, outputs, strict=True):
        source = Source(
            id=doc.id,
            url=doc.url,
            title=doc.title,
            publisher=None,
            published=doc.date,
            language=doc.language,
            recorded_at=now,
            text=doc.text,
        )
        claims = claims_from(output, source.id, now)
        concessions = concessions_from(output, source.id, now)
        known = {c.id for c in store.claims(source_id=source.id)}
        batch = Batch(
            sources=[source],
            claims=[c for c in claims if c.id not in known],  # the same statement, read again
            extractions=[Extraction(source.id, output.extractor.version, to_json(output), now)],
            read_concessions=concessions,
        )
        for c in claims:
            batch.where[c.id] = f"{doc.name}: claim {c.action} {c.count}"
        batch.where[source.id] = doc.name
        try:
            result = store.apply(batch, actor, now)
        except BatchError as err:  # this article is refused whole; the others still go in
            report.problems.extend(err.problems)
            report.refused += 1
            continue
        report.sources_added += result.added["sources"]
        report.claims_added += result.added["claims"]
        current = {c.id for c in claims}
        for old in store.claims(source_id=source.id):
            if (
                old.id not in current
                and old.superseded_by is None
                and old.review.status is ReviewStatus.SUGGESTED
                and old.extractor_version != output.extractor.version
            ):
                store.update_claim(replace(old, superseded_by=output.extractor.version), actor, now)
                report.superseded += 1
    return report
