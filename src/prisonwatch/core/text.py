"""Text keys shared by every layer: folding diacritics and keying written names."""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=500_000)
def fold(text: str) -> str:
    """Lower case without diacritics: "Cichanoŭski" → "cichanouski"."""
    if text.isascii():  # nothing to decompose or strip: the same as the long way, faster
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.replace("ł", "l").replace("Ł", "L").casefold()


def name_key(name: str) -> str:
    """A written name as a key that ignores case, accents, commas and word order, so that a
    decision about "Lukashenko, Alexander" also holds for "Alexander Lukashenko"."""
    return " ".join(sorted(fold(name).replace(",", " ").split()))
