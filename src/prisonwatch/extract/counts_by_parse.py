"""Counts of people found in the dependency parse: the number is the `nummod` of a noun that an
action verb acts on.

Phrasings this reads, whatever the words around them (the words are the language's, in
`lang/en/words`; the rules hold only dependency labels):
- an active object: "The regime pardoned 73 convicts", "police arrested 61 teachers and 9 nurses"
  (conjuncts share the verb);
- a passive subject: "Forty-two members were jailed", "300 demonstrators were rounded up";
- a verb and its particle: "set free nineteen bloggers", "rounded up";
- something given to people: "granted amnesty to 2,100 inmates" (a release), "handed prison
  terms to 25 farmers" (a sentence);
- a bare number as the object: "Cuba frees 553".

The act must be a fact: a modal or a governing verb of intention ("could free", "plans to
release") or a negation drops it; a governing demand ("urged the government to free 80")
makes it a demand. A noun counts when it names people (`counted_nouns`, `people_nouns`, a
nationality), or, for a verb that acts only on people ("pardoned", "arrested"), when it is not
a unit ("years", "products").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy

from prisonwatch.extract.lang.en import EN
from prisonwatch.extract.numbers import parse_number

VERSION = "counts-by-parse/1.5"
#: How an act is told: as a fact, as a demand, or as only possible, planned or denied.
FACT, DEMAND, UNREAL = "fact", "demand", "unreal"
#: The action of a count of members of a group told before ("Among the exiles were 13
#: students"): the group's, which only the claims before it tell.
OF_GROUP = ""

_ACTIONS: dict[str, frozenset[str]] = {
    "detained": EN.words("arrest_lemmas"),
    "sentenced": EN.words("sentence_lemmas"),
    "released": EN.words("release_lemmas") | EN.words("deport_lemmas"),
    "returned_to_custody": EN.words("rearrest_lemmas"),
}
_PHRASAL = {
    tuple(k.split()): v for k, v in EN.pairs("phrasal_actions").items() if len(k.split()) == 2
}
_GRANT = EN.words("grant_lemmas")
_TO = EN.words("recipient_prepositions")
_GIFTS = {"released": EN.words("mercy_nouns"), "sentenced": EN.words("penalty_nouns")}
_IRREALIS = EN.words("irrealis_lemmas")
_DEMAND = EN.words("demand_lemmas")
_OBLIGATION = EN.words("obligation_lemmas")
_PEOPLE = (
    EN.words("counted_nouns")
    | EN.words("people_nouns")
    | frozenset(v for _, v in EN.pairs("demonyms").items())
)
_PEOPLE_ONLY = EN.words("people_only_lemmas")
_UNITS = EN.words("unit_nouns")
_OF = EN.words("partitive_prepositions")
_SHARE_HEADS = EN.words("share_heads")
#: Quotation marks around a group's name ("the “47 democrats”"): a name, not a count.
_OPENING_QUOTES = EN.words("opening_quotes")
_CLOSING_QUOTES = EN.words("closing_quotes")
_TALLY = EN.words("tally_nouns")
_LEVEL = EN.words("level_prepositions")
_LISTS = EN.words("list_nouns")
_COURTS = EN.words("court_nouns")
_LISTING = EN.words("list_verbs")
_LISTED = EN.words("listed_nouns")
_STATUS = {tuple(k.split()): v for k, v in EN.pairs("status_populations").items()}
_NOMINALS = EN.pairs("action_nouns")
_INTRANSITIVE = EN.pairs("intransitive_actions")
_STATES = {k: v for k, v in _INTRANSITIVE.items() if len(k.split()) == 1}
_GOING = {tuple(k.split()): v for k, v in _INTRANSITIVE.items() if len(k.split()) == 2}
_CUSTODY = EN.words("custody_nouns")
_LEAVING = EN.pairs("leaving_custody")
_PARTICIPLES = EN.pairs("action_participles")
_AGAIN = EN.words("again_adverbs")
_AMONG = EN.words("member_prepositions")
_COPULAS = EN.words("copula_lemmas")
_POSSIBLE = EN.words("possibility_words")
_COMPLEMENTS = ("acomp", "attr", "oprd")

#: spaCy's English dependency labels and the entity labels of amounts that are never people.
_OBJECTS = ("dobj", "nsubjpass")
_NUMBER = "nummod"
_GIVEN_TO = ("dative", "prep")
_TO_OBJECT = "pobj"
_PARTICLES = ("prt", "advmod", "acomp", "oprd", "ccomp", "xcomp", "dobj")
_NEGATION = "neg"
_AUXILIARIES = ("aux", "auxpass")
_GOVERNING = ("xcomp", "ccomp", "advcl", "pcomp", "pobj", "prep", "conj", "relcl")
_NOT_PEOPLE_ENTITIES = ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL")
_NATIONALITY = "NORP"
_CONJUNCT = "conj"
_SUBJECT = "nsubj"
_LEVEL_OBJECTS = ("dobj", "attr")
_PRESENT = ("VBP", "VBZ")
_PARTICIPLE = "acl"
_VERBS = ("VERB", "AUX")
_PARTICIPLE_RULE = "participle"
#: "Four of the activists walked free" and the parse's label of a name in apposition
_GOING_SHARE = "share_going"
_NAMED_AS = "appos"
_NOUNS = ("NOUN", "PROPN")
_MODIFIERS = ("amod", "compound")
_NUMERAL = "NUM"
_NUMBER_PARTS = ("compound", "quantmod", "punct")
#: The prefix of the rule names this finder gives its counts (a confidence feature).
_RULE_PREFIX = "parse_"
#: How far up from the action's verb a modal, intention or demand may govern it.
_GOVERN_HOPS = 3


@dataclass(frozen=True, slots=True)
class ParsedCount:
    """A number of people an action verb acts on, as the parse links them."""

    action: str
    count: int
    start: int  # the number's first character
    number_end: int
    end: int  # the end of the counted noun (or of the number when it stands alone)
    verb: tuple[int, int]  # the action verb's characters
    noun: str | None  # the counted noun as written ("pastors"), None for a bare number
    rule: str  # parse_object, parse_passive, parse_given, parse_bare, parse_share
    #: `fact`, `demand` or `unreal` ("could free"): only facts and demands are claims, but an
    #: unreal act tells that a headline's "frees 553" was not yet done
    mood: str = FACT
    #: the start of the whole a share is counted from ("12 of the 40 students": 40's start)
    whole: int | None = None
    #: a status population the parse reads from the counted noun and its modifiers
    status: str | None = None


def _child(left: str, right: str, **attrs: Any) -> dict[str, Any]:
    """A DependencyMatcher node: `right`, a child of `left` with the given attributes."""
    return {"LEFT_ID": left, "REL_OP": ">", "RIGHT_ID": right, "RIGHT_ATTRS": attrs}


@lru_cache(maxsize=4)
def _matcher(vocab: Any) -> Any:
    """The patterns, one name per shape; a match gives its nodes in the order of `_roles`."""
    from spacy.matcher import DependencyMatcher

    verbs = sorted(set().union(*_ACTIONS.values()) | {v for v, _ in _PHRASAL})
    gifts = sorted(set().union(*_GIFTS.values()))
    verb = {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": verbs}}}
    granted = {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(_GRANT)}}}
    number = _child("noun", "number", DEP=_NUMBER)
    m = _Numbered(DependencyMatcher(vocab))
    # "pardoned 73 convicts"; "42 members were jailed"
    m.add("object", [[verb, _child("verb", "noun", DEP=_OBJECTS[0]), number]])
    m.add("passive", [[verb, _child("verb", "noun", DEP=_OBJECTS[1]), number]])
    # "Cuba frees 553"
    m.add("bare", [[verb, _child("verb", "noun", DEP=_OBJECTS[0], POS=_NUMERAL)]])
    # "released 12 of the 40 students"
    share = _child("verb", "number", DEP={"IN": list(_OBJECTS)}, POS=_NUMERAL)
    of = _child("number", "of", DEP=_GIVEN_TO[1], LOWER={"IN": sorted(_OF)})
    m.add("share", [[verb, share, of, _child("of", "noun", DEP=_TO_OBJECT)]])
    # "Two of the freed men were re-arrested" (read with an active subject)
    subject = _child("verb", "number", DEP=_SUBJECT, POS=_NUMERAL)
    passive = _child("verb", "aux", DEP=_AUXILIARIES[1])
    m.add("share_subject", [[verb, subject, passive, of, _child("of", "noun", DEP=_TO_OBJECT)]])
    under_aux = _child("aux", "number", DEP=_SUBJECT, POS=_NUMERAL)
    m.add(
        "share_auxsubject", [[verb, passive, under_aux, of, _child("of", "noun", DEP=_TO_OBJECT)]]
    )
    # headlines: "302 prisoners freed in amnesty", "Only 402 of 13,000 political prisoners freed"
    participle = _child("noun", "verb", DEP=_PARTICIPLE, LEMMA={"IN": verbs})
    counted = {"RIGHT_ID": "noun", "RIGHT_ATTRS": {"POS": {"IN": list(_NOUNS)}}}
    m.add("participle", [[counted, participle, number]])
    some = {"RIGHT_ID": "number", "RIGHT_ATTRS": {"POS": _NUMERAL}}
    of_all = _child("number", "of", DEP=_GIVEN_TO[1], LOWER={"IN": sorted(_OF)})
    m.add("share_participle", [[some, of_all, _child("of", "noun", DEP=_TO_OBJECT), participle]])
    # "the number of political prisoners has risen to 210 / stands at 87 / is 1,340"
    tally = {"RIGHT_ID": "tally", "RIGHT_ATTRS": {"DEP": _SUBJECT, "LEMMA": {"IN": sorted(_TALLY)}}}
    tallied: dict[str, Any] = {"LEFT_ID": "tally", "REL_OP": "<", "RIGHT_ID": "verb"}
    tallied["RIGHT_ATTRS"] = {"POS": {"IN": list(_VERBS)}}
    of_whom = _child("tally", "of", DEP=_GIVEN_TO[1], LOWER={"IN": sorted(_OF)})
    whom = _child("of", "noun", DEP=_TO_OBJECT)
    level = _child("verb", "level", DEP=_GIVEN_TO[1], LOWER={"IN": sorted(_LEVEL)})
    at = _child("level", "number", DEP=_TO_OBJECT, POS=_NUMERAL)
    m.add("tally", [[tally, tallied, of_whom, whom, level, at]])
    reached = _child("verb", "number", DEP={"IN": list(_LEVEL_OBJECTS)}, POS=_NUMERAL)
    m.add("tally_direct", [[tally, tallied, of_whom, whom, reached]])
    # "the list of political prisoners includes 254 people", "the list contains 97 names"
    kept = {"RIGHT_ID": "tally", "RIGHT_ATTRS": {"DEP": _SUBJECT, "LEMMA": {"IN": sorted(_LISTS)}}}
    holds: dict[str, Any] = {"LEFT_ID": "tally", "REL_OP": "<", "RIGHT_ID": "verb"}
    holds["RIGHT_ATTRS"] = {"LEMMA": {"IN": sorted(_LISTING)}}
    on_it = _child("verb", "noun", DEP=_OBJECTS[0])
    m.add("listing", [[kept, holds, on_it, number]])
    # "secured the release of 58 prisoners", "called for the release of all 1,200 ..."
    act = {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(_NOMINALS)}, "POS": "NOUN"}}
    of_act = _child("verb", "of", DEP=_GIVEN_TO[1], LOWER={"IN": sorted(_OF)})
    m.add("nominal", [[act, of_act, _child("of", "noun", DEP=_TO_OBJECT), number]])
    # "Nine opposition figures walked free", "Three political prisoners died in custody"
    lemmas = sorted(set(_STATES) | {v for v, _ in _GOING})
    going = {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": lemmas}}}
    m.add("subject", [[going, _child("verb", "noun", DEP=_SUBJECT), number]])
    # "Four of the activists walked free": a share of people as the subject
    going_share = _child("verb", "number", DEP=_SUBJECT, POS=_NUMERAL)
    m.add(_GOING_SHARE, [[going, going_share, of, _child("of", "noun", DEP=_TO_OBJECT)]])
    # "Among the exiles were 13 students": members of a group told before
    be = {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(_COPULAS)}}}
    among = _child("verb", "among", DEP=_GIVEN_TO[1], LOWER={"IN": sorted(_AMONG)})
    group = _child("among", "group", DEP=_TO_OBJECT)
    for dep in (_SUBJECT, _LEVEL_OBJECTS[1]):
        m.add("among", [[be, among, group, _child("verb", "noun", DEP=dep), number]])
    # "granted amnesty to 2,100 inmates" (the "to" under the verb or under the gift)
    gift = _child("verb", "gift", DEP=_OBJECTS[0], LEMMA={"IN": gifts})
    for head in ("verb", "gift"):
        to = _child(head, "to", DEP={"IN": list(_GIVEN_TO)}, LOWER={"IN": sorted(_TO)})
        m.add("given", [[granted, gift, to, _child("to", "noun", DEP=_TO_OBJECT), number]])
    # "37 inmates were granted clemency"
    passive_gift = _child("verb", "noun", DEP=_OBJECTS[1])
    m.add("given_passive", [[granted, gift, passive_gift, number]])
    # "granted 2,100 inmates amnesty"
    m.add("given_dative", [[granted, gift, _child("verb", "noun", DEP=_GIVEN_TO[0]), number]])
    return m.matcher


class NumberlessPatternError(ValueError):
    """A count pattern (named in the message) with no number node: `_matches` would never
    look for it in a sentence without a number."""


class _Numbered:
    """Adds patterns to a DependencyMatcher, refusing one without a number node (a token
    tagged as a numeral or attached as `nummod`): `_matches` looks only into sentences that
    hold such a token, which is right only while every pattern needs one."""

    def __init__(self, matcher: Any) -> None:
        self.matcher = matcher

    def add(self, name: str, patterns: list[list[dict[str, Any]]]) -> None:
        for pattern in patterns:
            if not any(_numbered(node["RIGHT_ATTRS"]) for node in pattern):
                raise NumberlessPatternError(name)
        self.matcher.add(name, patterns)


def _numbered(attrs: dict[str, Any]) -> bool:
    """Whether a node's attributes hold it to a numeral or a `nummod`."""
    return attrs.get("POS") == _NUMERAL or attrs.get("DEP") == _NUMBER


