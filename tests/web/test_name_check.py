"""The name check the public projection withholds titles, addresses and notes by."""

from __future__ import annotations

from datetime import datetime

import pytest

from prisonwatch.core.records import Person
from prisonwatch.services.name_check import ProtectedNames

AT = datetime(2025, 1, 1)
NAMES = ProtectedNames(
    [
        Person("a", "Ihar Kviatkouski", AT, aliases=("Ігар Квяткоўскі", "Игорь Квятковский")),
        Person("b", "Zmicier Lukjanchyk", AT, aliases=("Зміцер Лук'янчык",)),
    ]
)


@pytest.mark.parametrize(
    "text",
    [
        "Квяткоўскага вызвалілі",  # Belarusian genitive
        "Квятковского освободили",  # Russian genitive
        "Kvyatkovsky freed",  # another transliteration
        "https://x.org/kviatkouski-freed",  # a slug
        "https://x.org/%D0%9A%D0%B2%D1%8F%D1%82%D0%BA%D0%BE%D0%B2%D1%81%D0%BA%D0%BE%D0%B3%D0%BE",
        "Zmicier Lukjančyk",  # diacritics
        "Лук&#39;янчыка",  # an HTML-escaped apostrophe, genitive
        "Лукьянчика",  # Russian spelling, genitive
        "LUKJANCHYK",  # case
        "ｋｖｉａｔｋｏｕｓｋｉ",  # full-width (NFKC)
    ],
)
def test_spellings_and_case_forms_count(text: str) -> None:
    assert NAMES.mentions(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ihar is free",  # a given name alone is shared with public persons
        "Зміцер вызвалены",
        "Belarus frees 52 political prisoners",
        "Court jails activists in Hrodna",
        "https://www.rferl.org/a/belarus-pardons/123.html",
        "",
        None,
    ],
)
def test_other_texts_do_not(text: str | None) -> None:
    assert not NAMES.mentions(text)


def test_no_protected_persons_means_nothing_is_withheld() -> None:
    assert not ProtectedNames([]).mentions("Kviatkouski")


PAIRS = ProtectedNames(
    [
        Person("k", "Andrei Kot", AT, aliases=("Андрэй Кот",)),
        Person("i", "Pavel Ivan", AT),
        Person("h", "Zmitser Hrabianiuk", AT, aliases=("Зміцер Грабянюк",)),
        Person("d", "Zmitser Dar'yanchyk", AT, aliases=("Зміцер Дар'янчык",)),
    ]
)


@pytest.mark.parametrize(
    "text",
    [
        "Andrei Kot freed",  # a short surname next to the given name
        "Kot Andrei",  # either order
        "Андрэй Кот вызвалены",
        "вызвалілі Андрэя Кота",  # case forms
        "Андрея Кота освободили",  # Russian spelling
        "ANDREI KOT",
        "Pavel Ivan",  # a surname the given-name table knows
        "https://x.org/pavel-ivan-freed",
        "Andrei\u00adKot",
        "Hrabi\u00adaniuk",  # soft hyphen
        "Hrabia\u200bniuk",  # zero-width space
        "Hra\u2060bianiuk",  # word joiner
        "https://x.org/zmitserhrabianiuk",  # given name and surname run together
        "https://x.org/zhrabianiuk",  # an initial run together
        "dar-yanchyk",  # an apostrophe written as a hyphen
        "Dar yanchyk",  # or as a space
        "H r a b i a n i u k",  # spaced out
        "H.r.a.b.i.a.n.i.u.k",  # dotted out
        "Hrabia-niuk",
        "Г р а б я н ю к а",
    ],
)
def test_name_parts_and_bypasses_count(text: str) -> None:
    assert PAIRS.mentions(text)


@pytest.mark.parametrize(
    "text",
    [
        "Andrei is free",  # a given name alone
        "Pavel was released",
        "The cat (kot) sleeps",  # a short surname alone
        "Ivan Petrov freed",
        "Court jails activists in Hrodna",
    ],
)
def test_parts_alone_do_not(text: str) -> None:
    assert not PAIRS.mentions(text)


UKRAINIAN = ProtectedNames(
    [
        Person("u1", "Євген Їжакевич", AT),
        Person("u2", "Радзівон Шпакоўскі-Ґрыбач", AT),
    ]
)


@pytest.mark.parametrize(
    "text",
    [
        "Yevhen Yizhakevych released",  # Ukrainian national transliteration
        "Izhakevich",  # Russian-style Latin
        "Ижакевич",  # Russian Cyrillic
        "Gribach held",  # Ґ as G, and the second part of a double surname
        "Hrybacha",  # Ґ read as Г, genitive
    ],
)
def test_names_with_ukrainian_letters_count_in_latin(text: str) -> None:
    """Ґ, Є and Ї had no Latin form in any table, so no Latin or Russian spelling of a
    protected name holding them was withheld (a red-team finding: a counts_only
    "Євген Їжакевич" was shown to the public in a figure's note as "Yevhen Yizhakevych")."""
    assert UKRAINIAN.mentions(text)
