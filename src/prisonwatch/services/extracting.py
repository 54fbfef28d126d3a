"""Extracting claims from articles: reading files and folders, reporting the bad ones."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from prisonwatch.core.problems import Problem
from prisonwatch.extract.gazetteer import Gazetteer
from prisonwatch.extract.language import detect_language
from prisonwatch.extract.results import (
    ArticleExtraction,
    Evidence,
    ExtractedClaim,
    ExtractedEvent,
    ExtractorStamp,
    Period,
)
from prisonwatch.ingest.documents import Document, DocumentError, read_documents

ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")


class ExtractSetupError(Exception):
    """The extractor cannot start: a missing model or an unreadable gazetteer."""


def load_gazetteer(extra: Path | None) -> Gazetteer:
    try:
        return Gazetteer.load(extra)
    except (OSError, ValueError, KeyError, TypeError, AssertionError) as exc:
        raise ExtractSetupError(f"{extra}: gazetteer cannot be read: {exc}") from None


def _files(paths: Sequence[Path], problems: list[Problem]) -> list[Path]:
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            try:
                children = sorted(p for p in path.iterdir() if not p.is_dir())
            except OSError as exc:
                problems.append(Problem(str(path), "file", exc.strerror or str(exc)))
                continue
            out.extend(p for p in children if p.suffix.lower() in ARTICLE_SUFFIXES)
        else:
            out.append(path)
    return out


def _problem(path: Path, exc: DocumentError) -> Problem:
    where = f"{path}:{exc.line}" if exc.line is not None else str(path)
    return Problem(where, exc.field, exc.reason)


def read_all(
    paths: Sequence[Path], default_date: date | None
) -> tuple[list[Document], list[Problem]]:
    """Every readable document under `paths`, and one problem per file or line that is not."""
    problems: list[Problem] = []
    documents: list[Document] = []
    for path in _files(paths, problems):
        try:
            for item in read_documents(path, default_date):
                if isinstance(item, DocumentError):
                    problems.append(_problem(path, item))
                    continue
                found = detect_language(item.text)  # detected, never assumed
                if found.code is None:
                    problems.append(Problem(item.name, "text", f"not read: {found.reason}"))
                else:
                    documents.append(dataclasses.replace(item, language=found.code))
        except DocumentError as exc:
            problems.append(_problem(path, exc))
    return documents, problems


@dataclass(slots=True)
class Extracted:
    """What the extractor read in each document it could read, and why it could not read others."""

    documents: list[Document] = field(default_factory=list)
    outputs: list[ArticleExtraction] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def extract(documents: Sequence[Document], gazetteer: Gazetteer) -> Extracted:
    """Extract every document; one the extractor fails on is reported and the rest still read.

    Documents go through the model together (faster); when that fails, the ones not yet done
    are read one by one, so only the document that fails is lost.
    """
    from prisonwatch.extract.nlp import ModelMissingError
    from prisonwatch.extract.pipeline import Extractor

    done = Extracted()
    if not documents:
        return done
    try:
        extractor = Extractor(gazetteer)
        if Extractor.needs_model(documents):
            extractor.nlp  # noqa: B018 - loaded here, so that a missing model is named at once
    except ModelMissingError as exc:
        raise ExtractSetupError(str(exc)) from None
    try:
        for doc, output in zip(documents, extractor.extract_many(documents), strict=False):
            done.documents.append(doc)
            done.outputs.append(_noted(doc, output))
    except Exception:  # retried one by one below, where the failure is named
        for doc in documents[len(done.documents) :]:
            try:
                output = extractor.extract(doc)
            except Exception as exc:  # one article never stops the others
                reason = f"the extractor failed: {type(exc).__name__}: {str(exc)[:200]}"
                done.problems.append(Problem(doc.name, "text", reason.splitlines()[0]))
                continue
            done.documents.append(doc)
            done.outputs.append(_noted(doc, output))
    return done


def _noted(doc: Document, output: ArticleExtraction) -> ArticleExtraction:
    """`output` with the language check's note on the document (parts in another script that
    were not read), so that nothing of an article goes unread without a word."""
    note = detect_language(doc.text).note
    return dataclasses.replace(output, notes=(note, *output.notes)) if note else output


def _period(p: Period | None) -> dict[str, str] | None:
    return {"from": p.start, "to": p.end} if p else None


def _evidence(e: Evidence) -> dict[str, Any]:
    return {"start": e.start, "end": e.end, "text": e.text}


def claim_json(c: ExtractedClaim, stamp: ExtractorStamp) -> dict[str, Any]:
    """One claim as the contract (EXTRACTION.md) writes it."""
    return {
        "id": c.id,
        "action": c.action,
        "count": c.count,
        "qualifier": c.qualifier,
        "population": c.population,
        "part_of": c.part_of,
        "mechanism": c.mechanism,
        "country": c.country,
        "when": _period(c.when),
        "persons": list(c.persons),
        "agent": c.agent,
        "source": c.source,
        "evidence": _evidence(c.evidence),
        "confidence": c.confidence,
        "extractor": stamp.name,
        "extractor_version": stamp.version,
    }


def event_json(e: ExtractedEvent) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": e.id,
        "kind": e.kind,
        "when": _period(e.when),
        "place": e.place,
        "participants": list(e.participants),
        "evidence": _evidence(e.evidence),
    }
    if e.concession is not None:
        k = e.concession
        item.update(by=k.by, what=k.what, target=k.target, in_return_for=list(k.in_return_for))
    return item


def to_json(x: ArticleExtraction) -> dict[str, Any]:
    """The `extract` command's output for one article: the contract's JSON object."""
    d = x.document
    out: dict[str, Any] = {
        "document": {
            "id": d.id,
            "date": d.date,
            "title": d.title,
            "language": d.language,
            "source": d.source,
        },
        "claims": [claim_json(c, x.extractor) for c in x.claims],
        "events": [event_json(e) for e in x.events],
        "quotes": [
            {"speaker": q.speaker, "via": q.via, "text": q.text, "start": q.start, "end": q.end}
            for q in x.quotes
        ],
        "entities": [
            {"name": e.name, "type": e.type, "mentions": [list(m) for m in e.mentions]}
            for e in x.entities
        ],
        "extractor": {
            "name": x.extractor.name,
            "version": x.extractor.version,
            "steps": dict(x.extractor.steps),
        },
    }
    if x.unread_language is not None:
        out["unread_language"] = x.unread_language
    if x.notes:
        out["notes"] = list(x.notes)
    return out