def _matches(doc: Any) -> list[tuple[int, list[int]]]:
    """The DependencyMatcher's matches (pattern id, token indices in the doc), sentence by
    sentence and only in sentences holding a numeral or a `nummod` (every pattern needs one,
    `_Numbered`): the matcher walks every token of what it is given, and most sentences of
    an article count nobody. Within a sentence the matches come in the matcher's own order;
    across sentences order does not matter (a number belongs to one sentence). Where a
    sentence's parse reaches outside it, the whole document is matched at once."""
    from spacy.attrs import DEP, HEAD, POS  # type: ignore[import-not-found]

    if not len(doc):
        return []
    matcher = _matcher(doc.vocab)
    strings = doc.vocab.strings
    cols = doc.to_array([POS, DEP, HEAD])  # uint64: ids, hashes, relative heads
    numbered = (cols[:, 0] == numpy.uint64(strings[_NUMERAL])) | (
        cols[:, 1] == numpy.uint64(strings[_NUMBER])
    )
    heads = cols[:, 2].astype(numpy.int64) + numpy.arange(len(doc), dtype=numpy.int64)
    out: list[tuple[int, list[int]]] = []
    for sent in doc.sents:
        lo, hi = sent.start, sent.end
        if not numbered[lo:hi].any():
            continue
        if heads[lo:hi].min() < lo or heads[lo:hi].max() >= hi:
            return [(match_id, list(ids)) for match_id, ids in matcher(doc)]
        out.extend((match_id, [i + lo for i in ids]) for match_id, ids in matcher(sent))
    return out


