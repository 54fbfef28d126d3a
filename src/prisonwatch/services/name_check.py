"""Whether a stored text names a protected person, in any spelling, script or case form.

The public projection uses this to decide what of a source (its title, its address) and which
notes may be shown: a text is withheld when one of its words may be a protected person's
surname. Words are compared by the name matcher's own forms (every transliteration of every
nominative candidate, `names.keys.forms`) and their consonant skeletons, and a word that only
begins with a protected stem ("Kviatkouskaha", "kvyatkovskogo") counts, so that inflected and
transliterated forms are caught. Given names alone never count: they are shared by public
persons. The check errs on the side of withholding; review can clear what it withheld.

Only stored texts are judged, never text a request supplied, so no answer to a request
depends on whether a guessed name is protected.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import unquote

from prisonwatch.core.records import Person
from prisonwatch.core.text import fold
from prisonwatch.names.keys import forms, given_group, skeleton

_APOSTROPHES = re.compile("['\u2019\u02bc\u2018`\u00b4\u02b9]")
_WORD = re.compile(r"[^\W\d_]+")
MIN_STEM = 4
"""Letters a surname stem needs before a word that begins with it counts as naming it."""


def plain(text: str) -> str:
    """Text as a reader would see it: HTML entities and URL escapes undone (twice, for
    doubly escaped text), compatibility forms folded (NFKC), apostrophes inside words dropped."""
    for _ in range(2):
        text = unquote(html.unescape(text))
    text = unicodedata.normalize("NFKC", text)
    return _APOSTROPHES.sub("", text)


def words(text: str) -> list[str]:
    """The letter runs of a text (an address's slug splits at '-', '_', '/', '.')."""
    return _WORD.findall(plain(text))


@lru_cache(maxsize=50_000)
def _latin(word: str) -> tuple[str, ...]:
    """The folded Latin tokens of one word: as written, or every transliteration of every
    nominative it may be an inflection of."""
    return tuple(dict.fromkeys(fold(tok) for f in forms(word) for tok in f.tokens if tok))


def _is_given(word: str) -> bool:
    return any(given_group(tok) is not None for tok in _latin(word))


class ProtectedNames:
    """The surname stems and skeletons of every person who is not public."""

    def __init__(self, persons: Iterable[Person]) -> None:
        self.stems: set[str] = set()
        self.skeletons: set[str] = set()
        for p in persons:
            for name in p.all_names:
                for word in words(name):
                    if len(word) < MIN_STEM or _is_given(word):
                        continue
                    for tok in _latin(word):
                        self.stems.add(tok[: max(MIN_STEM, len(tok) - 2)])
                        sk = skeleton(tok)
                        if len(sk) >= 3:
                            self.skeletons.add(sk)

    def _word_hits(self, word: str) -> bool:
        for tok in _latin(word):
            if any(tok[:k] in self.stems for k in range(MIN_STEM, len(tok) + 1)):
                return True
            sk = skeleton(tok)
            if sk in self.skeletons:
                return True
            if any(sk[:k] in self.skeletons for k in range(MIN_STEM, len(sk) + 1)):
                return True
        return False

    def mentions(self, text: str | None) -> bool:
        """Whether `text` may name a protected person."""
        if not text or not (self.stems or self.skeletons):
            return False
        return any(self._word_hits(w) for w in words(text) if len(w) >= 3)
