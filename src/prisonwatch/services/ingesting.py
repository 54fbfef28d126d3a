"""Ingest: articles become Sources, and what the extractor read in them becomes suggestions.

Idempotent: a claim's id is a hash of what it says and where, not of the extractor version, so
ingesting the same text twice changes nothing, and a newer extractor adds only what it reads
differently, marking the older suggestions it no longer makes as superseded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from prisonwatch.core.dates import DateError, FuzzyDate, parse_fuzzy
from prisonwatch.core.problems import Problem
from prisonwatch.core.records import Claim, Source, Span, content_id
from prisonwatch.core.vocabulary import Qualifier, ReleaseMechanism, ReviewStatus
from prisonwatch.ingest.documents import Document
from prisonwatch.storage.port import Batch, BatchError, Extraction, LedgerStore


@dataclass(slots=True)
class IngestReport:
    sources_added: int = 0
    claims_added: int = 0
    superseded: int = 0
    refused: int = 0
    problems: list[Problem] = field(default_factory=list)


def _when(value: dict[str, str] | None) -> FuzzyDate | None:
    if not value:
        return None
    try:
        a, b = parse_fuzzy(value["from"]), parse_fuzzy(value["to"])
    except (DateError, KeyError):
        return None
    return a if a == b else parse_fuzzy(f"{value['from']}/{value['to']}")


def claim_id(source_id: str, c: dict[str, Any], parent: dict[str, Any] | None) -> str:
    """The claim's identity: its source and what it says, not the extractor's version."""
    ev = c["evidence"]
    parent_key = (parent["action"], parent["count"]) if parent else None
    return content_id(
        "cl",
        source_id,
        c["action"],
        c["count"],
        c["qualifier"],
        c["population"],
        c.get("mechanism"),
        c.get("when"),
        ev["start"],
        ev["end"],
        sorted(c.get("persons", [])),
        c.get("agent"),
        c.get("source"),
        parent_key,
    )


def claims_from(output: dict[str, Any], source_id: str, now: datetime) -> list[Claim]:
    """Core claims (suggested) from one extraction output."""
    local = {c["id"]: c for c in output["claims"]}
    ids = {lid: claim_id(source_id, c, local.get(c["part_of"] or "")) for lid, c in local.items()}
    version = output["extractor"]["version"]
    out = []
    for c in output["claims"]:
        ev = c["evidence"]
        out.append(
            Claim(
                id=ids[c["id"]],
                source_id=source_id,
                action=c["action"],
                count=c["count"],
                qualifier=Qualifier(c["qualifier"]),
                population=c["population"],
                when=_when(c.get("when")),
                evidence=Span(ev["start"], ev["end"], ev["text"]),
                extractor=output["extractor"]["name"],
                extractor_version=version,
                recorded_at=now,
                confidence=float(c.get("confidence", 0.8)),
                persons=tuple(c.get("persons", [])),
                agent=c.get("agent"),
                attributed_to=c.get("source"),
                mechanism=ReleaseMechanism(c["mechanism"]) if c.get("mechanism") else None,
                country=c.get("country"),
                part_of=ids.get(c["part_of"]) if c.get("part_of") else None,
            )
        )
    return out


def ingest(
    store: LedgerStore,
    documents: Sequence[Document],
    outputs: Sequence[dict[str, Any]],
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
        known = {c.id for c in store.claims(source_id=source.id)}
        batch = Batch(
            sources=[source],
            claims=[c for c in claims if c.id not in known],  # the same statement, read again
            extractions=[Extraction(source.id, output["extractor"]["version"], output, now)],
        )
        batch.where[source.id] = doc.name
        for c in claims:
            batch.where[c.id] = f"{doc.name}: claim {c.action} {c.count}"
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
                and old.extractor_version != output["extractor"]["version"]
            ):
                store.update_claim(
                    replace(old, superseded_by=output["extractor"]["version"]), actor, now
                )
                report.superseded += 1
    return report