def _action(verb: Any, gift: Any | None) -> str | None:
    """The action a verb (with what it gives) names, or None."""
    lemma = verb.lemma_.lower()
    if gift is not None:
        return next((a for a, nouns in _GIFTS.items() if gift.lemma_.lower() in nouns), None)
    for (head, particle), action in _PHRASAL.items():
        if lemma == head and any(
            c.dep_ in _PARTICLES and c.lower_ == particle for c in verb.children
        ):
            return action
    return next((a for a, lemmas in _ACTIONS.items() if lemma in lemmas), None)


def action_of(verb: Any) -> str | None:
    """The action a verb names by itself (a stock for a present passive of arrest, a return to
    custody for an arrest "again"), or None."""
    action = _action(verb, None)
    if action == "detained" and _again(verb):
        return "returned_to_custody"
    return "held" if action == "detained" and _stative(verb) else action


def intransitive_action(verb: Any) -> str | None:
    """What a verb tells of its subject by itself: "walked free" or "left prison" (a
    release), "died in custody", "remain behind bars" (a stock), or None."""
    lemma = verb.lemma_.lower()
    for (head, particle), action in _GOING.items():
        if lemma == head and any(
            c.dep_ in _PARTICLES and c.lower_ == particle for c in verb.children
        ):
            return action
    if lemma in _STATES:
        for prep in verb.children:
            if prep.dep_ == _GIVEN_TO[1] and any(
                o.dep_ == _TO_OBJECT and o.lemma_.lower() in _CUSTODY for o in prep.children
            ):
                return _STATES[lemma]
    if lemma in _LEAVING and any(  # "left prison": the subject leaves custody
        o.dep_ == _OBJECTS[0] and o.lemma_.lower() in _CUSTODY for o in verb.children
    ):
        return _LEAVING[lemma]
    return None


