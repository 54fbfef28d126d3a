"""People a pronoun subject stands for: "They were released as part of an exchange" after a
sentence naming Ilya Yashin and Alsu Kurmasheva; "He was freed on Monday" after one naming
Alaa Abd el-Fattah alone. Read from the parse (the act's subject is a third-person pronoun,
its number from spaCy's morphology), never from words.

The antecedents: the people the latest claim of the sentences just before named, as many as
the pronoun's number allows (one for he or she, two or more for they); else the people the
sentence just before names, when they are as many. An ambiguous "he" after two names, or a
"they" after no names at all, stands for nobody.
"""

from __future__ import annotations

from typing import Any

from prisonwatch.extract.attribution import agent_of, source_of
from prisonwatch.extract.context import Article
from prisonwatch.extract.counting import Draft, mechanism_of
from prisonwatch.extract.entities import Mention
from prisonwatch.extract.lang.en import EN
from prisonwatch.extract.parse import past_perfect, token_at
from prisonwatch.extract.timing import when_of

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: The tags of plural nouns: a "they" after one in its own sentence stands for it.
_PLURAL_NOUNS = frozenset({"NNS", "NNPS"})
_SAY = EN.words("say_lemmas")
_NAME_PARTS = frozenset({"compound", "flat", "appos"})
#: The acts a group told of before may undergo again, told of "them" as a fact.
_GROUP_ACTIONS = frozenset({"detained", "sentenced", "released", "deported"})
#: How far back (in sentences) a claim's people may be what a pronoun stands for.
_REACH = 2


def _pronoun_subject(doc: Any, pos: int) -> tuple[Any, bool] | None:
    """The third-person pronoun subject of the verb at `pos` (or of the verb its word hangs
    from), and whether it is plural; None when the subject is anything else."""
    tok = token_at(doc, pos)
    if tok is None:
        return None
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    for child in verb.children:
        if child.dep_ not in _SUBJECTS or child.pos_ != "PRON":
            continue
        morph = child.morph
        if morph.get("Person") != ["3"] or morph.get("PronType") != ["Prs"]:
            return None
        if morph.get("Number") == ["Plur"]:
            before = child.sent[: child.i - child.sent.start]
            if any(t.tag_ in _PLURAL_NOUNS for t in before):
                return None  # "the students who ... when they were arrested": those
            return child, True
        if morph.get("Gender") and morph.get("Gender") != ["Neut"]:
            return child, False
        return None
    return None


def _says(doc: Any, pos: int) -> bool:
    """Whether the name at `pos` is the subject of a say-verb: who tells, not who undergoes."""
    tok = token_at(doc, pos)
    while tok is not None and tok.dep_ in _NAME_PARTS and tok.head is not tok:
        tok = tok.head
    return tok is not None and tok.dep_ in _SUBJECTS and tok.head.lemma_ in _SAY


def antecedents(
    a: Article, si: int, pos: int, earlier: list[Draft], speakers: set[str]
) -> list[Mention]:
    """The people the pronoun subject of the act at `pos` stands for, as mentions at the
    pronoun (so that evidence and order stay in its sentence); [] when it stands for nobody
    the text names."""
    if a.doc is None or si == 0:
        return []
    found = _pronoun_subject(a.doc, pos)
    if found is None:
        return []
    pron, plural = found

    def fits(names: list[str]) -> bool:
        return len(names) >= 2 if plural else len(names) == 1

    recent = [d for d in earlier if si - _REACH <= d.sentence < si and d.persons]
    names: list[str] = list(recent[-1].persons) if recent else []
    if not fits(names):
        s, e = a.sentences[si - 1]
        told = [
            m.name
            for m in a.mentions_in(s, e, ("person",))
            if m.name not in speakers and not _says(a.doc, m.start)
        ]
        names = list(dict.fromkeys(told))
    if not fits(names):
        return []
    start, end = pron.idx, pron.idx + len(pron.text)
    return [Mention(start, end, pron.text, "person", n) for n in names]


def group_claims(
    a: Article,
    si: int,
    triggers: list[Any],
    taken: list[Draft],
    earlier: list[Draft],
    doc_deal: bool,
) -> list[Draft]:
    """ "Four more ... were released on Friday. ... They were sentenced last November.": an
    act whose subject is "they", standing for the group the latest claim of the sentences just
    before counted, is a claim of that group's count (and its people); none when the act is
    told in the past perfect, which only tells again who the group were."""
    if a.doc is None or si == 0:
        return []
    s, e = a.sentences[si]
    used = {d.trigger for d in taken}
    recent = [d for d in earlier if si - _REACH <= d.sentence < si and d.count >= 2]
    if not recent:
        return []
    group = recent[-1]
    out: list[Draft] = []
    for t in triggers:
        if (t.start, t.end) in used or t.action not in _GROUP_ACTIONS:
            continue
        found = _pronoun_subject(a.doc, t.start)
        if found is None or not found[1] or past_perfect(a.doc, t.start):
            continue
        if t.action == group.action:
            continue  # the same act told again: the group's own claim
        pron = found[0]
        d = Draft(
            action=t.action,
            count=group.count,
            qualifier=group.qualifier,
            population=group.population,
            start=pron.idx,
            end=pron.idx + len(pron.text),
            sentence=si,
            trigger=(t.start, t.end),
            persons=list(group.persons),
            rule="named" if group.persons else "described",
            same_people=group,
        )
        d.source = source_of(a, s, e, d.start)
        d.agent = agent_of(a, d, s, e)
        if d.action == "released":
            d.mechanism = mechanism_of(a, s, e, doc_deal)
        d.when = when_of(a, d, s, e, earlier + out)
        out.append(d)
    return out


def restated(a: Article, drafts: list[Draft]) -> list[Draft]:
    """Drop what a past-perfect clause tells again of a group counted before ("Egypt released
    45 detainees. The 45 had been held ...", "Of those, some 2,300 had been arrested"): the
    same people, not a new fact. A person named in such a clause keeps their own background
    ("She had been arrested in October 2020")."""
    if a.doc is None:
        return drafts
    out: list[Draft] = []
    for d in drafts:
        again = (
            not d.persons
            and d.count >= 2
            and any(x.count == d.count and x.action != d.action for x in out)
            and past_perfect(a.doc, d.trigger[0])
        )
        if not again:
            out.append(d)
    return out


def share_people(drafts: list[Draft]) -> None:
    """A claim made of a "they" names the people its group names, also those the article
    names only after it ("... They were sentenced last November. Jimmy Sham and ... left
    prison")."""
    for d in drafts:
        if d.same_people is not None and not d.persons:
            d.persons = list(d.same_people.persons)
