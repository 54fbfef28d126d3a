"""Extracting claims from articles: reading files and folders, reporting the bad ones."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from prisonwatch.core.problems import Problem
from prisonwatch.extract.gazetteer import Gazetteer
from prisonwatch.extract.language import detect_language
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
                    problems.append(Problem(str(path), "file", str(item)))
                    continue
                found = detect_language(item.text)
                if found.code is None:
                    problems.append(Problem(str(path), "file", f"not read: {found.reason}"))
                else:
                    documents.append(dataclasses.replace(item, language=found.code))
        except DocumentError as exc:
            problems.append(Problem(str(path), "file", str(exc)))
    return documents, problems


def extract(documents: Sequence[Document], gazetteer: Gazetteer) -> list[dict[str, Any]]:
    from prisonwatch.extract.nlp import ModelMissingError
    from prisonwatch.extract.pipeline import Extractor

    if not documents:
        return []
    try:
        extractor = Extractor(gazetteer)
    except ModelMissingError as exc:
        raise ExtractSetupError(str(exc)) from None
    return list(extractor.extract_many(documents))
