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
from prisonwatch.extract.lang.en import lexicon as lx
from prisonwatch.extract.parse import token_at

_SAY = EN.words("say_lemmas")
_ROLES = EN.words("role_words") | EN.words("actor_nouns")
_INSTITUTIONS = EN.words("institutions")
_SPEECHLESS = EN.words("speechless_nouns")
_MEMBERSHIP = EN.words("membership_prepositions")
_GROUP_WORDS = EN.words("role_words") | EN.words("actor_nouns")
_PERSON_NOUNS = (
    EN.words("people_nouns") | EN.words("counted_nouns") | frozenset(EN.pairs("role_populations"))
)
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
_PREPOSITION_OBJECT = "pobj"
_ENTITY_TYPES = ("person", "organization")
#: What a verb acts on (its object, the subject of its passive) and what names the same people.
_ACTED_ON = ("dobj", "nsubjpass")
_SAME_PEOPLE = ("appos", "conj")
_NAME_PART = "compound"
_SINGULAR_NOUN = "NN"
_HEARERS = ("dobj", "dative")
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
    owner = next((c for c in tok.children if c.dep_ == _MODIFIERS[2]), None)
    if not speaker and tok.lower_ in _STATE_BODIES and tok.lower_ not in _POLICE:
        # a state body that acts, as written: "Myanmar's Military Junta" → Myanmar military
        # junta, "the junta" → junta (the police alone take their state: every state has them)
        parts = [c for c in tok.lefts if c.dep_ in ("compound", "amod") and c.i == tok.i - 1]
        body = " ".join(  # only the body's own words lose capitals ("Azerbaijani" keeps)
            t.lower_ if t.lower_ in _BODY_WORDS and not t.is_upper else t.text
            for t in (*parts, tok)
        )
        states = a.mentions_in(owner.idx, owner.idx + len(owner), ("country",)) if owner else []
        return f"{states[0].name} {body}" if states else body
    police = None if speaker else _police(a, tok, owner)
    if police is not None:
        return police
    found = a.mentions_in(lo, hi, tuple(_RANK))
    if (
        owner is not None
        and tok.lemma_.lower() in _ROLES
        and found
        and all(m.type == "country" and owner.idx <= m.start < tok.idx for m in found)
    ):
        return a.text[owner.left_edge.idx : tok.idx + len(tok)]  # "Kenya's president"
    if found:
        return min(found, key=lambda m: (_RANK[m.type], m.start)).name
    if _in_dateline(a, tok.idx):
        return None  # "MANAGUA (EFE) - ...": where and by whom it was filed, no one in the story
    if tok.pos_ == _PROPER_NOUN and not any(
        m.type == "place" and m.text.isupper() and m.start <= tok.idx < m.end for m in a.mentions
    ):
        # a name the entity model missed: it and its name parts (a dateline's place is no one)
        parts = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == _PROPER_NOUN]
        tail = lx.BODY_NAME_TAIL.match(a.text, tok.idx + len(tok))
        end = tail.end() if tail else tok.idx + len(tok)  # "Mechanism for the Recognition ..."
        return a.text[(parts[0] if parts else tok).idx : end]
    if speaker and owner is not None and owner.pos_ == _PRONOUN:
        return None  # "his wife said", "her lawyer told": known only by whom they belong to
    role = tok.lemma_.lower() in _ROLES or tok.text.lower() in _ROLES
    if not role and not (speaker and tok.pos_ == _NOUN and tok.lemma_.lower() not in _SPEECHLESS):
        return None
    words = [c for c in tok.lefts if c.dep_ in _MODIFIERS] + [tok]
    first = words[0]
    while first.i < tok.i and (inner := [c for c in first.lefts if c.dep_ in _MODIFIERS]):
        first = inner[0]  # "the Cuban Prisoners Defenders group": modifiers of modifiers
    phrase = a.text[first.idx : tok.idx + len(tok)]
    if phrase.lower() in _INSTITUTIONS:
        return a.institution(phrase)
    return phrase


