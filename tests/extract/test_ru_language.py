"""Language detection: what is read, and what is refused with a reason."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from prisonwatch.extract.language import detect_language
from tests.conftest import SHARED

RU = SHARED / "articles" / "ru"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Власти Беларуси освободили ещё 16 политзаключенных, сообщает правозащитный центр.", "ru"),
        ("Улады Беларусі вызвалілі яшчэ 16 палітвязняў, паведамляе праваабарончы цэнтр.", "be"),
        ("The authorities in Belarus released another 16 political prisoners on Friday.", "en"),
    ],
)
def test_read(text: str, code: str) -> None:
    assert detect_language(text).code == code


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "Влада Білорусі звільнила ще 16 політв'язнів, повідомляє правозахисний центр.",
            "Ukrainian",
        ),
        ("Władze Białorusi uwolniły kolejnych 16 więźniów politycznych, podaje centrum.", "Polish"),
        (
            "Влaсти Бeлaруси oсвoбoдили eщe 16 пoлитзaключeнных, сooбщaeт прaвoзaщитный цeнтр.",
            "look-alike",
        ),
        (
            "Vlasti Belarusi osvobodili eshchyo 16 politzaklyuchennykh, "
            "soobshchayet pravozashchitnyy tsentr Vyasna.",
            "transliteration",
        ),
    ],
)
def test_refused(text: str, reason: str) -> None:
    found = detect_language(text)
    assert found.code is None and found.reason and reason in found.reason


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "Vlasti Belarusi osvobodili eshe 16 politzaklyuchennyh, soobshaet pravozashitnyj "
            "centr Vesna. Sredi nih zhurnalisty i studenty.",
            "transliteration",
        ),
        (
            "Ulady Bielarusi vyzvalili jaščè 16 palitviazniaŭ, paviedamliaje pravaabarončy "
            "centr Viasna.",
            "Łacinka",
        ),
        (
            "The authorities in Belarus released another 16 political prisoners on Friday. "
            "Власти Беларуси в пятницу освободили еще 16 политзаключенных, сообщает центр.",
            "mixed languages",
        ),
    ],
)
def test_refused_never_read_as_english(text: str, reason: str) -> None:
    found = detect_language(text)
    assert found.code is None and found.reason and reason in found.reason


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "Власти Беларуси в пятницу освободили еще 16 политзаключенных, сообщает "
            "правозащитный центр «Вясна». Госдеп назвал это шагом: «a step in the right "
            "direction».",
            "ru",
        ),
        (
            "The authorities released Maria Kalesnikava and Ales Bialiatski, the rights group "
            "Viasna said; Sviatlana Tsikhanouskaya welcomed the news in Vilnius on Friday.",
            "en",
        ),
    ],
)
def test_mostly_one_language_is_read(text: str, code: str) -> None:
    assert detect_language(text).code == code


def test_shared_articles_languages() -> None:
    if not RU.exists():
        pytest.skip("shared articles not present")
    langs = {p.stem: detect_language(p.read_text("utf-8")).code for p in RU.glob("1*.txt")}
    assert {k for k, v in langs.items() if v == "be"} == {"101", "102", "103", "104"}
    assert all(v == "ru" for k, v in langs.items() if k >= "105")


def test_cli_refuses_and_goes_on(cli: Any, tmp_path: Path) -> None:
    uk = tmp_path / "uk.txt"
    uk.write_text(
        " date 2025-12-12 Новини\nВлада Білорусі звільнила ще 16 політв'язнів, "
        "повідомляє правозахисний центр «Вясна».\n",
        encoding="utf-8",
    )
    ru = tmp_path / "ru.txt"
    ru.write_text(
        " date 2025-12-12 Новости\nВ пятницу власти Беларуси освободили 16 политзаключенных.\n",
        encoding="utf-8",
    )
    result = cli("extract", str(uk), str(ru))
    assert result.code == 2
    assert "uk.txt" in result.err and "Ukrainian" in result.err
    out = json.loads(result.out)
    assert [o["document"]["language"] for o in out] == ["ru"]
    assert [c["count"] for c in out[0]["claims"]] == [16]
