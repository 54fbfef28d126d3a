"""Entities of one article with canonical names: gazetteer ids first, then, for people the
gazetteer does not know, the fullest form of the name the article uses ("Coale" → "John Coale")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from prisonwatch.extract.gazetteer import Gazetteer
from prisonwatch.extract.lang.en import EN
from prisonwatch.extract.lang.en import lexicon as lx
from prisonwatch.extract.lang.en.lexicon import DEMONYMS
from prisonwatch.extract.results import ExtractedEntity
from prisonwatch.names.keys import given_group

VERSION = "entities/1.7"
_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "NORP": None}
_TITLE = re.compile(
    r"^(?:(?:U\.S\.|US|Russian|Belarusian|Lithuanian|Lithuania's|Polish|former|opposition|"
    r"President|Prime Minister|Minister|Foreign Minister|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|leader|envoy|"
    r"special envoy|Nobel Peace laureate|Nobel laureate|activist|journalist|the)\s+)+",
)


#: Occupations and kin that stand before a name and are not part of it ("Nurse Olga Example").
_ROLE = re.compile(
    r"^(?:(?:nurse|teacher|doctor|lawyer|blogger|activist|journalist|reporter|student|pastor|"
    r"priest|artist|writer|poet|musician|worker|engineer|professor|economist|analyst|captain|"
    r"colonel|general|deputy|senator|ambassador|envoy|dissident|sister|brother|mother|father|"
    r"wife|husband|son|daughter|former|opposition)\s+)+",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    type: str  # person, organization, place, country
    name: str  # canonical

    @property
    def surname(self) -> str:
        return self.name.split()[-1] if self.name else ""


#: Titles before a name that are never part of it (lang/en honorifics).
_HONORIFICS = EN.words("honorifics")


def _place_adjective(text: str, end: int) -> bool:
    """Whether the name ending at `end` makes an adjective with a hyphen ("Oslo-based")."""
    m = re.match(r"-(\w+)", text[end : end + 20])
    return m is not None and m.group(1).casefold() in EN.words("place_adjective_suffixes")


def _clean_person(text: str) -> str:
    text = re.sub(r"^[^\w]+", "", text.strip())
    words = text.split()
    while len(words) > 2 and not words[0][:1].isupper():
        words = words[1:]
    lowered = [i for i, w in enumerate(words) if not w[:1].isupper()]
    if lowered and lowered[-1] < len(words) - 1:
        words = words[lowered[-1] + 1 :]  # "presidential representative Natallia Eismant"
    text = " ".join(words)
    text = _TITLE.sub("", text)
    words = text.split()
    while len(words) > 2 and words[0].casefold().rstrip(".") in _HONORIFICS:
        words = words[1:]  # "Ayatollah Ali Khamenei", "Grand Ayatollah ..."
    text = " ".join(words)
    if len(text.split()) > 2:
        text = _ROLE.sub("", text)
    text = re.sub(r"['’]s$", "", text)
    return " ".join(text.split())


#: The adjectives of the peoples of states (lang/en demonyms), lower case.
_ADJECTIVES = frozenset(DEMONYMS.values())


def mentions(
    doc: Any, gazetteer: Gazetteer, sentences: list[tuple[int, int]] | None = None
) -> list[Mention]:
    """Every entity mention in the spaCy doc, with its canonical name and type. A name never
    runs across the end of a sentence or a title line (`sentences`, when given)."""
    ends = [e for _, e in sentences or []]
    whole = doc.text  # built anew by spaCy on each access: read once
    raw: list[Mention] = []
    for ent in doc.ents:
        typ = _TYPES.get(ent.label_)
        if typ is None:
            continue
        if any(ent.start_char < x < ent.end_char - 1 for x in ends):
            continue
        text = ent.text
        if _place_adjective(whole, ent.end_char):
            raw.append(Mention(ent.start_char, ent.end_char, text, "place", text))
            continue  # "the Oslo-based group": a place, whatever the model took it for
        canonical = ent.ent_id_ or ""
        entry = gazetteer.lookup(canonical or text)
        if entry is not None:
            raw.append(Mention(ent.start_char, ent.end_char, text, entry.type, entry.name))
            continue
        if typ == "person":
            name = _clean_person(text)
            if not name or not re.search(r"[A-Z]", name) or name.lower() in _ADJECTIVES:
                continue  # "Tajik lawyer X": the adjective of a people is nobody's name
            raw.append(Mention(ent.start_char, ent.end_char, text, "person", name))
        elif typ == "organization" and re.search(r"\b[a-z]{4,}\s+[A-Z]\w+\s+[A-Z]\w+$", text):
            # "presidential representative Natallia Eismant": a titled person, not a body
            raw.append(Mention(ent.start_char, ent.end_char, text, "person", _clean_person(text)))
        else:
            name = _LEADING_ARTICLE.sub("", text)
            if typ == "organization":
                name = _national(whole, ent.start_char, name)
            if name:
                raw.append(Mention(ent.start_char, ent.end_char, text, typ, name))
    raw = _names_run_on(doc, raw)
    raw = _bodies_run_on(doc, raw)
    raw = _bodies_named_after_places(doc, raw)
    raw = sorted(raw + _acronym_bodies(doc, raw, gazetteer), key=lambda m: m.start)
    raw = [m for m in raw if not _names_a_body(m, whole)]
    raw = [m for m in raw if not _counted_people(doc, m)]
    raw.extend(_known_given_names(whole, raw, gazetteer))
    raw = _people_taken_for_bodies(raw, gazetteer)
    raw = _people_after_roles(doc, raw, gazetteer)
    # a surname alone takes the fullest name with that surname in the article
    fullest: dict[str, str] = {}
    for m in raw:
        if m.type == "person":
            key = m.surname.casefold()
            if len(m.name.split()) > len(fullest.get(key, "").split()):
                fullest[key] = m.name
    out: list[Mention] = []
    covered = [(m.start, m.end) for m in raw]
    text = whole
    for full in fullest.values():
        if len(full.split()) < 2:
            continue
        surname = full.split()[-1]
        for hit in re.finditer(rf"\b{re.escape(surname)}\b", text):
            if not any(a <= hit.start() < b for a, b in covered):
                raw.append(Mention(hit.start(), hit.end(), surname, "person", surname))
                covered.append((hit.start(), hit.end()))
    raw.sort(key=lambda m: m.start)
    raw = _join_dangling(raw, text)
    raw = _fullest_bodies(raw)
    raw = _acronyms(_quoted_bodies(raw, text), text)
    raw = _aliases(raw, text)
    full_mentions = [m for m in raw if m.type == "person" and len(m.name.split()) >= 2]
    for m in raw:
        key = m.name.split()[-1].casefold() if m.name else ""
        if m.type == "person":
            out.append(Mention(m.start, m.end, m.text, m.type, _full_name(m, full_mentions)))
        elif key in fullest and len(m.name.split()) == 1 and gazetteer.lookup(m.text) is None:
            out.append(Mention(m.start, m.end, m.text, "person", fullest[key]))  # "Coale" as ORG
        else:
            out.append(m)
    return _datelines(whole, _body_tails(whole, out))


def _people_taken_for_bodies(raw: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A full name the model took for a body ("Gholamhossein Mohseni Ejehi" as an
    organisation) whose last word the article also uses alone as a person ("Ejehi said"): a
    person, when every word of it is a capitalised name word (no body word, no article) and it
    is no known body."""
    alone = {m.text.casefold() for m in raw if m.type == "person" and len(m.text.split()) == 1}
    if not alone:
        return raw
    out = []
    for m in raw:
        words = m.text.split()
        if (
            m.type == "organization"
            and 2 <= len(words) <= 4
            and words[-1].casefold() in alone
            and all(w[:1].isupper() and w.isalpha() for w in words)
            and not any(w.casefold() in _BODY_WORDS for w in words)
            and gazetteer.lookup(m.text) is None
        ):
            m = Mention(m.start, m.end, m.text, "person", _clean_person(m.text))
        out.append(m)
    return out


