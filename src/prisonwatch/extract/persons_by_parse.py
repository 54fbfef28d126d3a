"""Named people an action verb acts on, read from the dependency parse: "Police detained the
lawyer A and the blogger B", "Also released were A, a former adviser to C; B and her husband D;
and E" (A, B, D and E, not C).

The people are the verb's objects (its direct object, its passive subject, the subject or
attribute of an inverted "were released"), and whatever hangs from them by apposition,
conjunction or name parts; a prepositional phrase or a relative clause under them describes
them and is not walked into. The words of actions are the language's (`counts_by_parse`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from prisonwatch.extract.counts_by_parse import (
    DEMAND,
    UNREAL,
    action_of,
    intransitive_action,
    mood_of,
    participle_action,
)
from prisonwatch.extract.lang.en import EN

VERSION = "persons-by-parse/1.3"

#: spaCy's English dependency labels.
_PATIENTS = ("dobj", "nsubjpass", "attr", "dep")
_INVERTED_SUBJECT = "nsubj"
_PASSIVE_AUXILIARY = "auxpass"
_MEMBERS = ("appos", "conj", "compound")
_VERB = "VERB"
_VERBS = ("VERB", "AUX")
_PROPER = "PROPN"
_PREPOSITION = "prep"
_PREP_OBJECT = "pobj"
_DESCRIBING = ("acl", "amod", "relcl")
_COPULA_PARTS = ("nsubj", "attr")
_AMONG = EN.words("member_prepositions")
_INCLUDE = EN.words("include_lemmas")
_OBJECT = "dobj"
#: What separates the members of a list whose members hold commas of their own.
_LIST_SEPARATOR = ";"
_SAY = EN.words("say_lemmas")


def _tellers(sent: Any) -> set[int]:
    """The tokens of the subjects of the sentence's say-verbs (", the rights group said")."""
    return {
        t.i
        for verb in sent
        if verb.lemma_.lower() in _SAY
        for c in verb.children
        if c.dep_ == _INVERTED_SUBJECT
        for t in c.subtree
    }


@dataclass(frozen=True, slots=True)
class NamedPatients:
    """People an action verb names as acted on, in order of mention."""

    action: str
    persons: tuple[str, ...]
    verb: tuple[int, int]
    #: members of a group told as such ("Among those freed were A and B"): of a count told
    #: before, when there is one
    among: bool = False
    #: how many people the phrase lists, named or not ("a minister; Dr. A; B; and a monk": 4)
    members: int = 0


def _patients(verb: Any) -> list[Any]:
    out = [c for c in verb.children if c.dep_ in _PATIENTS]
    for aux in verb.children:
        if aux.dep_ == _PASSIVE_AUXILIARY:  # "Also released were A ...": A is no actor
            out.extend(c for c in aux.children if c.dep_ in (_INVERTED_SUBJECT, *_PATIENTS))
            out.extend(c for c in verb.children if c.dep_ == _INVERTED_SUBJECT)
    return out


def _among(verb: Any) -> str | None:
    """ "Among those freed were A and B": the action the group named after "among" underwent,
    when the verb is the copula joining them to it."""
    for prep in verb.children:
        if prep.dep_ != _PREPOSITION or prep.lower_ not in _AMONG:
            continue
        for group in prep.children:
            if group.dep_ != _PREP_OBJECT:
                continue
            for tok in (group, *(c for c in group.children if c.dep_ in _DESCRIBING)):
                action = participle_action(tok)
                if action is not None:
                    return action
    return None


def _included(verb: Any) -> str | None:
    """ "Those freed included A and B": the action the group that includes them underwent."""
    if verb.lemma_.lower() not in _INCLUDE:
        return None
    for group in verb.children:
        if group.dep_ == _INVERTED_SUBJECT:
            for tok in (group, *(c for c in group.children if c.dep_ in _DESCRIBING)):
                action = participle_action(tok)
                if action is not None:
                    return action
    return None


