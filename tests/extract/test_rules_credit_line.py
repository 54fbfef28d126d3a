"""A headline that credits its source after a dash ("... grows to 1,150 – Viasna"), and an
acronym used in the headline before the body defines it ("... – HRCV", then "the Human Rights
Centre Viasna (HRCV)"). Written for these rules (the cause was found on dev3 205's headline);
a dash before other words credits nobody."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from prisonwatch.extract.pipeline import Extractor
from prisonwatch.ingest.documents import Document
from prisonwatch.services.extracting import to_json


def _read(extractor: Extractor, title: str, body: str) -> list[dict[str, Any]]:
    text = f" date 2026-01-09 {title}\n{title}\n{body}\n"
    out = to_json(extractor.extract(Document("t.txt", text, date(2026, 1, 9), title)))
    claims: list[dict[str, Any]] = out["claims"]
    return claims


@pytest.mark.parametrize(
    ("title", "body", "source"),
    [
        (
            "Number of political prisoners in Belarus grows to 1,150 – Viasna",
            "The list was updated on Monday.",
            "Viasna",
        ),
        (
            "Number of political prisoners in Belarus grows to 1,150 – HRCV",
            "On Monday the Human Rights Centre Viasna (HRCV) published its updated list.",
            "Viasna",
        ),
        (
            "Belarus frees 14 political prisoners - a step toward Lukashenko",
            "The release took place on Monday.",
            None,
        ),
    ],
)
def test_a_headline_credit_is_the_source(
    extractor: Extractor, title: str, body: str, source: str | None
) -> None:
    claims = _read(extractor, title, body)
    assert claims and claims[0]["source"] == source
