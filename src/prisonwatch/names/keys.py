"""Search keys for one name: its Latin spellings, its tokens, and a phonetic skeleton.

A Cyrillic name yields one Latin form per transliteration table, and inflected Russian or
Belarusian forms ("Тихановского", "Колесниковой") yield their nominatives first (names.cases). The
skeleton folds the differences that spellings and the two languages make (kh/ch/h, ts/c,
ou/ov, dz/d, vowels) so that "Tsikhanouski", "Cichanoŭski" and "Tikhanovsky" meet.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from prisonwatch.core.text import fold
from prisonwatch.names.cases import latin_case_rules as _latin_case_rules
from prisonwatch.names.cases import nominative_forms
from prisonwatch.names.chinese import han_spellings, has_han, strip_tones
from prisonwatch.names.given import given_group
from prisonwatch.names.translit import all_romanisations, is_cyrillic, language, press_spellings

__all__ = [
    "Feat",
    "Form",
    "forms",
    "given_group",
    "registry_forms",
    "skeleton",
    "token_features",
]

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


_SKELETON_COMPILED = [(re.compile(p), r) for p, r in _SKELETON_RULES]
_ASCII_DIGIT = re.compile(r"[0-9]")
_NOT_LETTER = re.compile(r"[^a-z]")
_VOWEL = re.compile(r"[aeiouyj]")
_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=200_000)
def skeleton(token: str) -> str:
    """A consonant skeleton of one Latin token; the first letter is kept as it is."""
    t = token.lower().replace("ł", "l")
    for pattern, repl in _SKELETON_COMPILED:
        t = pattern.sub(repl, t)
    t = _NOT_LETTER.sub("", fold(t))
    if not t:
        return ""
    first, rest = t[0], t[1:]
    rest = _VOWEL.sub("", rest)
    rest = _DOUBLED.sub(r"\1", rest)
    first = {"y": "i", "j": "i", "e": "i", "a": "a", "o": "a", "u": "u"}.get(first, first)
    return (first + rest).lower()


Feat = tuple[str, str, str, str | None]
"""A token, folded, its skeleton, and the given name it is a spelling of (if it is one)."""


@lru_cache(maxsize=100_000)
def token_features(token: str) -> Feat:
    """What matching compares of one token; shared by every form that holds the token."""
    return (token, fold(token), skeleton(token), given_group(token))


@dataclass(frozen=True, slots=True)
class Form:
    """One Latin spelling of a name, folded, as tokens, with how it was obtained."""

    tokens: tuple[str, ...]
    how: str
    folded: str = ""
    _feats: tuple[Feat, ...] | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "folded", fold(" ".join(self.tokens)))

    @classmethod
    def made(cls, tokens: tuple[str, ...], how: str, folded: str, feats: tuple[Feat, ...]) -> Form:
        """A form from parts already worked out (`names.lexicon`): `folded` must be what
        `__post_init__` makes of `tokens`, and `feats` their features."""
        f = object.__new__(cls)
        object.__setattr__(f, "tokens", tokens)
        object.__setattr__(f, "how", how)
        object.__setattr__(f, "folded", folded)
        object.__setattr__(f, "_feats", feats)
        return f

    @property
    def feats(self) -> tuple[Feat, ...]:
        """Each token's features, worked out the first time the form is compared and then kept
        (only forms that matching reaches pay for them)."""
        if self._feats is None:
            object.__setattr__(self, "_feats", tuple(token_features(t) for t in self.tokens))
        assert self._feats is not None
        return self._feats

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


def _tokens(text: str) -> tuple[str, ...]:
    """Lower-case tokens, diacritics kept (the skeleton reads "č" and "c" differently)."""
    low = unicodedata.normalize("NFC", text).lower()
    return tuple(t for t in re.split(r"[\s\-‐,.’'()]+", low) if t)


def forms(name: str) -> list[Form]:
    """Every Latin form of a name: as written, reordered ("Lukashenko, Alexander"), for
    Cyrillic names every transliteration of every nominative candidate, for Łacinka the
    nominative too, and for Chinese names the simplified characters and the pinyin."""
    name = " ".join(name.split())
    if "," in name:
        last, _, first = name.partition(",")
        name = f"{first.strip()} {last.strip()}".strip()
    if name.isascii():  # most names: neither characters nor Cyrillic to look for
        return _latin_forms(strip_tones(name) if _ASCII_DIGIT.search(name) else name)
    if has_han(name):
        return [Form(tokens, how) for how, tokens in han_spellings(name)]
    if not is_cyrillic(name):
        return _latin_forms(strip_tones(name))
    out: list[Form] = []
    variants = nominative_forms(name, limit=3)
    if language(name) is None:  # letters do not tell Russian from Belarusian: read both ways
        # (Russian also with surnames its dictionary only guesses: "Антоном Пугачом")
        variants += nominative_forms(name, "ru", limit=2) + nominative_forms(name, "be", limit=2)
    for variant in dict.fromkeys(variants):
        for table, latin in all_romanisations(variant).items():
            how = f"transliterated ({table})" + ("" if variant == name else ", case undone")
            out.append(Form(_tokens(latin), how))
    seen: set[tuple[str, ...]] = set()
    unique = []
    for f in out:
        if f.tokens not in seen:
            seen.add(f.tokens)
            unique.append(f)
    return unique


def registry_forms(name: str) -> list[Form]:
    """`forms`, and for a Cyrillic name also its spellings by the German and French presses
    ("Bjaljazki", "Sdanowitsch", "Androuchkevitch") where they differ from those: the
    registry's side only, so that such spellings are found while queries (Latin ones above
    all) pay nothing for it."""
    out = forms(name)
    name = " ".join(name.split())
    if not is_cyrillic(name) or has_han(name):
        return out
    seen = {f.tokens for f in out}
    for table, latin in press_spellings(name).items():
        tokens = _tokens(latin)
        if tokens not in seen:
            seen.add(tokens)
            out.append(Form(tokens, f"press spelling ({table})"))
    return out


def _lacinka_endings() -> list[str]:
    """Word endings that mark a Łacinka name in an oblique case (from data/cases_be.json),
    leaving out short plain ones and those a nominative ends in too: too many names end so."""
    rules = _latin_case_rules()
    nominative = {e for e, _ in rules["nominative_endings"]}
    endings = [
        e for e, *_ in rules["oblique"] if (len(e) >= 3 or not e.isascii()) and e not in nominative
    ]
    return sorted(endings, key=len, reverse=True)


@lru_cache(maxsize=1)
def _lacinka_oblique() -> re.Pattern[str]:
    """A word ending in one of `_lacinka_endings` (the definition; `_lacinka_reversed` is what
    queries use)."""
    return re.compile(r"(?:" + "|".join(_lacinka_endings()) + r")\b", re.I)


@lru_cache(maxsize=1)
def _lacinka_reversed() -> re.Pattern[str]:
    """`_lacinka_oblique` for the name written backwards: a word boundary, then an ending
    backwards. It finds the same names (a boundary is one read either way) some six times
    faster, since only the few places at a word's end are tried: every query pays for it."""
    return re.compile(r"\b(?:" + "|".join(e[::-1] for e in _lacinka_endings()) + r")", re.I)


