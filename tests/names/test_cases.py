"""Names in any grammatical case are brought back to the nominative, Belarusian and Russian."""

from __future__ import annotations

import pytest

from prisonwatch.names.cases import UnknownLanguageError, nominative, nominative_forms


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        # Belarusian, by the case endings kept as data
        ("Ціханоўскага", "Ціханоўскі"),
        ("Алеся Бяляцкага", "Алесь Бяляцкі"),
        ("Ігара Лосіка", "Ігар Лосік"),
        ("Ігару Лосіку", "Ігар Лосік"),
        ("Сяргеем Ціханоўскім", "Сяргей Ціханоўскі"),
        ("Міколы Статкевіча", "Мікола Статкевіч"),
        ("Марыі Калеснікавай", "Марыя Калеснікава"),
        ("Марыю Калеснікаву", "Марыя Калеснікава"),
        ("Святланай Ціханоўскай", "Святлана Ціханоўская"),
        ("Андрэя Аляксандрава", "Андрэй Аляксандраў"),
        ("Ганну Мікалаеўну", "Ганна Мікалаеўна"),
        ("Віктара Бабарыкі", "Віктар Бабарыка"),
        ("Паліне Шарэндзе-Панасюк", "Паліна Шарэндза-Панасюк"),
        # Russian, by pymorphy3
        ("Тихановского", "Тихановский"),
        ("Статкевичу", "Статкевич"),
        ("Колесниковой", "Колесникова"),
        ("Марии Колесниковой", "Мария Колесникова"),
        ("Алеся Беляцкого", "Алесь Беляцкий"),
        ("Ильи Яшина", "Илья Яшин"),
        ("Игорю Лосику", "Игорь Лосик"),
        ("Валентина Стефановича", "Валентин Стефанович"),
        ("Марины Васильевны Золотовой", "Марина Васильевна Золотова"),
        ("Владимира Кара-Мурзы", "Владимир Кара-Мурза"),
        ("Эвана Гершковича", "Эван Гершкович"),
        ("Анастасии Лойко", "Анастасия Лойко"),
        # Łacinka
        ("Alesia Bialackaha", "Aleś Bialacki"),
    ],
)
def test_oblique_cases_read_back_to_the_nominative(written: str, expected: str) -> None:
    lang = "be" if written.isascii() else None
    assert nominative(written, lang) == expected


@pytest.mark.parametrize(
    ("name", "lang"),
    [
        ("Андрэй Аляксандраў", "be"),
        ("Марыя Калеснікава", None),
        ("Алесь Беляцкий", None),
        ("Виктор Бабарико", None),
        ("Святлана Ціханоўская", None),
        ("Alieś Viktaravič Bialiacki", "be"),
        ("Zmicier Lukjančyk", "be"),
        ("Ihar Losik", None),
        ("Ihar Losik", "ru"),
    ],
)
def test_a_name_in_the_nominative_is_left_as_it_is(name: str, lang: str | None) -> None:
    assert nominative(name, lang) == name


def test_a_feminine_surname_keeps_its_gender() -> None:
    assert nominative("Ольги Майоровой") == "Ольга Майорова"
    assert nominative("Ольгу Майорову") == "Ольга Майорова"


def test_capitals_and_spacing_are_kept() -> None:
    assert nominative("  СТАТКЕВИЧУ ") == "СТАТКЕВИЧ"
    assert nominative("алеся бяляцкага") == "алесь бяляцкі"


def test_the_forms_list_starts_with_the_nominative_and_keeps_the_word_as_written() -> None:
    forms = nominative_forms("Алеся Бяляцкага", limit=3)
    assert forms[0] == "Алесь Бяляцкі"
    assert "Алеся Бяляцкага" in forms


def test_an_unknown_language_is_refused_by_name() -> None:
    with pytest.raises(UnknownLanguageError, match="'uk'"):
        nominative("Тихановського", "uk")


def test_empty_input_is_returned() -> None:
    assert nominative("") == ""


@pytest.mark.parametrize(
    ("written", "lang", "expected"),
    [
        # the stress falls on the fleeting vowel when the stem shows none (о, ё, э)
        ("Мікалая Дзядка", "be", "Мікалай Дзядок"),
        ("Мікалаю Дзядку", "be", "Мікалай Дзядок"),
        ("Андрэя Дудка", "be", "Андрэй Дудок"),
        # the stem's ё holds the stress, so the vowel is the unstressed а
        ("Зміцера Сабалёнка", "be", "Зміцер Сабалёнак"),
        ("Николая Дедка", "ru", "Николай Дедок"),
        ("Николаю Дедку", "ru", "Николай Дедок"),
        # a vowel before -к: no fleeting vowel
        ("Ігара Лосіка", "be", "Ігар Лосік"),
        ("Игоря Лосика", "ru", "Игорь Лосик"),
        # a surname in -ка declines as such, and alone it stays as written
        ("Аляксандра Лукашэнкі", "be", "Аляксандр Лукашэнка"),
        ("Лукашэнка", "be", "Лукашэнка"),
        ("Дзядка", "be", "Дзядка"),
        # -энка/-анка surnames keep their -а, declined or left as written ("Лабанка" is read
        # so too: "Лабанок" would need a dictionary)
        ("Ігара Краўчанкі", "be", "Ігар Краўчанка"),
        ("Ігара Краўчанка", "be", "Ігар Краўчанка"),
        ("Наталлю Маркушэнка", "be", "Наталля Маркушэнка"),
    ],
)
def test_a_surname_that_lost_its_fleeting_vowel_gets_it_back(
    written: str, lang: str, expected: str
) -> None:
    assert nominative(written, lang) == expected
