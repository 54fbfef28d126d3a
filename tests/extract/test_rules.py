"""Rules on sentences written for these tests (not taken from any article), so that the
extractor is checked on phrasings it was not tuned on."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from prisonwatch.extract.numbers import NUMBER, parse_number
from prisonwatch.extract.timex import find_times
from tests.extract.conftest import only

Extract = Callable[..., dict[str, Any]]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,400", 1400),
        ("52", 52),
        ("one", 1),
        ("Seventeen", 17),
        ("fifty-two", 52),
        ("two hundred and twelve", 212),
        ("3.5", None),
    ],
)
def test_numbers(text: str, value: int | None) -> None:
    m = NUMBER.search(text)
    assert m is not None and parse_number(m.group(0)) == value


@pytest.mark.parametrize(
    ("sentence", "dct", "value"),
    [
        ("He was freed in September.", "2025-12-12", "2025-09"),
        ("He will be tried in March.", "2025-12-12", "2026-03"),
        ("The talks were held on Friday.", "2025-12-12", "2025-12-12"),
        ("They met on Tuesday.", "2025-12-12", "2025-12-09"),
        ("She was named envoy last month.", "2025-12-12", "2025-11"),
        ("He was arrested on 11 September 2025.", "2025-12-12", "2025-09-11"),
        ("It happened on Aug. 1, 2024.", "2025-12-12", "2024-08-01"),
        ("Sentenced last year, he appealed.", "2025-03-01", "2024"),
        ("This year alone, 80 were freed.", "2025-03-01", "2025"),
        ("He spent three months in jail.", "2025-03-01", "P3M"),
        ("It was yesterday.", "2025-03-01", "2025-02-28"),
        ("He was freed two days ago.", "2025-12-12", "2025-12-10"),
        ("Three months ago he was jailed.", "2025-12-12", "2025-09"),
        ("In mid-September the talks began.", "2025-12-12", "2025-09"),
    ],
)
def test_time_expressions(sentence: str, dct: str, value: str) -> None:
    found = find_times(sentence, date.fromisoformat(dct))
    assert value in [t.value for t in found], found


def test_may_the_verb_is_not_a_month() -> None:
    assert find_times("May be released soon, he said.", date(2025, 3, 1)) == []


def test_release_with_source_date_and_mechanism(extract: Extract) -> None:
    out = extract(
        "The authorities pardoned 31 political prisoners on Tuesday, according to Viasna.",
        "2025-12-12",
    )
    c = only(out["claims"], "released", 31)
    assert c["population"] == "political_prisoners" and c["mechanism"] == "pardon"
    assert c["when"] == {"from": "2025-12-09", "to": "2025-12-09"}
    assert c["source"] == "Viasna"


def test_stock_with_qualifier_is_held_on_the_article_date(extract: Extract) -> None:
    out = extract("More than 900 political prisoners remain behind bars, Viasna said.")
    c = only(out["claims"], "held", 900)
    assert c["qualifier"] == "more_than" and c["when"] == {"from": "2025-12-12", "to": "2025-12-12"}
    assert c["source"] == "Viasna"


@pytest.mark.parametrize(
    ("phrase", "qualifier"),
    [
        ("at least 12", "at_least"),
        ("about 40", "about"),
        ("up to 300", "up_to"),
        ("fewer than 20", "fewer_than"),
        ("nearly 70", "about"),
        ("25", "exact"),
    ],
)
def test_qualifiers(extract: Extract, phrase: str, qualifier: str) -> None:
    out = extract(f"Lukashenko freed {phrase} prisoners on Monday.")
    (c,) = [c for c in out["claims"] if c["action"] == "released"]
    assert c["qualifier"] == qualifier


def test_subset_including(extract: Extract) -> None:
    out = extract("The government freed 23 people on Monday, including six journalists.")
    whole = only(out["claims"], "released", 23)
    part = only(out["claims"], "released", 6)
    assert part["population"] == "journalists" and part["part_of"] == whole["id"]


def test_possible_future_releases_are_not_claims(extract: Extract) -> None:
    out = extract("Lukashenko could free 30 more prisoners next month, officials said.")
    assert [c for c in out["claims"] if c["count"] == 30] == []


def test_demand(extract: Extract) -> None:
    out = extract(
        "Sviatlana Tsikhanouskaya called on Minsk to release all 1,100 political prisoners."
    )
    c = only(out["claims"], "demanded", 1100)
    assert c["agent"] == "Sviatlana Tsikhanouskaya" and c["when"] is None


def test_named_person_back_in_prison(extract: Extract) -> None:
    out = extract(
        "Opposition politician Mikola Statkevich was freed in September. "
        "Days later, Statkevich was returned to prison after refusing to leave the country."
    )
    c = only(out["claims"], "returned_to_custody", 1)
    assert c["persons"] == ["Mikola Statkevich"]


def test_designation_by_an_organisation(extract: Extract) -> None:
    out = extract(
        "Viasna recognised 14 more people as political prisoners on Wednesday.", "2025-03-07"
    )
    c = only(out["claims"], "designated", 14)
    assert c["population"] == "political_prisoners" and c["agent"] == "Viasna"
    assert c["when"] == {"from": "2025-03-05", "to": "2025-03-05"}


def test_sentence_lengths_and_ages_are_not_counts(extract: Extract) -> None:
    out = extract("The 64-year-old activist was sentenced to 14 years in 2021.")
    assert all(c["count"] not in (14, 64, 2021) for c in out["claims"])


def test_concession_in_return(extract: Extract) -> None:
    out = extract(
        "Belarus released 16 prisoners on Thursday. In return, Washington eased sanctions on "
        "Belaruskali."
    )
    (ev,) = [e for e in out["events"] if e["kind"] == "concession"]
    assert ev["by"] == "United States" and ev["what"] == "sanctions_eased"
    assert ev["target"] == "Belaruskali"
    assert ev["in_return_for"] == [only(out["claims"], "released", 16)["id"]]


def test_quote_via_an_outlet(extract: Extract) -> None:
    out = extract('The agency Belta quoted Lukashenko as saying: "We are ready to talk."')
    (q,) = out["quotes"]
    assert (q["speaker"], q["via"], q["text"]) == (
        "Alexander Lukashenko",
        "Belta",
        "We are ready to talk.",
    )


def test_prisoners_stay_prisoners_unless_the_text_says_political(extract: Extract) -> None:
    """The contract: `political_prisoners` when the text says they are; an article about
    political prisoners may still free prisoners it does not call political (an amnesty)."""
    out = extract(
        "Minsk keeps more than 1,000 political prisoners behind bars.\n"
        "On Monday the authorities freed 20 prisoners, a rights group said."
    )
    assert only(out["claims"], "released", 20)["population"] == "prisoners"


def test_prisoners_kept_apart_from_the_political_ones(extract: Extract) -> None:
    out = extract(
        "The government released 300 prisoners in an amnesty on Monday. "
        "Among those released were 12 political prisoners, a rights group said."
    )
    whole = only(out["claims"], "released", 300)
    part = only(out["claims"], "released", 12)
    assert whole["population"] == "prisoners" and whole["mechanism"] == "amnesty"
    assert part["population"] == "political_prisoners" and part["part_of"] == whole["id"]


def test_an_institution_speaks_for_its_state(extract: Extract) -> None:
    out = extract("Minsk freed 21 Belarusian detainees on Monday, the presidency said.")
    assert only(out["claims"], "released", 21)["source"] == "Belarusian presidency"


def test_quote_after_saying_and_a_titled_speaker(extract: Extract) -> None:
    out = extract(
        "Gitanas Nauseda welcomed the news, saying: “At least 900 political prisoners remain.“ "
        'The prison service spokeswoman Olena Petrenko said: "Nobody was hurt."'
    )
    speakers = [q["speaker"] for q in out["quotes"]]
    assert speakers == ["Gitanas Nauseda", "Olena Petrenko"]
    assert only(out["claims"], "held", 900)["source"] == "Gitanas Nauseda"


def test_government_of_and_mutual_exchanges(extract: Extract) -> None:
    out = extract("On Monday the Government of Burma released 70 prisoners in an amnesty.")
    assert only(out["claims"], "released", 70)["agent"] == "Government of Burma"
    out = extract("In Ankara, 16 prisoners were exchanged by Russia and the West on Thursday.")
    freed = only(out["claims"], "released", 16)
    assert freed["agent"] is None and freed["mechanism"] == "exchange"


def test_lists_of_nationals_belong_to_the_foreigners(extract: Extract) -> None:
    out = extract(
        "Minsk freed 30 prisoners on Friday, including 9 foreign nationals. "
        "Officials said the group included four people from Germany, three from Lithuania and "
        "two from Latvia."
    )
    foreign = only(out["claims"], "released", 9)
    assert foreign["population"] == "foreign_nationals"
    assert foreign["part_of"] == only(out["claims"], "released", 30)["id"]
    german = only(out["claims"], "released", 4)
    assert german["population"] == "german_nationals" and german["part_of"] == foreign["id"]
    latvian = only(out["claims"], "released", 2)
    assert latvian["population"] == "latvian_nationals" and latvian["part_of"] == foreign["id"]


def test_breakdowns_keep_their_source_and_the_article_keeps_its_releaser(extract: Extract) -> None:
    out = extract(
        "Belarusian leader Alexander Lukashenko pardoned 40 prisoners on Monday, the presidency "
        "said. Twelve of them were women. Another 5 people were freed from a penal colony "
        "on Tuesday."
    )
    whole = only(out["claims"], "released", 40)
    assert whole["source"] == "Belarusian presidency"
    women = only(out["claims"], "released", 12)
    assert women["part_of"] == whole["id"] and women["source"] == "Belarusian presidency"
    assert only(out["claims"], "released", 5)["agent"] == "Alexander Lukashenko"


def test_a_demand_in_a_quote_is_the_speakers(extract: Extract) -> None:
    out = extract("“All 900 political prisoners must be released,” Sviatlana Tsikhanouskaya said.")
    assert only(out["claims"], "demanded", 900)["agent"] == "Sviatlana Tsikhanouskaya"


def test_a_relaying_outlet_is_not_the_source(extract: Extract) -> None:
    out = extract(
        "Poland's Internal Security Agency confirmed that 8 prisoners were swapped on Friday. "
        "Five of them were Belarusians, the Internal Security Agency said, as cited by the "
        "broadcaster TVP World."
    )
    body = "Polish Internal Security Agency"
    assert only(out["claims"], "released", 8)["source"] == body
    assert only(out["claims"], "released", 5)["source"] == body


def test_the_people_released_are_not_their_releaser(extract: Extract) -> None:
    out = extract(
        "Journalist Anna Example and former U.S. Marine John Sample were released by Iran "
        "on Monday."
    )
    (claim,) = [c for c in out["claims"] if c["action"] == "released"]
    assert claim["count"] == 2 and claim["agent"] == "Iran"
    assert set(claim["persons"]) == {"Anna Example", "John Sample"}


def test_the_past_quarter_is_a_duration() -> None:
    found = find_times("Sales fell over the past quarter.", date(2009, 5, 14))
    assert [t.value for t in found] == ["P1Q"]


def test_a_lowercase_may_is_the_verb() -> None:
    assert find_times("This may take years, she said.", date(2025, 3, 1)) == []
    assert [t.value for t in find_times("This May he was freed.", date(2025, 3, 1))] == ["2025-05"]