def _in_dateline(a: Article, pos: int) -> bool:
    """Whether a position lies in the dateline that opens its line ("CARACAS (Reuters) - ")."""
    line = a.text.rfind("\n", 0, pos) + 1
    hit = lx.DATELINE.match(a.text, line)
    return hit is not None and pos < hit.end()


def _police(a: Article, tok: Any, owner: Any | None) -> str | None:
    """The police named for the state they serve, as "Turkish police" is written: the state
    of their owner ("Vietnam's police") or of their "in" phrase ("Police in Vietnam"), else
    the article's; the body's own words in lower case, as "junta" is. None (the phrase as
    written) when the noun is no police body, when a modifier already names them ("Turkish
    police", "riot police"), when the state named has no adjective the language knows, or
    when no state is known at all."""
    parts = [c for c in tok.lefts if c.dep_ == _MODIFIERS[0] and c.i == tok.i - 1]
    words = [*parts, tok]
    body = " ".join(t.text if t.is_upper else t.lower_ for t in words)
    if body.lower() not in _POLICE or any(
        c.dep_ in _MODIFIERS[:2] and c not in parts for c in tok.lefts
    ):
        return None
    places = [owner] if owner is not None else []
    places += [
        o
        for p in tok.rights
        if p.dep_ == _PREPOSITION and p.lower_ in _SERVING_STATE
        for o in p.children
        if o.dep_ == _PREPOSITION_OBJECT
    ]
    for place in places:
        states = a.mentions_in(*_edges(place), ("country",))
        if states:
            adjective = lx.DEMONYMS.get(states[0].name.lower())
            return f"{adjective.capitalize()} {body}" if adjective else None
    if a.country_name is None or body.lower() not in _INSTITUTIONS:
        return None  # no state to name them for: as written ("Police")
    return a.institution(body)


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
    up = verb
    for _ in range(_SHARED_SUBJECT_HOPS):
        if subject is not None or up.dep_ not in _SHARES_SUBJECT or up.head.i == up.i:
            break
        # "Police opened fire, killing one and arresting 12": the clause's subject acts
        up = up.head
        subject = _child(up, _SUBJECT)
    if subject is None:
        return None
    lo, hi = _edges(subject)
    if lo <= d.start < hi:
        return None  # the counted people themselves, misread as the subject
    if subject.pos_ == _PRONOUN and _NEUTER in subject.morph.get(_GENDER):
        return _antecedent(a, subject.idx)  # "Myanmar pardons ..., and it released 1,619"
    return name_of(a, subject)


def told_actor(a: Article, d: Draft) -> str | None:
    """Who a pronoun subject of the claim's verb stands for when a say-verb governs the clause:
    the one who tells it ("The army said it had detained 60", "Viasna said it recognised 12
    more": the army, Viasna). None for any other subject, a passive, or a teller the
    article does not name."""
    lemmas = _ACTION_LEMMAS.get(d.action)
    verb = token_at(a.doc, d.trigger[0])
    if verb is None or verb.pos_ != _VERB:
        return None
    if d.action != _DESIGNATED and (lemmas is None or verb.lemma_.lower() not in lemmas):
        return None  # a designation's verb is the trigger itself ("recognised")
    subject = _child(verb, _SUBJECT)
    if subject is None or subject.pos_ != _PRONOUN or _THIRD not in subject.morph.get(_PERSON):
        return None
    teller = _say_subject(a, verb.idx)
    if teller is None or teller.pos_ == _PRONOUN:
        return None
    return name_of(a, teller, speaker=True)


def _antecedent(a: Article, pos: int) -> str | None:
    """The state or body a neuter pronoun at `pos` stands for: the nearest one named before
    it in its sentence or the one before."""
    si = a.sentence_of(pos)
    start = a.sentences[si - 1][0] if si > 0 else a.sentences[si][0]
    found = a.mentions_in(start, pos, ("country", "organization"))
    return found[-1].name if found else None