@lru_cache(maxsize=1)
def _lacinka_short() -> tuple[str, ...]:
    """The short plain oblique endings (data/cases_be.json) no nominative ends in: "am", "u".
    Too many names end so for one word to tell; every word of a name ending so does
    ("Iharam Losikam", "Dzianisam Jesisam")."""
    rules = _latin_case_rules()
    nominative = {e for e, _ in rules["nominative_endings"]}
    return tuple(
        e for e, *_ in rules["oblique"] if len(e) < 3 and e.isascii() and e not in nominative
    )


def is_lacinka_oblique(name: str, words: tuple[str, ...] | None = None) -> bool:
    """Whether a Latin name reads as a Łacinka name in an oblique case: a word with a long or
    diacritic oblique ending, or every word (two or more) with a short one. `words`: the
    name's tokens (`_tokens`), when the caller has them already."""
    if _lacinka_reversed().search(name[::-1]):
        return True
    words = _tokens(name) if words is None else words
    short = _lacinka_short()
    return len(words) >= 2 and all(w.endswith(short) and len(w) > 3 for w in words)


def _latin_forms(name: str) -> list[Form]:
    """A Latin name as written; a Łacinka one also in the nominative ("Alesia Bialackaha"), and
    one with syllables joined by hyphens also joined ("Liu Xiao-bo": "liu xiaobo")."""
    tokens = _tokens(name)
    out = [Form(tokens, "as written")]
    if is_lacinka_oblique(name, tokens):
        variant = nominative_forms(name, "be", limit=1)[0]
        if variant != name:
            out.append(Form(_tokens(variant), "case undone (Łacinka)"))
    if "-" in name and re.search(r"\w-\w", name):
        out.append(Form(_tokens(re.sub(r"(?<=\w)-(?=\w)", "", name)), "hyphen joined"))
    return out
