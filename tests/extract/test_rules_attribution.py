"""Quotations, speakers, agents and breakdowns on sentences written for these tests (not taken
from any article): the phrasings the rules must read beyond the shared examples."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from prisonwatch.extract.pipeline import Extractor
from prisonwatch.ingest.documents import Document
from prisonwatch.services.extracting import to_json
from tests.extract.conftest import only

Extract = Callable[..., dict[str, Any]]


def _speakers(out: dict[str, Any]) -> list[tuple[str | None, str | None, str]]:
    return [(q["speaker"], q["via"], q["text"]) for q in out["quotes"]]


def test_a_quotation_left_open_runs_to_the_end_of_its_paragraph(extract: Extract) -> None:
    out = extract(
        "Maria Example, the opposition leader, told reporters:\n"
        "“We will keep talking to anyone who wants these people home, whatever it costs\n"
        "Nothing else was said."
    )
    ((speaker, _, text),) = _speakers(out)
    assert speaker == "Maria Example"
    assert text == "We will keep talking to anyone who wants these people home, whatever it costs"


def test_a_quotation_introduced_on_the_line_before(extract: Extract) -> None:
    out = extract(
        "All of them reached Vilnius, according to a statement from Viasna:\n"
        "“Everyone is safe now. We thank all who helped.”\n"
        "State news agency Belta spoke to officials. The agency cited Alexander Lukashenko "
        "as saying:\n"
        "“We are open to further talks.”"
    )
    assert _speakers(out) == [
        ("Viasna", None, "Everyone is safe now. We thank all who helped."),
        ("Alexander Lukashenko", "Belta", "We are open to further talks."),
    ]


def test_speakers_of_reported_and_noted_words(extract: Extract) -> None:
    out = extract(
        "Photos of the freed men spread quickly, with the outlet Nasha Niva noting that "
        "“some of them could barely walk.” Earlier, Belta reported that officials had "
        "reviewed “the cases of several convicted persons.”"
    )
    assert [s for s, _, _ in _speakers(out)] == ["Nasha Niva", "Belta"]


def test_a_statement_speaks_for_whoever_issued_it(extract: Extract) -> None:
    out = extract(
        "Poland's Internal Security Agency (ABW) took part in the swap. The prisoners flew to "
        "Warsaw, according to ABW.\n"
        '"This was the largest exchange of its kind in decades," the statement read.'
    )
    ((speaker, _, _),) = _speakers(out)
    assert speaker == "Polish Internal Security Agency"


def test_an_acronym_in_brackets_names_its_body_later(extract: Extract) -> None:
    out = extract(
        "Poland's Internal Security Agency (ABW) handled the transfer on Friday. "
        "Eight prisoners were swapped, ABW said."
    )
    assert only(out["claims"], "released", 8)["source"] == "Polish Internal Security Agency"


def test_scare_quotes_and_titles_are_not_quotations(extract: Extract) -> None:
    out = extract(
        "The court convicted him of ‘extremism’ in March. The motorcade was greeted with "
        "chants of “Long live freedom!” outside. The story ran in the article 'Minsk frees "
        "activists as talks go on.'"
    )
    assert out["quotes"] == []


def test_designating_is_not_saying(extract: Extract) -> None:
    out = extract(
        "The third man declared a political prisoner this week is a teacher accused of "
        "‘treason’ by the prosecutors."
    )
    assert out["quotes"] == []


def test_an_office_speaks_for_the_state_in_quotations(extract: Extract) -> None:
    out = extract(
        "The Belarusian leader signed the decree on Monday. “The pardoned have promised to "
        "obey the law,” the presidency said."
    )
    assert [s for s, _, _ in _speakers(out)] == ["Belarusian presidency"]


def test_a_breakdown_in_parallel_clauses(extract: Extract) -> None:
    out = extract(
        "Officials confirmed that 30 prisoners were swapped by Russia and the West on Friday. "
        "As part of the deal, 12 prisoners were flown to Vienna, 11 prisoners were flown to "
        "Riga, and seven were handed over to Ukraine."
    )
    whole = only(out["claims"], "released", 30)
    for n in (12, 11, 7):
        part = only(out["claims"], "released", n)
        assert part["part_of"] == whole["id"], n
        assert part["agent"] is None and part["mechanism"] == "exchange", n


def test_a_single_national_closing_a_list(extract: Extract) -> None:
    out = extract(
        "Minsk released 20 prisoners on Monday. Among those freed were three Estonians, two "
        "Swedes and a Briton."
    )
    briton = only(out["claims"], "released", 1)
    assert briton["population"] == "britons"
    assert briton["part_of"] == only(out["claims"], "released", 20)["id"]


def test_a_headline_listing_people_and_the_body_naming_them_again(extractor: Extractor) -> None:
    title = "Example, Sample, Probe released in prisoner swap between Iran, West"
    body = (
        "Journalist Anna Example and aid worker John Sample were released by Iran on Monday "
        "in a prisoner exchange, officials said.\n"
        "Activist Olga Probe was also released as part of the swap."
    )
    text = f" date 2025-12-12 {title}\n{title}\n{body}\n"
    out = to_json(extractor.extract(Document("t.txt", text, date(2025, 12, 12), title)))
    three = only(out["claims"], "released", 3)
    assert set(three["persons"]) == {"Anna Example", "John Sample", "Olga Probe"}
    assert three["agent"] == "Iran"
    two = only(out["claims"], "released", 2)
    one = only(out["claims"], "released", 1)
    assert two["part_of"] == three["id"] and one["part_of"] == three["id"]
    assert one["persons"] == ["Olga Probe"] and one["agent"] == "Iran"


def test_a_demand_is_its_makers_not_a_reported_figure(extract: Extract) -> None:
    out = extract("“All 900 political prisoners must be released,” Sviatlana Tsikhanouskaya said.")
    demand = only(out["claims"], "demanded", 900)
    assert demand["agent"] == "Sviatlana Tsikhanouskaya" and demand["source"] is None


def test_where_people_left_from_yields_to_who_freed_them(extract: Extract) -> None:
    out = extract(
        "Alexander Lukashenko freed 30 political prisoners on Monday. Four Latvians were "
        "released from Belarus on the same day, officials said."
    )
    assert only(out["claims"], "released", 4)["agent"] == "Alexander Lukashenko"
    out = extract("Four Latvians were released from Belarus on Monday, officials said.")
    assert only(out["claims"], "released", 4)["agent"] == "Belarus"


def test_the_government_that_frees_also_arrests(extract: Extract) -> None:
    out = extract(
        "The Government of Myanmar released 90 prisoners on Monday. Two journalists were "
        "arrested on Tuesday."
    )
    assert only(out["claims"], "detained", 2)["agent"] == "Government of Myanmar"
    out = extract("Two journalists were arrested on Tuesday.")
    assert only(out["claims"], "detained", 2)["agent"] is None


def test_the_people_of_a_count_end_with_their_clause(extract: Extract) -> None:
    out = extract(
        "Minsk freed 14 prisoners on Monday, including Ivan Example, saying it was grateful "
        "for President Donald Trump’s help."
    )
    assert only(out["claims"], "released", 14)["persons"] == ["Ivan Example"]


def test_according_to_opening_the_sentence_of_a_quotation(extract: Extract) -> None:
    out = extract('According to Viasna, "the repression in the country continues unabated."')
    assert [s for s, _, _ in _speakers(out)] == ["Viasna"]


def test_a_crowd_that_chants(extract: Extract) -> None:
    out = extract('"Freedom for all political prisoners!" protesters chanted outside the embassy.')
    assert [s for s, _, _ in _speakers(out)] == ["protesters"]


def test_a_quotation_over_two_paragraphs_names_its_speaker_at_the_end(extract: Extract) -> None:
    out = extract(
        "John Roe spoke after the talks.\n"
        '"We had a very good meeting and we agreed on many things.\n'
        '"The president will be pleased with the result," Roe said.'
    )
    assert [(s, t[:6]) for s, _, t in _speakers(out)] == [
        ("John Roe", "We had"),
        ("John Roe", "The pr"),
    ]


def test_a_hard_wrapped_quotation(extract: Extract) -> None:
    out = extract(
        '"Police have detained him, searched his apartment and said\n'
        'a criminal case had been opened," said Anna Example, head of the union.'
    )
    ((speaker, _, text),) = _speakers(out)
    assert speaker == "Anna Example" and text.endswith("had been opened,")


def test_words_given_to_an_outlet_are_relayed_by_it(extract: Extract) -> None:
    out = extract(
        'Alexander Lukashenko told state news agency Belta: "We are ready to talk."\n'
        '"Nobody will be forgotten," Sviatlana Tsikhanouskaya said in an interview with Reuters.'
    )
    assert [(s, v) for s, v, _ in _speakers(out)] == [
        ("Alexander Lukashenko", "Belta"),
        ("Sviatlana Tsikhanouskaya", "Reuters"),
    ]


def test_the_source_is_whoever_speaks_in_the_figures_clause(extract: Extract) -> None:
    out = extract(
        "Alexander Lukashenko has pardoned dozens of prisoners, his office said, but critics "
        "warned that more than 1,000 people are still imprisoned.\n"
        "Viasna said the releases were welcome, while Memorial said 600 people remain in jail."
    )
    assert only(out["claims"], "held", 1000)["source"] == "critics"
    assert only(out["claims"], "held", 600)["source"] == "Memorial"
