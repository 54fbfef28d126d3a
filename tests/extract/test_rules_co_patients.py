"""People an act is done to besides its object, on sentences written for them (not from any
article; the causes were found on real articles of the dev3 fold): the possessor of an act noun
that names the one it was done to ("X's release"), people set beside them by a comitative
preposition ("alongside B", "along with A and B"), the others a named list adds by number
("A, B and four other citizens"), and a family name of several words ("San Miguel") read as
the fuller name told before. Sentences that must give nothing new come with each."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.extract.conftest import only

Extract = Callable[..., dict[str, Any]]


def test_the_possessor_of_a_release_is_released_not_the_releaser(extract: Extract) -> None:
    out = extract(
        "Spain's foreign minister Maria Lopez confirmed Carlos Perez's release, along with "
        "Pedro Gil and Luis Mora."
    )
    claim = only(out["claims"], "released", 3)
    assert set(claim["persons"]) == {"Carlos Perez", "Pedro Gil", "Luis Mora"}
    assert claim["agent"] != "Carlos Perez"


@pytest.mark.parametrize(
    ("body", "action", "persons"),
    [
        (
            "Police detained the blogger Ivan Sorokin on Monday. He was freed alongside Oleg "
            "Petrov, a lawyer who had criticised the government.",
            "released",
            ["Oleg Petrov"],
        ),
        (
            "The opposition leader Andrei Sannikov was released together with his wife Irina "
            "Khalip.",
            "released",
            ["Andrei Sannikov", "Irina Khalip"],
        ),
    ],
)
def test_people_set_beside_by_a_comitative_preposition_undergo_it_too(
    extract: Extract, body: str, action: str, persons: list[str]
) -> None:
    claim = only(extract(body)["claims"], action, len(persons))
    assert claim["persons"] == persons


def test_a_possessor_who_acts_is_not_made_a_patient(extract: Extract) -> None:
    # "pardon" is the doer's act, and an of-object names who underwent it
    out = extract("Lukashenko's pardon of Ales Bialiatski was welcomed.")
    claim = only(out["claims"], "released", 1)
    assert claim["persons"] == ["Ales Bialiatski"]


def test_with_is_not_comitative(extract: Extract) -> None:
    out = extract("The blogger Ivan Sorokin was released with a warning from Oleg Petrov.")
    assert [c["persons"] for c in out["claims"] if c["action"] == "released"] == [["Ivan Sorokin"]]


def test_a_named_list_counts_the_others_it_adds_by_number(extract: Extract) -> None:
    out = extract(
        "The government has released the activists Ivan Sorokin and Oleg Petrov and four "
        "other Spanish citizens."
    )
    claim = only(out["claims"], "released", 6)
    assert claim["qualifier"] == "exact"
    assert claim["persons"] == ["Ivan Sorokin", "Oleg Petrov"]


def test_others_without_a_number_leave_the_count_open(extract: Extract) -> None:
    out = extract("The government released Ivan Sorokin and other activists.")
    claim = only(out["claims"], "released", 1)
    assert claim["qualifier"] == "at_least"


def test_others_of_another_clause_are_not_added(extract: Extract) -> None:
    out = extract("Ivan Sorokin and Oleg Petrov were freed on Monday; two other prisoners remain.")
    assert only(out["claims"], "released", 2)["persons"] == ["Ivan Sorokin", "Oleg Petrov"]


def test_a_family_name_of_several_words_is_the_fuller_name(extract: Extract) -> None:
    out = extract(
        "Police arrested the rights activist Rocío San Miguel in January. Officials confirmed "
        "San Miguel's release on Friday."
    )
    claim = only(out["claims"], "released", 1)
    assert claim["persons"] == ["Rocío San Miguel"]


def test_a_name_in_a_passive_subject_is_the_one_acted_on(extract: Extract) -> None:
    # a real sentence's shape (an evidence quote of the compiled release records): a count
    # of one told by "one of", the person in apposition with an age
    out = extract(
        "One of the oldest political prisoners in Belarus, union leader Vasil Berasneu, 74, "
        "was released on Monday."
    )
    claim = only(out["claims"], "released", 1)
    assert claim["persons"] == ["Vasil Berasneu"]
    assert claim["agent"] is None


def test_a_passive_subject_with_a_by_phrase_keeps_its_agent(extract: Extract) -> None:
    out = extract("Tomas Berg, 52, was arrested by police in Minsk.")
    claim = only(out["claims"], "detained", 1)
    assert claim["persons"] == ["Tomas Berg"]
    assert claim["agent"] is not None and claim["agent"].lower() == "police"
