"""Text keys shared by every layer: folding diacritics and keying written names."""

from __future__ import annotations

import unicodedata
from functools import lru_cache


def fold(text: str) -> str:
    """Lower case without diacritics: "Cichanoŭski" → "cichanouski"."""
    if text.isascii():  # nothing to decompose or strip: the same as the long way, faster
        return text.lower()
    return _fold_unicode(text)


@lru_cache(maxsize=100_000)
def _fold_unicode(text: str) -> str:
    """`fold` of a text with a letter outside ASCII, remembered: decomposing costs, and the
    same names are folded again and again. ASCII texts are not remembered: lowering one is
    quicker than looking it up, and a name index's half a million spellings held in the
    cache (keys, values and entries) were some 60 MB of a server at 100,000 persons."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.replace("ł", "l").replace("Ł", "L").casefold()


def name_key(name: str) -> str:
    """A written name as a key that ignores case, accents, commas and word order, so that a
    decision about "Lukashenko, Alexander" also holds for "Alexander Lukashenko"."""
    return " ".join(sorted(fold(name).replace(",", " ").split()))