def participle_action(tok: Any) -> str | None:
    """The action a participle names, also where the parser read it as a noun or adjective
    ("those freed"), or None."""
    return action_of(tok) or _PARTICIPLES.get(tok.lower_)


def _again(verb: Any) -> bool:
    """An arrest told as happening again ("was arrested again"): a return to custody."""
    near = [
        *verb.children,
        *(g for c in verb.children if c.dep_ in _AUXILIARIES for g in c.children),
    ]
    return any(c.lower_ in _AGAIN for c in near)


def _nominal_mood(act: Any) -> str:
    """How an act told as a noun is told: by the verb it hangs from ("secured the release of"
    is a fact, "called for the release of" a demand, "the release of 70 could follow" only
    possible); a noun hanging from no verb tells a fact."""
    tok = act
    for _ in range(_GOVERN_HOPS + 1):
        if tok.head.i == tok.i:
            return FACT
        tok = tok.head
        if tok.pos_ in _VERBS:
            lemma = tok.lemma_.lower()
            if lemma in _DEMAND:
                return DEMAND
            if lemma in _IRREALIS or any(
                c.dep_ in _COMPLEMENTS and c.lemma_.lower() in _POSSIBLE | _IRREALIS
                for c in tok.children
            ):
                return UNREAL  # "the release of 300 more was possible"
            return _mood(tok)
    return FACT


