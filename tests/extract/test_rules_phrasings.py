"""More phrasings written for these tests (not taken from any article): stocks told as
"the number of ...", present-perfect periods, statements' dates, speaking offices."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.extract.conftest import only

Extract = Callable[..., dict[str, Any]]


def test_the_number_of_political_prisoners_has_reached(extract: Extract) -> None:
    out = extract(
        "The number of political prisoners in Belarus has reached 1,500, according to Viasna."
    )
    held = only(out["claims"], "held", 1500)
    assert held["population"] == "political_prisoners" and held["source"] == "Viasna"


def test_a_group_counts_its_list(extract: Extract) -> None:
    out = extract("Viasna now counts 1,147 political prisoners in Belarus.")
    assert only(out["claims"], "held", 1147)["when"] == {"from": "2025-12-12", "to": "2025-12-12"}


def test_a_present_perfect_since_runs_to_the_article_date(extract: Extract) -> None:
    out = extract(
        "Russia has detained more than 19,000 people for anti-war protests since February "
        "2022, according to OVD-Info."
    )
    c = only(out["claims"], "detained", 19000)
    assert c["when"] == {"from": "2022-02", "to": "2025-12-12"} and c["source"] == "OVD-Info"


def test_the_length_of_a_sentence_does_not_hide_its_day(extract: Extract) -> None:
    out = extract(
        "A court in Minsk sentenced journalist Katsiaryna Andreyeva to eight years in prison "
        "on Tuesday."
    )
    c = only(out["claims"], "sentenced", 1)
    assert c["when"] == {"from": "2025-12-09", "to": "2025-12-09"}
    assert c["persons"] == ["Katsiaryna Andreyeva"] and c["population"] == "journalists"


def test_the_day_of_a_statement_does_not_date_a_conviction_told_in_passing(
    extract: Extract,
) -> None:
    out = extract(
        "Belarusian authorities have freed 18 prisoners convicted of protest-related offences, "
        "the presidential press service said on Wednesday."
    )
    assert only(out["claims"], "sentenced", 18)["when"] is None
    assert only(out["claims"], "released", 18)["source"] == "presidential press service"


def test_offices_that_speak(extract: Extract) -> None:
    out = extract("Nearly 900 people were arrested during the protests, police said.")
    assert only(out["claims"], "detained", 900)["source"] == "police"
    out = extract(
        "Alexander Lukashenko pardoned 16 people convicted of extremism, his press service said."
    )
    assert only(out["claims"], "released", 16)["source"] == "Alexander Lukashenko's press service"


def test_a_destination_is_not_the_releaser(extract: Extract) -> None:
    out = extract("Some 30 political prisoners were deported to Lithuania on Friday.")
    c = only(out["claims"], "released", 30)
    assert c["agent"] is None and c["mechanism"] == "deportation" and c["qualifier"] == "about"


def test_politically_motivated_charges_after_the_verb(extract: Extract) -> None:
    out = extract(
        "OVD-Info says 1,200 people remain behind bars on politically motivated charges in Russia."
    )
    held = only(out["claims"], "held", 1200)
    assert held["population"] == "political_prisoners" and held["source"] == "OVD-Info"


def test_we_in_a_speakers_words_is_the_speaker(extract: Extract) -> None:
    out = extract("“We have freed 20 people today,” Alexander Lukashenko told reporters.")
    assert only(out["claims"], "released", 20)["agent"] == "Alexander Lukashenko"


def test_in_exchange_for_sanctions_is_not_a_prisoner_swap(extract: Extract) -> None:
    out = extract(
        "Belarus released 14 prisoners on Friday. In exchange, Washington agreed to ease "
        "sanctions on Belarusian potash producer Belaruskali."
    )
    (ev,) = out["events"]
    assert (ev["kind"], ev["what"], ev["target"]) == (
        "concession",
        "sanctions_eased",
        "Belaruskali",
    )


def test_a_release_said_to_be_possible_is_not_one(extract: Extract) -> None:
    out = extract("He added that the release of another 300 prisoners was possible.")
    assert out["claims"] == []


def test_a_share_of_the_freed_said_to_be_something(extract: Extract) -> None:
    out = extract(
        "Minsk freed 30 prisoners on Monday. Eight of the freed are foreign nationals, the "
        "Polish foreign ministry said."
    )
    part = only(out["claims"], "released", 8)
    assert part["population"] == "foreign_nationals"
    assert part["part_of"] == only(out["claims"], "released", 30)["id"]
    assert part["source"] == "Polish foreign ministry"


def test_groups_that_say_at_the_start_of_a_sentence(extract: Extract) -> None:
    out = extract(
        "Human rights groups say at least 1,100 political prisoners remain in Belarusian jails."
    )
    assert only(out["claims"], "held", 1100)["source"] == "human rights groups"


def test_the_people_of_a_headline_end_before_after(extract: Extract) -> None:
    out = extract("Belarus frees 14 prisoners, including US citizen, after Kellogg visit")
    assert only(out["claims"], "released", 14)["persons"] == []


def test_the_verb_before_a_count_is_its_action(extract: Extract) -> None:
    out = extract(
        "Over the past year, the authorities released more than 300 political prisoners, but "
        "arrested nearly 1,000 more."
    )
    assert only(out["claims"], "released", 300)["qualifier"] == "more_than"
    more = only(out["claims"], "detained", 1000)
    assert more["qualifier"] == "about" and more["population"] == "political_prisoners"


def test_a_state_body_as_subject(extract: Extract) -> None:
    out = extract(
        "In Myanmar, the junta has arrested more than 26,000 people since the coup, according "
        "to AAPP."
    )
    c = only(out["claims"], "detained", 26000)
    # a body as the text names it, as the 201-204 gold reads "The junta released" (session 4)
    assert c["agent"] == "junta" and c["source"] == "AAPP"


def test_an_amnesty_for_prisoners_and_a_list_of_nationals(extract: Extract) -> None:
    out = extract(
        "Myanmar's military government announced an amnesty for 5,864 prisoners, including "
        "180 foreigners, to mark Buddhist Lent.\n"
        "Among those released were nine Lithuanians, five Poles, a French citizen and a "
        "British national."
    )
    whole = only(out["claims"], "released", 5864)
    assert whole["mechanism"] == "amnesty" and whole["persons"] == []
    assert only(out["claims"], "released", 180)["part_of"] == whole["id"]
    ones = [c for c in out["claims"] if c["count"] == 1]
    assert sorted(c["population"] for c in ones) == ["british_nationals", "french_nationals"]
    five = only(out["claims"], "released", 5)
    assert five["part_of"] != only(out["claims"], "released", 9)["id"]


def test_serving_a_sentence_is_a_sentence(extract: Extract) -> None:
    out = extract(
        "Vladimir Kara-Murza, who was serving a 25-year sentence for treason, was among those "
        "freed."
    )
    assert only(out["claims"], "sentenced", 1)["persons"] == ["Vladimir Kara-Murza"]
    assert only(out["claims"], "released", 1)["persons"] == ["Vladimir Kara-Murza"]


def test_a_count_whose_verb_is_left_out(extract: Extract) -> None:
    out = extract("It was the third release this year, after 16 were freed in July and 23 in May.")
    assert only(out["claims"], "released", 23)["when"] == {"from": "2025-05", "to": "2025-05"}
    assert only(out["claims"], "released", 16)["when"] == {"from": "2025-07", "to": "2025-07"}


def test_a_named_person_who_remains_in_jail(extract: Extract) -> None:
    out = extract("One of the most prominent prisoners, Maria Kalesnikava, remains in jail.")
    held = only(out["claims"], "held", 1)
    assert held["persons"] == ["Maria Kalesnikava"]
    assert held["when"] == {"from": "2025-12-12", "to": "2025-12-12"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The two leaders met for three hours in Minsk.",
        "The 43-year-old lawyer had been abroad since 2021.",
        "Lukashenko, 71, has ruled Belarus since 1994.",
        "Belarus has about 9 million people.",
        "The prisoners were flown out on two planes and three buses took others to the border.",
        "In 2020, hundreds of thousands of people protested against the disputed election.",
    ],
)
def test_numbers_that_count_no_one_held_or_freed(extract: Extract, sentence: str) -> None:
    assert extract(sentence)["claims"] == []


def test_a_name_and_its_alias_and_today_s_noun(extract: Extract) -> None:
    out = extract(
        "The group notes the recent arrest of monk U Example (aka) Ko Sample and today's "
        "sentencing of activist Ivan Example to six months."
    )
    arrest = only(out["claims"], "detained", 1)
    assert arrest["persons"] == ["U Example"] and arrest["when"] is None
    sentence = [c for c in out["claims"] if c["action"] == "sentenced"]
    assert sentence and sentence[0]["when"] == {"from": "2025-12-12", "to": "2025-12-12"}


def test_the_role_before_a_name_is_its_population(extract: Extract) -> None:
    out = extract(
        "Police detained monk Ko Example on Monday and sentenced activist Ivan Example on "
        "Tuesday. Russian opposition politician Ilya Yashin was freed as part of the exchange."
    )
    assert only(out["claims"], "detained", 1)["population"] == "monks"
    assert only(out["claims"], "sentenced", 1)["population"] == "activists"
    assert only(out["claims"], "released", 1)["population"] == "opposition_politicians"


def test_a_share_of_a_whole(extract: Extract) -> None:
    out = extract("The government has released 120 of the 300 political prisoners in the country.")
    c = only(out["claims"], "released", 120)
    assert c["population"] == "political_prisoners"
    assert [x for x in out["claims"] if x["count"] == 300] == []


def test_a_stock_without_a_verb(extract: Extract) -> None:
    out = extract("According to Viasna, today in Belarus 1,150 political prisoners.")
    assert only(out["claims"], "held", 1150)["source"] == "Viasna"


def test_a_list_of_stocks_by_country(extract: Extract) -> None:
    out = extract(
        "Rights groups report that there are 300 political prisoners in Russia today, 20 in "
        "Kazakhstan, 250 in Vietnam and 340 in Venezuela."
    )
    assert sorted(c["count"] for c in out["claims"] if c["action"] == "held") == [20, 250, 300, 340]


def test_a_stock_and_those_facing_trial(extract: Extract) -> None:
    out = extract(
        "There are still 40 political prisoners remaining in prison, and 190 facing trial."
    )
    assert {c["count"] for c in out["claims"] if c["action"] == "held"} == {40, 190}


def test_granted_amnesty_to(extract: Extract) -> None:
    out = extract("The junta granted amnesty to 3,100 prisoners on Monday.")
    assert only(out["claims"], "released", 3100)["mechanism"] == "amnesty"


def test_people_named_in_an_exchange_and_among_a_count(extract: Extract) -> None:
    out = extract(
        "Prominent among the released were journalist Ivan Example and former Marine John "
        "Sample, both held on espionage charges.\n"
        "In Russia, opposition politician Ilya Yashin was included in the exchange.\n"
        "Maradiaga was among 222 political prisoners flown to Washington after their release."
    )
    named = [p for c in out["claims"] if c["action"] == "released" for p in c["persons"]]
    assert {"Ivan Example", "John Sample", "Ilya Yashin", "Maradiaga"} <= set(named)
    assert "Maradiaga" in only(out["claims"], "released", 222)["persons"]


def test_he_is_the_one_whose_wife_speaks(extract: Extract) -> None:
    out = extract(
        "Statkevich’s wife, Maryna Adamovich, confirmed that he was returned to prison and "
        "continues to serve his 2021 sentence."
    )
    back = only(out["claims"], "returned_to_custody", 1)
    assert back["persons"] == ["Statkevich"] and back["when"] is None


def test_a_surname_alone_opening_a_sentence(extract: Extract) -> None:
    out = extract("Dziadok was released from prison and deported to Lithuania in September.")
    c = only(out["claims"], "released", 1)
    assert c["persons"] == ["Dziadok"] and c["mechanism"] == "deportation"
    assert extract("Belavia was freed from sanctions on Thursday.")["claims"] == []


def test_a_running_total(extract: Extract) -> None:
    out = extract(
        "Authorities in Belarus have freed another 18 political prisoners, bringing the total "
        "released since July to 300, the opposition said."
    )
    assert only(out["claims"], "released", 18)["when"] == {"from": "2025-12-12", "to": "2025-12-12"}
    total = only(out["claims"], "released", 300)
    assert total["when"] == {"from": "2025-07", "to": "2025-12-12"}
    assert total["population"] == "political_prisoners"


def test_the_pardoned_and_who_they_were(extract: Extract) -> None:
    out = extract("Among the 16 pardoned were five women and a man with cancer.")
    whole = only(out["claims"], "released", 16)
    assert whole["mechanism"] == "pardon"
    assert only(out["claims"], "released", 5)["part_of"] == whole["id"]
    assert only(out["claims"], "released", 1)["part_of"] == whole["id"]


def test_a_named_person_and_others(extract: Extract) -> None:
    out = extract(
        "Belarus on Thursday released Radio Free Europe journalist Ihar Losik and 15 others."
    )
    (c,) = out["claims"]
    assert (c["count"], c["persons"]) == (16, ["Ihar Losik"])


def test_a_date_across_a_clause_is_someone_elses(extract: Extract) -> None:
    out = extract(
        "Ales Bialiatski, who shared the 2022 Nobel Peace Prize, was sentenced to 10 years in "
        "prison in 2023."
    )
    assert only(out["claims"], "sentenced", 1)["when"] == {"from": "2023", "to": "2023"}


def test_a_state_that_holds_and_citizens_in_apposition(extract: Extract) -> None:
    out = extract(
        "Russia holds at least 21 journalists from Crimea, according to CPJ.\n"
        "Two of the freed prisoners, both Lithuanian citizens, were handed over at the border."
    )
    held = only(out["claims"], "held", 21)
    assert held["qualifier"] == "at_least" and held["source"] == "Committee to Protect Journalists"
    assert only(out["claims"], "released", 2)["population"] == "lithuanian_nationals"


@pytest.mark.parametrize(
    ("headline", "action", "count"),
    [
        ("Lukashenko pardons 31 in latest release", "released", 31),
        ("Myanmar junta frees 5,000 in amnesty", "released", 5000),
        ("US envoy meets Lukashenko as Belarus frees 14", "released", 14),
        ("Russia jails journalist Ivan Example for 8 years", "sentenced", 1),
        ("Jailed Belarusian activist dies in prison", "died_in_custody", 1),
        ("Detained journalist freed after two years", "released", 1),
    ],
)
def test_headlines(extract: Extract, headline: str, action: str, count: int) -> None:
    c = only(extract(headline)["claims"], action, count)
    assert "Alexander Lukashenko" not in c["persons"]  # who pardons is not who is pardoned
    if action == "released":
        assert c["mechanism"] in ("pardon", "amnesty", "unknown")


def test_jails_as_a_noun_sentence_no_one(extract: Extract) -> None:
    out = extract(
        "Viasna reports that 1,409 political prisoners are currently held in Belarusian jails, "
        "including Nobel laureate Ales Bialiatski."
    )
    assert [c["action"] for c in out["claims"]] == ["held"]


def test_a_week_is_its_days_and_a_fronted_time_dates_its_sentence(extract: Extract) -> None:
    out = extract("Last week, 20 prisoners were freed, Viasna said.")
    assert only(out["claims"], "released", 20)["when"] == {"from": "2025-12-01", "to": "2025-12-07"}
    out = extract("Two days ago, 8 activists were detained in Minsk.")
    assert only(out["claims"], "detained", 8)["when"] == {"from": "2025-12-10", "to": "2025-12-10"}


@pytest.mark.parametrize(
    ("sentence", "mechanism"),
    [
        ("The 14 prisoners were freed under a US-brokered deal on Friday.", "deal"),
        ("Opposition leader Ivan Example was released on bail on Monday.", "conditional"),
        ("Twenty activists were freed and sent into exile in Lithuania.", "deportation"),
        ("Activist Ivan Example was released after serving his full sentence.", "term_served"),
        ("Lukashenko pardoned 23 people on Monday.", "pardon"),
    ],
)
def test_mechanisms_and_go_betweens(extract: Extract, sentence: str, mechanism: str) -> None:
    (c,) = [c for c in extract(sentence)["claims"] if c["action"] == "released"]
    assert c["mechanism"] == mechanism
    assert c["agent"] in (None, "Alexander Lukashenko")  # not the broker, not the destination


def test_bodies_that_keep_the_count_are_its_source(extract: Extract) -> None:
    out = extract(
        "Memorial considers 770 people in Russia to be political prisoners.\n"
        "Foro Penal has documented 887 political prisoners in Venezuela, including 16 "
        "foreigners."
    )
    memorial = only(out["claims"], "held", 770)
    assert memorial["population"] == "political_prisoners" and memorial["source"] == "Memorial"
    foro = only(out["claims"], "held", 887)
    assert foro["source"] == "Foro Penal"
    assert only(out["claims"], "held", 16)["part_of"] == foro["id"]


def test_an_adjective_before_authorities_is_no_person(extract: Extract) -> None:
    out = extract(
        "Azerbaijani authorities have arrested at least 25 journalists since November 2023."
    )
    c = only(out["claims"], "detained", 25)
    # the state acting as a whole, as "Russian authorities" is Russia (since "Azerbaijani" is
    # in lang/en demonyms)
    assert c["agent"] == "Azerbaijan"
    assert c["when"] == {"from": "2023-11", "to": "2025-12-12"}


def test_one_foreigner_by_nationality(extract: Extract) -> None:
    out = extract("Iran released the Frenchman after nearly three years in detention.")
    c = only(out["claims"], "released", 1)
    assert c["population"] == "french_nationals" and c["agent"] == "Iran"


def test_a_swap_told_by_who_landed_where(extract: Extract) -> None:
    out = extract(
        "Five Americans held in Iran landed in Qatar on Monday as part of a prisoner swap in "
        "which Washington also freed five Iranians and unfroze $6 billion."
    )
    americans = [c for c in out["claims"] if c["population"] == "americans"]
    iranians = [c for c in out["claims"] if c["population"] == "iranians"]
    assert [(c["action"], c["count"], c["mechanism"]) for c in americans] == [
        ("released", 5, "exchange")
    ]
    assert [(c["action"], c["count"]) for c in iranians] == [("released", 5)]
    assert americans[0]["when"] == {"from": "2025-12-08", "to": "2025-12-08"}
