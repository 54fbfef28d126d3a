"""Events on sentences written for these tests (not taken from any article)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.extract.conftest import only

Extract = Callable[..., dict[str, Any]]


def _events(out: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e for e in out["events"] if e["kind"] == kind]


def test_a_meeting_between_two_leaves_out_whom_the_sentence_is_about(extract: Extract) -> None:
    out = extract(
        "Activist Ivan Example was freed today, soon after a meeting between Alexander "
        "Lukashenko and President Donald Trump's envoy Keith Kellogg, a newspaper reported."
    )
    (meeting,) = _events(out, "meeting")
    assert meeting["participants"] == ["Alexander Lukashenko", "Keith Kellogg"]


def test_an_envoys_master_is_not_at_the_meeting(extract: Extract) -> None:
    out = extract("Trump's envoy John Roe met Alexander Lukashenko in Minsk on Friday.")
    (meeting,) = _events(out, "meeting")
    assert meeting["participants"] == ["John Roe", "Alexander Lukashenko"]
    assert meeting["when"] == {"from": "2025-12-12", "to": "2025-12-12"}


def test_talks_told_as_a_discussion_and_a_passive_meeting(extract: Extract) -> None:
    out = extract(
        "Earlier, the agency Belta reported that Alexander Lukashenko and John Roe had discussed "
        "the fate of several convicts. Freed teacher Olga Example was met by Lithuanian Foreign "
        "Minister Kęstutis Budrys at the border."
    )
    (talks,) = _events(out, "talks")
    assert talks["participants"] == ["Alexander Lukashenko", "John Roe"]
    (meeting,) = _events(out, "meeting")
    assert set(meeting["participants"]) == {"Olga Example", "Kęstutis Budrys"}


def test_two_visits_in_one_sentence_and_a_visit_referred_back_to(extract: Extract) -> None:
    out = extract(
        "Jane Roe is the most senior official to visit Minsk in a decade, following former "
        "minister John Doe's visit in 2018. Lukashenko said the visits had drawn attention."
    )
    visits = _events(out, "visit")
    assert [v["participants"] for v in visits] == [["Jane Roe"], ["John Doe"]]
    assert visits[1]["when"] == {"from": "2018", "to": "2018"}


def test_a_concession_told_three_times_is_one(extract: Extract) -> None:
    out = extract(
        "Belarus released 16 prisoners on Thursday. Washington has eased some sanctions on "
        "Minsk following the decision. These include lifting sanctions on the state airline "
        "Belavia.\n"
        "“We are lifting sanctions, and more will follow,” the envoy John Roe said."
    )
    (concession,) = _events(out, "concession")
    assert concession["by"] == "United States" and concession["target"] == "Belavia"
    assert concession["in_return_for"] == [only(out["claims"], "released", 16)["id"]]


def test_a_prisoner_exchange_between_states(extract: Extract) -> None:
    out = extract(
        "Officials said 24 prisoners were exchanged by Russia and the West on Thursday. "
        "The swap was the largest since the Cold War, the statement said."
    )
    (swap,) = _events(out, "concession")
    assert swap["what"] == "exchange" and swap["participants"] == ["Russia", "the West"]
    assert swap["in_return_for"] == [only(out["claims"], "released", 24)["id"]]


def test_a_delegation_led_by_someone_visits(extract: Extract) -> None:
    out = extract("The US delegation, led by John Roe, arrived in Minsk on Wednesday.")
    (visit,) = _events(out, "visit")
    assert visit["participants"] == ["John Roe"]


def test_the_one_appointed_is_the_participant(extract: Extract) -> None:
    out = extract("Donald Trump appointed John Roe as special envoy to Belarus in November.")
    (appointment,) = _events(out, "appointment")
    assert appointment["participants"] == ["John Roe"]
    assert appointment["when"] == {"from": "2025-11", "to": "2025-11"}


def test_two_states_that_swap_prisoners(extract: Extract) -> None:
    out = extract("Russia and the United States swapped 24 prisoners in Ankara on August 1.")
    (swap,) = _events(out, "concession")
    assert swap["what"] == "exchange" and swap["participants"] == ["Russia", "United States"]
    freed = only(out["claims"], "released", 24)
    assert freed["agent"] is None and freed["mechanism"] == "exchange"
