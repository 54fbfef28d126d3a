"""People, organisations and places in Russian and Belarusian text, named in the nominative.

Mentions come from natasha's news NER (trained on Russian; on Belarusian text it is what
transfers, measured in bench/extract_eval_ru.py). A mention's nominative comes from the name
matcher's `names.cases` ("Алеся Бяляцкага" -> "Алесь Бяляцкі", "Светланой Тихановской" ->
"Светлана Тихановская"). The canonical name is the fullest form the article gives
("Лукашенко" -> "Александр Лукашенко" where the article names him so).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from prisonwatch.extract.lang import be as be_words
from prisonwatch.extract.slavic.words import alternation, both, ru_parse
from prisonwatch.names import cases

TYPES = {"PER": "person", "ORG": "organization", "LOC": "place"}
COUNTRIES: dict[str, str] = both("COUNTRY_FORMS")


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


def _all_parses(word: str) -> tuple[Any, ...]:
    return cases.ru_parses(word)


@lru_cache(maxsize=65536)
def nominative(name: str, lang: str) -> str:
    """A person's name in the nominative, in the script it was written in (the name
    matcher's `names.cases.nominative`; a Belarusian "Ў" opening a word is "У" there)."""
    found = re.sub(r"(^|\s)Ў", r"\1У", _best_nominative(name, lang))
    return (
        " ".join(_as_spelt(n, w) for n, w in zip(found.split(), name.split(), strict=False))
        if len(found.split()) == len(name.split())
        else found
    )


def _best_nominative(name: str, lang: str) -> str:
    """`names.cases.nominative`, except that for a Belarusian name of several words the
    likely reading whose first word is a given name of `lang/be` wins ("Дзяніса Івашына" ->
    "Дзяніс Івашын", where the case rules alone cannot tell a feminine nominative)."""
    if lang != "be" or " " not in name:
        return cases.nominative(name, lang)
    forms = cases.nominative_forms(name, lang, limit=4)
    given = [f for f in forms if f.split()[0] in be_words.GIVEN_NAMES]
    return given[0] if given else forms[0]


def _as_spelt(found: str, written: str) -> str:
    """Keep the text's "е" where the dictionary's nominative writes "ё" ("Ковалева")."""
    return "".join(
        "е" if c == "ё" and i < len(written) and written[i] == "е" else c
        for i, c in enumerate(found)
    )


def _repeated(text: str, word: str) -> bool:
    """A lone capitalised word the model calls a person, told again in another case form
    ("Лукашэнкам" ... "Лукашэнкі"): a surname, where a one-off is as likely a stray tag."""
    stem = re.escape(word[: max(5, len(word) - 3)])
    return len(re.findall(rf"\b{stem}\w*", text)) >= 2


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
        if " " not in n:  # a first name alone: the one person of that first name ("Светлана")
            full = {m for m in names if m.split()[0] == n and " " in m}
            if len(full) == 1:
                out[n] = full.pop()
                continue
        for m in names:
            same_last = _surname_key(m) == _surname_key(n)
            first_ok = len(n.split()) == 1 or n.split()[0][:3] == m.split()[0][:3]
            if same_last and first_ok and len(m.split()) > len(best.split()):
                best = m
        if best == n and " " not in n:
            best = _his(n, names) or n
        out[n] = best
    return out


_OBLIQUE: tuple[str, ...] = tuple(both("MASCULINE_SURNAME_OBLIQUE"))


def _his(word: str, names: list[str]) -> str | None:
    """The one full name whose surname, with a masculine oblique ending, is this lone word
    ("Керимова" after "Айдын Керимов"), where the dictionary reads the word as a feminine
    nominative; None when no such name, or several."""
    full = {
        m for m in names
        if " " in m
        and word.startswith(m.split()[-1])
        and word[len(m.split()[-1]) :] in _OBLIQUE
    }  # fmt: skip
    return full.pop() if len(full) == 1 else None


_NOT_NAME: set[str] = both("NOT_NAMES")
_SPLIT = re.compile(rf"\n+|,\s*|\s+(?:{alternation(both('AND'))})\s+")
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


@lru_cache(maxsize=65536)
def is_given(word: str, lang: str) -> bool:
    """Whether a capitalised word is a given name in some case ("Ігара", "Марию"): Russian by
    pymorphy3's dictionary (its "Name" readings), Belarusian by `lang/be` GIVEN_NAMES and the
    nominatives `names.cases` reads the word as."""
    if not word[:1].isupper() or len(word) < 2:
        return False
    if lang == "ru":
        score = sum(float(p.score) for p in _all_parses(word.lower()) if "Name" in p.tag)
        return score >= 0.3
    word = "У" + word[1:] if word.startswith("Ў") else word
    return any(f in be_words.GIVEN_NAMES for f in cases.nominative_forms(word, "be", limit=3))


