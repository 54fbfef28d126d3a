"""Counts of people in phrasings the first rules did not know, on sentences written for them:
people nouns from the language's list (dissidents, supporters, members, trade unionists), "locked
up", "handed prison terms to", "counted N political detainees"; and what must give nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.extract.conftest import only

Extract = Callable[..., dict[str, Any]]


@pytest.mark.parametrize(
    ("body", "action", "count", "population"),
    [
        (
            "The regime has locked up more than 800 dissidents since the vote.",
            "detained",
            800,
            "dissidents",
        ),
        ("Courts handed prison terms to 27 protesters last month.", "sentenced", 27, "protesters"),
        (
            "About 40 opposition supporters were taken into custody on Saturday.",
            "detained",
            40,
            "supporters",
        ),
        ("Nine dissidents were expelled to Spain on Thursday.", "released", 9, "dissidents"),
        ("Officials released 25 members of a religious minority.", "released", 25, "members"),
        ("Eight trade unionists were among those detained.", "detained", 8, "trade_unionists"),
        (
            "The monitoring group counted 1,200 political detainees in November.",
            "held",
            1200,
            "political_prisoners",
        ),
    ],
)
def test_counts_of_people_in_new_phrasings(
    extract: Extract, body: str, action: str, count: int, population: str
) -> None:
    assert only(extract(body)["claims"], action, count)["population"] == population


def test_a_two_word_people_noun_whose_first_word_is_an_adjective(extract: Extract) -> None:
    out = extract("Venezuela released 3 opposition leaders, including Juan Perez and Ana Lopez.")
    claim = only(out["claims"], "released", 3)
    assert claim["population"] == "opposition_leaders"
    assert claim["persons"] == ["Juan Perez", "Ana Lopez"]


@pytest.mark.parametrize(
    "body",
    [
        "The company released 40 new products last year.",
        "Hundreds were arrested in the protests.",
        "The five members of the commission met on Monday.",
        "The union said 300 workers would be laid off.",
        "Authorities may release 50 dissidents next year.",
    ],
)
def test_phrasings_that_count_nobody(extract: Extract, body: str) -> None:
    assert extract(body)["claims"] == []
