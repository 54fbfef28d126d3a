"""Agents and sources the text does not give (issue 12, session 8), by kind of error found on
the own development articles (own_dev, own_dev2; own_held never looked into): a dateline's
agency read as the releaser; a court taken as the article's arrester; a release after a term
served given the state as its maker; "his wife said" taken as the source of a figure. Written
for these rules (never article text), with sentences whose agent or source must stay."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.extract.conftest import only

Extract = Callable[..., dict[str, Any]]


def _claims(extract: Extract, body: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = extract(body)["claims"]
    return found


def test_a_datelines_agency_is_no_agent(extract: Extract) -> None:
    claim = only(
        _claims(
            extract,
            "MANAGUA (EFE) - The government has stripped 135 political prisoners of their "
            "citizenship, a week after they were released and flown to Guatemala.",
        ),
        "released",
        135,
    )
    assert claim["agent"] is None


def test_an_agent_after_a_dateline_stays(extract: Extract) -> None:
    claim = only(
        _claims(extract, "CARACAS (Reuters) - Venezuela freed 20 political prisoners on Monday."),
        "released",
        20,
    )
    assert claim["agent"] == "Venezuela"


def test_a_court_is_not_the_articles_arrester(extract: Extract) -> None:
    claims = _claims(
        extract,
        "A Hong Kong court jailed 45 democracy activists on Tuesday. The 45 were among 47 "
        "people arrested in January 2021 over an unofficial primary election.",
    )
    assert only(claims, "detained", 47)["agent"] is None


def test_the_articles_government_still_arrests(extract: Extract) -> None:
    claims = _claims(
        extract,
        "The Government of Burma released 300 prisoners on Monday. Another 20 students were "
        "arrested in Yangon on Tuesday.",
    )
    assert only(claims, "detained", 20)["agent"] == "Government of Burma"


@pytest.mark.parametrize(
    "body",
    [
        "Chinese human rights lawyer Wang Ming was released in Beijing on Thursday after "
        "serving a seven-year sentence.",
        "Cuban dissident Jose Perez walked free on Monday after completing his five-year sentence.",
    ],
)
def test_a_term_served_is_nobodys_release(extract: Extract, body: str) -> None:
    (claim,) = [c for c in _claims(extract, body) if c["action"] == "released"]
    assert (claim["mechanism"], claim["agent"]) == ("term_served", None)


def test_a_pardon_keeps_its_maker(extract: Extract) -> None:
    claim = only(
        _claims(extract, "Kassym Tokayev pardoned 23 inmates in Astana on Tuesday."),
        "released",
        23,
    )
    assert claim["agent"] == "Kassym Tokayev"


@pytest.mark.parametrize(
    "body",
    [
        "Human rights lawyer Wang Ming was released on Thursday, his wife said.",
        "Police detained 14 students on Monday, their lawyers said.",
        "Opposition activist Ana Ruiz was arrested again on Friday, her family told reporters.",
    ],
)
def test_someone_known_only_by_whom_they_belong_to_is_no_source(
    extract: Extract, body: str
) -> None:
    assert [c["source"] for c in _claims(extract, body)] == [None]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("Police detained 14 students on Monday, the union's lawyers said.", "union's lawyers"),
        ("Police detained 14 students on Monday, Viasna said.", "Viasna"),
        ("Police detained 14 students on Monday, the rights group said.", "rights group"),
    ],
)
def test_a_source_named_or_described_stays(extract: Extract, body: str, source: str) -> None:
    assert only(_claims(extract, body), "detained", 14)["source"] == source


@pytest.mark.parametrize(
    "body",
    [
        "Under an amnesty announced by President Ilham Aliyev, 154 prisoners were freed this week.",
        "Under a deal announced by the White House, 5 Americans were freed on Monday.",
    ],
)
def test_a_say_verb_describing_a_noun_tells_no_figure(extract: Extract, body: str) -> None:
    assert [c["source"] for c in _claims(extract, body)] == [None]


def test_a_say_verb_telling_the_clause_is_its_source(extract: Extract) -> None:
    claims = _claims(
        extract,
        "154 prisoners were freed under the amnesty, as announced by President Ilham Aliyev.",
    )
    assert only(claims, "released", 154)["source"] == "Ilham Aliyev"
