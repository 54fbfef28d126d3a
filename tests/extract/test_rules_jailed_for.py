"""'Jailed in 2022 for criticising the war': a time of its own between "jailed" and its cause
is still a sentence (issue 12's left-over from own 309, session 8). Written for this rule,
never article text, with sentences whose reading must stay: a stay since a time, an arrest."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.extract.conftest import only

Extract = Callable[..., dict[str, Any]]


def _acts(out: dict[str, Any]) -> set[tuple[str, int]]:
    return {(c["action"], c["count"]) for c in out["claims"]}


def test_jailed_at_a_time_for_a_cause_is_a_sentence(extract: Extract) -> None:
    claims = extract(
        "The exchange also freed Kremlin critic Igor Baranov, who had been jailed in 2022 for "
        "criticising the war, his lawyer told Reuters."
    )["claims"]
    sentence = only(claims, "sentenced", 1)
    assert (sentence["persons"], sentence["when"]) == (
        ["Igor Baranov"],
        {"from": "2022", "to": "2022"},
    )
    # the time belongs to the sentence, not to the release the article reports
    assert only(claims, "released", 1)["when"] == {"from": "2025-12-12", "to": "2025-12-12"}


def test_jailed_last_year_for_a_cause_is_a_sentence(extract: Extract) -> None:
    claims = extract("The blogger Ana Ruiz was jailed last year for insulting the president.")
    assert only(claims["claims"], "sentenced", 1)["when"] == {"from": "2024", "to": "2024"}


def test_jailed_since_a_time_is_no_sentence(extract: Extract) -> None:
    out = extract(
        "Activist Ana Ruiz, who had been jailed since 2021 for her posts, was freed on Monday."
    )
    assert _acts(out) == {("released", 1)}


def test_an_arrest_told_with_jailed_stays_an_arrest(extract: Extract) -> None:
    assert _acts(extract("Police jailed 30 protesters overnight in Minsk.")) == {("detained", 30)}
