"""Reading the dependency parse: tokens at character offsets, and whether two words are
grammatically linked (one governs the other within a few arcs)."""

from __future__ import annotations

from typing import Any

#: How many arcs up from a word its governor may be ("52 prisoners were released":
#: 52 -> prisoners -> released is two).
MAX_HOPS = 4


def token_at(doc: Any, pos: int) -> Any | None:
    """The token covering character `pos`, or None (no parse, or between tokens)."""
    if doc is None:
        return None
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def governs(head: Any, word: Any, hops: int = MAX_HOPS) -> bool:
    """`head` is `word` or one of its first `hops` ancestors."""
    t = word
    for _ in range(hops + 1):
        if t.i == head.i:
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def linked(doc: Any, a: int, b: int) -> bool:
    """The words at character offsets `a` and `b` are linked by the parse: one governs the other,
    or both hang from one word ("freed 52 prisoners": 52 and freed)."""
    ta, tb = token_at(doc, a), token_at(doc, b)
    if ta is None or tb is None:
        return False
    return governs(ta, tb) or governs(tb, ta) or governs(ta.head, tb, 2) or governs(tb.head, ta, 2)


#: The tags of a past participle and of a past-tense verb (Penn Treebank, as spaCy's tagger).
_PARTICIPLE, _PAST = "VBN", "VBD"
_AUXILIARY = "aux"


def past_perfect(doc: Any, pos: int) -> bool:
    """Whether the act at `pos` is told in the past perfect ("had been arrested", "had
    detained"): a participle with a past-tense auxiliary of its own, read from the tags."""
    tok = token_at(doc, pos)
    if tok is None:
        return False
    verb = tok if tok.tag_ == _PARTICIPLE else tok.head
    return verb.tag_ == _PARTICIPLE and any(
        c.dep_ == _AUXILIARY and c.tag_ == _PAST for c in verb.children
    )


#: The labels of a clause that describes a noun ("X, who had been jailed since 2021, ...",
#: "X, jailed since 2021, ...") and the parts of speech of a verb.
_DESCRIBING = ("relcl", "acl")
_VERBS = ("VERB", "AUX")


def in_describing_clause(doc: Any, pos: int, verb_pos: int) -> bool:
    """Whether the word at `pos` belongs to a clause describing a noun (a relative clause, a
    participle) whose verb is not the one at `verb_pos`: "since 2021" in "X, who had been
    jailed since 2021, was freed" belongs to "jailed", not to "freed"."""
    tok, verb = token_at(doc, pos), token_at(doc, verb_pos)
    if tok is None or verb is None:
        return False
    t = tok
    for _ in range(MAX_HOPS + 1):
        if t.head.i == t.i:
            return False
        t = t.head
        if t.pos_ in _VERBS:
            return t.i != verb.i and t.dep_ in _DESCRIBING
    return False