#: Participle and coordinated clauses that share the subject of the verb they hang from, and
#: how many such steps up a verb's actor may be looked for.
_SHARES_SUBJECT = ("advcl", "conj", "xcomp")
_SHARED_SUBJECT_HOPS = 2
#: A clause that completes an adjective or a verb whose subject tells it ("is pleased to
#: announce"): its words are told by that subject.
_COMPLETES = ("xcomp", "acomp")
_CLAUSE = "advcl"
_MARK = "mark"
_ATTRIBUTION_MARKS = EN.words("attribution_marks")
_STATE_BODIES = EN.words("state_bodies")
_POLICE = EN.words("police_bodies")
_SERVING_STATE = EN.words("serving_state_prepositions")
_PREPOSITION = "prep"
_BODY_WORDS = {w.lower() for body in _STATE_BODIES for w in body.split()}
_PRONOUN = "PRON"
_GENDER = "Gender"
_NEUTER = "Neut"
_PERSON = "Person"
_VERB = "VERB"
_DESIGNATED = "designated"
_THIRD = "3"


def _say_subject(a: Article, pos: int) -> Any | None:
    """The subject of the say-verb that governs the word at `pos` (None when no say-verb
    governs it within a few arcs, or it has no subject)."""
    tok = token_at(a.doc, pos)
    for _ in range(_SAY_HOPS):
        if tok is None:
            return None
        aside = next(  # "were released, as reported by X": the say-clause hangs from the act
            (
                c
                for c in tok.children
                if c.dep_ == _CLAUSE
                and c.lemma_.lower() in _SAY
                and any(m.dep_ == _MARK and m.lower_ in _ATTRIBUTION_MARKS for m in c.children)
            ),
            None,
        )
        if aside is not None:
            return _teller(aside)
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ == "VERB" and tok.lemma_.lower() in _SAY:
            return _teller(tok)
    return None


def _teller(say: Any) -> Any | None:
    """Who a say-verb's words are told by: its subject; the agent of a passive ("as
    reported by X"); the subject of the clause it completes ("X is pleased to announce")."""
    by = _child(say, _PASSIVE_AGENT)
    if by is not None and _child(say, _SUBJECT) is None:
        return _child(by, _OBJECT_OF_PREPOSITION)
    up = say
    for _ in range(_SHARED_SUBJECT_HOPS):
        subject = _child(up, _SUBJECT)
        if subject is not None or up.dep_ not in _COMPLETES or up.head.i == up.i:
            return subject
        up = up.head
    return _child(up, _SUBJECT)


def say_span(a: Article, d: Draft) -> tuple[int, int] | None:
    """The words naming who tells the claim's clause, as character offsets, or None."""
    teller = _say_subject(a, d.trigger[0])
    return _edges(teller) if teller is not None else None


def source_by_parse(a: Article, d: Draft) -> str | None:
    """The subject of the say-verb that governs the clause stating the claim."""
    subject = _say_subject(a, d.trigger[0])
    return name_of(a, subject, speaker=True) if subject is not None else None


def _told(a: Article, d: Draft) -> set[str]:
    """Who the say-verb governing the claim was said to ("told AFP", "told reporters")."""
    subject = _say_subject(a, d.trigger[0])
    if subject is None:
        return set()
    heard = [c for c in subject.head.children if c.dep_ in _HEARERS]
    return {m.name for h in heard for m in a.mentions_in(*_edges(h))}


def named_speaker(a: Article, d: Draft) -> str | None:
    """The person or body the parse names as saying the claim's clause ("..., said X",
    "X, a rights group, reported that ..."): only a named one, which outranks what the
    surface rules guessed from the words' order."""
    subject = _say_subject(a, d.trigger[0])
    if subject is None:
        return None
    lo, hi = subject.left_edge.idx, subject.idx + len(subject)  # "the X group told AFP"
    for named in (c for c in subject.rights if c.dep_ == _SAME_PEOPLE[0]):
        hi = max(hi, named.idx + len(named))  # "by the Belarusian group Viasna"
    found = [m for m in a.mentions if lo <= m.start and m.end <= hi and m.type in _ENTITY_TYPES]
    covering = [m for m in a.mentions if m.start <= subject.idx < m.end and m.type in _ENTITY_TYPES]
    found = covering or found
    return found[-1].name if found else None


