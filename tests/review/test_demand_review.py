"""An accepted demand for release becomes a demand; undoing the acceptance withdraws it."""

from __future__ import annotations

from datetime import datetime

import pytest

from prisonwatch.extract.pipeline import Extractor
from prisonwatch.ingest.documents import Document, read_documents
from prisonwatch.services import demands, ingesting, reviewing
from prisonwatch.storage.sql import SqlStore
from tests.conftest import SHARED

T0 = datetime(2026, 11, 20, 9, 0)
SEED = SHARED / "articles" / "000_1c74653c835ba617.txt"


@pytest.mark.skipif(not SEED.exists(), reason="../shared is not beside the repository")
def test_accept_records_the_demand_and_undo_withdraws_it(
    store: SqlStore, extractor: Extractor
) -> None:
    doc = next(iter(read_documents(SEED)))
    assert isinstance(doc, Document)
    ingesting.ingest(store, [doc], [extractor.extract(doc)], "tester", T0)
    asked = [c for c in reviewing.suggestions(store) if c.action == "demanded"]
    assert asked, [c.action for c in reviewing.suggestions(store)]
    done = reviewing.accept(store, [asked[0].id], "ana", T0)
    assert len(done.demands) == 1
    made = demands.find(store, done.demands[0])
    assert made.count == 1400 and made.qualifier.value == "up_to"
    assert made.claim_id == asked[0].id and made.source_ids == (asked[0].source_id,)
    undone = reviewing.undo(store, asked[0].id, "ana", datetime(2026, 11, 21), "misread")
    assert undone.demands == 1
    assert demands.listed(store) == []
    again = reviewing.accept(store, [asked[0].id], "ana", datetime(2026, 11, 22))
    assert len(again.demands) == 1 and again.demands != done.demands
    assert [d.id for d in demands.listed(store)] == again.demands
