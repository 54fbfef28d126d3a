"""Claims about named people, stocks and demands, on sentences written for these tests (not
taken from any article)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.extract.conftest import only

Extract = Callable[..., dict[str, Any]]


def test_held_since_starts_a_stay_and_does_not_date_the_release(extract: Extract) -> None:
    out = extract(
        "Among those freed on Monday was teacher Ivan Example, who had been held since 2021."
    )
    freed = only(out["claims"], "released", 1)
    assert freed["when"] == {"from": "2025-12-08", "to": "2025-12-08"}
    held = only(out["claims"], "held", 1)
    assert held["persons"] == ["Ivan Example"]
    assert held["when"] == {"from": "2021", "to": "2025-12-08"}


def test_jailed_for_political_reasons_are_political_prisoners(extract: Extract) -> None:
    out = extract("Over 900 people jailed for political reasons are still behind bars, she said.")
    assert only(out["claims"], "held", 900)["population"] == "political_prisoners"


def test_all_political_prisoners_with_their_number(extract: Extract) -> None:
    out = extract(
        "The groups demand the release of all political prisoners (already 900) and an end "
        "to repression."
    )
    assert only(out["claims"], "demanded", 900)["population"] == "political_prisoners"
    assert only(out["claims"], "held", 900)["when"] == {"from": "2025-12-12", "to": "2025-12-12"}


def test_all_must_be_released_counts_the_stock_told_before(extract: Extract) -> None:
    out = extract(
        "Sviatlana Tsikhanouskaya welcomed the news. But more than 1,100 political prisoners "
        "are still held, she said.\n"
        '"Every one of them must be freed," she wrote on X.'
    )
    demand = only(out["claims"], "demanded", 1100)
    assert demand["qualifier"] == "more_than" and demand["agent"] == "Sviatlana Tsikhanouskaya"


def test_members_of_a_small_group_named_one_by_one(extract: Extract) -> None:
    out = extract(
        "Three more people were recognised as political prisoners on Monday, Viasna said.\n"
        "One of them is teacher Ivan Example.\n"
        "The second person recognised is nurse Olga Example, who was detained in May."
    )
    group = only(out["claims"], "designated", 3)
    assert group["persons"] == ["Ivan Example", "Olga Example"]
    assert [c["action"] for c in out["claims"]].count("designated") == 1
    detained = only(out["claims"], "detained", 1)
    assert detained["persons"] == ["Olga Example"]
    assert detained["population"] == "political_prisoners"


def test_one_subject_for_two_verbs_and_a_pronoun_after(extract: Extract) -> None:
    out = extract(
        "Ivan Example, a lawyer and former candidate, was arrested in 2021 and sentenced to "
        "ten years. Amnesty International recognised him as a prisoner of conscience."
    )
    assert only(out["claims"], "detained", 1)["persons"] == ["Ivan Example"]
    assert only(out["claims"], "sentenced", 1)["persons"] == ["Ivan Example"]
    conscience = only(out["claims"], "designated", 1)
    assert conscience["persons"] == ["Ivan Example"]
    assert conscience["population"] == "prisoners_of_conscience"
    assert conscience["agent"] == "Amnesty International"


def test_a_pronoun_with_nobody_told_before_names_nobody(extract: Extract) -> None:
    out = extract("He was sentenced to ten years in March.")
    assert all(c["persons"] == [] for c in out["claims"])


def test_counts_adding_up_to_a_total_are_its_parts(extract: Extract) -> None:
    out = extract(
        "Teacher Ivan Example was released today. Nine other political prisoners were "
        "released along with him.\n"
        "“The release of 10 prisoners today is a good sign,” the envoy John Roe said."
    )
    whole = only(out["claims"], "released", 10)
    assert only(out["claims"], "released", 1)["part_of"] == whole["id"]
    assert only(out["claims"], "released", 9)["part_of"] == whole["id"]


def test_two_people_of_one_surname_stay_two(extract: Extract) -> None:
    out = extract(
        "Teacher Ivan Example was detained on Monday. Nurse Olga Example, his sister, was "
        "detained on Tuesday. Example was later released."
    )
    detained = [c for c in out["claims"] if c["action"] == "detained"]
    assert sorted(p for c in detained for p in c["persons"]) == ["Ivan Example", "Olga Example"]
    # a surname alone is the one named nearest before it
    assert only(out["claims"], "released", 1)["persons"] == ["Olga Example"]


def test_a_person_described_and_named_in_the_next_sentence(extract: Extract) -> None:
    out = extract(
        "MINSK, March 3 The Minsk correspondent of a Lithuanian radio station was detained by "
        "police on Tuesday, the Belarusian Association of Journalists said.\n"
        "Olga Example, who also writes for several Belarusian websites, spent two months in "
        "jail last year before getting a two-year sentence which was suspended.",
        "2025-03-06",
    )
    detained = only(out["claims"], "detained", 1)
    assert detained["persons"] == ["Olga Example"]
    assert detained["population"] == "journalists"
    assert detained["when"] == {"from": "2025-03-04", "to": "2025-03-04"}
    assert detained["source"] == "BAJ"
    held = only(out["claims"], "held", 1)
    assert held["persons"] == ["Olga Example"] and held["when"] == {"from": "2024", "to": "2024"}
    sentenced = only(out["claims"], "sentenced", 1)
    assert sentenced["persons"] == ["Olga Example"]
    assert sentenced["population"] == "journalists"  # as the article first described her


def test_a_passive_by_phrase_names_the_agent(extract: Extract) -> None:
    out = extract(
        "In Belarus, the Minsk correspondent of a Polish daily was arrested by police on Tuesday.",
    )
    assert only(out["claims"], "detained", 1)["agent"] == "Belarusian police"


@pytest.mark.parametrize(
    "sentence",
    [
        "On its website, Apple released the text of Steve Jobs's email to staff.",
        "iLife '11 was released on Wednesday as an upgrade.",
        "It will replace Mac OS X Snow Leopard, which was released in 2009.",
        "Some 122,000 people will be cut in the company's push to return to profit.",
        "Viasna released a report on Monday, and Maria Example released a video statement.",
    ],
)
def test_things_released_and_other_demands_are_not_claims(extract: Extract, sentence: str) -> None:
    assert extract(sentence)["claims"] == []


def test_walking_free_and_a_known_given_name(extract: Extract) -> None:
    out = extract(
        "Ihar Losik walked free after completing his five-year term, Viasna said.\n"
        "Maryna Zolatava walked out of prison on Monday."
    )
    freed = [c for c in out["claims"] if c["action"] == "released"]
    assert [c["persons"] for c in freed] == [["Ihar Losik"], ["Maryna Zolatava"]]
    assert freed[0]["mechanism"] == "term_served" and freed[0]["source"] == "Viasna"
    assert freed[1]["when"] == {"from": "2025-12-08", "to": "2025-12-08"}


def test_serving_a_full_sentence_is_no_new_sentence(extract: Extract) -> None:
    out = extract("Activist Ivan Example was released on Monday after serving his full sentence.")
    assert [c["action"] for c in out["claims"]] == ["released"]
    assert out["claims"][0]["mechanism"] == "term_served"


def test_a_roster_of_names_after_a_count(extract: Extract) -> None:
    out = extract(
        "Four rights groups recognised five more people as political prisoners on Monday.\n"
        "The list was updated with the following names: Ivan Example, Olga Sample, Piotr "
        "Probe and Maryna Test. Andrei Demo (article 342 of the Criminal Code) was also added."
    )
    group = only(out["claims"], "designated", 5)
    assert group["persons"] == [
        "Ivan Example",
        "Olga Sample",
        "Piotr Probe",
        "Maryna Test",
        "Andrei Demo",
    ]
