"""Shapes of real Russian and Belarusian sentences the reader missed (found on the Russian
evidence quotes of ../shared/data/compiled_from_pages; the sentences here are written for the
tests): the act's noun with whom it befell, who confirmed it as its source, and the spelling
"беларусы" as a population."""

from __future__ import annotations

from datetime import date

import pytest

from prisonwatch.extract.results import ExtractedClaim
from prisonwatch.extract.slavic.reader import read
from prisonwatch.ingest.documents import Document


def claims(body: str, lang: str) -> tuple[ExtractedClaim, ...]:
    text = f" date 2025-12-15 Новости\nНовости\n{body}\n"
    return read(Document("t.txt", text, date(2025, 12, 15), "Новости", language=lang)).claims


@pytest.mark.parametrize(
    ("body", "lang", "persons", "source"),
    [
        (
            "Правозащитники подтвердили освобождение журналистки Марины Золотовой и "
            "адвоката Максима Знака.",
            "ru",
            ["Марина Золотова", "Максим Знак"],
            "правозащитники",
        ),
        (
            "Праваабаронцы пацвердзілі вызваленне Мікалая Статкевіча.",
            "be",
            ["Мікалай Статкевіч"],
            "праваабаронцы",
        ),
    ],
)
def test_the_acts_noun_names_whom_it_befell_and_who_confirmed_it_is_the_source(
    body: str, lang: str, persons: list[str], source: str
) -> None:
    found = [c for c in claims(body, lang) if c.action == "released"]
    assert len(found) == 1, found
    assert found[0].count == len(persons) and list(found[0].persons) == persons
    assert found[0].source == source and found[0].agent is None


def test_a_person_in_the_nominative_after_the_acts_noun_is_its_subject() -> None:
    body = "«Свобода — только начало», — сказал после освобождения Николай Статкевич."
    assert not [c for c in claims(body, "ru") if c.action == "released"]


def test_belarusians_in_the_spelling_of_independent_media() -> None:
    found = claims("На свободу вышли 109 беларусов.", "ru")
    assert [(c.action, c.count, c.population) for c in found] == [("released", 109, "belarusians")]


@pytest.mark.parametrize(
    ("body", "lang"), [("Лукашенко помиловал", "ru"), ("Лукашэнка памілаваў", "be")]
)
def test_the_subject_of_an_active_singular_verb_did_it_and_was_not_freed(
    body: str, lang: str
) -> None:
    assert not [c for c in claims(body, lang) if c.persons], claims(body, lang)


def test_a_name_before_a_plural_verb_is_its_object() -> None:
    found = claims("Николая Статкевича освободили.", "ru")
    assert [(c.action, list(c.persons)) for c in found] == [("released", ["Николай Статкевич"])]


def test_the_agent_far_before_its_verb_past_clauses_and_oblique_names() -> None:
    body = (
        "Александр Лукашенко по просьбе Дональда Трампа, «в знак доброй воли», помиловал "
        "14 заключенных."
    )
    found = [c for c in claims(body, "ru") if c.count == 14]
    assert found and found[0].agent == "Александр Лукашенко", found


def test_v_chisle_is_a_subset_cue_as_sredi() -> None:
    found = claims("Освободили 52 человека, в числе которых 14 иностранцев.", "ru")
    whole = next(c for c in found if c.count == 52)
    part = next(c for c in found if c.count == 14)
    assert part.part_of == whole.id
    named = claims("В числе освобожденных оказался Виктор Бабарико.", "ru")
    assert [(c.action, list(c.persons)) for c in named] == [("released", ["Виктор Бабарико"])]
