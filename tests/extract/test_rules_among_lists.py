"""Members of a group told by "Among those freed were ...", in a list split by semicolons whose
members carry commas or long descriptions (the parse may hang the sentence's root inside the
list), and one ruling body named by two bare words in one article. Written for these rules
(the causes were found on dev2 204); sentences that must keep their reading come with them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.extract.conftest import only

Extract = Callable[..., dict[str, Any]]


def test_a_semicolon_list_counts_one_member_per_part(extract: Extract) -> None:
    out = extract(
        "The junta released 402 political prisoners last week. Among the political prisoners "
        "freed by the regime were a former minister; party spokesman Dr. Myo Nyunt; former "
        "student leader Ko Mya Aye; and an anti-regime activist Buddhist monk."
    )
    claim = only(out["claims"], "released", 4)
    assert claim["persons"] == ["Myo Nyunt", "Ko Mya Aye"]


def test_a_list_with_a_body_in_a_member_counts_its_parts(extract: Extract) -> None:
    out = extract(
        "The regime freed 90 prisoners on Monday. Among those freed were a National League for "
        "Democracy lawmaker; the poet Tomas Berg; the blogger Ana Kim; and a monk."
    )
    claim = only(out["claims"], "released", 4)
    assert set(claim["persons"]) == {"Tomas Berg", "Ana Kim"}


def test_a_comma_list_keeps_its_count(extract: Extract) -> None:
    out = extract(
        "The regime freed 90 prisoners on Monday. Among those freed were Tomas Berg and Ana Kim."
    )
    assert only(out["claims"], "released", 2)["persons"] == ["Tomas Berg", "Ana Kim"]


def test_one_ruling_body_named_two_ways_is_one_agent(extract: Extract) -> None:
    out = extract(
        "The junta released 300 prisoners on Monday. On Friday the regime detained 40 students."
    )
    agents = {c["agent"] for c in out["claims"]}
    assert agents == {"junta"}


def test_a_state_itself_and_a_body_stay_apart(extract: Extract) -> None:
    out = extract(
        "The junta released 300 prisoners on Monday. On Friday police detained 40 students."
    )
    assert only(out["claims"], "released", 300)["agent"] == "junta"
