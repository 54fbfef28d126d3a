"""One extractor (and so one spaCy model load) for the whole session."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from prisonwatch.extract.pipeline import Extractor
from prisonwatch.ingest.documents import Document
from prisonwatch.services.extracting import to_json


@pytest.fixture(scope="session")
def extract(extractor: Extractor) -> Callable[[str, str], dict[str, Any]]:
    """Extract from a body of text written as an article of the given day."""

    def run(body: str, day: str = "2025-12-12") -> dict[str, Any]:
        text = f" date {day} Test article\nTest article\n{body}\n"
        return to_json(
            extractor.extract(Document("test.txt", text, date.fromisoformat(day), "Test article"))
        )

    return run


def only(claims: list[dict[str, Any]], action: str, count: int) -> dict[str, Any]:
    found = [c for c in claims if c["action"] == action and c["count"] == count]
    assert len(found) == 1, [(c["action"], c["count"]) for c in claims]
    return found[0]
