"""The Russian and Belarusian reader on sentences written for these tests
(tests/extract/slavic_sentences): every `dev` case is read as it says; the `held` half,
written after the rules and scored without changing them, is read as it says except the
cases listed in `HELD_MISSES` (each expected to fail until a rule reads it: strict xfail)."""

from __future__ import annotations

import pytest

from tests.extract.slavic_sentences import dev, held
from tests.extract.slavic_sentences.check import Case, errors

# Scored once when written (2026-11-30): 30 of 46 read right (ru 18/23, be 12/23). The 16
# misses (hr01 hr05 hr06 hr09 hr14 hb01 hb03 hb05 hb06 hb08 hb09 hb10 hb13 hb14 hb15 hb22)
# were then fixed by general rules, so this half is no longer held out; `held2` is.
HELD_MISSES: set[str] = set()


@pytest.mark.parametrize("case", dev.CASES, ids=lambda c: c.id)
def test_dev(case: Case) -> None:
    assert errors(case) == []


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason="held-out miss"))
        if c.id in HELD_MISSES
        else c
        for c in held.CASES
    ],
    ids=lambda c: c.id,
)
def test_held(case: Case) -> None:
    assert errors(case) == []


def test_cases_are_distinct() -> None:
    ids = [c.id for c in (*dev.CASES, *held.CASES)]
    assert len(ids) == len(set(ids))
    texts = [c.text for c in (*dev.CASES, *held.CASES)]
    assert len(texts) == len(set(texts))