def speakers_of(a: Article, pos: int) -> set[str]:
    """The people named as the subject of the say-verb governing the word at `pos`: who tells
    of an act, not who undergoes it ("Lawyer X said his client was freed")."""
    subject = _say_subject(a, pos)
    if subject is None or pos <= subject.idx < subject.head.idx:
        return set()  # between the act and "said": maybe the one acted on, misparsed
    lo, hi = _edges(subject)
    return {m.name for m in a.mentions_in(lo, hi, ("person",))}


def passive_agent(a: Article, d: Draft) -> str | None:
    """The "by" phrase of the claim's verb, when the parse hangs one from it ("123 prisoners
    freed by X", "were pardoned by President X"): who acted, whoever stands before."""
    lemmas = _ACTION_LEMMAS.get(d.action)
    verb = token_at(a.doc, d.trigger[0])
    if lemmas is None or verb is None or verb.lemma_.lower() not in lemmas:
        return None
    by = _child(verb, _PASSIVE_AGENT)
    obj = _child(by, _OBJECT_OF_PREPOSITION) if by is not None else None
    return name_of(a, obj) if obj is not None else None


def _name_after_role(tok: Any) -> tuple[int, int] | None:
    """ "the activist Pavel X": a proper noun with name parts in apposition to a noun for a
    person names a person, whatever type the entity model gave it."""
    if tok.pos_ != _PROPER_NOUN or tok.dep_ != _SAME_PEOPLE[0]:
        return None
    if tok.head.pos_ != _NOUN or tok.head.lemma_.lower() not in _PERSON_NOUNS:
        return None
    parts = [c for c in tok.lefts if c.dep_ == _NAME_PART and c.pos_ == _PROPER_NOUN]
    if not parts:
        return None
    return parts[0].idx, tok.idx + len(tok)


def patients_by_parse(a: Article, pos: int) -> list[tuple[int, int, str]]:
    """The people the verb at `pos` acts on, as (start, end, name): its object or passive
    subject and what stands in apposition or conjunction with them, one level deep; a person
    mention, or a name in apposition to a noun for a person."""
    verb = token_at(a.doc, pos)
    if verb is None:
        return []
    heads = [c for c in verb.children if c.dep_ in _ACTED_ON]
    toks = [*heads, *(c for h in heads for c in h.children if c.dep_ in _SAME_PEOPLE)]
    toks += [c for t in list(toks) for c in t.children if c.dep_ in _SAME_PEOPLE]
    found: list[tuple[int, int, str]] = []
    for tok in dict.fromkeys(toks):
        known = [m for m in a.mentions if m.type == "person" and m.start <= tok.idx < m.end]
        if known:
            found.append((known[0].start, known[0].end, known[0].name))
        elif (span := _name_after_role(tok) or _name_unknown_to_model(a, tok)) is not None:
            found.append((span[0], span[1], a.text[span[0] : span[1]]))
    return sorted(set(found))


_PEOPLE_ONLY = EN.words("people_only_lemmas")


