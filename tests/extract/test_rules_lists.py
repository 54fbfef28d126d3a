"""A list of political prisoners that grows, and people counted with a word for their kind,
on sentences written for them (the causes were found on a real list report of dev3):
"N people joined the list", "X was new on the list", "the number of political prisoners has
grown by N" are recognitions; "5 media representatives" counts representatives of the media,
named so. Sentences that must give nothing or something else come with each."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.extract.conftest import only

Extract = Callable[..., dict[str, Any]]


@pytest.mark.parametrize(
    ("body", "count", "population"),
    [
        (
            "Over the past month, the number of political prisoners has grown by 19 people.",
            19,
            "political_prisoners",
        ),
        ("In particular, 5 journalists joined the list on Monday.", 5, "journalists"),
        ("Last week 4 media representatives joined the updated list.", 4, "media_representatives"),
    ],
)
def test_a_list_that_grows_recognises(
    extract: Extract, body: str, count: int, population: str
) -> None:
    claim = only(extract(body)["claims"], "designated", count)
    assert claim["population"] == population


def test_one_new_on_the_list_is_named_and_is_not_the_agent(extract: Extract) -> None:
    claim = only(
        extract("The blogger Ivan Sorokin was also new on the list.")["claims"], "designated", 1
    )
    assert claim["persons"] == ["Ivan Sorokin"]
    assert claim["agent"] is None


@pytest.mark.parametrize(
    "body",
    [
        "The number of protesters has grown by 300 people.",
        "The number of political prisoners has grown to 254.",
        "She joined the opposition in 2020 with 3 friends.",
    ],
)
def test_no_recognition_without_a_list_of_political_prisoners(extract: Extract, body: str) -> None:
    assert [c for c in extract(body)["claims"] if c["action"] == "designated"] == []


def test_a_kind_word_before_a_noun_for_people_names_the_population(extract: Extract) -> None:
    claim = only(extract("Police detained 3 aid workers on Monday.")["claims"], "detained", 3)
    assert claim["population"] == "aid_workers"


def test_a_kind_word_before_another_noun_counts_nothing(extract: Extract) -> None:
    assert extract("Police seized 3 media servers on Monday.")["claims"] == []


@pytest.mark.parametrize(
    ("body", "action", "count", "when"),
    [
        (
            "Over the past two months, the number of political prisoners has grown by 19 people.",
            "designated",
            19,
            {"from": "2025-10", "to": "2025-12-12"},
        ),
        (
            "In the last three weeks police detained 40 students.",
            "detained",
            40,
            {"from": "2025-11-21", "to": "2025-12-12"},
        ),
        (
            "In the past two years, 300 people were sentenced.",
            "sentenced",
            300,
            {"from": "2023", "to": "2025-12-12"},
        ),
    ],
)
def test_a_span_reaching_back_from_the_article_date(
    extract: Extract, body: str, action: str, count: int, when: dict[str, str]
) -> None:
    assert only(extract(body)["claims"], action, count)["when"] == when


def test_a_dated_act_keeps_its_date_beside_a_past_span(extract: Extract) -> None:
    claim = only(
        extract("The past two years were hard; 40 students were detained on Monday.")["claims"],
        "detained",
        40,
    )
    assert claim["when"] == {"from": "2025-12-08", "to": "2025-12-08"}
