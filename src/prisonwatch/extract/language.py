"""The language of an article, detected (never assumed), and whether the extractor reads it.

lingua-language-detector, restricted to the languages these articles come in. A text is
refused with a reason when its language is one the extractor does not read, when its Cyrillic
words are spelt with Latin look-alike letters ("пoлитзaключенныx"), when it is Russian or
Belarusian in Latin transliteration (told by its letter clusters, or by most of its words
spelt back in Cyrillic being words the Russian dictionary knows) or Belarusian in Łacinka
(the letter "ŭ"), or when no language holds most of it.
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


_LACINKA = re.compile(r"[ŭŬ]")  # the letter only Belarusian Łacinka writes
# Latin letters back to Cyrillic, longest first, for the transliteration check below
_BACK = [
    ("shch", "щ"), ("sch", "щ"), ("zh", "ж"), ("kh", "х"), ("ch", "ч"), ("sh", "ш"), ("ts", "ц"),
    ("ya", "я"), ("ia", "я"), ("yu", "ю"), ("iu", "ю"), ("ye", "е"), ("yo", "е"), ("ja", "я"),
    ("ju", "ю"), ("je", "е"), ("č", "ч"), ("š", "ш"), ("ž", "ж"), ("y", "ы"), ("j", "й"),
    ("a", "а"), ("b", "б"), ("v", "в"), ("w", "в"), ("g", "г"), ("h", "г"), ("d", "д"),
    ("e", "е"), ("z", "з"), ("i", "и"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"),
    ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"),
    ("c", "ц"), ("x", "кс"), ("q", "к"),
]  # fmt: skip
_BACK_RE = re.compile("|".join(re.escape(a) for a, _ in _BACK))
_BACK_MAP = dict(_BACK)


def _russian_in_latin(words: list[str]) -> bool:
    """Whether most Latin words, spelt back in Cyrillic, are words the Russian dictionary
    knows ("osvobodili" -> "освободили"): Russian in any transliteration, which a language
    model may take for English or Lithuanian."""
    latin = [w.lower() for w in words if w.isascii()][:200]
    if len(latin) < 5:
        return False
    from prisonwatch.extract.slavic.words import _morph

    morph = _morph()
    back = [_BACK_RE.sub(lambda m: _BACK_MAP[m.group()], w) for w in latin]
    known = sum(1 for w in back if morph.word_is_known(w))
    return known >= 0.5 * len(back)


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
        suspect = translit > 0 or best != "en"  # the dictionary check only where in doubt
        if translit > 0.1 * len(words) or (suspect and _russian_in_latin(words)):
            return Detected(
                None, "Russian or Belarusian in Latin transliteration; give the Cyrillic text"
            )
        if _LACINKA.search(text) and best != "en":
            return Detected(None, "Belarusian in Łacinka (Latin script); give the Cyrillic text")
    if best not in READ:
        return Detected(None, f"written in {NAMES.get(best, best)} ({best}); read: en, ru, be")
    if shares and shares[best] / total < 0.6:
        parts = ", ".join(f"{c} {100 * n // total}%" for c, n in sorted(shares.items()))
        return Detected(None, f"mixed languages ({parts}); no one language holds most of it")
    return Detected(best)
