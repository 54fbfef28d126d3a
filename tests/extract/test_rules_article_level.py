"""Rules that read a whole article, not one sentence (issue 12, session 4), on short texts
written for them (never article text): a wire dateline is nobody in the story; a state acting
"as the authorities" is the state; a described group is the one named before; a part never
spans years; a plan told as a noun is no fact; "it" stands for the state named before; "the
exchange also freed X" is a part of the exchange told before; a body acts as the text names
it. Each rule has a case that must give nothing (or keep what it gave)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.extract.conftest import only

Extract = Callable[..., dict[str, Any]]


def test_a_dateline_is_neither_agent_nor_source(extract: Extract) -> None:
    out = extract(
        "TBILISI (Reuters) - Georgian authorities freed 14 protesters on Wednesday, "
        "their lawyers said."
    )
    claim = only(out["claims"], "released", 14)
    assert claim["agent"] == "Georgia"
    assert claim["source"] != "Reuters"
    assert all(
        e["name"] not in ("TBILISI", "Reuters")
        for e in out["entities"]
        if e["type"] in ("person", "organization")
    )


def test_a_capitalised_opening_without_a_dash_is_no_dateline(extract: Extract) -> None:
    out = extract("UNICEF said 30 children were detained in the raids on Monday.")
    assert only(out["claims"], "detained", 30)["source"] == "UNICEF"


@pytest.mark.parametrize(
    ("body", "agent"),
    [
        ("The Georgian government released 12 activists on Monday.", "Georgia"),
        ("Georgia's authorities released 12 activists on Monday.", "Georgia"),
        # a body with a name or office of its own keeps it
        ("Georgian police detained 12 activists on Monday.", "Georgian police"),
    ],
)
def test_the_authorities_of_a_state_are_the_state(extract: Extract, body: str, agent: str) -> None:
    action = "detained" if "detained" in body else "released"
    assert only(extract(body)["claims"], action, 12)["agent"] == agent


def test_the_group_said_is_the_body_named_before(extract: Extract) -> None:
    out = extract(
        "The Georgian Young Lawyers Association said authorities freed 21 detainees on Friday.\n"
        "The group said Georgia still holds 340 political prisoners."
    )
    assert only(out["claims"], "held", 340)["source"] == "Georgian Young Lawyers Association"


def test_a_name_after_said_that_opens_what_was_said_is_no_source(extract: Extract) -> None:
    out = extract("Observers said Georgia still holds 340 political prisoners.")
    assert only(out["claims"], "held", 340)["source"] != "Georgia"


def test_a_say_verb_of_a_coordinated_clause_is_not_the_source(extract: Extract) -> None:
    out = extract(
        "About 900 people were detained during the protests, and Prime Minister Irakli "
        "Sepashvili said at the time that the courts would deal with them."
    )
    assert only(out["claims"], "detained", 900)["source"] is None


def test_a_bare_month_takes_the_tense_of_its_own_clause(extract: Extract) -> None:
    out = extract(
        "About 900 people were detained after the October vote, and officials said new "
        "courts would hear their cases.",
        "2025-03-14",
    )
    assert only(out["claims"], "detained", 900)["when"] == {"from": "2024-10", "to": "2024-10"}


def test_a_decision_to_free_is_no_fact(extract: Extract) -> None:
    out = extract(
        "The president sent a letter announcing the decision to grant freedom to 300 inmates."
    )
    assert out["claims"] == []


def test_a_release_done_is_still_a_fact(extract: Extract) -> None:
    out = extract("The president granted freedom to 300 inmates on Monday.")
    assert only(out["claims"], "released", 300)


def test_a_part_never_spans_years(extract: Extract) -> None:
    out = extract(
        "In 2009, President Petrov released 150 prisoners after talks with the church. "
        "In 2014, 40 detained dissidents were released after talks with the church."
    )
    forty = only(out["claims"], "released", 40)
    assert forty["part_of"] is None
    assert forty["agent"] is None


def test_it_is_the_state_named_before(extract: Extract) -> None:
    out = extract(
        "Georgia usually pardons hundreds of prisoners at Easter, and it released 410 "
        "prisoners at Easter last year."
    )
    assert only(out["claims"], "released", 410)["agent"] == "Georgia"


def test_the_exchange_also_freed_is_a_part_of_the_exchange(extract: Extract) -> None:
    out = extract(
        "Georgia and Armenia exchanged 30 prisoners on Thursday.\n"
        "The exchange also freed opposition blogger Levan Beridze, his lawyer said."
    )
    whole = only(out["claims"], "released", 30)
    part = only(out["claims"], "released", 1)
    assert part["part_of"] == whole["id"]
    assert part["when"] == whole["when"]
    assert part["persons"] == ["Levan Beridze"]
    assert part["agent"] != "Levan Beridze"


def test_a_describing_noun_gives_the_population(extract: Extract) -> None:
    out = extract("Authorities freed government critic Levan Beridze on Thursday.")
    assert only(out["claims"], "released", 1)["population"] == "government_critics"


def test_a_body_acts_as_the_text_names_it(extract: Extract) -> None:
    out = extract(
        "Niger's Military Junta pardoned 800 prisoners on Monday.\n"
        "The junta released 120 prisoners on Tuesday."
    )
    assert only(out["claims"], "released", 800)["agent"] == "Niger military junta"
    assert only(out["claims"], "released", 120)["agent"] == "junta"


def test_a_year_in_the_name_of_another_event_does_not_date_the_act(extract: Extract) -> None:
    out = extract(
        "The king pardoned 900 prisoners on Tuesday to mark the anniversary of the 1956 "
        "Independence Day.",
        "2025-03-05",
    )
    assert only(out["claims"], "released", 900)["when"] == {
        "from": "2025-03-04",
        "to": "2025-03-04",
    }


def test_a_family_name_written_first_is_the_full_name(extract: Extract) -> None:
    out = extract(
        "Activist Zhang Wei was released on Monday after serving a four-year sentence.\n"
        "Zhang was detained in 2021 during a crackdown on labour groups."
    )
    assert only(out["claims"], "detained", 1)["persons"] == ["Zhang Wei"]


def test_the_subject_of_a_verb_naming_no_act_is_no_count_of_another(extract: Extract) -> None:
    out = extract(
        "The 20 were among 23 students arrested in March; three were acquitted last month."
    )
    assert all(c["count"] != 3 for c in out["claims"])


def test_the_groups_count_is_the_body_named_before(extract: Extract) -> None:
    out = extract(
        "The Georgian Young Lawyers Association said authorities freed 21 detainees on Friday.\n"
        "The releases leave 340 political prisoners behind bars, according to the group's count."
    )
    assert only(out["claims"], "held", 340)["source"] == "Georgian Young Lawyers Association"
