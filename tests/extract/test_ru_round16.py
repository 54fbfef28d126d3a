"""Rules of round sixteen (issue 13, session 6), each on sentences written for these tests (not
the own articles of bench/data/own_articles_ru whose misses they came from): what each rule
reads, and what it must leave as it was."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from prisonwatch.extract.slavic.reader import read
from prisonwatch.ingest.documents import Document
from prisonwatch.services.extracting import to_json
from tests.extract.slavic_sentences.check import Case, errors

PP = "political_prisoners"

# fmt: off
CASES = (
    # a count named by a participle takes the act of the verb that governs it
    Case("participle-group", "ru",
         "В субботу в Гродно задержали девятерых человек. Пятерых задержанных отпустили "
         "через несколько часов.",
         ({"action": "detained", "count": 9},
          {"action": "released", "count": 5, "part_of": 0})),
    Case("participle-group-be", "be",
         "У нядзелю ў Віцебску затрымалі восем чалавек. Траіх затрыманых адпусцілі ўвечары.",
         ({"action": "detained", "count": 8},
          {"action": "released", "count": 3, "part_of": 0})),
    Case("one-of-returned", "ru",
         "Власти освободили 20 политзаключенных. Один из освобожденных позднее был возвращен "
         "за решетку.",
         ({"action": "released", "count": 20, "population": PP},
          {"action": "returned_to_custody", "count": 1, "part_of": 0})),
    Case("returned-passive-be", "be",
         "Былы палітвязень Антон Шыла быў вернуты ў калонію, піша Вясна.",
         ({"action": "returned_to_custody", "count": 1, "persons": ["Антон Шыла"],
           "source": "Вясна"},)),
    # nobody is no count
    Case("none-of-them", "ru",
         "Освобождены 14 человек. Ни один из них не признал вину.",
         ({"action": "released", "count": 14},)),
    # whom it was told to is no source; the teller after the verb is
    Case("told-to", "ru",
         "Во вторник в Перми задержали шестерых активистов. Об этом «Новой газете» "
         "рассказали их адвокаты.",
         ({"action": "detained", "count": 6, "source": "адвокаты"},)),
    Case("lawyer-named", "ru",
         "Во вторник в Перми задержали шестерых активистов, сообщил адвокат Иван Сомов.",
         ({"action": "detained", "count": 6, "source": "Иван Сомов"},)),
    Case("by-estimate", "ru",
         "По оценке «Мемориала», в стране за решеткой остаются более 800 политзаключенных.",
         ({"action": "held", "count": 800, "qualifier": "more_than", "source": "Мемориал"},)),
    Case("remind", "ru",
         "Правозащитники напоминают, что в колониях по-прежнему находятся 1 120 "
         "политзаключенных.",
         ({"action": "held", "count": 1120, "source": "правозащитники"},)),
    # a noun in the genitive does not act
    Case("regime-genitive", "ru",
         "Вчера к трем годам колонии строгого режима приговорили блогера Олега Нестерова.",
         ({"action": "sentenced", "count": 1, "agent": None, "persons": ["Олег Нестеров"]},)),
    Case("regime-nominative", "ru",
         "Вчера белорусский режим освободил еще 11 человек.",
         ({"action": "released", "count": 11, "agent": "белорусский режим"},)),
    # "N из них": those counted before, as they were named
    Case("of-them-population", "ru",
         "В пятницу освободили 25 заключенных. 22 из них вывезли в Литву.",
         ({"action": "released", "count": 25, "population": "prisoners"},
          {"action": "deported", "count": 22, "population": "prisoners", "part_of": 0})),
    Case("recognised-as", "ru",
         "Освобождены 40 человек, в том числе 16 белорусов, признанных политзаключенными.",
         ({"action": "released", "count": 40},
          {"action": "released", "count": 16, "population": PP, "part_of": 0})),
    Case("recognised-as-be", "be",
         "Вызвалілі 40 чалавек, у тым ліку 16 беларусаў, прызнаных палітвязнямі, і 5 "
         "іншаземцаў.",
         ({"action": "released", "count": 40},
          {"action": "released", "count": 16, "population": PP, "part_of": 0},
          {"action": "released", "count": 5, "population": "foreigners", "part_of": 0})),
    # awaited is not done
    Case("awaited", "ru",
         "Освобождения ждали семьи еще четырех заключенных.",
         ()),
    # an exchange: handed over, and received in return
    Case("exchange", "ru",
         "В обмене участвовали две страны. Россия передала 12 человек, в том числе пятерых "
         "политзаключенных, а взамен получила семерых своих граждан, осужденных за шпионаж.",
         ({"action": "released", "count": 12, "mechanism": "exchange"},
          {"action": "released", "count": 5, "population": PP, "part_of": 0},
          {"action": "released", "count": 7, "part_of": None, "mechanism": "exchange"})),
    # taken out of prison is no deportation, unless to a border or a country
    Case("out-of-colony", "ru",
         "Освобождены трое политзаключенных. Их еще ночью вывезли из колонии, ничего не "
         "объяснив.",
         ({"action": "released", "count": 3},)),
    Case("out-of-colony-to-border", "ru",
         "В пятницу 9 человек вывезли из колонии к литовской границе.",
         ({"action": "deported", "count": 9},)),
)
# fmt: on


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_round16(case: Case) -> None:
    assert errors(case) == []


DAY = date(2025, 12, 12)


def _read(title: str, body: str, lang: str) -> dict[str, Any]:
    text = f" date {DAY.isoformat()} {title}\n{title}\n{body}\n"
    return to_json(read(Document("t.txt", text, DAY, title, language=lang)))


def test_headline_and_lead_by_different_nouns_are_one_claim() -> None:
    out = _read(
        "В Минске задержали шестерых участников пикета",
        "В среду в Минске милиция задержала шестерых человек у здания суда.",
        "ru",
    )
    found = [(c["action"], c["count"], c["population"]) for c in out["claims"]]
    assert found == [("detained", 6, "people")]


def test_lone_surname_in_an_oblique_case_is_the_man_named_in_full() -> None:
    out = _read(
        "Новости",
        "Суд приговорил журналиста Эльдара Мамедова к шести годам. Мамедова задержали "
        "в марте 2024 года.",
        "ru",
    )
    named = {(c["action"], tuple(c["persons"])) for c in out["claims"]}
    assert ("detained", ("Эльдар Мамедов",)) in named
    assert ("sentenced", ("Эльдар Мамедов",)) in named


def test_a_woman_named_by_her_surname_stays_herself() -> None:
    out = _read(
        "Новости",
        "Суд приговорил журналистку Марину Мамедову к шести годам. Мамедову задержали "
        "в марте 2024 года.",
        "ru",
    )
    named = {tuple(c["persons"]) for c in out["claims"]}
    assert named == {("Марина Мамедова",)}


# fmt: off
QUOTE_CASES = (
    Case("one-of-named", "ru",
         "Власти освободили 18 политзаключенных. Один из освобожденных, журналист Максим "
         "Ильин, вскоре был возвращен в колонию.",
         ({"action": "released", "count": 18},
          {"action": "returned_to_custody", "count": 1, "persons": ["Максим Ильин"],
           "part_of": 0})),
    Case("body-quoted-name", "ru",
         "По данным Общества «Мемориал правозащитный центр», за решеткой остаются 640 "
         "политзаключенных.",
         ({"action": "held", "count": 640,
           "source": "Общество Мемориал правозащитный центр"},),
         quotes=()),
    Case("dialogue", "ru",
         "Посланник США Джон Коул встретился с освобожденными.\n"
         "— Мы добьемся свободы для всех остальных, — сказал Коул журналистам.",
         quotes=({"speaker": "Джон Коул", "text": "Мы добьемся свободы для всех"},)),
    Case("dialogue-be", "be",
         "У чацвер вызвалілі палітвязня Паўла Рудака.\n"
         "— Я не чакаў, што гэта будзе так хутка, — сказаў Рудак.",
         ({"action": "released", "count": 1, "persons": ["Павел Рудак"]},),
         quotes=({"speaker": "Павел Рудак", "text": "Я не чакаў"},)),
    Case("lone-surname-as-written", "ru",
         "Среди освобожденных — художница Вера Ланская. «Меня просто посадили в самолет», — "
         "рассказала Ланская журналистам.",
         ({"action": "released", "count": 1, "persons": ["Вера Ланская"]},),
         quotes=({"speaker": "Вера Ланская", "text": "Меня просто посадили"},)),
)
# fmt: on


@pytest.mark.parametrize("case", QUOTE_CASES, ids=lambda c: c.id)
def test_round16_people_and_quotes(case: Case) -> None:
    wrong = errors(case)
    if case.quotes == ():  # no quotation at all: a name in quotation marks is none
        wrong += [f"quote {q!r}" for q in _quotes(case)]
    assert wrong == []


def _quotes(case: Case) -> list[dict[str, Any]]:
    from tests.extract.slavic_sentences.check import run

    return list(run(case)["quotes"])


def test_a_group_after_among_keeps_its_own_act() -> None:
    """ "Среди 30 освобожденных — ..., остальные осуждены": the verb after the dash describes
    others of the group, not what befell the 30."""
    out = _read(
        "Новости",
        "Среди тридцати освобожденных в июле — двадцать политзаключенных, остальные осуждены "
        "за кражи, пишет «Медиазона».",
        "ru",
    )
    found = {(c["action"], c["count"]) for c in out["claims"]}
    assert ("released", 30) in found
    assert ("sentenced", 30) not in found