def mood_of(verb: Any) -> str:
    """How the verb's act is told: FACT, DEMAND or UNREAL."""
    return _mood(verb)


def _stative(verb: Any) -> bool:
    """A passive in the simple present ("are detained", "is jailed"): a state, not an act."""
    aux = [c for c in verb.children if c.dep_ in _AUXILIARIES]
    return any(c.tag_ in _PRESENT for c in aux) and all(c.dep_ == _AUXILIARIES[1] for c in aux)


def _tallied(noun: Any) -> str:
    """What a tally counts: released people when its noun says so ("the number of freed
    prisoners"), else the people held."""
    for c in noun.children:
        if c.lemma_.lower() in _ACTIONS["released"]:
            return "released"
    return "held"


def _mood(verb: Any) -> str:
    """`fact`, `demand` (a governing verb asks for the act) or `unreal` (only possible,
    intended, or denied)."""
    if any(c.dep_ == _NEGATION for c in verb.children):
        return UNREAL
    tok = verb
    for _ in range(_GOVERN_HOPS + 1):
        if _intended(tok):
            return UNREAL  # "the decision to grant freedom to 553 individuals"
        auxiliaries = [c.lemma_.lower() for c in tok.children if c.dep_ in _AUXILIARIES]
        if any(lemma in _OBLIGATION for lemma in auxiliaries):
            return DEMAND
        if any(lemma in _IRREALIS for lemma in auxiliaries):
            return UNREAL
        if tok is not verb:
            lemma = tok.lemma_.lower()
            if lemma in _DEMAND:
                return DEMAND
            if lemma in _IRREALIS:
                return UNREAL
        if tok.dep_ not in _GOVERNING or tok.head.i == tok.i:
            break
        tok = tok.head
    return FACT


