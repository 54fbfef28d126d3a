"""Rules over the dependency parse, on sentences written for them (not from any article):
the actor of a release is its verb's subject or the agent of a passive; the source is the
subject of the say-verb governing the clause; sentences that must give nothing give nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.extract.conftest import only

Extract = Callable[..., dict[str, Any]]


@pytest.mark.parametrize(
    ("body", "action", "count", "agent"),
    [
        (
            # Moldova is a country of the gazetteer: its government is named as "the
            # Government of Burma" is in the shared gold
            "The government of Moldova freed 37 political prisoners on Monday.",
            "released",
            37,
            "Government of Moldova",
        ),
        (
            "Eleven activists were freed by the Azerbaijani authorities on Friday.",
            "released",
            11,
            "Azerbaijan",  # the state acting as a whole (attribution.state_itself)
        ),
        ("Police detained 45 protesters in the capital on Sunday.", "detained", 45, "Police"),
    ],
)
def test_the_actor_is_the_subject_or_the_passive_agent(
    extract: Extract, body: str, action: str, count: int, agent: str
) -> None:
    assert only(extract(body)["claims"], action, count)["agent"] == agent


@pytest.mark.parametrize(
    ("body", "count", "source"),
    [
        (
            "The government of Moldova freed 37 political prisoners on Monday, "
            "the Promo-LEX association said.",
            37,
            "Promo-LEX",
        ),
        (
            "The state has set free 88 people held since the election, "
            "rights group Provea reported.",
            88,
            "Provea",
        ),
    ],
)
def test_the_source_is_the_subject_of_the_governing_say_verb(
    extract: Extract, body: str, count: int, source: str
) -> None:
    assert only(extract(body)["claims"], "released", count)["source"] == source


def test_a_passive_release_without_agent_names_none(extract: Extract) -> None:
    claim = only(extract("Twelve journalists were released on Tuesday.")["claims"], "released", 12)
    assert claim["agent"] is None and claim["source"] is None


@pytest.mark.parametrize(
    "body",
    [
        "The government released a statement on Monday.",
        "The company released 40 new products last year.",
        "Prisoners could be freed next month, the minister said.",
        "The ministry said it would consider releasing 30 detainees.",
    ],
)
def test_sentences_that_claim_nothing(extract: Extract, body: str) -> None:
    assert extract(body)["claims"] == []


def test_the_headline_is_not_parsed_into_the_first_sentence(extract: Extract) -> None:
    out = extract(
        "Moldova frees 37 prisoners, group says.\nThe government of Moldova freed 37 prisoners."
    )
    assert {c["agent"] for c in out["claims"] if c["count"] == 37} == {"Moldova"}


def test_a_person_named_inside_the_counted_group_is_counted_not_the_source(
    extract: Extract,
) -> None:
    out = extract(
        "The prosecutor said that 14 people, including the lawyer Maxim Znak, remained in custody."
    )
    claim = only(out["claims"], "held", 14)
    assert claim["persons"] == ["Maxim Znak"]
    assert claim["source"] == "prosecutor"


def test_a_relative_clause_after_the_count_names_none_of_them(extract: Extract) -> None:
    out = extract(
        "The envoy urged Minsk to free up to 900 people that Anna Petrova calls hostages."
    )
    assert only(out["claims"], "demanded", 900)["persons"] == []
