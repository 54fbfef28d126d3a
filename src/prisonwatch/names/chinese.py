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
from functools import lru_cache
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
