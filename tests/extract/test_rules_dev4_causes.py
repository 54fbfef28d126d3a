"""General causes found on dev4 (207-208, opened for development at the end of session 5 after
two blind scores): a dateline's country is where the report was filed, never an actor; an
office's title as the subject ("the country's supreme leader has pardoned") is the one person
the article names with that title; a full name the entity model took for a body is a person
when the article uses its last word alone as a person; "left prison" is a release of its
subject (a list of named people); "Four more of the democrats" counts democrats, and a number
inside quotation marks with its noun (the “47 democrats”) is a group's name, not a count.
The sentences are written for these rules; each phrasing has one that must give nothing or
keep the old reading."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Extract = Callable[[str], dict[str, Any]]


def _claims(extract: Extract, body: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = extract(body)["claims"]
    return found


def test_a_datelines_country_is_no_actor(extract: Extract) -> None:
    claims = _claims(extract, "ISTANBUL, Turkey — Police detained 40 students on Sunday.")
    assert [(c["action"], c["count"]) for c in claims] == [("detained", 40)]
    assert claims[0]["agent"] != "Turkey"
    # no dateline: the state before the verb acts
    claims = _claims(extract, "Turkey detained 40 students on Sunday.")
    assert claims[0]["agent"] == "Turkey"


def test_an_office_as_subject_is_its_named_holder(extract: Extract) -> None:
    claims = _claims(
        extract,
        "DUBAI, United Arab Emirates — Iran announced Monday that the country's supreme leader "
        "has pardoned 2,000 people arrested in the protests. State media said Supreme Leader "
        "Ayatollah Ali Khamenei approved the list.",
    )
    assert [(c["action"], c["count"], c["agent"]) for c in claims] == [
        ("released", 2000, "Ali Khamenei")
    ]
    claims = _claims(
        extract,
        "The president freed 30 political prisoners on Tuesday, the government said. "
        "President Alexander Lukashenko signed the decree.",
    )
    assert claims[0]["agent"] == "Alexander Lukashenko"


def test_an_office_held_by_no_one_or_several_named_is_no_person(extract: Extract) -> None:
    claims = _claims(
        extract,
        "The president freed 30 political prisoners on Tuesday. President Alexander "
        "Lukashenko and President Vladimir Putin met on Monday.",
    )
    assert claims[0]["agent"] not in ("Alexander Lukashenko", "Vladimir Putin")
    claims = _claims(extract, "The president freed 30 political prisoners on Tuesday.")
    assert claims[0]["agent"] == "president"


def test_a_full_name_taken_for_a_body_is_the_person_of_its_surname(extract: Extract) -> None:
    claims = _claims(
        extract,
        "The statement by Iran's judiciary head Gholamhossein Mohseni Ejehi was read on "
        "Monday. Ejehi said a total of 8,000 prisoners had been pardoned.",
    )
    assert claims[0]["source"] == "Gholamhossein Mohseni Ejehi"


def test_a_body_named_after_a_person_stays_a_body(extract: Extract) -> None:
    claims = _claims(
        extract,
        "The Nelson Mandela Foundation said 30 people were arrested on Monday. Mandela founded it.",
    )
    assert claims[0]["source"] == "Nelson Mandela Foundation"


def test_named_people_who_left_prison_were_released(extract: Extract) -> None:
    claims = _claims(
        extract,
        "Jimmy Sham and fellow former district councillors Kinda Li, Roy Tam and Henry Wong "
        "left prison on Friday.",
    )
    assert [(c["action"], c["count"], c["agent"]) for c in claims] == [("released", 4, None)]
    assert claims[0]["persons"] == ["Jimmy Sham", "Kinda Li", "Roy Tam", "Henry Wong"]


def test_leaving_anything_but_custody_is_no_release(extract: Extract) -> None:
    assert _claims(extract, "Jimmy Sham and Henry Wong left the country on Friday.") == []


def test_a_count_of_more_of_a_group(extract: Extract) -> None:
    claims = _claims(
        extract,
        "Four more of the democrats jailed in the national security trial were released on Friday.",
    )
    assert [(c["action"], c["count"], c["population"]) for c in claims] == [
        ("released", 4, "democrats")
    ]


def test_a_number_in_a_quoted_name_is_no_count(extract: Extract) -> None:
    claims = _claims(
        extract,
        "Four more of the “47 democrats” jailed in the national security trial were released "
        "on Friday.",
    )
    assert [(c["action"], c["count"]) for c in claims] == [("released", 4)]


def test_more_without_a_count_gives_nothing(extract: Extract) -> None:
    assert _claims(extract, "The more of them were released, the better.") == []