def _name_unknown_to_model(a: Article, tok: Any) -> tuple[int, int] | None:
    """ "Police arrested Pham Doan Trang, a prominent journalist": a proper noun with name
    parts that a verb acting on people acts on, described as a person (an apposition or a
    noun before it for a person) or by a verb that acts only on people, names a person even
    when the entity model, trained on other names, saw none. Not a name the article knows as
    a body, a place or a state."""
    if tok.pos_ != _PROPER_NOUN or tok.dep_ not in _ACTED_ON:
        return None
    parts = [c for c in tok.lefts if c.dep_ == _NAME_PART and c.pos_ == _PROPER_NOUN]
    parts += [g for c in parts for g in c.subtree if g is not c and g.pos_ == _PROPER_NOUN]
    if not parts or not all(t.text[:1].isupper() for t in (*parts, tok)):
        return None
    start, end = min(t.idx for t in parts), tok.idx + len(tok)
    for m in a.mentions:
        if m.start < end and start < m.end and (m.type != _ENTITY_TYPES[1] or m.end <= end):
            return None  # a body, a place or a state the article knows (not a body the
            # model ran on past the name: "Pham Doan Trang on Tuesday")
    described = any(
        c.pos_ == _NOUN and c.lemma_.lower() in _PERSON_NOUNS
        for c in tok.children
        if c.dep_ in (_SAME_PEOPLE[0], _NAME_PART)
    )
    if not described and tok.head.lemma_.lower() not in _PEOPLE_ONLY:
        return None
    return start, end


_PATIENT_POSSESSORS = EN.words("patient_possessor_nouns")
_COMITATIVE = EN.words("comitative_prepositions")
_POSSESSOR = "poss"
_PREPOSITION = "prep"
_OF_OBJECT = EN.words("partitive_prepositions")


def _person_at(a: Article, tok: Any) -> tuple[int, int, str] | None:
    known = [m for m in a.mentions if m.type == "person" and m.start <= tok.idx < m.end]
    return (known[0].start, known[0].end, known[0].name) if known else None


def co_patients_by_parse(a: Article, pos: int) -> list[tuple[int, int, str]]:
    """People the act at `pos` is done to besides its object, as (start, end, name): the
    possessor of an act noun whose possessor undergoes it ("San Miguel's release"), unless the
    noun has an of-object of its own; and whom a comitative preposition sets beside them ("freed
    alongside B", "along with A, B and C"), with their conjuncts."""
    act = token_at(a.doc, pos)
    if act is None:
        return []
    found: list[tuple[int, int, str]] = []
    has_object = any(c.dep_ == _PREPOSITION and c.lower_ in _OF_OBJECT for c in act.children)
    if act.pos_ == _NOUN and act.lemma_.lower() in _PATIENT_POSSESSORS and not has_object:
        for c in act.children:
            if c.dep_ == _POSSESSOR and (person := _person_at(a, c)) is not None:
                found.append(person)
    for prep in act.children:
        if prep.dep_ != _PREPOSITION:
            continue
        heads = (
            [prep]
            if prep.lower_ in _COMITATIVE
            else [
                c
                for c in prep.children
                if c.dep_ == _PREPOSITION and f"{prep.lower_} {c.lower_}" in _COMITATIVE
            ]
        )
        for head in heads:
            for obj in (c for c in head.children if c.dep_ == _OBJECT_OF_PREPOSITION):
                for tok in (obj, *obj.conjuncts):
                    named = [c for c in tok.children if c.dep_ == _SAME_PEOPLE[0]]
                    for who in (tok, *named):  # "the lawyer X", "X, a lawyer"
                        if (person := _person_at(a, who)) is not None:
                            found.append(person)
                            break
    return list(dict.fromkeys(found))


def among_subjects(a: Article, d: Draft) -> list[str]:
    """ "A and B were among 123 prisoners freed": the people the clause puts inside the
    counted group are the subject of "among" and its conjuncts."""
    number = token_at(a.doc, d.start)
    if number is None or number.dep_ != _NUMBER_MODIFIER:
        return []
    noun = number.head
    prep = noun.head
    if noun.dep_ != _PREPOSITION_OBJECT or prep.lower_ not in _MEMBERSHIP:
        return []
    subject = _child(prep.head, _SUBJECT)
    if subject is None:
        return []
    names: list[str] = []
    for tok in (subject, *subject.conjuncts):
        names.extend(
            m.name for m in a.mentions if m.type == "person" and m.start <= tok.idx < m.end
        )
    return list(dict.fromkeys(names))


