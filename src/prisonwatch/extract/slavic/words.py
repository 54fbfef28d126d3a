"""Tokens, sentences and the word lookups of one language (Russian or Belarusian).

A `Lexicon` answers "which concept is this word?" against the tables in `lang/<code>/`: exact
lemma keys (Russian, lemmatised by pymorphy3) or stems ending in "*" (both languages).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import Any, TypeVar, cast

from prisonwatch.extract.lang import be as be_words
from prisonwatch.extract.lang import ru as ru_words
from prisonwatch.names import cases

T = TypeVar("T")

_TOKEN = re.compile(
    r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)"  # "1 490", "1\u00a0200"
    r"|\d+(?:[-–][^\W\d_]+)?"  # "52", "7-мю", "46-летний"
    r"|[^\W\d_]+(?:[-'’][^\W\d_]+)*"  # words, "пресс-служба", "сем’яў"
    r"|\S"
)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[»“\"]?\s+(?=[«„\"—–-]?[A-ZА-ЯЁІЎ0-9])|\n+")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    lower: str
    lemma: str
    is_word: bool = False  # a word, not a number or a mark (set by `Lexicon.tokens`)


def _morph() -> Any:
    return cases.morph()


def ru_parse(word: str) -> Any:
    """The likeliest reading pymorphy3 gives a Russian word."""
    return cases.ru_parses(word)[0]


def ru_parse_all(word: str) -> tuple[Any, ...]:
    """Every reading pymorphy3 gives a Russian word, likeliest first."""
    return cases.ru_parses(word)


def _ru_lemma(lower: str) -> str:
    if not lower[0].isalpha():
        return lower
    return str(ru_parse(lower).normal_form).replace("ё", "е")


class Lexicon:
    """The word data of one language and how a word form is looked up in it."""

    def __init__(self, words: ModuleType) -> None:
        self.code: str = words.CODE
        self.w = words
        self._stems: dict[int, list[tuple[str, Any]]] = {}
        self._sets: dict[int, dict[str, bool]] = {}
        self._found: dict[tuple[int, str, str], Any] = {}
        self._plain: set[int] = set()  # tables with no stems
        self._plain_sets: dict[int, bool] = {}  # word sets: whether they have no stems

    def lemma(self, lower: str) -> str:
        """Russian: pymorphy3's lemma. Belarusian: the word form itself, with a "ў" that opens
        it written "у" (the letter alternates after a vowel: "ўмоўна", "у Літве")."""
        if self.code == "ru":
            return _ru_lemma(lower)
        return "у" + lower[1:] if lower.startswith("ў") and len(lower) > 1 else lower

    def tokens(self, text: str, start: int = 0, end: int | None = None) -> list[Token]:
        out = []
        for m in _TOKEN.finditer(text, start, len(text) if end is None else end):
            lower = m.group().lower()
            word = lower[0].isalpha()
            lemma = self.lemma(lower) if word else lower
            out.append(Token(m.group(), m.start(), m.end(), lower, lemma, word))
        return out

    def find(self, token: Token, table: Mapping[str, T]) -> T | None:
        """The table's value for this word: by lemma, else by the longest stem it starts with."""
        if id(table) in self._plain:  # no stems: the lemma alone decides
            return table.get(token.lemma)
        key = (id(table), token.lower, token.lemma)
        if key in self._found:
            return cast("T | None", self._found[key])
        found = self._find(token, table)
        self._found[key] = found
        return found

    def _find(self, token: Token, table: Mapping[str, T]) -> T | None:
        hit: T | None = table.get(token.lemma)
        if hit is not None:
            return hit
        stems = self._stems.get(id(table))
        if stems is None:
            stems = sorted(
                ((k[:-1], v) for k, v in table.items() if k.endswith("*")),
                key=lambda kv: -len(kv[0]),
            )
            self._stems[id(table)] = stems
            if not stems:
                self._plain.add(id(table))
        for stem, value in stems:
            if token.lower.startswith(stem) or token.lemma.startswith(stem):
                return cast(T, value)
        return None

    def has(self, token: Token, words: set[str]) -> bool:
        plain = self._plain_sets.get(id(words))
        if plain is None:
            plain = self._plain_sets[id(words)] = not any(w.endswith("*") for w in words)
        if plain:  # no stems: the lemma alone decides
            return token.lemma in words
        table = self._sets.get(id(words))
        if table is None:
            table = self._sets[id(words)] = dict.fromkeys(words, True)
        return self.find(token, table) is not None


def clear_caches() -> None:
    """Forget every word looked up (for benchmarks that time a cold reader)."""
    cases.ru_parses.cache_clear()
    for code in ("ru", "be"):
        lexicon(code)._found.clear()


@cache
def lexicon(code: str) -> Lexicon:
    return Lexicon(ru_words if code == "ru" else be_words)


@cache
def both(name: str) -> Any:
    """One kind of word data of both languages together, for rules that meet the two in one
    text (a Russian article quoting Belarusian): sets and dicts are joined, lists concatenated,
    regular-expression strings made alternatives."""
    a, b = getattr(ru_words, name), getattr(be_words, name)
    if isinstance(a, dict):
        return {**a, **b}
    if isinstance(a, set):
        return a | b
    if isinstance(a, list):
        return a + b
    return f"(?:{a})|(?:{b})"


def alternation(words: set[str]) -> str:
    """A regular-expression alternation of words, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def sentences(text: str, start: int) -> list[tuple[int, int]]:
    """Sentences as (start, end) spans from `start` on: lines, then sentence ends inside them."""
    out: list[tuple[int, int]] = []
    pos = start
    for m in [*_SENTENCE_END.finditer(text, start), None]:
        end = m.start() if m else len(text)
        if m and m.group().strip(" \n\u00a0") and not m.group().startswith("\n"):
            end = m.start() + len(m.group().rstrip())
        seg = text[pos:end]
        s = pos + len(seg) - len(seg.lstrip())
        e = pos + len(seg.rstrip())
        if e > s:
            out.append((s, e))
        pos = m.end() if m else len(text)
    return out
