"""Named people an action verb acts on, read from the dependency parse: "Police detained the
lawyer A and the blogger B", "Also released were A, a former adviser to C; B and her husband D;
and E" (A, B, D and E, not C).

The people are the verb's objects (its direct object, its passive subject, the subject or
attribute of an inverted "were released"), and whatever hangs from them by apposition,
conjunction or name parts; a prepositional phrase or a relative clause under them describes
them and is not walked into. The words of actions are the language's (`counts_by_parse`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from prisonwatch.extract.counts_by_parse import DEMAND, UNREAL, action_of, mood_of

VERSION = "persons-by-parse/1.0"

#: spaCy's English dependency labels.
_PATIENTS = ("dobj", "nsubjpass", "attr", "dep")
_INVERTED_SUBJECT = "nsubj"
_PASSIVE_AUXILIARY = "auxpass"
_MEMBERS = ("appos", "conj", "compound")
_VERB = "VERB"
_PROPER = "PROPN"


@dataclass(frozen=True, slots=True)
class NamedPatients:
    """People an action verb names as acted on, in order of mention."""

    action: str
    persons: tuple[str, ...]
    verb: tuple[int, int]


def _patients(verb: Any) -> list[Any]:
    out = [c for c in verb.children if c.dep_ in _PATIENTS]
    for aux in verb.children:
        if aux.dep_ == _PASSIVE_AUXILIARY:  # "Also released were A ...": A is no actor
            out.extend(c for c in aux.children if c.dep_ in (_INVERTED_SUBJECT, *_PATIENTS))
            out.extend(c for c in verb.children if c.dep_ == _INVERTED_SUBJECT)
    return out


def _unrecognised_name(tok: Any) -> str | None:
    """A name the entity model missed: a proper noun heading two or more name parts of its own
    ("filmmaker Toru Kubota"), not a part of another name."""
    if tok.pos_ != _PROPER or tok.dep_ == _MEMBERS[2]:
        return None
    parts = [c for c in tok.lefts if c.dep_ == _MEMBERS[2] and c.pos_ == _PROPER]
    if not parts:
        return None
    return str(tok.doc[parts[0].i : tok.i + 1].text)


def _walk(tok: Any, seen: set[int]) -> None:
    if tok.i in seen:
        return
    seen.add(tok.i)
    for c in tok.children:
        if c.dep_ in _MEMBERS:
            _walk(c, seen)


def named_patients(doc: Any, persons: list[tuple[int, int, str]]) -> list[NamedPatients]:
    """For each action verb of the document, the named people it acts on (two or more);
    `persons` are the person mentions as (start, end, canonical name)."""
    if doc is None or not persons:
        return []
    out: list[NamedPatients] = []
    for verb in doc:
        if verb.pos_ != _VERB:
            continue
        action = action_of(verb)
        if action is None:
            continue
        mood = mood_of(verb)
        if mood == UNREAL:
            continue
        seen: set[int] = set()
        for p in _patients(verb):
            _walk(p, seen)
        names: list[str] = []
        for i in sorted(seen):
            tok = doc[i]
            known = [name for start, end, name in persons if start <= tok.idx < end]
            found = known[0] if known else _unrecognised_name(tok)
            if found is not None and found not in names:
                names.append(found)
        if len(names) >= 2:
            out.append(
                NamedPatients(
                    "demanded" if mood == DEMAND else action,
                    tuple(names),
                    (verb.idx, verb.idx + len(verb)),
                )
            )
    return out