def _intended(verb: Any) -> bool:
    """An infinitive hanging from a noun of decision or intention ("the decision to free",
    "a plan to release"): an act decided or meant, not yet done."""
    head = verb.head
    return (
        verb.dep_ == _NOUN_CLAUSE
        and head.i != verb.i
        and head.pos_ == _NOUNS[0]
        and head.lemma_.lower() in _INTENTION
        and any(c.tag_ == _INFINITIVE_MARK for c in verb.children)
    )


_NOUN_CLAUSE = "acl"
_INFINITIVE_MARK = "TO"
_INTENTION = EN.words("intention_nouns") | _IRREALIS


def _counts_people(noun: Any, verb: Any) -> bool:
    lemma, word = noun.lemma_.lower(), noun.lower_
    if noun.ent_type_ in _NOT_PEOPLE_ENTITIES or lemma in _UNITS or word in _UNITS:
        return False
    if noun.ent_type_ == _NATIONALITY or noun.pos_ == _NOUNS[1]:
        return True  # "six Thais", "five Sri Lankans": a counted proper noun is a people
    if lemma in _PEOPLE or word in _PEOPLE:
        return True
    if any(c.dep_ == _PARTICIPLE and c.lemma_.lower() in _PEOPLE_ONLY for c in noun.children):
        return True  # "the 23 dockworkers arrested in the port": what only people undergo
    return verb.lemma_.lower() in _PEOPLE_ONLY


def _number_span(number: Any) -> tuple[int, int]:
    """The characters of a number written in several tokens ("Forty-two", "2.1 million")."""
    lo = number
    for c in number.lefts:
        if c.dep_ in _NUMBER_PARTS and (c.pos_ == _NUMERAL or c.like_num) and c.i < lo.i:
            lo = c
    while lo.i > 0 and lo.nbor(-1).pos_ == _NUMERAL and lo.nbor(-1).head.i == number.i:
        lo = lo.nbor(-1)
    return lo.idx, number.idx + len(number)


def _value(text: str, span: tuple[int, int]) -> int | None:
    n = parse_number(text[span[0] : span[1]])
    return n if n else None


