"""More generated bad input (issue 13, session 6): Belarusian typed with the Latin "i" for
"і", Cyrillic spoofed with Greek look-alike letters, short transliterations under a Cyrillic
title, and the command line's answer to each: read as the Cyrillic the text shows (and said so),
or refused naming the file and the reason, with exit status 2, never read as English."""

from __future__ import annotations

import json
import random
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prisonwatch.extract.language import TRANSLITERATED, detect_language
from prisonwatch.extract.slavic.reader import read
from prisonwatch.ingest.documents import Document
from prisonwatch.names.translit import TABLES, transliterate
from tests.extract.test_ru_bad_input import BE, RU

GREEK = dict(zip("оаерАВЕНКМОРТХ", "οαερΑΒΕΗΚΜΟΡΤΧ", strict=True))
HEADER = " date 2025-12-12 {title}\n{title}\n{body}\n"


def _text(body: str, lang: str) -> str:
    title = "Навіны" if lang == "be" else "Новости"
    return HEADER.format(title=title, body=body)


def _claims(text: str, lang: str) -> list[tuple[str, int]]:
    out = read(Document("g.txt", text, date(2025, 12, 12), "t", language=lang))
    for c in out.claims:
        assert text[c.evidence.start : c.evidence.end] == c.evidence.text
    return sorted((c.action, c.count) for c in out.claims)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(BE), min_size=1, max_size=4), st.integers(0, 2**32 - 1))
def test_belarusian_typed_with_latin_i_is_read_as_belarusian(
    sentences: list[str], seed: int
) -> None:
    rnd = random.Random(seed)
    body = " ".join(sentences)
    typed = "".join({"і": "i", "І": "I"}.get(c, c) if rnd.random() < 0.8 else c for c in body)
    text = _text(typed, "be")
    found = detect_language(text)
    assert found.code == "be", found
    assert found.note is None, found  # no part "in Lithuanian" left unread
    assert _claims(text, "be") == _claims(_text(body, "be"), "be")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(RU), min_size=1, max_size=4),
    st.integers(0, 2**32 - 1),
    st.floats(0.01, 1.0),
)
def test_greek_look_alikes_are_read_as_cyrillic_or_refused(
    sentences: list[str], seed: int, share: float
) -> None:
    rnd = random.Random(seed)
    body = " ".join(sentences)
    spoofed = "".join(GREEK[c] if c in GREEK and rnd.random() < share else c for c in body)
    text = _text(spoofed, "ru")
    found = detect_language(text)
    if spoofed == body:
        return
    if found.code is None:
        assert found.reason and "look-alike" in found.reason, found
        return
    assert found.code == "ru", found
    assert _claims(text, "ru") == _claims(_text(body, "ru"), "ru")


@settings(max_examples=40, deadline=None)
@given(st.sampled_from([*RU, *BE]), st.sampled_from(sorted(TABLES)), st.integers(6, 9))
def test_short_transliterations_under_a_cyrillic_title_are_refused(
    sentence: str, table: str, words: int
) -> None:
    latin = transliterate(" ".join(sentence.split()[:words]), table)
    found = detect_language(_text(latin, "ru"))
    assert found.code is None, (latin, found)
    assert found.reason and "Latin" in found.reason


def test_three_latin_words_are_never_read_as_russian_or_belarusian() -> None:
    found = detect_language(_text("Lukashenko pomiloval 52 cheloveka.", "ru"))
    assert found.code is None and found.reason and "Latin" in found.reason, found


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("Правοзащитники признали пοлитзаключенными еще девятерых челοвек. Лукашенкο "
         "пοмилοвал пятьдесят два заключенных, сοοбщает Вясна.", "look-alike"),
        ("Lukashenko pomiloval 52 cheloveka, soobshchayet Vyasna. Ikh vyvezli v Litvu.",
         "Latin transliteration"),
        ("Łukašenka pamilavaŭ piaćdziasiat dvuch palitviazniaŭ, paviedamlaje Viasna.",
         "Belarusian in Latin"),
        ("В Беларуси освободили 52 политзаключенных, сообщает Вясна. Среди них 14 "
         "иностранцев. The US envoy said the release followed months of talks. Washington "
         "lifted sanctions on the state airline Belavia in return.", "mixed languages"),
    ],
)  # fmt: skip
def test_command_line_refuses_naming_file_and_reason(
    cli: Any, tmp_path: Path, body: str, reason: str
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text(_text(body, "ru"), encoding="utf-8")
    good = tmp_path / "good.txt"
    typed = "Праваабаронцы прызналi палiтвязнямi яшчэ дзевяць чалавек, паведамляе Вясна."
    good.write_text(_text(typed, "be"), encoding="utf-8")
    result = cli("extract", str(bad), str(good))
    assert result.code == 2
    lines = [x for x in result.err.splitlines() if "bad.txt" in x]
    assert len(lines) == 1 and reason in lines[0], result.err
    read_ = json.loads(result.out)
    assert [d["document"]["language"] for d in read_] == ["be"]
    assert [(c["action"], c["count"]) for c in read_[0]["claims"]] == [("designated", 9)]


def test_latin_i_is_mended_to_the_small_belarusian_letter_also_standing_alone() -> None:
    """The Latin "i" inside a word and as the conjunction between Cyrillic words becomes the
    small "і" (a capital "І" read "пенсІянерка" as a name and made a claim of it)."""
    from prisonwatch.extract.language import lookalikes_fixed

    text, mended = lookalikes_fixed("Сярод іх журналісты i пенсiянерка, I Бабруйск.")
    assert text == "Сярод іх журналісты і пенсіянерка, І Бабруйск."
    assert mended == ["пенсiянерка", "i", "I"]


def test_a_few_transliterated_words_the_model_takes_for_french_are_named_as_such() -> None:
    """Six words of ISO 9 Russian under a Cyrillic title: the model says French, and the
    checks on all the text's words counted the header's "date" among too few Latin words;
    found by the generated test above (1 case of its 336). Refused as a transliteration,
    judged on the body's words."""
    found = detect_language(_text("Ih vyvezli k litovskoj granice v", "ru"))
    assert found.code is None
    assert found.reason == TRANSLITERATED


def test_a_short_french_body_under_a_cyrillic_title_stays_french() -> None:
    found = detect_language(_text("Les prisonniers ont été libérés hier soir", "ru"))
    assert found.code is None and found.reason and "French" in found.reason, found
