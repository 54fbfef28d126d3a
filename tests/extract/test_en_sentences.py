"""The English claim rules on the sentences written for them (`en_sentences`): every claim and
every field each case names, and nothing else (`held` joined after its final held-back score).
A case the rules still miss is marked as such (xfail, strict), so that a fix shows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.extract.en_sentences import (
    Case,
    dev,
    dev2,
    dev3,
    held,
    world_dev,
    world_dev2,
    world_held,
)
from tests.extract.en_sentences.check import score

Extract = Callable[..., dict[str, Any]]

#: Cases the rules do not read yet, and why.
MISSES = {
    # "The freed prisoners, 222 in all, were put on a plane": the parser hangs the number from
    # the verb, not from the noun it counts
    "deported_count",
    # "Washington released two Russian spies": "spies" is in no list of people nouns, and a
    # release acts on things too
    "deal_swap_counts",
    # the held-back set's misses after its final score (docs/extraction.md): "clemency" is no
    # mechanism word; "seize" is no arrest lemma (it takes things too); "women" counts as people
    "granted_clemency_passive",
    "seized_students",
    "died_in_detention",
    # world_dev (issue 12, news paragraphs on Venezuela, Iran, Hong Kong, China): "National
    # security police" gives "police" only
    "hk_police_arrested_nsl",
    # world_dev2: "hanged two men convicted over the protests" counts a sentence (arguably a
    # background fact); "agreed to pardon" reads as an intention; "is serving a life sentence"
    # reads as sentenced, not held
    "ir_hanged_not_count",
    "ir_pardon_anniversary_agent",
    "cn_uyghur_scholar_life",
    # world_held's misses after its final score (held out: not developed on)
    "ve_political_prisoners_list",
    "hk_democrats_jailed_judges",
    "cn_residential_surveillance",
}


def _params(cases: list[Case]) -> list[Any]:
    return [
        pytest.param(
            c,
            id=c.name,
            marks=[pytest.mark.xfail(strict=True, reason="not read yet")]
            if c.name in MISSES
            else [],
        )
        for c in cases
    ]


@pytest.mark.parametrize(
    "case",
    _params(
        dev.CASES
        + dev2.CASES
        + dev3.CASES
        + held.CASES
        + world_dev.CASES
        + world_dev2.CASES
        + world_held.CASES
    ),
)
def test_sentences(extract: Extract, case: Case) -> None:
    _, errors = score(case, extract(case.text))
    assert errors == []