def counts_in(doc: Any) -> list[ParsedCount]:
    """The counts of people the parse links to an action verb, in order of the number."""
    if doc is None:
        return []
    text = doc.text
    found: dict[int, ParsedCount] = {}
    matches = _matches(doc)
    # a participle only tells what no clause tells ("302 prisoners freed" in a headline)
    matches.sort(key=lambda m: doc.vocab.strings[m[0]].endswith(_PARTICIPLE_RULE))
    for match_id, ids in matches:
        rule = doc.vocab.strings[match_id]
        toks = {k: doc[i] for k, i in zip(_roles(rule), ids, strict=True)}
        verb, noun = toks["verb"], toks.get("noun")
        if rule == "listing":
            action: str | None = "held"
        elif rule == "nominal":
            action = _NOMINALS.get(verb.lemma_.lower())
        elif rule in ("subject", _GOING_SHARE):
            action = intransitive_action(verb)
        elif rule == "among":
            told = [toks["group"], *(c for c in toks["group"].children if c.dep_ == _PARTICIPLE)]
            action = next((a for t in told if (a := participle_action(t))), OF_GROUP)
        elif "tally" in toks:
            action = _tallied(noun)
        else:
            action = _action(verb, toks.get("gift"))
        if action is None or noun is None:
            continue
        if rule == _GOING_SHARE and any(c.dep_ == _NAMED_AS for c in toks["number"].children):
            continue  # "One of the prisoners, Maria Kalesnikava, remains": a person named
        if action == OF_GROUP and not _counts_people(noun, verb):
            continue
        mood = _nominal_mood(verb) if rule == "nominal" else _mood(verb)
        if mood == DEMAND:
            action = "demanded"
        elif action == "detained" and _again(verb):
            action = "returned_to_custody"  # "were arrested again"
        elif action == "detained" and _stative(verb):
            action = "held"  # "17,000 people are still detained": a stock, not an arrest
        elif action == "detained" and any(
            c.dep_ == _SUBJECT and c.lemma_.lower() in _COURTS for c in verb.children
        ):
            action = "sentenced"  # "a court jailed 14 activists"
        if rule == "bare":
            if noun.ent_type_ in _NOT_PEOPLE_ENTITIES or any(True for _ in noun.children):
                continue
            nouns = [(noun, noun)]
        else:
            nouns = [(noun, toks["number"])]
            single = rule.startswith(("share", "tally", "listing"))
            others = [] if single else [*noun.conjuncts, *_gapped(verb)]
            for other in others:  # "61 teachers and 9 nurses"
                nums = [c for c in other.children if c.dep_ == _NUMBER]
                if nums and other.i > noun.i:
                    nouns.append((other, nums[0]))
        for head, number in nouns:
            head = _share_of(head)
            if _quoted_name(text, number.idx, head.idx + len(head)):
                continue  # the “47 democrats”: the name of a group, not a count of people
            listed = rule == "listing" and head.lemma_.lower() in _LISTED
            if rule != "bare" and not listed and not _counts_people(head, verb):
                continue
            where = _number_span(number)
            n = _value(text, where)
            if n is None or where[0] in found:
                continue
            found[where[0]] = ParsedCount(
                action=action,
                count=n,
                start=where[0],
                number_end=where[1],
                end=head.idx + len(head),
                verb=(verb.idx, verb.idx + len(verb)),
                noun=None if rule == "bare" else _noun_text(head),
                rule=_RULE_PREFIX + rule.split("_")[0],
                mood=mood,
                whole=whole_of(head) if rule.startswith("share") else None,
                status=_list_status(toks["tally"]) or status_of(head)
                if rule == "listing"
                else None
                if rule == "bare"
                else status_of(head),
            )
    wholes = {c.whole for c in found.values() if c.whole is not None}
    return [found[k] for k in sorted(found) if k not in wholes]


