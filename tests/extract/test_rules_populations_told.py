"""What the people of a count are, told by the rest of the article, and who acts when the teller
says "it" (issue 12, session 8). Causes found on the shared articles' population errors, by
kind: a count of "prisoners" the article tells again, by the same number, as political
prisoners; people of different roles named together read as the first one's role; a tally's
category name lost for "people". Written for these rules (never article text), with sentences
that must keep their reading or give nothing new."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.extract.conftest import only

Extract = Callable[..., dict[str, Any]]


def _claims(extract: Extract, body: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = extract(body)["claims"]
    return found


def test_prisoners_told_again_as_political_prisoners_are_political_prisoners(
    extract: Extract,
) -> None:
    claims = _claims(
        extract,
        "The 32 prisoners pardoned were convicted of extremist crimes, the presidency said. "
        "Seventeen of them suffer from chronic diseases. “It fills my heart with joy that "
        "another 32 political prisoners are set to be released,” said the opposition leader.",
    )
    whole = only(claims, "released", 32)
    assert whole["population"] == "political_prisoners"
    assert only(claims, "sentenced", 32)["population"] == "political_prisoners"
    part = only(claims, "released", 17)
    assert (part["part_of"], part["population"]) == (whole["id"], "political_prisoners")


@pytest.mark.parametrize(
    "body",
    [
        # another act of as many people: a designation, a stock
        "Lukashenko pardoned 20 prisoners on Friday. Viasna said it had recognised 20 "
        "political prisoners this month.",
        "Police released 30 prisoners on Monday. Some 30 political prisoners have been held "
        "there since May, the group said.",
        # too few to tie two mentions by their number
        "The authorities freed 3 prisoners. “Three political prisoners could be freed soon,” "
        "he said.",
    ],
)
def test_a_number_told_of_another_act_or_too_small_ties_nothing(
    extract: Extract, body: str
) -> None:
    released = [c for c in _claims(extract, body) if c["action"] == "released"]
    assert [c["population"] for c in released] == ["prisoners"]


@pytest.mark.parametrize(
    "body",
    [
        "Also freed were British journalist Tom Hale, a former adviser to the opposition; "
        "Dutch economist Anna Vries and her husband Piet Vries; and Canadian filmmaker Joe Lund.",
        "Authorities released opposition politician Karim Said and rights activist Lina Haddad "
        "on Monday.",
        "Venezuela released former candidate Ana Ruiz and four other Spanish citizens on Monday.",
    ],
)
def test_people_of_different_roles_named_together_are_people(extract: Extract, body: str) -> None:
    (claim,) = _claims(extract, body)
    assert claim["population"] == "people"


@pytest.mark.parametrize(
    ("body", "population"),
    [
        ("Police arrested journalists Ana Lopez and Maria Ruiz on Tuesday.", "journalists"),
        (
            "Venezuela released journalist Ana Ruiz and two other journalists on Monday.",
            "journalists",
        ),
        ("Police arrested journalist Ana Lopez on Tuesday.", "journalists"),
    ],
)
def test_people_of_one_role_keep_it(extract: Extract, body: str, population: str) -> None:
    (claim,) = _claims(extract, body)
    assert claim["population"] == population


def test_a_tally_category_names_the_people_counted_in_it(extract: Extract) -> None:
    claims = _claims(
        extract,
        'Viasna counts 254 political prisoners. In the category "Journalists and bloggers" - '
        '30 people; "Anarchists" - 12 people; "Convicted in the Gomel case" - 9 people.',
    )
    whole = only(claims, "held", 254)
    rows = {c["count"]: c for c in claims if c["count"] != 254}
    assert {n: c["population"] for n, c in rows.items()} == {
        30: "journalists_and_bloggers",
        12: "anarchists",
        9: "people",  # a fate, not a kind of people: no population of its words
    }
    assert {c["part_of"] for c in rows.values()} == {whole["id"]}  # rows of one tally


def test_a_quoted_group_before_its_count_names_the_people(extract: Extract) -> None:
    claims = _claims(
        extract,
        'The union lists 300 political prisoners. In the group "Religious believers" there '
        "are 40 people.",
    )
    assert only(claims, "held", 40)["population"] == "religious_believers"


@pytest.mark.parametrize(
    "body",
    [
        "Police detained 40 people in Minsk, including members of the group “Free Voices”.",
        "The group “Mothers of Minsk” says 40 people were detained.",
    ],
)
def test_a_quoted_name_elsewhere_is_no_category(extract: Extract, body: str) -> None:
    assert only(_claims(extract, body), "detained", 40)["population"] == "people"


@pytest.mark.parametrize(
    ("body", "action", "count", "agent"),
    [
        (
            "Viasna said it had recognised 12 more people as political prisoners.",
            "designated",
            12,
            "Viasna",
        ),
        ("The army said it had detained 60 people in the raid.", "detained", 60, "army"),
        (
            "The government said it had released 40 prisoners on Monday.",
            "released",
            40,
            "government",
        ),
        (
            "The Interior Ministry said it arrested 15 protesters overnight.",
            "detained",
            15,
            "Interior Ministry",
        ),
    ],
)
def test_it_after_a_say_verb_is_the_teller(
    extract: Extract, body: str, action: str, count: int, agent: str
) -> None:
    assert only(_claims(extract, body), action, count)["agent"] == agent


def test_a_passive_under_a_say_verb_keeps_its_by_phrase(extract: Extract) -> None:
    claim = only(
        _claims(extract, "Viasna said 14 people were released by the KGB on Monday."),
        "released",
        14,
    )
    assert claim["agent"] != "Viasna"
