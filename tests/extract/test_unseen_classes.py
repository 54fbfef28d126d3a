"""The failure classes found on unseen articles (issue 12, session 6), on paragraphs written
for them (`en_sentences/unseen_classes.py`): every claim and every field each case names, and
nothing else."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.extract.en_sentences import Case, unseen_classes
from tests.extract.en_sentences.check import score

Extract = Callable[..., dict[str, Any]]


#: Cases the rules do not read yet, and why.
MISSES: set[str] = set()


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(
            c,
            id=c.name,
            marks=[pytest.mark.xfail(strict=True, reason="not read yet")]
            if c.name in MISSES
            else [],
        )
        for c in unseen_classes.CASES
    ],
)
def test_unseen_class(extract: Extract, case: Case) -> None:
    _, errors = score(case, extract(case.text))
    assert errors == []
