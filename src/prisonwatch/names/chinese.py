"""Chinese names: found by either script and by pinyin, in either order, with or without tones.

A name written in characters (刘晓波, or 劉曉波 in traditional script) is kept as its simplified
characters, one token, and as pinyin: the surname (one character, or two for 欧阳 and the like,
read as a surname reads: 单 is Shan) and the given name joined into one word, "liu xiaobo", as
the press writes it. Uyghur and Tibetan names written in characters with a middle dot
(伊力哈木•土赫提) are read part by part. Pinyin by pypinyin, script conversion by OpenCC's
tables (opencc-python-reimplemented); both MIT/Apache, both offline.
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from importlib import resources
from typing import Any

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_DOTS = re.compile(r"[•·・‧.．\s]+")


def has_han(text: str) -> bool:
    """Whether the text holds Chinese characters."""
    return bool(_HAN.search(text))


def simplified(text: str) -> str:
    """The text in simplified characters (traditional ones converted; others unchanged)."""
    return str(_converter().convert(text))


def han_spellings(name: str) -> list[tuple[str, tuple[str, ...]]]:
    """(how, tokens) for a name in characters: the simplified characters, and its pinyin."""
    simple = "".join(simplified(name).split())
    parts = [p for p in _DOTS.split(simple) if p]
    out: list[tuple[str, tuple[str, ...]]] = [("characters", ("".join(parts),))]
    if len(parts) > 1:
        pinyin = tuple(_syllables(p) for p in parts)
    else:
        surname, given = _split_surname(simple)
        pinyin = tuple(t for t in (_surname_pinyin(surname), _syllables(given)) if t)
    if pinyin:
        out.append(("pinyin", pinyin))
    return out


def pinyin(text: str) -> str:
    """The text's Chinese characters (traditional ones as simplified) read as toneless pinyin
    syllables run together, other characters dropped: how a name written in characters inside
    a sentence (which has no spaces to mark words) reads in Latin letters."""
    return _syllables(simplified(text))


def strip_tones(text: str) -> str:
    """Pinyin written with tone numbers ("Liu2 Xiao3bo1") without them."""
    return re.sub(r"(?<=[a-zA-Zü])[1-5]", "", text)


def _split_surname(name: str) -> tuple[str, str]:
    if len(name) > 2 and name[:2] in _surnames()["compound"]:
        return name[:2], name[2:]
    return name[:1], name[1:]


def _surname_pinyin(surname: str) -> str:
    known: dict[str, str] = _surnames()["readings"]
    return known.get(surname) or _syllables(surname)


def _syllables(text: str) -> str:
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(text, style=Style.NORMAL, v_to_u=True, errors="ignore"))


@lru_cache(maxsize=1)
def _surnames() -> dict[str, Any]:
    raw = (resources.files("prisonwatch.names") / "data" / "zh_surnames.json").read_text(
        encoding="utf-8"
    )
    data: dict[str, Any] = json.loads(raw)
    return data


@lru_cache(maxsize=1)
def _converter() -> Any:
    from opencc import OpenCC  # type: ignore[import-untyped]

    return OpenCC("t2s")


@lru_cache(maxsize=50_000)
def other_romanisations(name: str) -> tuple[str, ...]:
    """A Chinese name as the presses that do not use pinyin write it: Wade-Giles (Taiwan, Hong
    Kong and older English press: 刘晓波 "Liu Hsiaopo") and the Russian Palladius
    transcription (Russian and Belarusian press: "Лю Сяобо"). The given name is written run
    together (the hyphen some write, "Hsiao-po", is a separator the name check reads through).

    From characters when the name has them; from pinyin when every word of a Latin name is a
    run of pinyin syllables ("Liu Xiaobo"); else nothing. Syllables by pypinyin's tables."""
    if has_han(name):
        simple = "".join(simplified(name).split())
        parts = [p for p in _DOTS.split(simple) if p]
        if len(parts) == 1:
            surname, given = _split_surname(simple)
            parts = [p for p in (surname, given) if p]
        syllables = [_han_syllables(p) for p in parts]
    else:
        syllables = [_pinyin_syllables(w) for w in re.findall(r"[^\W\d_]+", strip_tones(name))]
        if not syllables or not all(syllables):
            return ()
    out = []
    for style in ("WADEGILES", "CYRILLIC"):
        words = ["".join(_styled(s, style) for s in word) for word in syllables]
        if all(words):
            out.append(" ".join(w.capitalize() for w in words))
    return tuple(out)


def _han_syllables(text: str) -> list[str]:
    from pypinyin import Style, lazy_pinyin

    return [s for s in lazy_pinyin(text, style=Style.NORMAL, v_to_u=True, errors="ignore") if s]


def _pinyin_syllables(word: str) -> list[str]:
    """A Latin word split into toneless pinyin syllables (longest first, backtracking), or
    an empty list when it is not a run of them."""
    word = _untoned(word.casefold())
    known = _syllable_set()

    @cache
    def split(i: int) -> tuple[str, ...] | None:
        if i == len(word):
            return ()
        for j in range(min(len(word), i + 6), i, -1):
            if word[i:j] in known and (rest := split(j)) is not None:
                return (word[i:j], *rest)
        return None

    found = split(0)
    return list(found) if found else []


def _untoned(word: str) -> str:
    """Pinyin with its tone marks removed (ü kept)."""
    import unicodedata

    out = []
    for c in unicodedata.normalize("NFD", word):
        if unicodedata.category(c) == "Mn" and c != "\u0308":
            continue
        out.append(c)
    return unicodedata.normalize("NFC", "".join(out)).replace("v", "ü")


def _styled(syllable: str, style: str) -> str:
    from pypinyin import Style
    from pypinyin.style import convert

    out = str(convert(syllable, getattr(Style, style), True, None) or "")
    return re.sub(r"\d", "", out)


@lru_cache(maxsize=1)
def _syllable_set() -> frozenset[str]:
    """Every toneless pinyin syllable (about 420), from `data/zh_syllables.json`: made from
    pypinyin's tables (`syllables_of_pypinyin`), which take 0.4 s to read and turn into
    syllables. Kept as data, so that the first protection change of a process (whose names
    are all tried as pinyin, `other_romanisations`) does not pay for that."""
    raw = (resources.files("prisonwatch.names") / "data" / "zh_syllables.json").read_text(
        encoding="utf-8"
    )
    return frozenset(json.loads(raw)["syllables"])


def syllables_of_pypinyin() -> frozenset[str]:
    """Every toneless pinyin syllable pypinyin knows: what `data/zh_syllables.json` holds
    (a test compares the two, so that an upgrade of pypinyin that adds one is noticed)."""
    from pypinyin.contrib.tone_convert import to_normal
    from pypinyin.pinyin_dict import pinyin_dict

    return frozenset(
        to_normal(p, v_to_u=True) for v in pinyin_dict.values() for p in str(v).split(",")
    )


def prepare() -> None:
    """Load what naming a Chinese name needs (pypinyin, the script converter, the surnames
    and syllables), so that the first name checked later does not wait for it: called in the
    background when a server starts."""
    _syllable_set()
    _surnames()
    _converter()
    other_romanisations("Liu Xiaobo")
