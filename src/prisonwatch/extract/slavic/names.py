"""People, organisations and places in Russian and Belarusian text, named in the nominative.

Mentions come from natasha's news NER (trained on Russian; on Belarusian text it is what
transfers, measured in bench/extract_eval.py). A mention's nominative: for Russian, each word
through pymorphy3 keeping the person's gender ("Светланой Тихановской" -> "Светлана
Тихановская"); for Belarusian, the case endings undone by rule ("Алеся Бяляцкага" -> "Алесь
Бяляцкі"). The canonical name is the fullest form the article gives ("Лукашенко" -> "Александр
Лукашенко" where the article names him so).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from prisonwatch.extract.lang import be as be_words
from prisonwatch.extract.slavic.words import ru_parse

TYPES = {"PER": "person", "ORG": "organization", "LOC": "place"}
COUNTRIES = {
    "беларусь": "BY", "беларусі": "BY", "беларуси": "BY", "белоруссия": "BY",
    "россия": "RU", "расія": "RU", "литва": "LT", "літва": "LT", "польша": "PL",
    "польшча": "PL", "украина": "UA", "украіна": "UA", "сша": "US", "літве": "LT",
    "літву": "LT", "літвы": "LT", "литве": "LT", "литву": "LT", "литвы": "LT", "польшчы": "PL",
    "польшу": "PL", "польше": "PL", "польшы": "PL", "украіны": "UA", "украіну": "UA",
    "украине": "UA", "украину": "UA", "украины": "UA", "германию": "DE", "германии": "DE",
    "германия": "DE", "беларусию": "BY", "расіі": "RU", "россии": "RU",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Mention:
    type: str  # person, organization, place, country
    start: int
    end: int
    text: str
    name: str  # nominative, then canonical


@cache
def _ner() -> tuple[Any, Any]:
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    return Segmenter(), NewsNERTagger(NewsEmbedding())


def ner_spans(text: str) -> list[tuple[str, int, int]]:
    """natasha's NER over the whole text: (type, start, end)."""
    from natasha import Doc

    segmenter, tagger = _ner()
    doc = Doc(text)
    doc.segment(segmenter)
    doc.tag_ner(tagger)
    return [(s.type, s.start, s.stop) for s in doc.spans]


def _cap(word: str, like: str) -> str:
    return "-".join(p[:1].upper() + p[1:] for p in word.split("-")) if like[:1].isupper() else word


def _ru_word(word: str, gender: str | None) -> str:
    """One word of a name not in the nominative, put into it (keeping the person's gender)."""
    if not word[:1].isupper() or "." in word:
        return word
    parses = _all_parses(word)
    named = [p for p in parses if {"Name", "Surn", "Patr"} & set(p.tag.grammemes)]
    fitting = [p for p in named if gender is None or gender in p.tag or "ms-f" in p.tag]
    fitting.sort(key=lambda p: ("nomn" in p.tag, "Surn" not in p.tag))
    p = (fitting or named or parses)[0]
    lower = word.lower()
    if not fitting and gender == "masc" and re.search(r"(?:ов|ев|ин|ын)а$", lower):
        return word[:-1]
    if not fitting and gender == "masc" and lower.endswith(("ого", "его")):
        return word[:-3] + ("ий" if lower[-4] in "кгхжшчщн" else "ый")
    if not fitting and gender == "masc" and lower.endswith("а"):
        return word[:-1]
    wanted = {"nomn", "sing"} | ({gender} if gender and p.tag.POS == "ADJF" else set())
    form = p.inflect(wanted)
    return _cap(str(form.word if form else p.normal_form), word)


def _all_parses(word: str) -> list[Any]:
    from prisonwatch.extract.slavic.words import _morph

    return list(_morph().parse(word))


def _ru_name_case(words: list[str]) -> tuple[str | None, bool]:
    """The gender of the first name and whether it is in the nominative, by its likeliest
    reading ("Александра" before a surname is his genitive, "Марина" her nominative)."""
    for w in words:
        named = [p for p in _all_parses(w) if "Name" in p.tag and "sing" in p.tag]
        if named:
            p = named[0]
            return ("femn" if "femn" in p.tag else "masc"), "nomn" in p.tag
    return None, False


def _ru_nominative(words: list[str]) -> str:
    gender, nomn = _ru_name_case(words)
    if nomn or (gender is None and len(words) > 1):
        return " ".join(words)
    if len(words) == 1:
        w = words[0]
        if any("nomn" in p.tag and "Surn" in p.tag for p in _all_parses(w)):
            return w
        if any("nomn" in p.tag and "Fixd" in p.tag for p in _all_parses(w)):
            return w
    return " ".join(_ru_word(w, gender) for w in words)


_BE_ENDINGS = [  # (ending, replacement) for masculine names in the genitive/dative/instrumental
    ("цкага", "цкі"), ("скага", "скі"), ("кага", "кі"), ("гага", "гі"), ("ага", "ы"),
    ("цкаму", "цкі"), ("скаму", "скі"), ("аму", "ы"), ("ым", "ы"),
    ("ея", "ей"), ("ая", "ай"), ("эя", "эй"), ("ыя", "ый"), ("ія", "ій"),
    ("ся", "сь"), ("ля", "ль"), ("ця", "ць"), ("зя", "зь"), ("дзя", "дзь"), ("ня", "нь"),
    ("ам", ""), ("у", ""), ("а", ""),
]  # fmt: skip
_BE_FEM = [("скай", "ская"), ("цкай", "цкая"), ("ай", "а"), ("ы", "а"), ("і", "а")]


