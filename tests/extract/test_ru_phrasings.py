"""Russian and Belarusian phrasings, on sentences written for these tests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from prisonwatch.extract.slavic.names import known_spans, nominative
from prisonwatch.extract.slavic.reader import read as read_typed
from prisonwatch.ingest.documents import Document
from prisonwatch.services.extracting import to_json


def read(doc: Document) -> dict[str, Any]:
    return to_json(read_typed(doc))


DAY = date(2025, 12, 12)  # a Friday


def claims(body: str, lang: str, title: str = "Новости") -> list[dict[str, Any]]:
    text = f" date {DAY.isoformat()} {title}\n{title}\n{body}\n"
    out = read(Document("t.txt", text, DAY, title, language=lang))
    for c in out["claims"]:
        ev = c["evidence"]
        assert text[ev["start"] : ev["end"]] == ev["text"]
    return list(out["claims"])


def one(body: str, lang: str) -> dict[str, Any]:
    found = claims(body, lang)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("body", "lang", "count", "qualifier"),
    [
        ("В четверг власти освободили 1 490 заключенных.", "ru", 1490, "exact"),
        ("В четверг власти освободили 1\u00a0200 политзаключенных.", "ru", 1200, "exact"),
        ("Власти освободили пятьдесят двух политзаключенных.", "ru", 52, "exact"),
        ("Речь о помиловании более двадцати человек.", "ru", 20, "more_than"),
        ("За решеткой остаются не менее 900 политзаключенных.", "ru", 900, "at_least"),
        ("Улады вызвалілі пяцідзесяці двух палітвязняў.", "be", 52, "exact"),
        ("За кратамі застаюцца звыш 1 100 палітвязняў.", "be", 1100, "more_than"),
        ("За кратамі застаюцца больш за 800 палітзняволеных.", "be", 800, "more_than"),
        ("На волю выйшлі каля сарака чалавек.", "be", 40, "about"),
    ],
)
def test_numbers_and_qualifiers(body: str, lang: str, count: int, qualifier: str) -> None:
    c = one(body, lang)
    assert (c["count"], c["qualifier"]) == (count, qualifier)


def test_actions_populations_and_mechanisms() -> None:
    c = one("Лукашенко помиловал 22 человека.", "ru")
    assert (c["action"], c["mechanism"], c["agent"], c["population"]) == (
        "released",
        "pardon",
        "Лукашенко",
        "people",
    )
    c = one("Сёння на волю выйшлі 14 замежных грамадзян.", "be")
    assert (c["action"], c["population"]) == ("released", "foreign_citizens")
    assert c["when"] == {"from": "2025-12-12", "to": "2025-12-12"}
    c = one("На сегодня в Беларуси 1 100 политзаключенных.", "ru")
    assert (c["action"], c["population"]) == ("held", "political_prisoners")


def test_subsets() -> None:
    found = claims("Освобождены 52 человека, из них 40 политзаключенных.", "ru")
    assert [(c["count"], c["part_of"]) for c in found] == [(52, None), (40, found[0]["id"])]
    found = claims("Вызвалены 30 палітвязняў. Гаворка ідзе пра 14 жанчын і 16 мужчын.", "be")
    assert [(c["count"], c["population"], c["part_of"]) for c in found] == [
        (30, "political_prisoners", None),
        (14, "women", "c1"),
        (16, "men", "c1"),
    ]


def test_dates() -> None:
    c = one("11 сентября были освобождены 52 политзаключенных.", "ru")
    assert c["when"] == {"from": "2025-09-11", "to": "2025-09-11"}
    c = one("У верасні былі вызвалены 52 палітвязні.", "be")
    assert c["when"] == {"from": "2025-09", "to": "2025-09"}
    c = one("В четверг были освобождены 31 человек.", "ru")
    assert c["when"] == {"from": "2025-12-11", "to": "2025-12-11"}


def test_sources() -> None:
    c = one("Освобождены 16 политзаключенных, сообщает Вясна.", "ru")
    assert c["source"] == "Вясна"
    c = one("Паводле «Вясны», вызвалены 16 палітвязняў.", "be")
    assert c["source"] in ("Вясны", "Вясна")


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Ему 46 лет, и он провел в тюрьме более пяти лет.", "ru"),
        ("Власти могут освободить 20 политзаключенных.", "ru"),
        ("Анджэя Пачобута не вызвалілі.", "be"),
        ("В 2020 году прошли протесты.", "ru"),
        ("Один из лидеров оппозиции выступил в Вильнюсе.", "ru"),
    ],
)
def test_nothing(body: str, lang: str) -> None:
    assert claims(body, lang) == []


@pytest.mark.parametrize(
    ("name", "lang", "nominative_form"),
    [
        ("Алеся Бяляцкага", "be", "Алесь Бяляцкі"),
        ("Анджэя Пачобута", "be", "Анджэй Пачобут"),
        ("Святланы Ціханоўскай", "be", "Святлана Ціханоўская"),
        ("Игоря Лосика", "ru", "Игорь Лосик"),
        ("Китом Келлогом", "ru", "Кит Келлог"),
        ("Светланой Тихановской", "ru", "Светлана Тихановская"),
        ("Мария Колесникова", "ru", "Мария Колесникова"),
    ],
)
def test_nominative(name: str, lang: str, nominative_form: str) -> None:
    assert nominative(name, lang) == nominative_form


def by_count(found: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    return {c["count"]: c for c in found}


def test_named_people_in_the_nominative() -> None:
    c = one("Лукашенко помиловал журналиста Игоря Петрова.", "ru")
    assert (c["count"], c["persons"], c["agent"], c["population"]) == (
        1,
        ["Игорь Петров"],
        "Лукашенко",
        "journalists",
    )
    c = one("Павел Сидоров был освобожден в четверг.", "ru")
    assert (c["persons"], c["when"]) == (
        ["Павел Сидоров"],
        {"from": "2025-12-11", "to": "2025-12-11"},
    )
    found = claims("Улады вызвалілі Алеся Бяляцкага і Міхася Пятровіча.", "be")
    assert [(c["count"], sorted(c["persons"])) for c in found] == [
        (2, ["Алесь Бяляцкі", "Міхась Пятровіч"])
    ]


def test_a_participle_after_a_name_and_a_year() -> None:
    found = claims("Освобожден Игорь Петров, приговоренный к 10 годам в марте 2021 года.", "ru")
    sentenced = [c for c in found if c["action"] == "sentenced"]
    assert [(c["count"], c["when"]) for c in sentenced] == [
        (1, {"from": "2021-03", "to": "2021-03"})
    ]


def test_subsets_of_every_kind() -> None:
    found = by_count(
        claims(
            "Власти освободили 30 заключенных, среди которых 14 иностранцев. "
            "Среди них шесть граждан Литвы, по двое — Латвии и Польши, один — Франции.",
            "ru",
        )
    )
    assert found[14]["part_of"] == found[30]["id"]
    assert found[6]["population"] == "lithuanian_citizens"
    assert found[6]["part_of"] == found[14]["id"]
    assert found[1]["population"] == "french_citizens"
    found = by_count(
        claims(
            "Лукашенко помиловал 25 человек. Из колоний вышли 12 женщин и 13 мужчин. "
            "Один из помилованных был несовершеннолетним.",
            "ru",
        )
    )
    assert found[12]["part_of"] == found[13]["part_of"] == found[25]["id"]
    assert found[1]["part_of"] == found[25]["id"] and found[1]["action"] == "released"
    found = by_count(claims("Помилованы 22 человека. Из них 20 были осуждены за протесты.", "ru"))
    assert found[20]["action"] == "released" and found[20]["part_of"] == found[22]["id"]


def test_stocks_recognitions_and_time_not_given() -> None:
    c = one("Усяго палітвязнямі прызнаныя 1 417 чалавек.", "be")
    assert (c["action"], c["population"]) == ("held", "political_prisoners")
    c = one("Праваабаронцы прызналі палітвязнямі 4 чалавекі.", "be")
    assert (c["action"], c["agent"], c["when"]) == ("designated", "праваабаронцы", None)
    c = one("Ранее в Беларуси освободили 52 заключенных.", "ru")
    assert c["when"] is None


def test_sources_as_written() -> None:
    c = one("По данным правозащитного центра «Вясна», в тюрьмах остаются 1 110 человек.", "ru")
    assert c["source"] == "Вясна"
    c = one("Правозащитный центр «Мемориал» сообщает, что освобождены 16 человек.", "ru")
    assert c["source"] == "Мемориал"
    c = one("Паводле ацэнак праваабаронцаў, за кратамі застаюцца 1 100 палітвязняў.", "be")
    assert c["source"] == "праваабаронцы"


def test_quotes_and_concessions() -> None:
    text = (
        " date 2025-12-12 Новости\nНовости\n"
        "Министр Иван Смирнов заявил: «Сегодня на свободу вышли 52 политзаключенных». "
        "Их освободили в обмен на снятие санкций с «Белавиа».\n"
        "Анна Ковалева сказала:\n— Мы ждали этого дня очень долго.\n"
    )
    out = read(Document("t.txt", text, DAY, "Новости", language="ru"))
    speakers = {q["speaker"] for q in out["quotes"]}
    assert speakers == {"Иван Смирнов", "Анна Ковалева"}
    for q in out["quotes"]:
        assert text[q["start"] : q["end"]] == q["text"] and not q["text"].startswith("«")
    c = only_claim(out, 52)
    assert c["source"] == "Иван Смирнов"
    [concession] = [e for e in out["events"] if e["kind"] == "concession"]
    assert (concession["what"], concession["target"]) == ("sanctions_lifted", "Белавиа")
    assert concession["in_return_for"] == [c["id"]]


def only_claim(out: dict[str, Any], count: int) -> dict[str, Any]:
    [c] = [c for c in out["claims"] if c["count"] == count]
    return c


def test_no_named_claim_from_a_noun_or_a_commentator() -> None:
    body = "Освобождение политзаключенных прокомментировал президент Литвы Гитанас Науседа."
    assert claims(body, "ru") == []


def test_known_persons_in_any_case() -> None:
    """A gazetteer's (or registry export's) person is found in any case the text gives."""
    text = "Палітвязні, вызваленыя Лукашэнкам, прыехалі ў Вільню. Аляксандра Лукашэнкі там не было."
    known = frozenset({"Аляксандр Лукашэнка"})
    found = [(text[s:e]) for _, s, e in known_spans(text, "be", known, [])]
    assert found == ["Лукашэнкам", "Аляксандра Лукашэнкі"]
    assert known_spans("Сёння вызвалілі 52 палітвязні.", "be", known, []) == []
