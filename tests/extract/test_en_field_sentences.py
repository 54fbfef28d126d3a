"""The English development sentences for the fields (tests/extract/en_field_sentences/dev.py,
written for the tests, never article text): each is read exactly as the case says, every claim
with the fields it decides, every event, and nothing else. The held-back set is scored by
bench/extract_field_sentences_en.py, not here, so that no rule is fitted to it through a
failing test."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.extract.en_field_sentences import dev
from tests.extract.en_field_sentences.check import Case, errors

Extract = Callable[..., dict[str, Any]]


@pytest.mark.parametrize("case", dev.CASES, ids=[c.id for c in dev.CASES])
def test_each_development_sentence_is_read_as_written(extract: Extract, case: Case) -> None:
    assert errors(case, extract(case.body, case.day)) == []


def test_a_wrong_reading_is_reported() -> None:
    case = Case("x", "text", ({"action": "released", "count": 3, "agent": "Iran"},))
    out = {
        "claims": [
            {"action": "released", "count": 3, "agent": "Iraq"},
            {"action": "held", "count": 9},
        ],
        "events": [{"kind": "visit", "participants": []}],
    }
    assert errors(case, out) == [
        "released 3: agent 'Iraq' != 'Iran'",
        "extra held 9",
        "extra event visit",
    ]
