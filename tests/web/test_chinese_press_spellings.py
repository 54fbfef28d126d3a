"""A protected Chinese name as the presses that do not write pinyin write it: Wade-Giles
(Taiwan, Hong Kong, older English press) and the Russian Palladius transcription (Russian and
Belarusian press). The name check knew the characters and pinyin only, so a source titled
"Mo Hsiao-lan detained in Urumqi" or "Мо Сяолань задержана", and a figure's note "incl. Мо
Сяолань", were public for a protected 莫晓岚 (red team, session 6; fails on the code before)."""

from __future__ import annotations

from datetime import datetime

import pytest

from prisonwatch.core.records import Person, Source
from prisonwatch.core.vocabulary import Protection
from prisonwatch.services.name_check import ProtectedNames
from prisonwatch.services.public import Projection

AT = datetime(2025, 1, 1)
IN_CHARACTERS = Person("cn-a", "莫晓岚", AT, protection=Protection.WITHHOLD_NAME)
IN_PINYIN = Person("cn-b", "Xu Qiaozhen", AT, protection=Protection.COUNTS_ONLY)


@pytest.mark.parametrize(
    "text",
    [
        "Mo Hsiao-lan detained in Urumqi",  # Wade-Giles, hyphenated
        "https://rfa.example.org/mo-hsiao-lan-detained",
        "Мо Сяолань задержана",  # Palladius
        "Дело Мо Сяолани",  # Palladius, genitive
        "Сяолань Мо",  # given name first
        "Hsu Chiao-chen sentenced",  # Wade-Giles of a name known only in pinyin
        "Сюй Цяочжэнь осуждена",  # Palladius of a name known only in pinyin
    ],
)
def test_wade_giles_and_palladius_spellings_count(text: str) -> None:
    assert ProtectedNames([IN_CHARACTERS, IN_PINYIN]).mentions(text)


@pytest.mark.parametrize(
    "text", ["Moscow court news", "Hsinchu elections", "Lee Teng-hui visits", "Си Цзиньпин"]
)
def test_other_chinese_names_do_not(text: str) -> None:
    assert not ProtectedNames([IN_CHARACTERS, IN_PINYIN]).mentions(text)


def test_a_source_titled_in_palladius_is_withheld_from_the_public() -> None:
    sources = [
        Source("s1", "https://ria.example.ru/news/1", "Мо Сяолань задержана", None, None, "ru", AT),
        Source("s2", "https://rfa.example.org/mo-hsiao-lan", "Detained", None, None, "en", AT),
        Source("s3", "https://example.org/other", "Court news", None, None, "en", AT),
    ]
    proj = Projection.of([IN_CHARACTERS, IN_PINYIN], sources, {}, {})
    assert set(proj.sources) == {"s3"}
    assert proj.text("incl. Мо Сяолань") is None