_NAME_WORD = r"[А-ЯЁІЎ][а-яёіў’'-]+"
_NEXT_WORD = re.compile(rf"[ \u00a0]({_NAME_WORD})")
_PREV_WORD = re.compile(rf"({_NAME_WORD})[ \u00a0]$")
_PAIR = re.compile(rf"(?=\b({_NAME_WORD})[ \u00a0]({_NAME_WORD})\b)")  # overlapping pairs


def _fit_person(text: str, s: int, e: int, lang: str) -> tuple[int, int]:
    """A person span set right by given names: a leading word that is no given name before
    one that is dropped ("Журналіст Андрэй Кузнечык"), a given name alone joined to the
    capitalised word after it ("Дзяніса Івашына"), a surname alone to the given name before
    it ("Ігара Карнея")."""
    words = re.findall(r"\S+", text[s:e])
    if len(words) >= 3 and not is_given(words[0], lang) and is_given(words[1], lang):
        return s + len(words[0]) + text[s + len(words[0]) : e].index(words[1]), e
    if len(words) != 1:
        return s, e
    after = _NEXT_WORD.match(text, e)
    if after and is_given(words[0], lang) and after.group(1).lower() not in COUNTRIES:
        return s, after.end()
    before = _PREV_WORD.search(text, max(0, s - 40), s)
    if before and is_given(before.group(1), lang):
        return before.start(), e
    return s, e


def _given_pairs(
    text: str, lang: str, taken: list[tuple[str, int, int]]
) -> list[tuple[str, int, int]]:
    """People the model missed: a given name in any case and the capitalised word after it
    ("вызвалілі Ігара Карнея")."""
    out: list[tuple[str, int, int]] = []
    for m in _PAIR.finditer(text):
        start, end = m.start(1), m.end(2)
        if any(s < end and start < e for _, s, e in [*taken, *out]):
            continue
        if m.group(2).lower() in COUNTRIES or not is_given(m.group(1), lang):
            continue
        out.append(("PER", start, end))
    return out


