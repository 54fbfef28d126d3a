"""Events from background clauses (issue 12, session 6): a concession told in the past perfect
was given before the release the article reports, so it is no part of its trade; the same
concession told as a fact of the story is one. Paragraphs written for the test."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Extract = Callable[..., dict[str, Any]]


def _concessions(out: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for e in out["events"] if e["kind"] == "concession"]


def test_a_past_perfect_concession_is_background(extract: Extract) -> None:
    out = extract(
        "Egypt freed 30 prisoners on Tuesday. The United States had lifted sanctions on the "
        "state airline in 2023."
    )
    assert _concessions(out) == []


def test_a_past_perfect_easing_is_background(extract: Extract) -> None:
    out = extract(
        "Bahrain released 457 prisoners on Wednesday. Washington had eased restrictions on "
        "arms sales to Manama two years earlier."
    )
    assert _concessions(out) == []


def test_a_concession_told_as_a_fact_is_one(extract: Extract) -> None:
    out = extract(
        "Belarus freed 52 prisoners on Thursday. In return, the United States lifted sanctions "
        "on the state airline Belavia."
    )
    (concession,) = _concessions(out)
    assert concession["by"] == "United States"
