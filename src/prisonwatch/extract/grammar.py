"""Agents and sources read from the dependency parse, for phrasings the surface rules miss.

- the actor of a release, arrest or sentence is the verb's subject ("The government of
  Moldova freed 37 ..."), or the agent of a passive ("were freed by the authorities");
- the source of a figure is the subject of the say-verb that governs the clause holding it
  ("..., the Promo-LEX association said"; "Officials said that ...").

A subject counts when it names someone: an entity inside it (a person before a body before a
country), or a role noun ("authorities", "rights group"), named for the article's state when it
is one of the state's institutions. The words are the language's (`lang/en/words`).
"""

from __future__ import annotations

from typing import Any

from prisonwatch.extract.context import Article
from prisonwatch.extract.counting import Draft
from prisonwatch.extract.lang.en import EN
from prisonwatch.extract.parse import token_at

_SAY = EN.words("say_lemmas")
_ROLES = EN.words("role_words") | EN.words("actor_nouns")
_INSTITUTIONS = EN.words("institutions")
_SPEECHLESS = EN.words("speechless_nouns")
_ACTION_LEMMAS = {
    "released": EN.words("release_lemmas"),
    "detained": EN.words("arrest_lemmas"),
    "sentenced": EN.words("sentence_lemmas"),
}
#: Dependency labels (spaCy's English scheme: labels, not words).
_SUBJECT = "nsubj"
_PASSIVE_AGENT = "agent"
_OBJECT_OF_PREPOSITION = "pobj"
_MODIFIERS = ("compound", "amod", "poss")
_NUMBER_MODIFIER = "nummod"
_MEMBER_PARTS = ("prep", "appos")
_PROPER_NOUN = "PROPN"
_NOUN = "NOUN"
_RANK = {"person": 0, "organization": 1, "country": 2}
#: How far up from the action's verb the say-verb may govern it.
_SAY_HOPS = 4


def _edges(tok: Any) -> tuple[int, int]:
    right = tok.right_edge
    return tok.left_edge.idx, right.idx + len(right)


def name_of(a: Article, tok: Any, speaker: bool = False) -> str | None:
    """Who a noun phrase names: an entity inside it, else a role noun with its modifiers. A
    speaker (the subject of a say-verb) is anyone a common noun names ("the union says"),
    unless the noun is a thing that only carries words ("the report said")."""
    lo, hi = _edges(tok)
    found = a.mentions_in(lo, hi, tuple(_RANK))
    if found:
        return min(found, key=lambda m: (_RANK[m.type], m.start)).name
    if tok.pos_ == _PROPER_NOUN:  # a name the entity model missed: it and its name parts
        parts = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == _PROPER_NOUN]
        return a.text[(parts[0] if parts else tok).idx : tok.idx + len(tok)]
    role = tok.lemma_.lower() in _ROLES or tok.text.lower() in _ROLES
    if not role and not (speaker and tok.pos_ == _NOUN and tok.lemma_.lower() not in _SPEECHLESS):
        return None
    words = [c for c in tok.lefts if c.dep_ in _MODIFIERS] + [tok]
    phrase = a.text[words[0].idx : tok.idx + len(tok)]
    if phrase.lower() in _INSTITUTIONS:
        return a.institution(phrase)
    return phrase


def _child(tok: Any, dep: str) -> Any | None:
    return next((c for c in tok.children if c.dep_ == dep), None)


def agent_by_parse(a: Article, d: Draft) -> str | None:
    """The actor of the claim's verb: the agent of a passive, else the active subject."""
    lemmas = _ACTION_LEMMAS.get(d.action)
    verb = token_at(a.doc, d.trigger[0])
    if lemmas is None or verb is None or verb.lemma_.lower() not in lemmas:
        return None
    by = _child(verb, _PASSIVE_AGENT)
    if by is not None:
        obj = _child(by, _OBJECT_OF_PREPOSITION)
        return name_of(a, obj) if obj is not None else None
    subject = _child(verb, _SUBJECT)
    if subject is None:
        return None
    lo, hi = _edges(subject)
    if lo <= d.start < hi:
        return None  # the counted people themselves, misread as the subject
    return name_of(a, subject)


def source_by_parse(a: Article, d: Draft) -> str | None:
    """The subject of the say-verb that governs the clause stating the claim."""
    tok = token_at(a.doc, d.trigger[0])
    for _ in range(_SAY_HOPS):
        if tok is None or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ == "VERB" and tok.lemma_.lower() in _SAY:
            subject = _child(tok, _SUBJECT)
            return name_of(a, subject, speaker=True) if subject is not None else None
    return None


def counted_group(a: Article, d: Draft) -> tuple[int, int] | None:
    """The character span of the noun phrase a claim's number counts ("14 people, including
    the lawyer X"), from the number's head noun; None when the number has no noun head."""
    number = token_at(a.doc, d.start)
    if number is None or number.dep_ != _NUMBER_MODIFIER:
        return None
    return _edges(number.head)


def members_named(a: Article, d: Draft) -> list[str]:
    """People named in a phrase hanging from the counted noun ("14 people, including the lawyer
    X", "three activists, among them Y"): its prepositional and appositive parts, not a relative
    clause ("1,400 people that Trump has called hostages")."""
    number = token_at(a.doc, d.start)
    if number is None or number.dep_ != _NUMBER_MODIFIER:
        return []
    named: list[str] = []
    for part in number.head.rights:
        if part.dep_ in _MEMBER_PARTS:
            lo, hi = _edges(part)
            named.extend(m.name for m in a.mentions_in(lo, hi, ("person",)))
    return list(dict.fromkeys(named))


def fill_from_parse(a: Article, drafts: list[Draft]) -> None:
    """Agents and sources the surface rules left empty, where the parse tells them; a source
    named inside the counted group is one of the counted, not who counts them."""
    if a.doc is None:
        return
    for d in drafts:
        if d.source is not None and d.source in d.persons:
            d.source = None  # "her lawyer said": the one freed is not who tells of it
        group = counted_group(a, d)
        if group is not None and d.source is not None:
            inside = a.mentions_in(group[0], group[1], ("person",))
            if any(m.name == d.source for m in inside):
                d.source = None
        if group is not None and not d.persons:
            d.persons = members_named(a, d)
        if d.agent is None:
            d.agent = agent_by_parse(a, d)
        if d.source is None and d.action != "demanded":
            found = source_by_parse(a, d)
            d.source = found if found not in d.persons else None