def _surnames(text: str, spans: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Lone surnames the model missed that the dictionary knows as surnames ("Лукашенко")."""
    out = []
    for m in re.finditer(r"\b[А-ЯЁ][а-яё]{3,}\b", text):
        covered = any(s <= m.start() < e for _, s, e in spans)
        if not covered and "Surn" in ru_parse(m.group().lower()).tag:
            out.append(("PER", m.start(), m.end()))
    return out


_CAPITALISED = re.compile(r"[А-ЯЁІЎ][а-яёіў’'-]+(?:\s+[А-ЯЁІЎ][а-яёіў’'-]+)?")


def known_spans(
    text: str, lang: str, known: frozenset[str], taken: list[tuple[str, int, int]]
) -> list[tuple[str, int, int]]:
    """Known persons (the gazetteer's Cyrillic names, which users extend from the registry
    with `--gazetteer`) named in any case where the model found no one: "Лукашэнкам",
    "Аляксандра Лукашэнкі". A surname alone counts when it is a known person's."""
    surnames = {k.split()[-1] for k in known}
    out: list[tuple[str, int, int]] = []
    for m in _CAPITALISED.finditer(text):
        if any(s < m.end() and m.start() < e for _, s, e in taken):
            continue
        words = m.group().split()
        if nominative(m.group(), lang) in known:
            out.append(("PER", m.start(), m.end()))
        elif nominative(words[-1], lang) in surnames or words[-1] in surnames:
            last = m.start() + m.group().rindex(words[-1])
            out.append(("PER", last, m.end()))
    return out


_PATRONYMIC = re.compile(both("PATRONYMIC"))


def _split_known(
    text: str, spans: list[tuple[str, int, int]], lang: str, surnames: set[str]
) -> list[tuple[str, int, int]]:
    """A person span of three words that runs into a known person's surname ("з пасланцом
    Джонам Коўлам Лукашэнка вызваліў": the model's one span) as two people, unless the middle
    word is a patronymic ("Аляксандр Рыгоравіч Лукашэнка")."""
    out: list[tuple[str, int, int]] = []
    for kind, s, e in spans:
        words = list(_WORD.finditer(text, s, e))
        if (
            kind == "PER"
            and len(words) == 3
            and not _PATRONYMIC.search(words[1].group().lower())
            and nominative(words[2].group(), lang) in surnames
        ):
            out += [("PER", s, words[1].end()), ("PER", words[2].start(), e)]
        else:
            out.append((kind, s, e))
    return out


def _organization(surface: str, organizations: frozenset[str]) -> str | None:
    """A known organisation's name (the gazetteer's Cyrillic aliases) in another case form: the
    same words, each differing only in its ending ("Нашай Ніве" -> "Наша Ніва"), which the
    model may take for a person's name."""
    words = surface.split()
    for name in organizations:
        known = name.split()
        if len(known) == len(words) and all(
            abs(len(a) - len(b)) <= 2
            and len(a) >= 3
            and a[: max(3, min(len(a), len(b)) - 2)] == b[: max(3, min(len(a), len(b)) - 2)]
            for a, b in zip(words, known, strict=True)
        ):
            return name
    return None


def _merge_overlaps(spans: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Person spans that overlap once grown (`_fit_person`) as one."""
    out: list[tuple[str, int, int]] = []
    for kind, s, e in sorted(spans, key=lambda x: (x[1], -x[2])):
        last = out[-1] if out else None
        if last and kind == last[0] == "PER" and s < last[2]:
            out[-1] = ("PER", last[1], max(e, last[2]))
        elif not (last and s < last[2]):
            out.append((kind, s, e))
    return out


def mentions(
    text: str,
    lang: str,
    start: int,
    known: frozenset[str] = frozenset(),
    organizations: frozenset[str] = frozenset(),
) -> list[Mention]:
    """Named mentions after `start`, each with its canonical nominative name. `known` and
    `organizations`: the gazetteer's persons and organisations by their Cyrillic names.

    A person must be named by two words (first name and surname), or by one word that is the
    surname of someone the article names in full, or be a known person (`known_spans`)."""
    raw: list[Mention] = []
    spans: list[tuple[str, int, int]] = []
    for kind, s, e in ner_spans(text):
        if kind == "PER":
            parts = [_fit_person(text, ps, pe, lang) for ps, pe in _person_parts(text, s, e)]
            spans.extend(("PER", ps, pe) for ps, pe in dict.fromkeys(parts))
        else:
            spans.append((kind, s, e))
    spans = _merge_overlaps(spans)
    if known:
        spans = _split_known(text, spans, lang, {k.split()[-1] for k in known})
    spans += _given_pairs(text, lang, spans)
    if lang == "ru":
        spans += _surnames(text, spans)
    found_known = known_spans(text, lang, known, spans) if known else []
    spans += found_known
    full = {
        text[s:e].split()[-1].lower()[:4] for k, s, e in spans if k == "PER" and " " in text[s:e]
    }
    known_surnames = {k.split()[-1] for k in known}
    # a surname alone as the text wrote it in a full name ("Вера Ланская" ... "Ланская")
    by_surface = {
        text[s:e].split()[-1]: nominative(text[s:e], lang)
        for k, s, e in spans
        if k == "PER" and len(text[s:e].split()) == 2 and e > start
    }
    for kind, s, e in spans:
        if e <= start:
            continue
        surface = text[s:e]
        lone = kind == "PER" and " " not in surface and surface.lower()[:4] not in full
        likely = (
            (_ru_known_name(surface) if lang == "ru" else _repeated(text, surface))
            or surface in known_surnames
            or (lone and nominative(surface, lang) in known_surnames)
        )
        if lone and not likely and (kind, s, e) not in found_known:
            continue
        if kind == "PER" and surface.lower() in COUNTRIES:
            continue
        organization = _organization(surface, organizations) if kind == "PER" else None
        if organization is not None:
            raw.append(Mention("organization", s, e, surface, organization))
            continue
        if kind == "LOC" and surface.lower() in COUNTRIES:
            raw.append(Mention("country", s, e, surface, surface))
            continue
        if kind == "PER" and surface in by_surface:
            name = by_surface[surface]
        else:
            name = nominative(surface, lang) if kind == "PER" else surface.strip('«»"„“')
        raw.append(Mention(TYPES.get(kind, "organization"), s, e, surface, name))
    people = canonical([m.name for m in raw if m.type == "person"])
    return [
        Mention(m.type, m.start, m.end, m.text, people.get(m.name, m.name))
        if m.type == "person"
        else m
        for m in raw
    ]