def _described(a: Article, d: Draft) -> bool:
    """A source given only by what it is, as one body told before ("the rights group said"):
    no name, a group word in the singular ("critics say" and "rights groups say" are groups
    of their own)."""
    source = d.source or ""
    if any(m.name == source for m in a.mentions) or not source[:1].islower():
        return False
    if source.lower() in _INSTITUTIONS or source.split()[-1].lower() not in _GROUP_WORDS:
        return False
    s, e = a.sentences[d.sentence]
    at = a.text[s:e].lower().find(source.lower())  # "The group said" opens its sentence
    head = token_at(a.doc, s + at + len(source) - 1) if at >= 0 else None
    return head is not None and head.tag_ == _SINGULAR_NOUN


def named_for_described(a: Article, drafts: list[Draft]) -> None:
    """A source told only by description ("..., the rights group said") is the body the
    article named as a source before it ("according to the Assistance Association ..."):
    the nearest earlier claim's named organisation."""
    orgs = {m.name for m in a.mentions if m.type == "organization"}
    others = {m.name for m in a.mentions if m.type != "organization"}

    def a_body(name: str | None) -> bool:
        # a named organisation, or a capitalised name the entity model did not mark
        # ("the rights group Prisoners Defenders said"), never a person or a state
        return name is not None and (name in orgs or (name[:1].isupper() and name not in others))

    for d in sorted(drafts, key=lambda x: x.start):
        if d.source is None or not _described(a, d):
            continue
        earlier = [x.source for x in drafts if x.start < d.start and a_body(x.source)]
        if earlier:
            d.source = earlier[-1]


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


def _owned_by(actor: str, owner: str) -> bool:
    """Whether an actor is an office of the owner named ("Kenya's president" of Kenya), also
    when named by the adjective of the owner's people ("Turkish police" of Turkey)."""
    adjective = lx.DEMONYMS.get(owner.lower())
    if adjective and actor.lower().startswith(adjective + " "):
        return True
    return actor.startswith(owner) and actor[len(owner) : len(owner) + 1] in ("'", "’")


_PASSIVE_SUBJECT = "nsubjpass"
_PASSIVE_AUX = "auxpass"
#: How a name inside a passive subject names the subject itself ("union leader X, 74"),
#: rather than describing it ("the lawyer of X").
_NAMING_LINKS = ("appos", "conj", "nsubjpass")


def passive_subject(a: Article, d: Draft) -> tuple[list[str], list[str]]:
    """The passive subject of the claim's verb, read from the parse: the names inside it
    (never who acted: "X, 74, was released" was not released by X), and of those, the
    people it names itself ("One of the oldest prisoners, union leader X, 74, was released":
    X), not those a preposition brings in to describe it ("the lawyer of X")."""
    verb = token_at(a.doc, d.trigger[0])
    subject = _child(verb, _PASSIVE_SUBJECT) if verb is not None else None
    if subject is None:
        return [], []
    lo, hi = _edges(subject)
    inside = a.mentions_in(lo, hi, ("person", "organization"))
    named: list[str] = []
    for m in inside:
        tok = token_at(a.doc, m.end - 1)
        if m.type == "person" and tok is not None and tok.dep_ in _NAMING_LINKS:
            named.append(m.name)
    return [m.name for m in inside], list(dict.fromkeys(named))


_MEDIATE = EN.words("mediation_lemmas")
_REACT = EN.words("reaction_lemmas")
_DIRECT_OBJECT = "dobj"


def go_between(a: Article, d: Draft) -> tuple[int, int] | None:
    """Where the text names a go-between for the claim's act told as a noun ("the US secured
    the release of 135", "Qatar helped negotiate the release"), or one who reacts to it ("Viasna
    welcomed the release of 12"): the subject of that verb, as character offsets; None when
    there is none."""
    act = token_at(a.doc, d.trigger[0])
    if act is None or act.pos_ != _NOUN or act.dep_ != _DIRECT_OBJECT:
        return None
    verb = act.head
    if verb.lemma_.lower() not in _MEDIATE | _REACT:
        return None
    teller = _teller(verb)
    return _edges(teller) if teller is not None else None


