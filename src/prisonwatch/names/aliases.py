"""Which spelling of a name the registry learns as a person's alias.

When review accepts a claim that names a stored person under a spelling the registry does not
hold ("Алеся Бяляцкага" for a person stored as "Ales Bialiatski"), that spelling is worth
keeping: the next article, search or name check finds the person by it directly. The registry
keeps names in the nominative, never in the case one sentence happened to need, so an inflected
Cyrillic or Łacinka name is learned as its nominative ("Алесь Бяляцкі", "Aleś Bialacki"), and a
name whose nominative cannot be told is not learned at all (services.recording checks that the
nominative still finds the same person). A lone word ("Бяляцкага") is never learned: a surname
alone must never be enough to take a person without someone checking (names.matcher.LONE_NAME).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from rapidfuzz.distance import Levenshtein

from prisonwatch.names.cases import nominative_forms
from prisonwatch.names.keys import forms, is_lacinka_oblique
from prisonwatch.names.translit import is_cyrillic


def spelling_key(name: str) -> str:
    """A spelling as compared with those held: case and spacing ignored, letters and their
    diacritics kept ("Aleś" and "Ales" are two spellings)."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def nominative_spellings(name: str) -> list[str]:
    """The spellings that may be learned for a written name, likeliest first: the nominatives
    a Cyrillic or Łacinka name may be an inflection of ("Ігарам Лосікам": "Ігар Лосіка",
    "Ігар Лосік"; the caller keeps the one that names the person best), a Latin name as
    written; none for a single word. The name as written is among them only when it may
    itself be the nominative."""
    text = " ".join(unicodedata.normalize("NFC", name).split())
    if len(text.split()) < 2:
        return []
    if is_cyrillic(text):
        found = nominative_forms(text, limit=4)
    elif is_lacinka_oblique(text):
        found = nominative_forms(text, "be", limit=4)
    else:
        return [text]
    return [f for f in found if f != text or found[0] == text]


def closeness(spelling: str, held: Iterable[str]) -> float:
    """How close a spelling is, letter by letter, to the nearest held name, each in its Latin
    spellings as written or transliterated (never with a case undone): what tells "Ігар Лосік"
    from "Ігар Лосіка" for a person held as "Ihar Losik", both of which the matcher accepts."""
    mine = [f.folded for f in forms(spelling) if "case undone" not in f.how]
    theirs = [f.folded for h in held for f in forms(h) if "case undone" not in f.how]
    return max((Levenshtein.normalized_similarity(a, b) for a in mine for b in theirs), default=0.0)


def is_new(spelling: str, held: Iterable[str]) -> bool:
    """Whether no held name is this spelling."""
    key = spelling_key(spelling)
    return all(spelling_key(h) != key for h in held)