def _unrecognised_name(tok: Any) -> str | None:
    """A name the entity model missed: a proper noun heading two or more name parts of its own
    ("filmmaker Toru Kubota"), not a part of another name."""
    if tok.pos_ != _PROPER or tok.dep_ == _MEMBERS[2]:
        return None
    parts = [c for c in tok.lefts if c.dep_ == _MEMBERS[2] and c.pos_ == _PROPER]
    if not parts:
        return None
    return str(tok.doc[parts[0].i : tok.i + 1].text)


def unrecognised_name(tok: Any) -> str | None:
    """A name the entity model missed (see `_unrecognised_name`), for other steps."""
    return _unrecognised_name(tok)


def _walk(tok: Any, seen: set[int], listed: set[int] | None = None) -> None:
    """Collect `tok` and what hangs from it by apposition, conjunction or name parts into
    `seen`; the heads of the listed people (the first, and each conjunct) into `listed`."""
    if tok.i in seen:
        return
    seen.add(tok.i)
    for c in tok.children:
        if c.dep_ in _MEMBERS:
            if listed is not None and c.dep_ == _MEMBERS[1]:
                listed.add(c.i)
            _walk(c, seen, listed)


def named_patients(
    doc: Any, persons: list[tuple[int, int, str]], others: Sequence[tuple[int, int]] = ()
) -> list[NamedPatients]:
    """For each action verb of the document, the named people it acts on (two or more; one
    where the verb tells of its subject alone, "X died in custody", or names a group, "Among
    those freed was X"); `persons` are the person mentions as (start, end, canonical name),
    `others` the spans of names that are not people's (organisations, places)."""
    if doc is None or not persons:
        return []
    out: list[NamedPatients] = []
    for verb in doc:
        if verb.pos_ not in _VERBS:
            continue
        least = 2
        among = False
        action = action_of(verb) if verb.pos_ == _VERB else None
        if action is not None:
            patients = _patients(verb)
        elif (action := intransitive_action(verb)) is not None:
            patients = [c for c in verb.children if c.dep_ == _INVERTED_SUBJECT]
            least = 1  # "Leila Karimova died in custody": one named person is a claim
        elif (action := _among(verb)) is not None:
            patients = [c for c in verb.children if c.dep_ in _COPULA_PARTS]
            least, among = 1, True
        elif (action := _included(verb)) is not None:
            patients = [c for c in verb.children if c.dep_ == _OBJECT]
            among = True
        else:
            continue
        mood = mood_of(verb)
        if mood == UNREAL:
            continue
        seen: set[int] = set()
        listed = {p.i for p in patients}
        for p in patients:
            _walk(p, seen, listed)
        whole_rest = among and verb.head.i > verb.i and verb.sent.end > verb.i + 1
        if whole_rest:
            # "Among those freed were a minister; Dr. A; B; and a monk", misparsed with the
            # sentence's root inside the list: the list is everything after the copula
            tellers = _tellers(verb.sent)  # ", the X group said": who tells, not who is freed
            seen |= {
                t.i
                for t in doc[verb.i + 1 : verb.sent.end]
                if t.pos_ == _PROPER and t.i not in tellers
            }
        names: list[str] = []
        for i in sorted(seen):
            tok = doc[i]
            known = [name for start, end, name in persons if start <= tok.idx < end]
            # a lone name must be a person's: not part of an organisation's or a place's name
            other = least == 1 and any(start <= tok.idx < end for start, end in others)
            found = known[0] if known else None if other else _unrecognised_name(tok)
            if found is not None and found not in names:
                names.append(found)
        members = max(len(listed), len(names))
        if among and patients:
            # "were a minister; Dr. A; B; and a monk": a list split by semicolons has one
            # member per part, however the parse joined them
            lo = min(p.left_edge.i for p in patients)
            hi = verb.sent.end - 1 if whole_rest else max(p.right_edge.i for p in patients)
            parts = 1 + sum(1 for t in doc[lo : hi + 1] if t.text == _LIST_SEPARATOR)
            if parts > 2:
                members = max(members, parts)
        if len(names) >= least:
            out.append(
                NamedPatients(
                    "demanded" if mood == DEMAND else action,
                    tuple(names),
                    (verb.idx, verb.idx + len(verb)),
                    among,
                    members,
                )
            )
    return out
