"""Names written in a grammatical case, brought back to the nominative.

Russian and Belarusian news print a person's name in whatever case the sentence needs:
"освобождение Алеся Беляцкого", "вызвалілі Ціханоўскага", "письмо Статкевичу". The record
keeps the nominative ("Алесь Беляцкий", "Ціханоўскі", "Статкевич"). Russian words are read by
pymorphy3 (its dictionary knows given names, surnames and patronymics, and guesses unknown
surnames by their endings); Belarusian words by the case endings of names kept as language
data in data/cases_be.json, which also holds the endings of Łacinka spellings.

All words of one name stand in the same case, so the case is chosen for the whole name: the
reading in which every word agrees, the longest endings explain the words, and the given name is
a known one wins. A name that reads as nominative as well as any other case is left as it is.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from prisonwatch.names.given import given_group
from prisonwatch.names.translit import is_cyrillic, language, transliterate

LANGS = ("be", "ru")
_NAME_TAGS = {"Name", "Surn", "Patr"}
_CASE_ALIASES = {"gen2": "gent", "acc2": "accs", "loc2": "loct", "voct": "nomn"}


class UnknownLanguageError(ValueError):
    """A language code the case rules are not kept for."""


@dataclass(frozen=True, slots=True)
class Reading:
    """One way to read one word: it stands in `case`, for a person of `gender` (m, f or mf),
    and its nominative is `form`; `weight` says how well the reading explains the word."""

    case: str
    gender: str
    form: str
    weight: float
    known: bool = True
    """Whether a dictionary knows the word as a name (Russian); rules always say True."""


def nominative(name: str, lang: str | None = None) -> str:
    """The name in the nominative case ("Алеся Бяляцкага" → "Алесь Бяляцкі").

    `lang` is "be" or "ru"; None decides by the letters (і, ў, -ага: Belarusian; и, ъ, щ:
    Russian) and, when they do not decide, reads Russian if the Russian dictionary knows every
    word as a name, else Belarusian. Latin names are read as Łacinka when `lang` is
    "be" and returned unchanged otherwise. Spacing, hyphens and capitals are kept.
    """
    return nominative_forms(name, lang, limit=1)[0]


def nominative_forms(name: str, lang: str | None = None, limit: int = 3) -> list[str]:
    """The most likely nominatives of a name, best first; the first is `nominative(name)`.
    A name that may already be nominative yields itself among them. With `limit` above 1,
    the best reading with one word read by its next-best ending of the same case follows
    ("Ігарам Лосікам": "Ігар Лосіка", ..., then "Ігар Лосік")."""
    if lang is not None and lang not in LANGS:
        raise UnknownLanguageError(
            f"no case rules for language {lang!r}; known: {', '.join(LANGS)}"
        )
    words = name.split()
    if not words:
        return [name]
    cyrillic = is_cyrillic(name)
    if not cyrillic and lang != "be":
        return [" ".join(words)]
    parts = [re.split(r"(-)", w) for w in words]
    tokens = [p for w in parts for p in w if p and p != "-"]
    lang = lang or language(name)
    readings: list[list[Reading]] = []
    if cyrillic and lang in ("ru", None):
        fleeting = _rules("ru", latin=False)["fleeting"]
        readings = [_readings_ru(t, fleeting) for t in tokens]
        if lang is None and not all(rs[0].known for rs in readings):
            readings = []  # words the Russian dictionary does not know as names: Belarusian?
    if not readings:
        rules = _rules("be", latin=not cyrillic)
        readings = [_readings_rules(t, rules, cyrillic) for t in tokens]
    ranked, alternates = _ranked_choices(tokens, readings)
    out: list[str] = []
    for choice in ranked[: max(limit, 1) * 2]:
        text = _joined(parts, choice)
        if text not in out:
            out.append(text)
    out = out[: max(limit, 1)]
    if limit > 1:
        out += [t for t in (_joined(parts, c) for c in alternates) if t not in out]
    return out


def _joined(parts: list[list[str]], choice: list[str]) -> str:
    it = iter(choice)
    return " ".join("".join(p if p == "-" else next(it) for p in w if p) for w in parts)


def _ranked_choices(
    tokens: list[str], readings: list[list[Reading]]
) -> tuple[list[list[str]], list[list[str]]]:
    """Whole-name readings, best first: each (case, gender) read into every word at once; and
    the best reading with one word read otherwise."""
    scored: list[tuple[float, int, list[tuple[list[str], float]]]] = []
    keys = {(r.case, g) for rs in readings for r in rs for g in _genders(r.gender)}
    keys.add(("nomn", "mf"))
    for order, (case, gender) in enumerate(sorted(keys, key=_key_order)):
        total = 0.0
        forms: list[str] = []
        seconds: list[tuple[int, float, str]] = []
        for i, (token, rs) in enumerate(zip(tokens, readings, strict=True)):
            fits = sorted(
                (r for r in rs if r.case == case and gender in _genders(r.gender)),
                key=lambda r: -r.weight,
            )
            if not fits:
                forms.append(token)  # a word that does not decline (Лойко, Znak) stays
                continue
            total += fits[0].weight
            forms.append(fits[0].form)
            other = next((r for r in fits[1:] if r.form != fits[0].form), None)
            if other is not None:
                seconds.append((i, fits[0].weight - other.weight, other.form))
        scored.append(
            (
                total,
                order,
                [(forms, 0.0)]
                + [([*forms[:i], form, *forms[i + 1 :]], loss) for i, loss, form in seconds],
            )
        )
    scored.sort(key=lambda s: (-s[0], s[1]))
    # after the whole-name readings, the best one with one word read by its next-best ending
    # in the same case ("Лосікам": Лосіка, or Лосік), for a caller that can tell which one
    # names somebody
    alternates = [f for f, _ in sorted(scored[0][2][1:], key=lambda a: a[1])] if scored else []
    return [s[2][0][0] for s in scored], alternates


def _key_order(key: tuple[str, str]) -> tuple[int, str, str]:
    return (key[0] != "nomn", key[0], key[1])


def _genders(gender: str) -> tuple[str, ...]:
    return ("m", "f", "mf") if gender == "mf" else (gender, "mf")


def _keep_capitals(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _known_given(form: str, cyrillic: bool) -> bool:
    latin = transliterate(form, "be-passport") if cyrillic else form
    return given_group(latin) is not None


def _readings_rules(token: str, rules: dict[str, Any], cyrillic: bool) -> list[Reading]:
    """Readings of one word by the case endings kept as data."""
    low = token.lower()
    out: list[Reading] = []
    for ending, nom, cases, gender in rules["oblique"]:
        if low.endswith(ending) and len(low) - len(ending) >= 2:
            stem = token[: len(token) - len(ending)]
            form = stem + (nom.upper() if token.isupper() else nom)
            weight = len(ending) + 2.0 * _known_given(form, cyrillic)
            out.extend(Reading(case, gender, form, weight) for case in cases)
    fleeting = rules.get("fleeting") or {}
    no_such = tuple(a + fleeting.get("nominative_end", "") for a in fleeting.get("not_after", ()))
    if no_such and any(r.form.lower().endswith(no_such) for r in out):
        # "Краўчанка" is no "Краўчанк" in any case: a man's surname left undeclined
        # ("Ігара Краўчанка") stands in the case of the words beside it
        out = [r for r in out if not r.form.lower().endswith(no_such)]
        out += [Reading(c, "m", token, 1.0) for c in ("gent", "accs", "datv", "ablt", "loct")]
    out.extend(_fleeting(token, fleeting, known_cases=(), weight=-0.5))
    nom_weight, nom_gender = 0.5, "mf"
    for ending, gender in rules["nominative_endings"]:
        if low.endswith(ending) and len(ending) + 0.0 > nom_weight:
            nom_weight, nom_gender = float(len(ending)), gender
    nom_weight += 2.0 * _known_given(token, cyrillic)
    out.append(Reading("nomn", nom_gender, token, nom_weight))
    return out


def _fleeting(
    token: str, data: dict[str, Any] | None, known_cases: tuple[str, ...], weight: float
) -> list[Reading]:
    """Readings of a man's surname that lost its fleeting vowel ("Дзядка" -> "Дзядок",
    "Сабалёнка" -> "Сабалёнак", "Дедка" -> "Дедок"), by the language's data ("fleeting"):
    an oblique ending after a consonant that takes the vowel, the vowel chosen by where the
    spelling shows the stress. `weight` is added to the ending's length: below a plain
    nominative of the same ending, so that only a name whose other words stand in that case
    reads so; cases in `known_cases` (the dictionary's own readings) are left to it."""
    if not data:
        return []
    low = token.lower()
    out: list[Reading] = []
    for ending, cases in data["endings"]:
        stem = token[: len(token) - len(ending)]
        if not low.endswith(ending) or len(stem) < 2 or stem[-1].lower() not in data["before"]:
            continue
        if stem.lower().endswith(tuple(data.get("not_after", ()))):
            continue  # "Маркушэнка", "Краўчанка": a surname in -ка, not a lost vowel
        stressed = any(c in data["stressed"] for c in stem.lower())
        tail = (data["unstressed"] if stressed else data["stressed_vowel"]) + data["nominative_end"]
        form = stem + (tail.upper() if token.isupper() else tail)
        out.extend(
            Reading(case, "m", form, len(ending) + weight, known=False)
            for case in cases
            if case not in known_cases
        )
    return out


def _readings_ru(token: str, fleeting: dict[str, Any] | None = None) -> list[Reading]:
    """Readings of one Russian word by pymorphy3: nouns and adjectives in the singular, those
    tagged as a given name, surname or patronymic weighing more; and a surname that lost its
    fleeting vowel, in a case the dictionary reads no masculine word of (`_fleeting`)."""
    out: list[Reading] = []
    for parse in ru_parses(token.lower()):
        tag = parse.tag
        case = tag.case
        if case is None or tag.number == "plur":
            continue
        inflected = parse.inflect({"nomn"})
        form = inflected.word if inflected is not None else parse.normal_form
        gender = {"masc": "m", "femn": "f"}.get(str(tag.gender), "mf")
        named = bool(_NAME_TAGS & set(tag.grammemes))
        weight = parse.score + (1.0 if named else 0.0)
        form = _keep_capitals(token, form)
        out.append(Reading(_CASE_ALIASES.get(case, case), gender, form, weight, named))
    if not any(r.case == "nomn" for r in out):
        out.append(Reading("nomn", "mf", token, 0.05, False))
    masculine = tuple(r.case for r in out if r.gender in ("m", "mf") and r.case != "nomn")
    out += [
        Reading(r.case, r.gender, r.form, 0.3, False)
        for r in _fleeting(token, fleeting, known_cases=masculine, weight=0.0)
    ]
    out.sort(key=lambda r: -r.weight)
    return out


@lru_cache(maxsize=1)
def _morph() -> Any:
    import pymorphy3  # type: ignore[import-untyped]

    return pymorphy3.MorphAnalyzer(lang="ru")


def morph() -> Any:
    """The one Russian morphological analyser of the process (its dictionary is loaded once,
    for the name matcher and the extractor alike)."""
    return _morph()


@lru_cache(maxsize=65536)
def ru_parses(word: str) -> tuple[Any, ...]:
    """Every reading pymorphy3 gives a Russian word form, likeliest first (kept for the words
    asked about: names and news words repeat)."""
    return tuple(_morph().parse(word))


@lru_cache(maxsize=4)
def _rules(lang: str, latin: bool) -> dict[str, Any]:
    raw = (resources.files("prisonwatch.names") / "data" / f"cases_{lang}.json").read_text(
        encoding="utf-8"
    )
    data: dict[str, Any] = json.loads(raw)
    return data["latin"] if latin else data


def latin_case_rules() -> dict[str, Any]:
    """The Łacinka case endings (data/cases_be.json, "latin")."""
    return _rules("be", latin=True)