def _be_word(word: str, female: bool) -> str:
    lower = word.lower()
    if female:
        for end, rep in _BE_FEM:
            if lower.endswith(end) and len(lower) > len(end) + 2:
                return word[: len(word) - len(end)] + rep
        return word
    if re.search(r"(?:нка|нку|ка)$", lower) and not lower.endswith(("кага", "каму")):
        return word[:-1] + "а" if lower.endswith("нку") else word  # Лукашэнка stays
    for end, rep in _BE_ENDINGS:
        if lower.endswith(end) and len(lower) > len(end) + 2:
            return word[: len(word) - len(end)] + rep
    return word


def _be_female(words: list[str]) -> bool:
    first = words[0].lower()
    names = be_words.FEMALE_NAMES
    return (
        first in names
        or any(
            first[: -len(e)] + r in names
            for e, r in (("ы", "а"), ("і", "а"), ("у", "а"), ("ай", "а"))
        )
        or bool(re.search(r"(?:ская|цкая|ская|ай)$", words[-1].lower()))
    )


def nominative(name: str, lang: str) -> str:
    """A person's name in the nominative, in the script it was written in."""
    words = name.split()
    if not words:
        return name
    if lang == "ru":
        return _ru_nominative(words)
    female = _be_female(words)
    if len(words) == 1 and not re.search(r"(?:кага|скага|цкага)$", words[0].lower()):
        return name  # a lone surname: only clear adjectival endings are undone
    first = words[0].lower()
    if not female and first in be_words.FEMALE_NAMES:
        female = True
    return " ".join(_be_word(w, female) for w in words)


def _ru_known_name(word: str) -> bool:
    return any({"Name", "Surn"} & set(p.tag.grammemes) for p in _all_parses(word))


def _surname_key(name: str) -> str:
    last = name.split()[-1].lower()
    return last[: max(4, len(last) - 3)] + ("f" if last.endswith(("а", "я", "ая")) else "m")


def canonical(names: list[str]) -> dict[str, str]:
    """Each name -> the fullest form in the article of the same surname and first name."""
    out: dict[str, str] = {}
    for n in names:
        best = n
        for m in names:
            same_last = _surname_key(m) == _surname_key(n)
            first_ok = len(n.split()) == 1 or n.split()[0][:3] == m.split()[0][:3]
            if same_last and first_ok and len(m.split()) > len(best.split()):
                best = m
        out[n] = best
    return out


_NOT_NAME = {
    "у", "ў", "в", "во", "але", "но", "и", "і", "яго", "его", "её", "яе", "их", "іх", "як",
    "как", "пра", "про", "па", "по", "с", "з", "на", "для", "ля", "от", "ад", "президент",
    "прэзідэнт", "лидер", "лідарка", "лідар", "жена", "жонка",
}  # fmt: skip
_SPLIT = re.compile(r"\n+|,\s*|\s+(?:и|і|й)\s+")
_WORD = re.compile(r"\S+")


def _person_parts(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """A model's person span cut where it runs over a line, a list or a conjunction, trimmed of
    leading words that are no names ("Але Анджэя Пачобута" -> "Анджэя Пачобута") and of
    country names ("Літве Таццяны Смоткінай" -> "Таццяны Смоткінай")."""
    out = []
    pos = s
    for m in [*_SPLIT.finditer(text, s, e), None]:
        end = m.start() if m else e
        words = list(_WORD.finditer(text, pos, end))
        while words and (
            words[0].group().lower() in _NOT_NAME
            or words[0].group().lower() in COUNTRIES
            or not words[0].group()[:1].isupper()
        ):
            words.pop(0)
        if words and all(w.group()[:1].isupper() for w in words):
            out.append((words[0].start(), words[-1].end()))
        pos = m.end() if m else e
    return out


def _surnames(text: str, spans: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Lone surnames the model missed that the dictionary knows as surnames ("Лукашенко")."""
    out = []
    for m in re.finditer(r"\b[А-ЯЁ][а-яё]{3,}\b", text):
        covered = any(s <= m.start() < e for _, s, e in spans)
        if not covered and "Surn" in ru_parse(m.group().lower()).tag:
            out.append(("PER", m.start(), m.end()))
    return out


def mentions(text: str, lang: str, start: int) -> list[Mention]:
    """Named mentions after `start`, each with its canonical nominative name.

    A person must be named by two words (first name and surname), or by one word that is the
    surname of someone the article names in full, or be a known name in the gazetteer."""
    raw: list[Mention] = []
    spans: list[tuple[str, int, int]] = []
    for kind, s, e in ner_spans(text):
        if kind == "PER":
            spans.extend(("PER", ps, pe) for ps, pe in _person_parts(text, s, e))
        else:
            spans.append((kind, s, e))
    if lang == "ru":
        spans += _surnames(text, spans)
    full = {
        text[s:e].split()[-1].lower()[:4] for k, s, e in spans if k == "PER" and " " in text[s:e]
    }
    for kind, s, e in spans:
        if e <= start:
            continue
        surface = text[s:e]
        lone = kind == "PER" and " " not in surface and surface.lower()[:4] not in full
        if lone and (lang == "be" or not _ru_known_name(surface)):
            continue
        if kind == "PER" and surface.lower() in COUNTRIES:
            continue
        surface = text[s:e]
        if kind == "LOC" and surface.lower() in COUNTRIES:
            raw.append(Mention("country", s, e, surface, surface))
            continue
        name = nominative(surface, lang) if kind == "PER" else surface.strip('«»"„“')
        raw.append(Mention(TYPES.get(kind, "organization"), s, e, surface, name))
    people = canonical([m.name for m in raw if m.type == "person"])
    return [
        Mention(m.type, m.start, m.end, m.text, people.get(m.name, m.name))
        if m.type == "person"
        else m
        for m in raw
    ]
