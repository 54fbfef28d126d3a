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
