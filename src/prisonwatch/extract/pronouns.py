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
from prisonwatch.extract.persons_by_parse import unrecognised_name
from prisonwatch.extract.timing import when_of

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_SUBJECT = "nsubj"
#: What a verb acts on: its object, the subject of its passive.
_ACTED_ON = frozenset({"dobj", "nsubjpass"})
_VERBS = frozenset({"VERB", "AUX"})
_PRONOUN = "PRON"
_NUMBER = "NUM"
_DETERMINER = "det"
_PAIR = EN.words("pair_words")
#: The tags of plural nouns: a "they" after one in its own sentence stands for it.
_PLURAL_NOUNS = frozenset({"NNS", "NNPS"})
_SAY = EN.words("say_lemmas")
_NAME_PARTS = frozenset({"compound", "flat", "appos"})
#: The acts a group told of before may undergo again, told of "them" as a fact.
_GROUP_ACTIONS = frozenset({"detained", "sentenced", "released", "deported"})
#: How far back (in sentences) a claim's people may be what a pronoun stands for.
_REACH = 2


def _pronoun_subject(doc: Any, pos: int) -> tuple[Any, bool, int | None] | None:
    """The third-person pronoun that stands for those the verb at `pos` (or the verb its word
    hangs from) acts on: its object or passive subject ("freed them", "He was freed"), or the
    subject of a verb with no object ("They remain in jail"; not "They freed him": that
    subject acts); with whether it is plural and how many it must stand for, when the word
    says ("Both were sentenced": two). None when those acted on are anything else."""
    tok = token_at(doc, pos)
    if tok is None:
        return None
    verb = tok if tok.pos_ in _VERBS else tok.head
    acted_on = [c for c in verb.children if c.dep_ in _ACTED_ON]
    if not acted_on:
        acted_on = [c for c in verb.children if c.dep_ == _SUBJECT]
    if not acted_on:
        return None
    child = acted_on[0]
    if child.lemma_.lower() in _PAIR:
        return child, True, 2
    if child.pos_ != _PRONOUN:
        return None
    morph = child.morph
    if morph.get("Person") != ["3"] or morph.get("PronType") != ["Prs"]:
        return None
    if morph.get("Number") == ["Plur"]:
        # the actor of the same verb is never who it acts on ("Police released them")
        actor = {
            t.i for c in verb.children if c.dep_ == _SUBJECT and c is not child for t in c.subtree
        }
        before = [t for t in child.sent[: child.i - child.sent.start] if t.i not in actor]
        if any(t.tag_ in _PLURAL_NOUNS for t in before):
            return None  # "the students who ... when they were arrested": those
        return child, True, None
    if morph.get("Gender") and morph.get("Gender") != ["Neut"]:
        return child, False, 1
    return None


def _says(doc: Any, pos: int) -> bool:
    """Whether the name at `pos` is the subject of a say-verb: who tells, not who undergoes."""
    tok = token_at(doc, pos)
    while tok is not None and tok.dep_ in _NAME_PARTS and tok.head is not tok:
        tok = tok.head
    return tok is not None and tok.dep_ in _SUBJECTS and tok.head.lemma_ in _SAY


def _conjoined(a: Article, named: list[Mention]) -> list[str]:
    """Names joined by "and" to a person's that the entity model did not take for a person
    ("Tesfalidet Kidane and Bekalu Alamrew": the second missed, or taken for a body)."""
    out: list[str] = []
    for m in named:
        tok = token_at(a.doc, m.end - 1)
        for c in tok.conjuncts if tok is not None else ():
            if any(p.start <= c.idx < p.end for p in named):
                continue
            name = unrecognised_name(c)
            if name is not None:
                out.append(name)
    return out


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
    pron, _, exactly = found

    def fits(names: list[str]) -> bool:
        return len(names) == exactly if exactly else len(names) >= 2

    recent = [d for d in earlier if si - _REACH <= d.sentence < si and d.persons]
    names: list[str] = list(recent[-1].persons) if recent else []
    if not fits(names):
        s, e = a.sentences[si - 1]
        told = [
            m
            for m in a.mentions_in(s, e, ("person",))
            if m.name not in speakers and not _says(a.doc, m.start)
        ]
        names = list(dict.fromkeys([m.name for m in told] + _conjoined(a, told)))
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
        if found[2] is not None and found[2] != group.count:
            continue  # "Both were ..." after a count of three
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


def definite_groups(a: Article, drafts: list[Draft]) -> None:
    """ "Journalists A and B were detained in May. The two were released on Monday.": a count
    standing alone with a definite article, as the subject of its act, is the group of as
    many people named by a claim just before; it names them too."""
    if a.doc is None:
        return
    for i, d in enumerate(drafts):
        if d.persons or d.count < 2:
            continue
        tok = token_at(a.doc, d.start)
        if tok is None or tok.pos_ != _NUMBER or tok.dep_ not in _SUBJECTS:
            continue
        if not any(
            c.dep_ == _DETERMINER and c.morph.get("Definite") == ["Def"] for c in tok.children
        ):
            continue
        named = [
            x
            for x in drafts[:i]
            if d.sentence - _REACH <= x.sentence < d.sentence and len(x.persons) == d.count
        ]
        if named:
            d.persons = list(named[-1].persons)
