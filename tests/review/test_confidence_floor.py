"""The confidence a reviewer works by, on real articles: the queue is ordered by it and the
batch floor of `accept-source` keeps exactly the claims at or above it (every backend)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from prisonwatch.extract.pipeline import Extractor
from prisonwatch.ingest.documents import Document, read_documents
from prisonwatch.services import ingesting, reviewing
from prisonwatch.storage.sql import SqlStore
from tests.conftest import SHARED

NOW = datetime(2026, 11, 30, 12, 0)
#: Articles the rules were written from (folds dev and dev2; never the hidden fold).
ARTICLES = ("013.txt", "204.txt")


def _doc(path: Path) -> Document:
    d = next(iter(read_documents(path)))
    assert isinstance(d, Document)
    return d


def test_queue_is_most_confident_first_and_the_floor_drops_the_rest(
    store: SqlStore, extractor: Extractor
) -> None:
    docs = [_doc(SHARED / "articles" / name) for name in ARTICLES]
    ingesting.ingest(store, docs, [extractor.extract(d) for d in docs], "tester", NOW)
    queue = reviewing.suggestions(store)
    values = [c.confidence for c in queue]
    assert values == sorted(values, reverse=True)
    # the claims of one article do not all get one number: a floor between them separates
    for d in docs:
        mine = sorted({c.confidence for c in queue if c.source_id == d.id})
        assert len(mine) > 1, f"{d.name}: every claim got {mine}"
    d = docs[0]
    mine = [c for c in queue if c.source_id == d.id]
    levels = sorted({c.confidence for c in mine})
    floor = (levels[0] + levels[1]) / 2  # above the least confident claims only
    ids, _ = reviewing.accept_source(store, d.id, floor, "analyst", NOW)
    expected = {c.id for c in mine if c.confidence >= floor}
    assert set(ids) == expected
    assert 0 < len(ids) < len(mine)
    left = reviewing.suggestions(store, source=d.id)
    assert left and all(c.confidence < floor for c in left)