def _share_of(head: Any) -> Any:
    """The group a count leaning on "more" or "others" is a share of ("Four more of the
    democrats": democrats); any other head itself."""
    if head.lower_ not in _SHARE_HEADS:
        return head
    for of in head.children:
        if of.dep_ == _GIVEN_TO[1] and of.lower_ in _OF:
            for group in of.children:
                if group.dep_ == _TO_OBJECT:
                    return group
    return head


def _quoted_name(text: str, start: int, end: int) -> bool:
    """Whether a number and its noun stand alone inside quotation marks (the “47
    democrats”, "the “Minsk 14”"): a group's name."""
    before = text[start - 1 : start] if start else ""
    return before in _OPENING_QUOTES and text[end : end + 1] in _CLOSING_QUOTES


def _noun_text(noun: Any) -> str:
    """The counted noun as written, with the name parts of a proper noun ("Sri Lankans")."""
    parts = [c for c in noun.lefts if c.dep_ == _MODIFIERS[1] and c.pos_ == _NOUNS[1]]
    first = parts[0].i if parts and noun.pos_ == _NOUNS[1] else noun.i
    return str(noun.doc[first : noun.i + 1].text)


def _gapped(verb: Any) -> list[Any]:
    """Objects of a verb left out in a second clause ("granted amnesty to 2,100 inmates, and
    40 foreigners in another decree"): nouns the parse joins to the verb itself."""
    out = []
    for c in verb.children:
        if c.dep_ == _CONJUNCT and c.pos_ in _NOUNS:
            out.extend([c, *c.conjuncts])
    return out


def _list_status(kept: Any) -> str | None:
    """The status a list gives the people on it ("the list of political prisoners")."""
    for of in kept.children:
        if of.dep_ == _GIVEN_TO[1] and of.lower_ in _OF:
            for noun in of.children:
                if noun.dep_ == _TO_OBJECT:
                    return status_of(noun)
    return None


def whole_of(noun: Any) -> int | None:
    """Where the number of a whole starts ("12 of the 40 students": the 40)."""
    nums = [c for c in noun.children if c.dep_ == _NUMBER]
    return _number_span(nums[0])[0] if nums else None


def status_of(noun: Any) -> str | None:
    """The status population a counted noun and its modifiers name ("Cuban political
    prisoners": political_prisoners), or None."""
    lemma = noun.lemma_.lower()
    for c in noun.children:
        if c.dep_ in _MODIFIERS:
            found = _STATUS.get((c.lemma_.lower(), lemma))
            if found is not None:
                return found
        if c.dep_ == _GIVEN_TO[1]:  # "prisoners of conscience"
            for o in c.children:
                found = _STATUS.get((lemma, c.lower_, o.lemma_.lower()))
                if found is not None:
                    return found
    return None


def _roles(rule: str) -> tuple[str, ...]:
    """The names of a pattern's tokens, in the order the matcher gives their indices."""
    if rule == "bare":
        return ("verb", "noun")
    if rule == "given":
        return ("verb", "gift", "to", "noun", "number")
    if rule in ("share", _GOING_SHARE):
        return ("verb", "number", "of", "noun")
    if rule == "subject":
        return ("verb", "noun", "number")
    if rule == "among":
        return ("verb", "among", "group", "noun", "number")
    if rule == "share_auxsubject":
        return ("verb", "aux", "number", "of", "noun")
    if rule == "share_subject":
        return ("verb", "number", "aux", "of", "noun")
    if rule == "nominal":
        return ("verb", "of", "noun", "number")
    if rule == "tally":
        return ("tally", "verb", "of", "noun", "level", "number")
    if rule == "listing":
        return ("tally", "verb", "noun", "number")
    if rule == "participle":
        return ("noun", "verb", "number")
    if rule == "share_participle":
        return ("number", "of", "noun", "verb")
    if rule == "tally_direct":
        return ("tally", "verb", "of", "noun", "number")
    if rule in ("given_dative", "given_passive"):
        return ("verb", "gift", "noun", "number")
    return ("verb", "noun", "number")
