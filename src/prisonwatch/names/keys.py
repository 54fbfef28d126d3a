"""Search keys for one name: its Latin spellings, its tokens, and a phonetic skeleton.

A Cyrillic name yields one Latin form per transliteration table, and inflected Russian or
Belarusian forms ("Тихановского", "Колесниковой") yield their nominative candidates first. The
skeleton folds the differences that spellings and the two languages make (kh/ch/h, ts/c,
ou/ov, dz/d, vowels) so that "Tsikhanouski", "Cichanoŭski" and "Tikhanovsky" meet.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from prisonwatch.core.text import fold
from prisonwatch.names.translit import all_romanisations, is_cyrillic

# oblique case endings → nominative endings to try (longest first)
_ENDINGS: list[tuple[str, tuple[str, ...]]] = [
    ("ского", ("ский", "скі")),
    ("цкого", ("цкий", "цкі")),
    ("ского", ("ский",)),
    ("ской", ("ская",)),
    ("ого", ("ий", "ой", "ый")),
    ("его", ("ий", "ей")),
    ("ому", ("ий", "ой")),
    ("ему", ("ий",)),
    ("ым", ("ый", "ий")),
    ("им", ("ий",)),
    ("овой", ("ова",)),
    ("евой", ("ева",)),
    ("иной", ("ина",)),
    ("ой", ("а", "ая")),
    ("ову", ("ов",)),
    ("еву", ("ев",)),
    ("ина", ("ин",)),
    ("ова", ("ов", "ова")),
    ("ева", ("ев", "ева")),
    ("ича", ("ич",)),
    ("ичу", ("ич",)),
    ("ичем", ("ич",)),
    ("ом", ("",)),
    ("ем", ("ь", "й", "")),
    ("ю", ("я", "ь")),
    ("у", ("а", "")),
    ("е", ("а", "")),
    ("ы", ("а",)),
    ("и", ("а", "я", "ь")),
    ("а", ("", "а")),
    ("я", ("й", "ь", "я")),
]


def nominatives(token: str) -> list[str]:
    """The token and the nominative forms it may be an inflection of (Cyrillic only)."""
    out = [token]
    low = token.lower()
    for ending, replacements in _ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            stem = token[: len(token) - len(ending)]
            out.extend(stem + r for r in replacements)
    return list(dict.fromkeys(out))


_SKELETON_RULES = [
    (r"schtsch|schch|shtch|shch|sch|szcz|šč|ŝ", "S"),
    (r"sh|sz|š", "S"),
    (r"zh|ż|ž|rz", "Z"),
    (r"kh|ch|č|cz|tch|x(?=[aeiouy])", "H"),
    (r"ts|tz|c", "T"),
    (r"dz", "d"),
    (r"x", "ks"),
    (r"(?<=[aeiouy])[uwŭ](?=[^aeiouy]|$)", "v"),
    (r"w", "v"),
    (r"h", "g"),
    (r"ph", "f"),
    (r"q", "k"),
]


@lru_cache(maxsize=200_000)
def skeleton(token: str) -> str:
    """A consonant skeleton of one Latin token; the first letter is kept as it is."""
    t = token.lower().replace("ł", "l")
    for pattern, repl in _SKELETON_RULES:
        t = re.sub(pattern, repl, t)
    t = re.sub(r"[^a-z]", "", fold(t))
    if not t:
        return ""
    first, rest = t[0], t[1:]
    rest = re.sub(r"[aeiouyj]", "", rest)
    rest = re.sub(r"(.)\1+", r"\1", rest)
    first = {"y": "i", "j": "i", "e": "i", "a": "a", "o": "a", "u": "u"}.get(first, first)
    return (first + rest).lower()


@lru_cache(maxsize=1)
def _given_groups() -> dict[str, str]:
    raw = (resources.files("prisonwatch.names") / "data" / "given_names.json").read_text(
        encoding="utf-8"
    )
    out: dict[str, str] = {}
    for group in json.loads(raw)["groups"]:
        for name in group:
            out.setdefault(name, group[0])
    return out


@lru_cache(maxsize=100_000)
def given_group(token: str) -> str | None:
    """The canonical given name a spelling belongs to ("Siarhei" → "sergei"), if known."""
    return _given_groups().get(fold(token))


@dataclass(frozen=True, slots=True)
class Form:
    """One Latin spelling of a name, folded, as tokens, with how it was obtained."""

    tokens: tuple[str, ...]
    how: str
    folded: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "folded", fold(" ".join(self.tokens)))

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


def _tokens(text: str) -> tuple[str, ...]:
    """Lower-case tokens, diacritics kept (the skeleton reads "č" and "c" differently)."""
    low = unicodedata.normalize("NFC", text).lower()
    return tuple(t for t in re.split(r"[\s\-‐,.’'()]+", low) if t)


def forms(name: str) -> list[Form]:
    """Every Latin form of a name: as written, reordered ("Lukashenko, Alexander"), and for
    Cyrillic names every transliteration of every nominative candidate."""
    name = " ".join(name.split())
    if "," in name:
        last, _, first = name.partition(",")
        name = f"{first.strip()} {last.strip()}".strip()
    if not is_cyrillic(name):
        return [Form(_tokens(name), "as written")]
    out: list[Form] = []
    words = name.split()
    variants: list[list[str]] = [[]]
    for w in words:
        variants = [[*v, n] for v in variants for n in nominatives(w)][:12]
    for i, variant in enumerate(variants):
        for table, latin in all_romanisations(" ".join(variant)).items():
            how = f"transliterated ({table})" + ("" if i == 0 else ", inflection undone")
            out.append(Form(_tokens(latin), how))
    seen: set[tuple[str, ...]] = set()
    unique = []
    for f in out:
        if f.tokens not in seen:
            seen.add(f.tokens)
            unique.append(f)
    return unique