_COMMAND = EN.words("command_lemmas")


def commanded_by(a: Article, d: Draft) -> str | None:
    """Who ordered the claim's act told as a noun ("the junta ordered the release of 300"):
    the commanding verb's subject, when it names someone."""
    act = token_at(a.doc, d.trigger[0])
    if act is None or act.pos_ != _NOUN or act.dep_ != _DIRECT_OBJECT:
        return None
    if act.head.lemma_.lower() not in _COMMAND:
        return None
    subject = _child(act.head, _SUBJECT)
    return name_of(a, subject) if subject is not None else None


_BY = EN.words("agent_prepositions")


def noun_agent(a: Article, d: Draft) -> str | None:
    """Who did the claim's act told as a noun, by a by-phrase under the noun or under its
    of-object ("the arrest of 30 students by police", where the parse hangs "by" from
    "students")."""
    act = token_at(a.doc, d.trigger[0])
    if act is None or act.pos_ != _NOUN:
        return None
    holders = [act]
    for prep in act.children:
        if prep.dep_ == _PREPOSITION and prep.lower_ in _OF_OBJECT:
            holders.extend(c for c in prep.children if c.dep_ == _OBJECT_OF_PREPOSITION)
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == _PREPOSITION and prep.lower_ in _BY:
                obj = _child(prep, _OBJECT_OF_PREPOSITION)
                if obj is not None:
                    return name_of(a, obj)
    return None


def _passive_without_agent(a: Article, d: Draft) -> bool:
    verb = token_at(a.doc, d.trigger[0])
    if verb is None or _child(verb, _PASSIVE_AGENT) is not None:
        return False
    return any(c.dep_ in (_PASSIVE_SUBJECT, _PASSIVE_AUX) for c in verb.children)


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
        among = among_subjects(a, d)
        if among:
            d.persons = list(dict.fromkeys([*among, *d.persons]))
        subject_names, named = passive_subject(a, d)
        if d.agent in subject_names:
            d.agent = None  # who was acted on, or words describing them
        if not d.persons and d.count == 1 and len(named) == 1:
            d.persons = named
        by = passive_agent(a, d)
        if by is not None and by not in d.persons:
            d.agent = by
        actor = agent_by_parse(a, d)
        teller = told_actor(a, d)
        if teller is not None and teller not in d.persons:
            d.agent = actor = teller  # "X said it had released 40": X, whatever stood before
        if d.agent is None or (actor and (d.agent_weak or _owned_by(actor, d.agent))):
            # "Kenya's president pardoned": the office, not only its state; an agent the
            # article only lent the claim yields to the one its own verb has
            d.agent = actor
        if d.action == "demanded":
            continue
        speaker = named_speaker(a, d)
        if speaker is not None and speaker not in d.persons and speaker != d.agent:
            d.source = speaker
        elif d.source is not None and d.source in _told(a, d):
            d.source = source_by_parse(a, d)  # "the X group told AFP": AFP heard it
        if d.source is None:
            found = source_by_parse(a, d)
            d.source = found if found not in d.persons else None
        if d.agent is not None and _passive_without_agent(a, d):
            told = say_span(a, d)  # "X is pleased to announce that 80 were released"
            if told is not None and any(m.name == d.agent for m in a.mentions_in(told[0], told[1])):
                d.agent = None  # who tells of the act, not who did it
        between = go_between(a, d) if d.agent is not None else None
        if between is not None and any(
            m.name == d.agent for m in a.mentions_in(between[0], between[1])
        ):
            d.agent = None  # a go-between brought the release about; another freed them
        if d.agent is None and (doer := noun_agent(a, d)) is not None:
            d.agent = doer  # "the arrest of 30 students by police"
        if d.agent is None and (commander := commanded_by(a, d)) is not None:
            d.agent = commander  # "the junta ordered the release of 300"
    named_for_described(a, drafts)
