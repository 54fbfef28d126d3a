"""Counts read from the dependency parse (`counts_by_parse`), on sentences written for them (not
from any article): the number is the `nummod` of the noun an action verb acts on, in active and
passive clauses, with particles, in "granted amnesty to", in conjuncts and gapped clauses, in
shares of a whole; possible, planned and denied acts give nothing, demanded ones a demand."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from prisonwatch.extract.counts_by_parse import counts_in
from prisonwatch.extract.pipeline import Extractor
from tests.extract.conftest import only

Extract = Callable[..., dict[str, Any]]


def _found(extractor: Extractor, sentence: str) -> list[tuple[str, int, str]]:
    return [
        (c.action, c.count, c.mood)
        for c in counts_in(extractor.nlp(sentence))
        if c.mood != "unreal"
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Eritrean government released 17 pastors on Sunday.", [("released", 17)]),
        ("Kenyan police arrested 61 teachers and 9 nurses.", [("detained", 61), ("detained", 9)]),
        ("Forty-two opposition members were jailed in March.", [("detained", 42)]),
        ("Some 300 demonstrators were rounded up by riot police.", [("detained", 300)]),
        ("Authorities set free nineteen bloggers last week.", [("released", 19)]),
        ("The court handed prison terms to 25 farmers.", [("sentenced", 25)]),
        ("The tribunal convicted eight lawyers of treason.", [("sentenced", 8)]),
        ("Officials deported 14 Canadian nationals after the ruling.", [("released", 14)]),
        ("Forty dissidents will be held until the vote.", []),
        ("All 60 detained reporters must be freed at once.", [("demanded", 60)]),
        (
            "The junta granted amnesty to 2,100 inmates in one decree, and 40 foreign inmates "
            "and six Thais in separate decrees on Friday.",
            [("released", 2100), ("released", 40), ("released", 6)],
        ),
        ("Police released 12 of the 40 detained students.", [("released", 12)]),
        ("The regime has pardoned 73 convicts.", [("released", 73)]),
    ],
)
def test_counts_the_parse_links_to_an_action(
    extractor: Extractor, sentence: str, expected: list[tuple[str, int]]
) -> None:
    assert [(a, n) for a, n, _ in _found(extractor, sentence)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The president could pardon 50 prisoners next month.",
        "The ministry plans to release 30 detainees.",
        "Cuba will release 300 prisoners, the foreign ministry said.",
        "The court did not convict the 12 defendants.",
        "The company released 40 new products last year.",
        "She was sentenced to 14 years in 2021.",
        "The band released 3 albums and 20 videos.",
    ],
)
def test_acts_that_are_not_facts_or_not_on_people_give_nothing(
    extractor: Extractor, sentence: str
) -> None:
    assert _found(extractor, sentence) == []


def test_a_governing_demand_makes_a_demand(extractor: Extractor) -> None:
    found = _found(extractor, "Rights groups urged the government to free 80 detained reporters.")
    assert found == [("demanded", 80, "demand")]


def test_a_share_points_at_its_whole(extractor: Extractor) -> None:
    sentence = "Only 90 of Eritrea's estimated 10,000 political prisoners were freed this year."
    (share,) = counts_in(extractor.nlp(sentence))
    assert (share.count, share.whole) == (90, sentence.index("10,000"))


@pytest.mark.parametrize(
    ("body", "action", "count", "population"),
    [
        ("The Eritrean government released 17 pastors on Sunday.", "released", 17, "pastors"),
        ("The court handed prison terms to 25 farmers.", "sentenced", 25, "farmers"),
        (
            "The government freed 64 Cuban political prisoners on Monday.",
            "released",
            64,
            "political_prisoners",
        ),
        (
            "The junta granted amnesty to 2,100 inmates in one decree, and 40 foreign inmates "
            "and six Sri Lankans in separate decrees on Friday.",
            "released",
            6,
            "sri_lankans",
        ),
        (
            "Only 90 of Eritrea's estimated 10,000 political prisoners were freed this year.",
            "released",
            90,
            "political_prisoners",
        ),
    ],
)
def test_the_extractor_claims_what_the_parse_counts(
    extract: Extract, body: str, action: str, count: int, population: str
) -> None:
    assert only(extract(body)["claims"], action, count)["population"] == population


def test_the_whole_of_a_share_is_no_release_but_the_stock(extract: Extract) -> None:
    body = "Only 90 of Eritrea's estimated 10,000 political prisoners were freed this year."
    found = [(c["action"], c["count"]) for c in extract(body)["claims"]]
    assert found == [("released", 90), ("held", 10000)]
    body = "Police released 12 of the 40 detained students."
    assert [(c["action"], c["count"]) for c in extract(body)["claims"]] == [("released", 12)]


def test_a_headline_the_body_tells_as_a_plan_is_no_claim(extractor: Extractor) -> None:
    from datetime import date

    from prisonwatch.ingest.documents import Document

    title = "Tanzania frees 640 prisoners"
    body = "Tanzania said on Monday it will release 640 prisoners before the holiday."
    text = f" date 2025-12-12 {title}\n{title}\n{body}\n"
    out = extractor.extract(Document("t.txt", text, date(2025, 12, 12), title))
    assert [(c.action, c.count) for c in out.claims] == []


@pytest.mark.parametrize(
    ("body", "action", "count", "population"),
    [
        (
            "The number of political prisoners in Tajikistan has risen to 210.",
            "held",
            210,
            "political_prisoners",
        ),
        ("The total of jailed journalists now stands at 87.", "held", 87, "journalists"),
        ("The number of detained protesters is 1,340.", "held", 1340, "protesters"),
        ("The number of freed prisoners reached 300 on Friday.", "released", 300, "prisoners"),
    ],
)
def test_a_tally_is_a_stock(
    extract: Extract, body: str, action: str, count: int, population: str
) -> None:
    assert only(extract(body)["claims"], action, count)["population"] == population


def test_a_tally_only_expected_is_no_claim(extract: Extract) -> None:
    assert extract("The number of political prisoners could reach 1,100 by May.")["claims"] == []


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("The total of jailed journalists now stands at 87, the union says.", "union"),
        ("The authorities freed 31 students on Monday, the university said.", "university"),
        ("The authorities freed 31 students on Monday, the report said.", None),
    ],
)
def test_the_subject_of_a_say_verb_is_the_source_unless_a_thing(
    extract: Extract, body: str, source: str | None
) -> None:
    (claim,) = extract(body)["claims"]
    assert claim["source"] == source


@pytest.mark.parametrize(
    ("body", "action", "count"),
    [
        ("Forty-two opposition members were jailed in March.", "detained", 42),
        ("At least 17,000 citizens who marched in June are still detained.", "held", 17000),
        ("About 90 students have been detained since the protests began.", "detained", 90),
        ("Nine dissidents were expelled to Spain on Thursday.", "released", 9),
    ],
)
def test_the_action_is_the_verb_the_parse_links_to_the_number(
    extract: Extract, body: str, action: str, count: int
) -> None:
    only(extract(body)["claims"], action, count)


@pytest.mark.parametrize(
    ("body", "count", "agent"),
    [
        ("Kenya's president pardoned more than 3,000 people on Monday.", 3000, "Kenya's president"),
        ("The judiciary chief pardoned 2,200 people on Monday.", 2200, "judiciary chief"),
        ("The tribunal freed eight lawyers on Monday.", 8, "tribunal"),
    ],
)
def test_an_actor_named_by_office_is_the_agent(
    extract: Extract, body: str, count: int, agent: str
) -> None:
    assert only(extract(body)["claims"], "released", count)["agent"] == agent


def test_the_one_freed_is_not_the_source(extract: Extract) -> None:
    out = extract("The authorities freed the journalist Leila Nasser, her lawyer said.")
    (claim,) = out["claims"]
    assert claim["persons"] == ["Leila Nasser"] and claim["source"] is None


@pytest.mark.parametrize(
    ("body", "count", "population"),
    [
        (
            "The updated list of political prisoners includes 254 people, the rights group said.",
            254,
            "political_prisoners",
        ),
        (
            "The register of prisoners of conscience has 40 people on it.",
            40,
            "prisoners_of_conscience",
        ),
    ],
)
def test_what_a_list_holds_is_a_stock(
    extract: Extract, body: str, count: int, population: str
) -> None:
    assert only(extract(body)["claims"], "held", count)["population"] == population


@pytest.mark.parametrize(
    "body",
    [
        "The list includes 12 countries.",
        "The register could include 300 people by May.",
    ],
)
def test_a_list_of_things_or_a_list_only_possible_gives_nothing(
    extract: Extract, body: str
) -> None:
    assert extract(body)["claims"] == []


def _headline(extractor: Extractor, title: str, body: str) -> list[tuple[str, int]]:
    from datetime import date

    from prisonwatch.ingest.documents import Document

    text = f" date 2025-12-12 {title}\n{title}\n{body}\n"
    out = extractor.extract(Document("t.txt", text, date(2025, 12, 12), title))
    return sorted((c.action, c.count) for c in out.claims)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "Only 90 of Eritrea's Estimated 10,000 Political Prisoners Freed in Amnesty",
            [("held", 10000), ("released", 90)],
        ),
        ("Over 300 Prisoners Freed in Holiday Amnesty", [("released", 300)]),
        ("Tanzania Court Jails 14 Opposition Activists", [("sentenced", 14)]),
    ],
)
def test_a_title_case_headline_is_read_in_sentence_case(
    extractor: Extractor, title: str, expected: list[tuple[str, int]]
) -> None:
    body = "The ministry gave no further details on Monday."
    assert _headline(extractor, title, body) == expected


def test_sentence_case_keeps_names_and_offsets() -> None:
    from prisonwatch.extract.entities import Mention
    from prisonwatch.extract.pipeline import sentence_case

    text = "xx Lukashenko Frees 14 US Citizens\n"
    names = [Mention(3, 13, "Lukashenko", "person", "Alexander Lukashenko")]
    cased = sentence_case(text, 3, len(text) - 1, names)
    assert cased == "Lukashenko frees 14 US citizens"
    assert len(cased) == len(text) - 4
