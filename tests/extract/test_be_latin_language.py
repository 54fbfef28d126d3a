"""Belarusian written in Latin letters (passport-style, BGN, ISO 9, Łacinka with or without
its diacritics) is refused as Belarusian in Latin script, never as Lithuanian or Polish;
Russian in Latin letters keeps its own reason, and real Polish, Lithuanian and English theirs.
The texts are drawn at random (seeded) from sentences written for this test."""

from __future__ import annotations

import random
import unicodedata

import pytest

from prisonwatch.extract.language import BELARUSIAN_IN_LATIN, detect_language
from prisonwatch.names.translit import transliterate

BE = [
    "Суд у Віцебску асудзіў палітвязня Ігара Лосіка да пяці гадоў калоніі.",
    "Праваабаронцы Вясны лічаць, што вызваленне палітвязняў павінна быць безумоўным.",
    "У верасні ўлады вызвалілі пяцьдзесят два палітвязні, паведамляе Вясна.",
    "Сярод іх былі журналісты і актывісты, якія правялі за кратамі некалькі гадоў.",
    "Паводле звестак праваабарончага цэнтра, у краіне за кратамі больш за тысячу чалавек.",
    "Іх сваякі просяць міжнародную супольнасць не забываць пра палітвязняў.",
    "Мікалая Статкевіча вывезлі да мяжы, але ён адмовіўся пакідаць Беларусь.",
    "Маці палітвязня расказала, што сын хварэе і не атрымлівае лекаў.",
    "Заўтра ў Мінску пачнецца суд над трыма студэнтамі з Гродна.",
    "Лукашэнка памілаваў яшчэ шаснаццаць чалавек напярэдадні свята.",
]  # fmt: skip
RU = [
    "Суд в Витебске приговорил политзаключенного Игоря Лосика к пяти годам колонии.",
    "Правозащитники считают, что освобождение политзаключенных должно быть безусловным.",
    "В сентябре власти освободили пятьдесят два политзаключенных, сообщает Вясна.",
    "Среди них были журналисты и активисты, которые провели за решеткой несколько лет.",
    "По данным правозащитного центра, в стране остаются за решеткой больше тысячи человек.",
    "Их родственники просят международное сообщество не забывать о политзаключенных.",
]
BE_TABLES = ("be-passport", "be-national", "be-bgn", "be-lacinka", "iso9")
RU_TABLES = ("ru-bgn", "ru-press", "iso9")


def _plain(text: str) -> str:
    """Without diacritics, as Łacinka is often typed."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _drawn(pool: list[str], rng: random.Random) -> str:
    return " ".join(rng.sample(pool, rng.randint(2, 4)))


@pytest.mark.parametrize("seed", range(6))
def test_belarusian_in_any_latin_spelling_is_refused_as_belarusian(seed: int) -> None:
    rng = random.Random(seed)
    for table in BE_TABLES:
        text = transliterate(_drawn(BE, rng), table)
        for variant in (text, _plain(text)):
            found = detect_language(variant)
            assert (found.code, found.reason) == (None, BELARUSIAN_IN_LATIN), (table, variant)


@pytest.mark.parametrize("seed", range(4))
def test_russian_in_latin_letters_is_not_called_belarusian(seed: int) -> None:
    rng = random.Random(100 + seed)
    for table in RU_TABLES:
        text = transliterate(_drawn(RU, rng), table)
        found = detect_language(text)
        assert found.code is None and found.reason is not None, (table, text)
        assert found.reason != BELARUSIAN_IN_LATIN and "transliteration" in found.reason


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "Władze Białorusi uwolniły kolejnych 16 więźniów politycznych, podaje centrum praw "
            "człowieka Wiasna. Wśród nich są dziennikarze i studenci z Grodna.",
            "Polish",
        ),
        (
            "Baltarusijos valdžia paleido dar 16 politinių kalinių, pranešė žmogaus teisių "
            "centras Viasna. Tarp jų yra žurnalistų ir studentų.",
            "Lithuanian",
        ),
    ],
)
def test_polish_and_lithuanian_keep_their_names(text: str, reason: str) -> None:
    found = detect_language(text)
    assert found.code is None and found.reason and reason in found.reason


def test_english_with_belarusian_names_is_read() -> None:
    text = (
        "A court in Vitsebsk sentenced Ihar Losik and Mikalai Statkevich to five years, "
        "Viasna said. Siarhei Tsikhanouski was released on Thursday with 51 others."
    )
    assert detect_language(text).code == "en"