#: Words that make a capitalised run the name of a body, not of a person.
_BODY_WORDS = EN.words("body_name_words")
#: Nouns of a person's role or trade written right before a name ("blogger Pham Doan Trang").
_PERSON_ROLES = frozenset(k for k in EN.pairs("role_populations") if " " not in k)
_COMMON_NOUN = "NOUN"


def _people_after_roles(doc: Any, raw: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A name the model took for a body or a place right after a noun of a person's role
    ("blogger Pham Doan Trang", "lawyer Nguyen Van Dai", read as organisations): a person,
    when the role noun stands in the name's own phrase, every word of the name is a
    capitalised name word (no body word) and it is no known body or state."""
    out = []
    for m in raw:
        words = m.text.split()
        first = _token_at(doc, m.start)
        if (
            m.type in ("organization", "place")
            and 2 <= len(words) <= 4
            and first is not None
            and first.i > 0
            and all(w[:1].isupper() and w.isalpha() for w in words)
            and not any(w.casefold() in _BODY_WORDS for w in words)
            and gazetteer.lookup(m.text) is None
        ):
            role = doc[first.i - 1]
            head = doc[first.i + len(words) - 1] if first.i + len(words) <= len(doc) else first
            if (
                role.pos_ == _COMMON_NOUN
                and role.lower_ in _PERSON_ROLES
                and (role.head.i == head.i or head.head.i == role.i)
            ):
                m = Mention(m.start, m.end, m.text, "person", _clean_person(m.text))
        out.append(m)
    return out


def _token_at(doc: Any, pos: int) -> Any | None:
    """The token that starts at a character offset, or None."""
    if doc is None:
        return None
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) and span[0].idx == pos else None


def _body_tails(text: str, found: list[Mention]) -> list[Mention]:
    """A body's name that the model cut before its "for"/"of" phrase ("the Mechanism" of
    "the Mechanism for the Recognition of Political Prisoners") runs on through it, taking in
    the names inside; never onto a person."""
    out: list[Mention] = []
    absorbed_to = -1
    for i, m in enumerate(found):
        if m.start < absorbed_to:
            continue
        tail = lx.BODY_NAME_TAIL.match(text, m.end) if m.type == "organization" else None
        inside = [x for x in found[i + 1 :] if tail and x.start < tail.end()]
        if tail is None or any(x.type == "person" or x.end > tail.end() for x in inside):
            out.append(m)
            continue
        whole = text[m.start : tail.end()]
        name = _LEADING_ARTICLE.sub("", whole)
        out.append(Mention(m.start, tail.end(), whole, m.type, name))
        absorbed_to = tail.end()
    return out


def _datelines(text: str, raw: list[Mention]) -> list[Mention]:
    """A wire report's dateline names where it was filed and the agency that filed it
    ("CARACAS (Reuters) - "): the place is a place whatever the model took it for, and the
    agency is no one in the story (neither an actor nor the source of a figure)."""
    places: list[tuple[int, int]] = []
    agencies: list[tuple[int, int]] = []
    for hit in lx.DATELINE.finditer(text):
        places.append(hit.span(lx.DATELINE_PLACE))
        if hit.group(lx.DATELINE_AGENCY):
            agencies.append(hit.span(lx.DATELINE_AGENCY))
    if not places:
        return raw
    out = []
    for m in raw:
        if any(a <= m.start and m.end <= b for a, b in agencies):
            continue
        if any(a <= m.start and m.end <= b for a, b in places):
            m = Mention(m.start, m.end, m.text, "place", m.text)
        out.append(m)
    return out


_NAME_PART = "compound"
#: The parse's label of a number counting a noun.
_COUNTED = "nummod"
_PROPER = "PROPN"
#: Words that stand before a name without being part of it: titles and role nouns.
_NOT_NAME_PARTS = (
    EN.words("honorifics")
    | EN.words("role_words")
    | EN.words("actor_nouns")
    | EN.words("people_nouns")
    | frozenset(EN.pairs("role_populations"))
)


def _names_run_on(doc: Any, raw: list[Mention]) -> list[Mention]:
    """ "Maria Corina Machado" where the model marked only "Maria Corina": a person's name runs
    on while its last word is a name part of the proper noun right after it (the parse's
    `compound`), and back while the proper noun before it is a name part of it ("Ana" of "Ana
    Maria Duarte"), unless that noun belongs to another entity or is a title or role word."""
    taken = {t.i for ent in doc.ents for t in ent}
    out: list[Mention] = []
    for m in raw:
        own = m.type == "person" and m.name == _clean_person(m.text)  # not a gazetteer name
        span = doc.char_span(m.start, m.end, alignment_mode="expand") if own else None
        if not span:
            out.append(m)
            continue
        first, last = span[0], span[-1]
        grown = False
        while (
            first.i > 0
            and (left := first.doc[first.i - 1]).dep_ == _NAME_PART
            and left.pos_ == _PROPER
            and span[0].i <= left.head.i <= last.i
            and left.i not in taken
            and left.lower_ not in _NOT_NAME_PARTS
            and left.text[:1].isupper()
        ):
            first, grown = left, True  # "Ana Maria Duarte" where the model marked "Maria Duarte"
        while (
            last.dep_ == _NAME_PART
            and last.head.i == last.i + 1
            and last.head.pos_ == _PROPER
            and last.head.i not in taken
        ):
            last, grown = last.head, True
        if not grown:
            out.append(m)
            continue
        start, end = first.idx, last.idx + len(last)
        name = _clean_person(doc.text[start:end])
        out.append(Mention(start, end, doc.text[start:end], "person", name or m.name))
    return out


_OF_A_NAME = ("prep", "pobj", "compound", "cc", "conj")
_LEADING_ARTICLE = re.compile(r"^(?:[^\w]+|(?i:the)\s+)+")


def _bodies_run_on(doc: Any, raw: list[Mention]) -> list[Mention]:
    """ "the Egyptian Initiative for Personal Rights" where the model marked only "the
    Egyptian": an organisation's name runs on to the proper noun its last word is a name part
    of, and on through that noun's capitalised "for"/"of" phrase, unless another entity
    starts there."""
    taken = {t.i for ent in doc.ents for t in ent}
    out: list[Mention] = []
    for m in raw:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if m.type != "organization" or not span:
            out.append(m)
            continue
        last = span[-1]
        head = last.head
        if not (
            last.dep_ == _NAME_PART
            and head.i == last.i + 1
            and head.pos_ == _PROPER
            and head.i not in taken
        ):
            out.append(m)
            continue
        end_tok = head
        for part in head.rights:
            words = list(part.subtree)
            if part.dep_ != "prep" or any(
                t.i in taken or t.dep_ not in _OF_A_NAME or not (t.is_title or t.i == part.i)
                for t in words
            ):
                break
            end_tok = words[-1]
        end = end_tok.idx + len(end_tok)
        text = doc.text[m.start : end]
        out.append(Mention(m.start, end, text, "organization", _LEADING_ARTICLE.sub("", text)))
    return out


def _bodies_named_after_places(doc: Any, raw: list[Mention]) -> list[Mention]:
    """ "Iran Human Rights", "China Human Rights Lawyers Concern Group": the gazetteer's ruler
    marks the state, so the model never sees the body. A state or place that is a name part
    of two or more capitalised proper nouns right after it, which no other entity holds, opens
    an organisation's name. Not in a title-case line, where every word is capitalised."""
    taken = {t.i for ent in doc.ents for t in ent}
    whole = doc.text  # built anew by spaCy on each access: read once
    out: list[Mention] = []
    for m in raw:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if m.type not in ("country", "place") or not span or _title_case_line(whole, m.start):
            out.append(m)
            continue
        end_tok = span[-1]
        nxt = end_tok.i + 1
        while (
            nxt < len(doc)
            and doc[nxt].pos_ == _PROPER
            and doc[nxt].is_title
            and nxt not in taken
            and doc[nxt - 1].head.i >= nxt
        ):
            end_tok, nxt = doc[nxt], nxt + 1
        if end_tok.i - span[-1].i < 2:
            out.append(m)
            continue
        end = end_tok.idx + len(end_tok)
        text = whole[m.start : end]
        out.append(Mention(m.start, end, text, "organization", text))
    return out


def _acronym_bodies(doc: Any, raw: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """ "according to the rights group HRANA": a proper noun written in capitals (three letters
    or more) that the model left unmarked and the gazetteer does not know is a body's acronym.
    Not in a line written in capitals."""
    covered = [(m.start, m.end) for m in raw]
    out = []
    for t in doc:
        if not (
            t.pos_ == _PROPER
            and len(t.text) >= 3
            and t.text.isalpha()
            and t.text.isupper()
            and not t.ent_type_
            and not any(a <= t.idx < b for a, b in covered)
            and gazetteer.lookup(t.text) is None
            and not _title_case_line(doc.text, t.idx, capitals=True)
        ):
            continue
        out.append(Mention(t.idx, t.idx + len(t), t.text, "organization", t.text))
    return out


def _counted_people(doc: Any, m: Mention) -> bool:
    """ "one million Uyghurs", "six Thais": a one-word name the model took for a body or a
    group but that a number counts is a people, never a body that can act or speak."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return (
        m.type == "organization"
        and span is not None
        and len(span) == 1
        and any(c.dep_ == _COUNTED for c in span[0].children)
    )


def _title_case_line(text: str, at: int, capitals: bool = False) -> bool:
    """Whether the line holding offset `at` is written in title case (a headline), or with
    `capitals` in capital letters."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    words = [w for w in text[start : end if end >= 0 else len(text)].split() if w[:1].isalpha()]
    if capitals:
        return len(words) >= 2 and sum(w.isupper() for w in words) >= 0.5 * len(words)
    return len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words)


def _full_name(m: Mention, full: list[Mention]) -> str:
    """The name a person mention stands for. "Coale" alone is the John Coale named nearest
    before it (else the first after it); a full name stays itself unless a fuller form with
    the same given name exists ("Ivan Example" and "Olga Example" are two people, brothers
    "Alyaksandr" and "Alyaksei Rusetski" too)."""
    words = m.name.split()
    surname = words[-1].casefold() if words else ""
    same = [f for f in full if f.name.split()[-1].casefold() == surname]
    if not same and len(words) == 1:
        # a family name written first ("Wang" of "Wang Ming", "Aung" of "Aung San Suu Kyi"):
        # the one fuller name that opens with it
        first = {f.name for f in full if f.name.split()[0].casefold() == surname}
        return first.pop() if len(first) == 1 else m.name
    if not same:
        return m.name
    if len(words) == 1:
        before = [f for f in same if f.start < m.start]
        return (before[-1] if before else same[0]).name
    # a family name of several words ("San Miguel" of "Rocío San Miguel"): the fuller name
    # that ends with all of them, the nearest before it
    folded = [w.casefold() for w in words]
    tails = [
        f
        for f in same
        if len(f.name.split()) > len(words)
        and [w.casefold() for w in f.name.split()[-len(words) :]] == folded
    ]
    if tails:
        before = [f for f in tails if f.start < m.start]
        return (before[-1] if before else tails[0]).name
    fuller = [
        f.name
        for f in same
        if f.name.split()[0].casefold() == words[0].casefold() and len(f.name) > len(m.name)
    ]
    return max(fuller, key=len) if fuller else m.name


_GIVEN_AND_SURNAME = re.compile(
    r"\b([A-Z][a-zà-žа-я'’]+)\s+([A-Z][a-zà-žа-я'’]+(?:-[A-Z][a-zà-žа-я'’]+)?)\b"
)


_BODY_AFTER = re.compile(r"\s+" + EN.alternation("state_bodies", "role_words") + r"\b")


def _names_a_body(m: Mention, text: str) -> bool:
    """ "Azerbaijani authorities": a lone word the model took for a person is an adjective of
    the state body after it."""
    return m.type == "person" and " " not in m.text.strip() and bool(_BODY_AFTER.match(text, m.end))


def _known_given_names(text: str, found: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """ "Ihar Losik walked free": a known given name (the name groups of `names`) followed by
    a capitalised word is a person, where the statistical model saw nobody."""
    out: list[Mention] = []
    for m in _GIVEN_AND_SURNAME.finditer(text):
        if any(x.start < m.end() and m.start() < x.end for x in found):
            continue
        if given_group(m.group(1)) is None or gazetteer.lookup(m.group(2)) is not None:
            continue
        out.append(Mention(m.start(), m.end(), m.group(0), "person", m.group(0)))
    return out


def _national(text: str, start: int, name: str) -> str:
    """ "Turkey's National Intelligence Organization" is the Turkish one: a body named after its
    country's possessive takes the country's adjective."""
    m = re.search(r"([A-Z][a-z]+)['’]s\s+$", text[max(0, start - 25) : start])
    demonym = DEMONYMS.get(m.group(1).lower()) if m else None
    return f"{demonym.capitalize()} {name}" if demonym else name


def _spelling_key(name: str) -> str:
    """ "Organisation" and "Organization" are one name spelled two ways."""
    return re.sub(r"is(ation|e|ed|ing)\b", r"iz\1", name.casefold())


def _fullest_bodies(found: list[Mention]) -> list[Mention]:
    """ "the National Intelligence Organization" is the fuller body named elsewhere in the
    article ("Turkish National Intelligence Organization")."""
    bodies = {m.name for m in found if m.type == "organization"}
    spelled: dict[str, str] = {}
    for m in found:
        if m.type == "organization":
            spelled.setdefault(_spelling_key(m.name), m.name)
    out = []
    for m in found:
        if m.type == "organization":
            m = Mention(m.start, m.end, m.text, m.type, spelled[_spelling_key(m.name)])
            longer = [b for b in bodies if b != m.name and b.endswith(" " + m.name)]
            if longer:
                m = Mention(m.start, m.end, m.text, m.type, max(longer, key=len))
        out.append(m)
    return out


_ALIAS = re.compile(
    r"((?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*)\s*,?\s*\(?\s*(?:aka|a\.k\.a\.?|also known as)\s*\)?"
    r"\s*,?\s*((?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*)"
)


def _aliases(found: list[Mention], text: str) -> list[Mention]:
    """ "U Gambira (aka) Nyi Nyi Lwin": the second name is another name of the first person,
    who is named by the first (whether or not the model saw either as a person)."""
    out = list(found)
    for hit in _ALIAS.finditer(text):
        words = hit.group(1).split()
        main = " ".join(words if len(words) <= 3 else words[-2:])  # "... Revolution U Gambira"
        start, a0, a1 = hit.end(1) - len(main), hit.start(2), hit.end(2)
        if any(x.type != "person" and x.start < a1 and a0 < x.end for x in out):
            continue  # the second name is a body or a place: no alias of a person
        out = [
            x
            for x in out
            if not (x.start < a1 and a0 < x.end) and not (x.start < hit.end(1) and start < x.end)
        ]
        out.append(Mention(start, hit.end(1), main, "person", main))
        out.append(Mention(a0, a1, hit.group(2), "person", main))
    out.sort(key=lambda x: x.start)
    return out


_ACRONYM_AFTER = re.compile(r"\s*\(\s*([A-Z][A-Za-z&]{1,9})\s*\)")


def _quoted_bodies(found: list[Mention], text: str) -> list[Mention]:
    """ "the Union “For Freedom of Political Prisoners of Azerbaijan” (FFPPA)": a body's name
    with quotation marks inside, which the model misses, is one body when the acronym after
    it is the initials of its capitalised words (of the quoted part, or with the first word);
    what the model found inside it (a country, a fragment) goes."""
    bodies: list[Mention] = []
    for hit in lx.QUOTED_BODY.finditer(text):
        inner = hit.group(2).split()
        initials = "".join(w[0] for w in inner if w[:1].isupper())
        if hit.group(3) not in (initials, hit.group(1)[0] + initials):
            continue
        name = f"{hit.group(1)} {' '.join(inner)}"
        end = hit.start(3) - 1
        while text[end - 1] in " (":
            end -= 1
        bodies.append(Mention(hit.start(), end, text[hit.start() : end], "organization", name))
    if not bodies:
        return found
    kept = [m for m in found if not any(m.start < b.end and b.start < m.end for b in bodies)]
    return sorted(kept + bodies, key=lambda m: m.start)


def _acronyms(found: list[Mention], text: str) -> list[Mention]:
    """ "Turkey's National Intelligence Organisation (MIT)": every later "MIT" is that body."""
    short: dict[str, Mention] = {}
    for m in found:
        hit = _ACRONYM_AFTER.match(text, m.end)
        if m.type == "organization" and hit and hit.group(1) != m.name:
            short.setdefault(hit.group(1), m)
    if not short:
        return found
    out: list[Mention] = []
    covered: list[tuple[int, int]] = []
    for m in found:
        body = short.get(m.text)
        if body is not None and m is not body:  # a headline's acronym, defined in the body
            m = Mention(m.start, m.end, m.text, body.type, body.name)
        out.append(m)
        covered.append((m.start, m.end))
    for acronym, body in short.items():
        for hit in re.finditer(rf"\b{re.escape(acronym)}\b", text):
            if not (body.start <= hit.start() < body.end) and not any(
                a < hit.end() and hit.start() < b for a, b in covered
            ):
                out.append(Mention(hit.start(), hit.end(), acronym, body.type, body.name))
    out.sort(key=lambda m: m.start)
    return out


def _join_dangling(found: list[Mention], text: str) -> list[Mention]:
    """ "the Government of" + "Burma" (the ruler took the country) is one organisation."""
    out: list[Mention] = []
    for m in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.type == "organization"
            and re.search(r"\bof$", prev.text)
            and text[prev.end : m.start].strip() == ""
        ):
            whole = text[prev.start : m.end]
            out[-1] = Mention(
                prev.start, m.end, whole, "organization", re.sub(r"^(?i:the)\s+", "", whole)
            )
            continue
        out.append(m)
    return out


def entity_list(found: list[Mention]) -> tuple[ExtractedEntity, ...]:
    """The contract's `entities`: one per canonical name, with all its mentions."""
    grouped: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for m in found:
        grouped.setdefault((m.name, m.type), []).append((m.start, m.end))
    return tuple(ExtractedEntity(n, t, tuple(spans)) for (n, t), spans in grouped.items())
