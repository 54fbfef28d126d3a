"""Which clause a count belongs to, read from the dependency parse.

A surface rule that picks the action word nearest a number can pick a word of another clause
("Around 5,000 people marched on the ministry, and police detained 120 of them": "detained" is
not what the 5,000 did) or a word inside the number's own noun phrase ("Two of the freed men
were re-arrested": "freed" describes the men, the clause says what happened to them). These
tests hold only dependency labels; the words are the language's.
"""

from __future__ import annotations

from typing import Any

from prisonwatch.extract.counts_by_parse import action_of, intransitive_action
from prisonwatch.extract.lang.en import EN
from prisonwatch.extract.parse import governs, token_at

#: spaCy's English labels: a verb joined to another as a clause of its own, and its subjects.
_CONJUNCT = "conj"
_SUBJECTS = ("nsubj", "nsubjpass")
_VERBS = ("VERB", "AUX")
_NUMERAL = "NUM"
_NUMBER = "nummod"
_OBJECT = "dobj"
_SUBJECT = "nsubj"
_DESCRIBING = ("relcl", "acl")
_VERB = "VERB"
_DEMAND = EN.words("demand_lemmas")
#: Verbs whose object shares what happened to their subject ("the freed group included two")
_SHARING = EN.words("include_lemmas") | EN.words("list_verbs")


def clause_verb(tok: Any) -> Any | None:
    """The verb whose clause a token stands in (the token itself when it is a verb)."""
    t = tok
    while True:
        if t.pos_ in _VERBS:
            return t
        if t.head.i == t.i:
            return None
        t = t.head


def _own_clause(verb: Any, other: Any) -> bool:
    """`verb` is joined to `other` as a coordinate clause with a subject of its own that is no
    count ("and police detained 120"; not "and seven were handed over", a parallel part whose
    verb may stand for the others')."""
    return (
        verb.dep_ == _CONJUNCT
        and verb.head.i == other.i
        and any(c.dep_ in _SUBJECTS and not _counted(c) for c in verb.children)
    )


def _counted(tok: Any) -> bool:
    """A number, or a noun with a number."""
    return bool(tok.pos_ == _NUMERAL or any(c.dep_ == _NUMBER for c in tok.children))


def in_other_clause(doc: Any, number: int, word: int) -> bool:
    """The action word at `word` is the verb of a coordinate clause other than the number's
    ("5,000 people marched, and police detained 120": "detained" is not the 5,000's)."""
    n, w = token_at(doc, number), token_at(doc, word)
    if n is None or w is None or w.pos_ not in _VERBS:
        return False
    verb = clause_verb(n)
    if verb is None or verb.i == w.i:
        return False
    return _own_clause(w, verb) or _own_clause(verb, w)


def describes_number(doc: Any, number: int, word: int) -> bool:
    """The word at `word` lies inside the noun phrase the number heads or counts ("Two of the
    freed men": "freed" only describes them)."""
    n, w = token_at(doc, number), token_at(doc, word)
    if n is None or w is None or n.i == w.i:
        return False
    return governs(n, w)


def _argument_of(n: Any) -> tuple[Any, str] | None:
    """The verb a number (or the noun it counts) is an argument of, and how: ("dobj", V)."""
    tok = n.head if n.dep_ == _NUMBER else n
    if tok.head.i != tok.i and tok.head.pos_ == _VERB:
        return tok.head, tok.dep_
    return None


def _names_no_act(verb: Any) -> bool:
    """A verb that tells no act on people by itself, nor passes one on to its object."""
    return (
        action_of(verb) is None
        and intransitive_action(verb) is None
        and verb.lemma_.lower() not in _SHARING
    )


def _apart_from(w: Any, verb: Any, n: Any) -> bool:
    """Whether the action word `w` stands outside the clause of `verb` (whose subject the
    number `n` is): `w` does not govern it, and is not inside it but in a clause with a subject
    of its own."""
    if governs(w, verb, 12):
        return False
    t = w
    for _ in range(12):
        if t.i == verb.i:
            return False
        if any(c.dep_ in _SUBJECTS and c.i not in (n.i, n.head.i) for c in t.children):
            return True  # on the way up: a clause with another subject
        if t.head.i == t.i:
            return True  # never reached the number's verb
        t = t.head
    return True


def belongs_elsewhere(doc: Any, number: int, word: int) -> bool:
    """The parse puts the number in a clause the action word at `word` is not about:
    the object of another verb that names no act ("He has spent four of them in solitary",
    "convicted 36 soldiers and acquitted 12 others"), a relative clause of its own ("The
    colony, which was built for 1,500 inmates, now holds ..."), or the subject of a demand
    ("200 prisoners have asked for a pardon": they ask, nobody frees them)."""
    n, w = token_at(doc, number), token_at(doc, word)
    if n is None or w is None:
        return False
    found = _argument_of(n)
    if found is not None:
        verb, how = found
        # the word is the verb's own, or hangs from it ("now counts", "has documented")
        own = w.i != n.i and (verb.i == w.i or (w.head.i == verb.i and w.dep_ != _CONJUNCT))
        if (
            not own
            and how == _OBJECT
            and _names_no_act(verb)
            and (
                w.i == n.i
                or any(c.dep_ == _SUBJECT for c in verb.children)
                or (verb.dep_ == _CONJUNCT and verb.head.i == w.i)
                or (w.dep_ == _CONJUNCT and w.head.i == verb.i)
            )
        ):
            return True
        if not own and how == _SUBJECT and verb.lemma_.lower() in _DEMAND:
            return True
        if (
            how in _SUBJECTS
            and verb.pos_ == _VERB
            and w.pos_ == _VERB
            and w.i < n.i  # told before: "12 were flown to Vienna, and 7 handed over" stands
            and _names_no_act(verb)
            and _apart_from(w, verb, n)
        ):
            return True  # "47 people arrested ...; two were acquitted": not arrested
    verb = clause_verb(n)
    return (
        verb is not None
        and verb.dep_ in _DESCRIBING
        and verb.pos_ == _VERB  # "of whom 40 were political prisoners" is about them
        and verb.i != w.i
        and not governs(verb, w)
        and _names_no_act(verb)
    )
