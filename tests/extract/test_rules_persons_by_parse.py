"""Named people an action verb acts on, read from the parse (`persons_by_parse`), on sentences
written for them (not from any article): objects, passive and inverted subjects, appositions
and conjunctions, lists split by semicolons, names the entity model misses; descriptions
("a former adviser to X") and possible acts give nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.extract.conftest import only

Extract = Callable[..., dict[str, Any]]


@pytest.mark.parametrize(
    ("body", "action", "persons"),
    [
        (
            "Also released were Canadian engineer Mark Dubois, a former consultant to Omar "
            "Haddad; retired teacher Elena Sokol and her son Pavel Sokol, who is a Czech "
            "citizen; and Irish photographer Liam Byrne.",
            "released",
            ["Mark Dubois", "Elena Sokol", "Pavel Sokol", "Liam Byrne"],
        ),
        (
            "Police detained the lawyer Tomas Berg and the blogger Ana Kim on Monday.",
            "detained",
            ["Tomas Berg", "Ana Kim"],
        ),
        (
            "Tomas Berg, a lawyer, and Ana Kim were arrested in Kazan.",
            "detained",
            ["Tomas Berg", "Ana Kim"],
        ),
    ],
)
def test_people_named_together_are_one_claim_of_their_number(
    extract: Extract, body: str, action: str, persons: list[str]
) -> None:
    claim = only(extract(body)["claims"], action, len(persons))
    assert claim["persons"] == persons


def test_named_members_of_a_count_add_no_claim(extract: Extract) -> None:
    out = extract("The regime freed 17 pastors, including Tomas Berg and Ana Kim.")
    assert [(c["count"], c["persons"]) for c in out["claims"]] == [(17, ["Tomas Berg", "Ana Kim"])]


@pytest.mark.parametrize(
    "body",
    [
        "The court could sentence Tomas Berg and Ana Kim next week.",
        "Tomas Berg and Ana Kim met the ambassador on Monday.",
    ],
)
def test_no_act_on_named_people_gives_nothing(extract: Extract, body: str) -> None:
    assert extract(body)["claims"] == []
