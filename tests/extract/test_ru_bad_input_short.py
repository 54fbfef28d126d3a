"""Short fragments of transliterated Russian and Belarusian (issue 13, bad input): the language
model calls many of them English ("Svaboda ne pavinna byc", "Soglasno dokumentu, iz tyurem
vyshli"), and the checks by letter clusters and by the dictionary need more words. A Latin body
with too few English words and a lower-case word that is no English word is refused as a
transliteration; English articles and sentences, dense with Belarusian names or not, are read
as English as before."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prisonwatch.extract.language import (
    BELARUSIAN_IN_LATIN,
    TRANSLITERATED,
    _too_few_english_words,
    detect_language,
)
from prisonwatch.names.translit import TABLES, transliterate
from tests.extract.test_ru_bad_input import BE, EN, RU

SHARED = Path(__file__).resolve().parents[3] / "shared" / "articles"
HEADER = " date 2025-12-12 {title}\n{title}\n{body}\n"
_SPLIT = re.compile(r"(?<=[.!?…])\s+(?=[\"“(]?[A-Z0-9])")


def _fragments() -> list[str]:
    """Every sentence of the generated tests, its first 3 to 7 words, in every table, alone and
    under a Cyrillic title: the 840 fragments of the last session's measurement."""
    out = []
    for sentence in [*RU, *BE]:
        for table in sorted(TABLES):
            for n in range(3, 8):
                latin = transliterate(" ".join(sentence.split()[:n]), table)
                out += [latin, HEADER.format(title="Новости", body=latin)]
    return out


def test_short_transliterated_fragments_are_almost_never_read() -> None:
    """34 of the 840 were read as English before; 5 after the check of too few English words
    ("V obmen na": two of its three words are in the English model's vocabulary); none since
    the English words are the vocabulary's English ones (`test_ru_bad_input_vocabulary`)."""
    fragments = _fragments()
    assert len(fragments) == 840
    read = [f for f in fragments if detect_language(f).code is not None]
    assert read == [], read


@pytest.mark.parametrize(
    "body",
    [
        "Svaboda ne pavinna byc",
        "Sud v Homele",
        "Kak pishet, gazeta «Nasha Niva»,",
        "Nakanune v Homele",
        "Tsiaper u spise Viasny 1 219 imionau.",
        "ne pavinna byts",
    ],
)
def test_fragments_the_model_calls_english_are_refused(body: str) -> None:
    """Each of these was read as English, alone or under a Cyrillic title (no claim, and no
    word of why)."""
    for text in (body, HEADER.format(title="Новости", body=body)):
        found = detect_language(text)
        assert found.code is None, (text, found)
        assert found.reason in (TRANSLITERATED, BELARUSIAN_IN_LATIN), found


@pytest.mark.parametrize(
    "body", ["Soglasno dokumentu, iz tyurem vyshli", "Prezident Litvy poblahodaril"]
)
def test_fragments_the_model_calls_polish_or_lithuanian_are_named_transliterations(
    body: str,
) -> None:
    """Refused as "written in Polish" or "Lithuanian" alone (read as English under a Cyrillic
    title): a reason that sends the user the wrong way."""
    for text in (body, HEADER.format(title="Новости", body=body)):
        assert detect_language(text).reason == TRANSLITERATED, text


def test_a_body_of_short_latin_words_under_a_cyrillic_title_is_not_read_as_russian() -> None:
    """No word of three letters in the body: it was judged by the title alone and read as
    Russian."""
    found = detect_language(HEADER.format(title="Новости", body="— Ya ne"))
    assert found.code is None and found.reason == TRANSLITERATED, found


def _english_sentences() -> list[str]:
    out = []
    for f in sorted(SHARED.glob("*.txt")):
        for line in f.read_text("utf-8").splitlines()[2:]:
            out += [s for s in _SPLIT.split(line) if len(s.split()) >= 3]
    return out


def test_no_shared_english_article_or_sentence_is_taken_for_a_transliteration() -> None:
    articles = sorted(SHARED.glob("*.txt"))
    assert len(articles) >= 20
    for f in articles:
        assert detect_language(f.read_text("utf-8")).code == "en", f
    sentences = _english_sentences()
    assert len(sentences) > 200
    for s in sentences:
        assert not _too_few_english_words(s), s
        assert detect_language(s).reason != TRANSLITERATED, s


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(EN), min_size=1, max_size=3), st.integers(3, 12))
def test_english_sentences_and_their_openings_are_english_words_enough(
    sentences: list[str], words: int
) -> None:
    text = " ".join(" ".join(sentences).split()[:words])
    assert not _too_few_english_words(text), text


@pytest.mark.parametrize(
    ("body", "noted"),
    [
        ("Menya net do", True),  # transliterated Russian whose words are all English words
        ("Activist freed today", True),  # English, as short: the same word of caution
        ("The court in Minsk freed the activist on Monday after two years.", False),
    ],
)
def test_a_short_body_read_as_english_says_it_was_read_on_few_words(body: str, noted: bool) -> None:
    """Three or four words read as English are read, never silently: the note says on how few
    words, and that a transliteration could pass for English on so few."""
    found = detect_language(f"date 2025-01-01 Title\n\n{body}\n")
    assert found.code == "en"
    assert (found.note is not None and "too few to tell" in found.note) is noted, found.note
