"""Extracting claims from articles: reading files and folders, reporting the bad ones."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from prisonwatch.core.problems import Problem
from prisonwatch.ingest.documents import Document, DocumentError, read_documents
from prisonwatch.ingest.extract.gazetteer import Gazetteer

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
                else:
                    documents.append(item)
        except DocumentError as exc:
            problems.append(_problem(path, exc))
    return documents, problems


@dataclass(slots=True)
class Extracted:
    """What the extractor read in each document it could read, and why it could not read others."""

    documents: list[Document] = field(default_factory=list)
    outputs: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def extract(documents: Sequence[Document], gazetteer: Gazetteer) -> Extracted:
    """Extract every document; one the extractor fails on is reported and the rest still read.

    Documents go through the model together (faster); when that fails, the ones not yet done
    are read one by one, so only the document that fails is lost.
    """
    from prisonwatch.ingest.extract.nlp import ModelMissingError
    from prisonwatch.ingest.extract.pipeline import Extractor

    done = Extracted()
    if not documents:
        return done
    try:
        extractor = Extractor(gazetteer)
    except ModelMissingError as exc:
        raise ExtractSetupError(str(exc)) from None
    try:
        for doc, output in zip(documents, extractor.extract_many(documents), strict=False):
            done.documents.append(doc)
            done.outputs.append(output)
    except Exception:  # retried one by one below, where the failure is named
        for doc in documents[len(done.documents) :]:
            try:
                output = extractor.extract(doc)
            except Exception as exc:  # one article never stops the others
                reason = f"the extractor failed: {type(exc).__name__}: {str(exc)[:200]}"
                done.problems.append(Problem(doc.name, "text", reason.splitlines()[0]))
                continue
            done.documents.append(doc)
            done.outputs.append(output)
    return done
