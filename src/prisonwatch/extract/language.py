"""The language of an article, detected (never assumed), and whether the extractor reads it.

lingua-language-detector, restricted to the languages these articles come in. A text is
refused with a reason when its language is one the extractor does not read, when its Cyrillic
words are spelt with Latin look-alike letters ("пoлитзaключенныx"), when it is Russian or
Belarusian in Latin transliteration, or when no language holds most of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

READ = ("en", "ru", "be")
NAMES = {
    "en": "English", "ru": "Russian", "be": "Belarusian", "uk": "Ukrainian", "pl": "Polish",
    "lt": "Lithuanian", "de": "German", "fr": "French",
}  # fmt: skip
_LATIN = "aceopxyABCEHKMOPTXy"
_MIXED = re.compile(rf"\b(?=\w*[а-яёіўА-ЯЁІЎ])(?=\w*[{_LATIN}])\w+\b")
_WORD = re.compile(r"[^\W\d_]{3,}")
_TRANSLIT = re.compile(r"(?:zh|shch|kh|ykh|ogo\b|iye\b|yye\b|nyy\b|skiy\b|aya\b|oye\b|\bv\s)")


@dataclass(frozen=True, slots=True)
class Detected:
    """A language code the extractor reads, or the reason the text is refused."""

    code: str | None
    reason: str | None = None


@cache
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    langs = [
        Language.ENGLISH, Language.RUSSIAN, Language.BELARUSIAN, Language.UKRAINIAN,
        Language.POLISH, Language.LITHUANIAN, Language.GERMAN, Language.FRENCH,
    ]  # fmt: skip
    return LanguageDetectorBuilder.from_languages(*langs).build()


def _code(language: Any) -> str:
    return str(language.iso_code_639_1.name).lower()


def detect_language(text: str) -> Detected:
    """The language the article is written in, or why it cannot be read."""
    words = _WORD.findall(text)
    if not words:
        return Detected(None, "no words to tell the language by")
    mixed = _MIXED.findall(text)
    if len(mixed) >= 3 and len(mixed) > 0.05 * len(words):
        return Detected(
            None,
            f"Cyrillic words spelt with Latin look-alike letters (e.g. {mixed[0]!r}); "
            "convert them to Cyrillic first",
        )
    cyrillic = sum(1 for w in words if re.match(r"[а-яёіўА-ЯЁІЎ]", w))
    shares: dict[str, int] = {}
    for part in _detector().detect_multiple_languages_of(text):
        code = _code(part.language)
        shares[code] = shares.get(code, 0) + part.end_index - part.start_index
    total = sum(shares.values()) or 1
    best = max(shares, key=lambda c: shares[c]) if shares else None
    if best is None:
        lang = _detector().detect_language_of(text)
        best = _code(lang) if lang else None
    if best is None:
        return Detected(None, "the language cannot be told")
    if cyrillic < 0.3 * len(words):
        translit = len(_TRANSLIT.findall(text.lower()))
        if translit > 0.1 * len(words):
            return Detected(
                None, "Russian or Belarusian in Latin transliteration; give the Cyrillic text"
            )
    if best not in READ:
        return Detected(None, f"written in {NAMES.get(best, best)} ({best}); read: en, ru, be")
    if shares and shares[best] / total < 0.6:
        parts = ", ".join(f"{c} {100 * n // total}%" for c, n in sorted(shares.items()))
        return Detected(None, f"mixed languages ({parts}); no one language holds most of it")
    return Detected(best)
