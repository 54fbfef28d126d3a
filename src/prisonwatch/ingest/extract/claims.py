"""Claims: counts of people that something happened to, with who, when and on whose word.

Rules work on one sentence at a time: find numbers of people, the action nearest to each, and
then its qualifier, population, subset relation, time, agent, attributed source and named
persons. Named people with no number ("Statkevich is back in prison") give claims of their own.
Repeats of one fact (title, lead, body) are merged at the end.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from prisonwatch.ingest.extract import lexicon as lx
from prisonwatch.ingest.extract.context import Article
from prisonwatch.ingest.extract.entities import Mention
from prisonwatch.ingest.extract.numbers import NUMBER, parse_number
from prisonwatch.ingest.extract.timex import TimeExpr

VERSION = "claims/1.1"
_FACT_ACTIONS = (
    "released",
    "detained",
    "sentenced",
    "returned_to_custody",
    "designated",
    "died_in_custody",
)


@dataclass(slots=True)
class Draft:
    action: str
    count: int
    qualifier: str
    population: str | None
    start: int  # of the number (or the person)
    end: int
    sentence: int
    trigger: tuple[int, int]
    part_of: Draft | None = None
    mechanism: str | None = None
    when: tuple[str, str] | None = None
    agent: str | None = None
    source: str | None = None
    persons: list[str] = field(default_factory=list)
    subset_marker: bool = False
    bare: bool = False
    when_explicit: bool = False
    in_title: bool = False
    agent_inherited: bool = False
    agent_weak: bool = False
    listed_after: Draft | None = None  # the count before it in one list of parts
    id: str = ""


_FREEDOM = re.compile(r"\b(?:releas|free|liberat|amnest|pardon|let\s+go)", re.I)


_NOMINAL = re.compile(r"release|releases|freeing|pardons?|arrest of|detention of", re.I)
_MERELY_POSSIBLE = re.compile(
    r"[^.;]{0,60}?\b(?:is|was|would be|could be|remains?|seems?|seemed)\s+(?:\w+\s+)?"
    r"(?:possible|likely|unlikely|expected|planned|under discussion|being discussed|"
    r"on the table|in question)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Trigger:
    action: str
    start: int
    end: int


def _triggers(a: Article, s: int, e: int) -> list[Trigger]:
    text = a.text
    found: list[Trigger] = []
    for action, rx in lx.TRIGGERS:
        for m in rx.finditer(text, s, e):
            found.append(Trigger(action, m.start(), m.end()))
    if not _FREEDOM.search(text, s, e):
        found = [t for t in found if t.action != "demanded"]  # a demand for something else
    demands = [t for t in found if t.action == "demanded"]
    out: list[Trigger] = []
    for t in found:
        if t.action in _FACT_ACTIONS:
            before = text[max(s, t.start - 60) : t.start]
            governed = any(d.end <= t.start and t.start - d.end < 90 for d in demands)
            if t.action == "released" and governed:
                out.append(Trigger("demanded", t.start, t.end))
                continue
            if lx.NOT_FACTUAL.search(before) and not lx.SUCCESS.search(before):
                continue
            if _NOMINAL.fullmatch(text, t.start, t.end) and _MERELY_POSSIBLE.match(text, t.end, e):
                continue  # "the release of another 300 prisoners was possible"
        if any(o.start < t.end and t.start < o.end for o in out):
            continue
        out.append(t)
    return out


def _population(text: str, end: int, stop: int) -> tuple[str | None, int]:
    after = text[end:stop]
    lead = len(after) - len(after.lstrip())
    rest = after.lstrip()
    gap = lx.NOUN_GAP.match(rest)
    gap_len = gap.end() if gap else 0
    noun_part = rest[gap_len:]
    origin = lx.FROM_COUNTRY.match(rest)
    if origin:
        place = origin.group(1).lower()
        demonym = lx.DEMONYMS.get(place) or lx.DEMONYMS.get(place.rstrip("."))
        if demonym:
            return f"{demonym}_nationals", end + lead + origin.end()
    for rx, pop in lx.POPULATIONS:
        m = rx.match(noun_part)
        if m is None:
            continue
        word = m.group(0)
        if pop == "_noun":
            pop = re.sub(r"\W+", "_", word.lower())
            pop = (
                pop if pop.endswith("s") or pop in ("clergy", "children", "japanese") else pop + "s"
            )
        elif pop == "_nationals":
            pop = re.sub(r"\W+", "_", word.lower())
            pop = pop if pop.endswith("s") else pop + "s"
            pop = re.sub(r"_citizens$", "_nationals", pop)  # "a French citizen": a national
        if pop == "people" and "political" in rest[:gap_len].lower():
            pop = "political_prisoners"
        if "foreign" in rest[:gap_len].lower():
            if pop == "nationals" or (pop == "people" and word.lower().startswith("citizen")):
                pop = "foreign_nationals"
            elif pop in ("people", "prisoners"):
                pop = "foreigners"
        return pop, end + lead + gap_len + m.end()
    return None, end


def _qualifier(text: str, start: int, s: int) -> str:
    before = text[max(s, start - 30) : start]
    for name, rx in lx.QUALIFIERS:
        if rx.search(before):
            return name
    return "exact"


def _distance(t: Trigger, start: int, end: int) -> int:
    if t.end <= start:
        return start - t.end
    if t.start >= end:
        return t.start - end
    return 0


_PREDICATE_PP = re.compile(
    r"\s+(?:as|who\s+(?:are|were)|(?:were|are|have been|has been|had been)\s+"
    r"(?:recogni[sz]ed|considered|designated|declared)(?:\s+as)?)\s+"
    r"(?:\w+\s+)?political prisoners\b",
    re.I,
)
#: "1,100 individuals imprisoned for political reasons" are political prisoners.
_POLITICAL_GROUNDS = re.compile(
    r"\s+(?:\w+\s+){0,6}?(?:for political reasons|on political grounds|for political motives|"
    r"on politically motivated charges|for their political (?:views|activity|activities))",
    re.I,
)


_NUMBER_OF = re.compile(
    r"\bthe\s+(?:total\s+)?number\s+of\s+(?P<noun>(?:[\w-]+\s+){0,2}?(?:political prisoners|"
    r"prisoners|people|detainees|journalists|persons))\b[^.;]{0,60}?\b(?:has\s+|have\s+)?"
    r"(?:reached|stands at|stood at|is|was|rose to|grew to|exceeds|exceeded|hit|totals|totalled|"
    r"amounts to)\s+(?:(?:more than|over|almost|nearly|about|around|at least)\s+)?$",
    re.I,
)


_PREDICATE = re.compile(
    r"\s+(?:of (?:the \w+|them|those|whom)\s+)?(?:are|were|is|was)\s+(?:also\s+)?", re.I
)


#: "222 of the 245 political prisoners": the first number counts, the second is the whole.
_PARTITIVE = re.compile(r"\s+of\s+(?:the\s+|all\s+)?(?=\d|[a-z]+\s)", re.I)
#: Words that make a bare count of political prisoners a stock.
_STOCK_WORDS = re.compile(
    r"\b(?:today|now|currently|as of|at present|in total|total|remain\w*|still)\b", re.I
)
#: A capitalised name (one to three words) that opens a sentence or follows a comma.
_NAME_BEFORE = re.compile(r"(?:^|(?<=[,;:]\s)|(?<=\n))([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s*$")
#: "X was among 222 political prisoners ...": X is one of them.
_AMONG = re.compile(r"\s(?:was|were|is|are)\s+(?:also\s+)?among\s+(?:the\s+)?$", re.I)


def _predicate_population(text: str, end: int, stop: int) -> str | None:
    """ "Eight of the freed are foreign nationals": what a bare count is said to be."""
    m = _PREDICATE.match(text, end, stop)
    return _population(text, m.end() - 1, stop)[0] if m else None


def _gapped(text: str, counted: list[Draft], m: re.Match[str], e: int) -> Draft | None:
    """ "16 were freed in July and 23 in September": a count after "and" whose verb is left
    out, standing for the count before it."""
    if not counted:
        return None
    prev = counted[-1]
    if not re.fullmatch(r"[^.;\d]{0,60}?(?:,\s*(?:and\s+)?|\s+and\s+)", text[prev.end : m.start()]):
        return None
    if not re.match(
        r"\s+(?:in|on|last|this|since|during|facing|awaiting|still|currently)\b|\s*[.,;]",
        text[m.end() : e],
    ):
        return None
    return prev


def _described_end(text: str, end: int, stop: int) -> int:
    """Where the words describing a count end: its noun, and "jailed for political reasons"
    after it (whose "jailed" tells who they are, not what happened)."""
    noun_end = _population(text, end, stop)[1]
    grounds = _PARTICIPLE_GROUNDS.match(text, noun_end, stop)
    return grounds.end() if grounds else noun_end


_PARTICIPLE_GROUNDS = re.compile(
    r"\s+(?:jailed|imprisoned|held|detained|convicted|arrested|sentenced|persecuted|prosecuted)"
    + _POLITICAL_GROUNDS.pattern,
    re.I,
)


_RELEASE_WORD = re.compile(r"(?:free|releas|pardon)", re.I)
_NOUN_PAREN = re.compile(
    r"\b(?:political prisoners|prisoners|people|detainees)\s*"
    r"\((?:already|now|at least|some|over)?\s*$",
    re.I,
)
_BARE_PP = re.compile(r"\s+(?:were|are|was|is)\s+(?:\w+\s+)?political prisoners?\b", re.I)
#: "persuaded Lukashenko to release": the one persuaded is who released.
_CAUSER = re.compile(
    r"\b(?:persuaded|convinced|urged|asked|allowed|pushed|pressed|called on)\s+"
    r"(?:\S+(?:\s+\S+){0,8}?\s+to\s+)?$",
    re.I,
)
_DEMAND_VERB = re.compile(
    r"\b(?:urg\w*|call\w*\s+(?:on|for|upon)|demand\w*|appeal\w*|press\w*|push\w*|seek\w*|sought|lobb\w*)\b",
    re.I,
)

#: Only a qualifier between a verb and its count: "released more than 300".
_GOVERNS = re.compile(
    r"\s*(?:(?:more than|over|at least|about|around|some|nearly|almost|up to|another|a further|"
    r"an additional|a total of|all)\s+)?"
)

_SECONDARY = {
    "released": {"sentenced"},
    "sentenced": {"released", "detained"},
    "detained": {"sentenced"},
    "held": {"demanded"},
    "demanded": {"held"},
}


def _actions(text: str, triggers: list[Trigger], start: int, end: int) -> list[tuple[str, Trigger]]:
    triggers = [t for t in triggers if not (start <= t.start and t.end <= end)]
    if not triggers:
        return []
    ranked = sorted(triggers, key=lambda t: (_distance(t, start, end), t.start))
    governing = [
        t
        for t in triggers
        if t.action != "held" and t.end <= start and _GOVERNS.fullmatch(text, t.end, start)
    ]
    if governing:  # "released more than 300 ..., but arrested": the verb before the count
        ranked.remove(governing[-1])
        ranked.insert(0, governing[-1])
    first = ranked[0]
    if _distance(first, start, end) > 140:
        return []
    chosen = [(first.action, first)]
    for t in ranked[1:]:
        if (
            t.action in _SECONDARY.get(first.action, set())
            and _distance(t, start, end) <= 110
            and all(t.action != c for c, _ in chosen)
        ):
            chosen.append((t.action, t))
    return chosen


_GOVERNMENT_WORDS = {
    "government",
    "administration",
    "authorities",
    "regime",
    "police",
    "forces",
    "security",
    "courts",
    "court",
    "presidency",
    "office",
}


def _entity_before(
    a: Article, s: int, pos: int, limit: int = 90, patients: tuple[str, ...] = ()
) -> Mention | None:
    """The actor named before a verb: not a speaker, a destination, an adjective, or one of
    the people the claim is about ("Paul Whelan was released by Russia")."""
    found = list(a.mentions_in(max(s, pos - limit), pos, ("person", "organization", "country")))
    patient_starts = [m.start for m in found if m.name in patients]
    for m in reversed(found):
        if m.name in patients or any(m.end <= p < pos for p in patient_starts):
            continue  # a patient, or words describing one ("former U.S. Marine Paul Whelan")
        between = a.text[m.end : pos]
        if '"' in between or "“" in between or "”" in between:
            continue
        says = lx.SAY_AFTER.match(a.text, m.end) or re.match(r"\s*,\s*(?:a|an|the)\b", between)
        if says and not re.match(r"['’]s\b", a.text[m.end : m.end + 2]):
            continue
        if re.search(
            r"according to\s+(?:the\s+)?(?:[\w-]+\s+){0,4}$",
            a.text[max(s, m.start - 60) : m.start],
            re.I,
        ):
            continue
        if _government(a, m) is None and re.search(
            r"\b(?:to|into|in|from|at|for|with|of)\s+(?:the\s+)?$",
            a.text[max(s, m.start - 12) : m.start],
            re.I,
        ):
            continue  # a destination or a place, not who acted
        possessive = re.match(r"['’]s\s+(\w+)", a.text[m.end : m.end + 30])
        if possessive and possessive.group(1).lower() not in _GOVERNMENT_WORDS:
            continue  # "Trump's leadership led to": the leadership did not release anyone
        if m.type == "country" and m.text != m.name and re.search(r"(?:ian|ese|ish)$", m.text):
            continue  # "Belarusian" as an adjective
        return m
    return None


def _source(a: Article, s: int, e: int, pos: int) -> str | None:
    """Who the text attributes the figure to: the speaker of the quote it stands in, else
    "according to X", "X said", "said X", a pronoun's speaker, or a described group."""
    text = a.text
    q = a.quote_at(pos)
    if q is not None and q.speaker:
        return q.speaker
    m = re.search(r"\b(?:according to|per|citing)\s+", text[s:e], re.I)  # "cited by" relays
    if m:
        after = a.mentions_in(
            s + m.end(), min(e, s + m.end() + 70), ("person", "organization", "country")
        )
        if after:
            rank = {"person": 0, "organization": 1, "country": 2}
            return min(after, key=lambda x: (rank[x.type], x.start)).name
        phrase = re.match(r"([^,.;]{2,80})", text[s + m.end() : e])
        if phrase:
            words = re.split(r"\b(?:from|by|of)\s+", phrase.group(1))[-1].strip()
            words = re.sub(r"^(?:the|a|an)\s+", "", words)
            if words.split() and words.split()[-1] in _GROUP_NOUNS and len(words.split()) <= 5:
                return words
    for men in a.mentions_in(s, e, ("person", "organization", "country")):
        if lx.SAY_AFTER.match(text, men.end):
            return men.name
    m2 = re.search(
        r"\b(?:said|says|reported|reports|wrote|writes|confirmed|announced|stated)\s+(?:the\s+)?",
        text[s:e],
        re.I,
    )
    if m2:
        after = a.mentions_in(
            s + m2.end(), min(e, s + m2.end() + 60), ("person", "organization", "country")
        )
        if after and after[0].start - (s + m2.end()) < 40:
            return after[0].name
    pron = _PRONOUN_SAYS.search(text, s, e)
    if pron:
        earlier = [x for x in a.quotes if x.end <= pos and x.speaker]
        if earlier:
            return earlier[-1].speaker
    np = _NOUN_SAYS.search(text[s:e])
    if np and np.group(1).split()[-1] in _GROUP_NOUNS:
        owner = re.match(r"(?:his|her)\s+(.+)", np.group(1))
        people = a.mentions_in(s, s + np.start(1), ("person",))
        if owner and people:
            return f"{people[-1].name}'s {owner.group(1)}"  # "his press service"
        said_by = re.sub(r"^(?:the|a|an)\s+", "", np.group(1))
        if np.start(1) == 0 and not any(m.start == s for m in a.mentions):
            said_by = said_by[:1].lower() + said_by[1:]  # "Human rights groups say" opens it
        return a.institution(said_by)
    return None


_GROUP_NOUNS = {
    "groups",
    "group",
    "activists",
    "officials",
    "media",
    "critics",
    "monitors",
    "defenders",
    "watchdogs",
    "sources",
    "organisations",
    "organizations",
    "analysts",
    "presidency",
    "ministry",
    "authorities",
    "opposition",
    "police",
    "service",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "office",
    "committee",
    "court",
    "prosecutors",
    "government",
}
_PRONOUN_SAYS = re.compile(
    r"\b(?:he|she|they)\s+(?:\w+ly\s+)?(?:said|says|stated|emphasi[sz]ed|noted|added|wrote|told|confirmed|warned|stressed)\b",
    re.I,
)
_NOUN_SAYS = re.compile(
    r"(?:^|\b(?:the)\s+|,\s*)((?:[A-Z][a-z]+\s+)?[a-z][a-z -]{2,40}?)\s+"
    r"(?:said|says|say|warned|warn|reported|reports|stated|noted|estimate|estimates|estimated|"
    r"believe|believes|count|counts)\b"
)


_AUX = re.compile(
    r"\b(?:have|has|had|is|are|was|were|will|would|did|do|does|further|also|again|now|still|jointly|"
    r"call|calls|called|urge|urges|urged|demand|demands|demanded|adopted|issued)\b",
    re.I,
)


def _subject_phrase(before: str) -> str | None:
    """The plain noun phrase that opens a clause ("Ten human rights watchdogs call on ...")."""
    aux = _AUX.search(before)
    phrase = (before[: aux.start()] if aux else before).strip()
    if not phrase or re.search(r"[,;:\"“”()]", phrase) or not 1 < len(phrase.split()) <= 6:
        return None
    return phrase[0].lower() + phrase[1:]


def _government(a: Article, ent: Mention) -> str | None:
    """ "the Government of Burma" as written, rather than the state it governs."""
    before = a.text[max(0, ent.start - 20) : ent.start]
    if ent.type == "country" and re.search(r"\bgovernment of\s+(?:the\s+)?$", before, re.I):
        return f"Government of {ent.text}"
    return None


def _agent(a: Article, d: Draft, s: int, e: int) -> str | None:
    text = a.text
    t0, t1 = d.trigger
    if d.action == "held":
        return None
    window = text[s:t0]
    m = _CAUSER.search(window)
    if m and d.action != "demanded":
        found = a.mentions_in(s + m.start(), t0, ("person", "organization", "country"))
        if found:
            return found[0].name
    if d.action == "demanded":
        verbs = list(_DEMAND_VERB.finditer(text, s, t1))
        if verbs:
            t0 = verbs[0].start()
        ent = _entity_before(a, s, t0, 120)
        if ent is not None:
            return ent.name
        return _subject_phrase(text[s:t0])
    quote = a.quote_at(t0)
    if (
        quote is not None
        and quote.speaker
        and _FIRST_PERSON.search(text, max(quote.start, t0 - 40), t0)
    ):
        return quote.speaker  # "“We have freed 20 people,” Lukashenko said"
    passive = re.search(r"\b(?:been|was|were|is|are)\s+(?:\w+ly\s+)?$", text[s:t0])
    by = _by_agent(a, t1, e)
    if passive and by is not None:
        return by[0]  # "was detained by police": the by-phrase, whatever stands before
    ent = _entity_before(a, s, t0, patients=tuple(d.persons)) if d.action != "sentenced" else None
    if ent is not None and ent.type != "place":
        if _two_sides(a, ent, s):
            return None  # "Russia and the United States swapped 24 prisoners"
        return _government(a, ent) or ent.name
    body = _STATE_SUBJECT.search(text, max(s, t0 - 60), t0)
    if body is not None and not passive:
        return a.institution(body.group("body"))  # "The junta has arrested ..."
    if d.action == "designated" and not passive:
        phrase = _subject_phrase(text[s:t0])
        if phrase is not None:
            return phrase
    if by is not None:
        return by[0]
    frm = re.match(r"\s+from\s+(?:prison in\s+)?", text[t1:e])
    if frm and d.action == "released":
        found = a.mentions_in(t1 + frm.end(), t1 + frm.end() + 30, ("country",))
        if found:
            d.agent_weak = True  # where they left, which is only a guess at who let them go
            return found[0].name
    return None


_STATE_SUBJECT = re.compile(
    r"\b(?P<body>(?:(?!(?:The|A|An|Its|Their)\b)[A-Z][a-z]+\s+)?(?:junta|regime|authorities|government|police|"
    r"security forces|military|KGB|courts?))\s+(?:(?:has|have|had|also|then|later|again)\s+)*"
    r"(?:\w+ly\s+)?$"
)
_FIRST_PERSON = re.compile(
    r"\b(?:we|I)\s+(?:(?:have|has|had|will|just|already|today|also)\s+)*$", re.I
)


def _two_sides(a: Article, ent: Mention, s: int) -> bool:
    """Whether the actor is the second of two states joined by "and"."""
    if ent.type != "country":
        return False
    before = [m for m in a.mentions_in(s, ent.start, ("country",)) if m.name != ent.name]
    return bool(before) and bool(
        re.fullmatch(r"\s*(?:and|&)\s+(?:the\s+)?", a.text[before[-1].end : ent.start])
    )


def _by_agent(a: Article, t1: int, e: int) -> tuple[str | None] | None:
    """Who a "by" phrase after the verb names: a body, a person or a state; the state's own
    police or authorities when only those are named; nobody when two sides are ("exchanged
    by Russia and the West"). None when there is no such phrase."""
    text = a.text
    by = re.match(r"[^.]{0,40}?\bby\s+(?:the\s+)?", text[t1:e])
    if by is None:
        return None
    found = a.mentions_in(
        t1 + by.end(), min(e, t1 + by.end() + 50), ("person", "organization", "country")
    )
    if found:
        mutual = re.match(r"\s+(?:and|&)\s+(?:the\s+)?[A-Z]", text[found[0].end : e])
        return (None if mutual else found[0].name,)
    office = re.match(
        r"(police|authorities|security services|prosecutors)\b", text[t1 + by.end() :]
    )
    if office:
        return (a.institution(office.group(1)),)
    return None


def _when(a: Article, d: Draft, s: int, e: int, previous: list[Draft]) -> tuple[str, str] | None:
    if a.date is None:
        return None
    dct = a.date.isoformat()
    if d.action == "demanded":
        return None
    text = a.text
    dates = [t for t in a.times_in(s, e) if t.type != "DURATION" and t.fuzzy is not None]
    since = re.search(r"\bsince\s+(that time|then)\b", text[s:e], re.I)
    later = re.search(
        r"\b(?:subsequently|later|afterwards|since then|days later|weeks later)\b", text[s:e], re.I
    )
    if (since or later) and not dates:
        anchor = _anchor(d, previous)
        if anchor is not None:
            return anchor, dct
    perfect = re.search(
        r"\b(?:has|have)\s+(?:been\s+)?(?:\w+\s+)?$", text[max(s, d.trigger[0] - 20) : d.trigger[0]]
    )
    for t in dates:
        before = text[max(s, t.start - 14) : t.start]
        near = abs(t.start - d.trigger[1]) < 45 or abs(d.trigger[0] - t.end) < 45
        near = near or bool(perfect)  # "has detained 19,000 people ... since February 2022"
        if near and re.search(r"\bsince\s+(?:\w+\s+)?$", before, re.I):
            start = _start_of(t)
            return start, dct
    if d.action == "held":
        stay = re.match(r"spent\b", text[d.trigger[0] : d.trigger[1]], re.I)
        past = [t for t in dates if t.start >= d.trigger[0] and t.start - d.trigger[1] < 30]
        if stay and past:  # "spent three months in jail last year"
            v = _start_of(past[0])
            return v, v
        return dct, dct
    dates = [
        t
        for t in dates
        if not _other_trigger_between(a, s, e, d, t)
        and not re.search(r"\bsince\s+(?:\w+\s+)?$", text[max(s, t.start - 14) : t.start], re.I)
        and not _modifies_other(a, s, e, d, t)
        and not _ATTRIBUTIVE_YEAR.search(text, max(s, t.start - 8), t.start)
    ]  # "held since 2020" starts a state; it does not date a release
    if d.action in ("sentenced", "detained"):
        # "..., the press service said on Wednesday": the day of the statement, not of the
        # conviction or arrest it mentions in passing
        dates = [t for t in dates if not _SAID_ON.search(text, max(s, t.start - 30), t.start)]
    if dates:
        d.when_explicit = True
        best = min(dates, key=lambda t: abs(t.start - d.trigger[0]))
        v = _start_of(best)
        fd = best.fuzzy
        assert fd is not None
        return v, v
    if d.part_of is not None and d.part_of.when is not None:
        return d.part_of.when
    if d.action not in ("released", "designated"):
        return None
    if re.search(
        r"\b(?:has|have)\s+(?:been\s+)?(?:\w+\s+)?$",
        text[max(s, d.trigger[0] - 20) : d.trigger[0]],
        re.I,
    ):
        return dct, dct
    if d.action == "released" and not re.search(
        r"\bhad\s+(?:been\s+)?(?:\w+\s+)?$", text[max(s, d.trigger[0] - 20) : d.trigger[0]], re.I
    ):
        return dct, dct
    return None


def _other_trigger_between(a: Article, s: int, e: int, d: Draft, t: TimeExpr) -> bool:
    """Whether another action's trigger stands between the claim's trigger and a time."""
    lo, hi = (d.trigger[1], t.start) if t.start >= d.trigger[1] else (t.end, d.trigger[0])
    return any(
        trig.action != d.action
        and not (
            trig.action == "held"
            and _TERM_BEFORE.search(a.text, max(0, trig.start - 12), trig.start)
        )
        and lo <= trig.start
        and trig.end <= hi
        and a.quote_at(trig.start) is None
        and _population(a.text, trig.end, e)[0] is None  # "incarcerated individuals" describes
        for trig in _triggers(a, s, e)
    )


_SAID_ON = re.compile(
    r"\b(?:said|says|reported|announced|told|stated|wrote|confirmed)\s+(?:\w+\s+){0,3}?"
    r"(?:on|in|late|early|last)?\s*$",
    re.I,
)
#: "eight years in prison": the length of a sentence, not a stay that would date the claim.
_TERM_BEFORE = re.compile(r"\b(?:years?|months?|weeks?|days?)\s+$", re.I)


#: "his 2021 sentence": a year describing what someone has, not dating the claim ("during the
#: 2020 protests" does date it).
_ATTRIBUTIVE_YEAR = re.compile(r"\b(?:his|her|their|its)\s+$", re.I)


def _modifies_other(a: Article, s: int, e: int, d: Draft, t: TimeExpr) -> bool:
    """ "... and today's sentencing": a time right before another action's noun dates that."""
    return any(
        trig.action != d.action and 0 <= trig.start - t.end <= 3 for trig in _triggers(a, s, e)
    )


def _start_of(t: TimeExpr) -> str:
    return t.value[:10] if re.match(r"\d{4}-\d{2}-\d{2}", t.value) else t.value


def _anchor(d: Draft, previous: list[Draft]) -> str | None:
    if d.part_of is not None and d.part_of.when is not None:
        return d.part_of.when[0]
    for p in reversed(previous):
        if p.when is not None:
            return p.when[0]
    return None


_CAPITALISED = re.compile(r"\b[A-Z][a-zà-ž]+(?:[- ][A-Z][a-zà-ž]+){1,2}\b")
_NOT_NAMES = {
    "Nobel",
    "Peace",
    "President",
    "The",
    "Key",
    "Facts",
    "Sources",
    "New",
    "Other",
    "Human",
    "Rights",
    "Belarus",
    "Belarusian",
    "United",
    "Former",
    "Foreign",
    "Prime",
}


#: Where a list of the people a claim covers ends: the next clause ("..., saying he was").
_CLAUSE_END = re.compile(
    r"[;“”\"]|,\s*(?:saying|adding|who|which|according|said|says|while|but|after|before|"
    r"following|as|amid|to)\b|\s+(?:said|says)\b"
)


def _persons(a: Article, s: int, e: int, after: int, exclude: set[str]) -> list[str]:
    """The people a count names after "including", "such as", "among them" (to the clause's
    end)."""
    m = lx.PERSONS_INTRO.search(a.text, after, e) or lx.PERSONS_INTRO.search(a.text, s, e)
    if m is None:
        return []
    clause_end = _CLAUSE_END.search(a.text, m.end(), e)
    return _names(a, m.end(), clause_end.start() if clause_end else e, exclude)


def _names(a: Article, start: int, end: int, exclude: set[str]) -> list[str]:
    """Names of people between two points, in order: the model's, and capitalised names it
    missed; owners ("Trump's involvement") and bodies or places are not among them."""
    people = a.mentions_in(start, end, ("person",))
    found = [
        x
        for x in people
        if not re.match(r"['’]s\b", a.text[x.end : x.end + 2])  # "Trump's involvement"
    ]
    names = [_with_given_name(a, x) for x in found]
    others = [
        x
        for x in a.mentions_in(start, end, ("organization", "country", "place"))
        if x.name != x.text or len(x.text.split()) == 1
    ]
    for cap in _CAPITALISED.finditer(a.text, start, end):
        if any(x.start < cap.end() and cap.start() < x.end for x in people + others):
            continue
        if cap.group(0).split()[0] in _NOT_NAMES or set(cap.group(0).split()) & _INSTITUTION_WORDS:
            continue
        names.append(cap.group(0))
    names.sort(key=lambda n: a.text.find(n, start))
    return list(dict.fromkeys(n for n in names if n not in exclude))


#: Words that make a capitalised phrase a body, a law or a building rather than a person.
_INSTITUTION_WORDS = {
    "Code",
    "Court",
    "Committee",
    "Palace",
    "Ministry",
    "Council",
    "Union",
    "Service",
    "Agency",
    "Office",
    "Party",
    "Prison",
    "Colony",
    "Street",
    "Square",
    "Criminal",
    "Supreme",
    "Constitution",
    "Constitutional",
    "Republic",
    "Department",
    "Centre",
    "Center",
}


def _with_given_name(a: Article, m: Mention) -> str:
    """ "..., Yahor Kuzmin, ..." where the model took only "Kuzmin": a capitalised word just
    after a list comma or colon, right before a lone surname, is its given name."""
    if " " in m.name:
        return m.name
    before = re.search(
        r"(?:^|[,:;]\s*|\band\s+)([A-Z][a-zà-ž'’]+)\s+$", a.text[max(0, m.start - 30) : m.start]
    )
    return f"{before.group(1)} {m.name}" if before and before.group(1) not in _NOT_NAMES else m.name


#: "The list of political prisoners was updated with the following names: ..."
_ROSTER = re.compile(
    r"\b(?:the following (?:names|people|persons|individuals|political prisoners)|"
    r"(?:were|was|have been|has been) (?:added|included) (?:to|in) the list)\b[^:.]{0,40}:",
    re.I,
)


def _roster(a: Article, si: int, s: int, e: int, earlier: list[Draft], speakers: set[str]) -> bool:
    """A list of names given after a count ("recognizing 19 more people as political
    prisoners. The list was updated with the following names: ..."): they are that count's
    people. Returns whether the sentence was such a list."""
    intro = _ROSTER.search(a.text, s, e)
    if intro is None:
        return False
    names = _names(a, intro.end(), e, speakers)
    # the list may run on past a full stop: "Vadzim Tsahelnik. Andrei Trusau (article 342), ..."
    for ns, ne in a.sentences[si + 1 : si + 4]:
        if not re.match(r"[A-Z][a-zà-ž'’]+\s+[A-Z][a-zà-ž'’]+\s*[,(]", a.text[ns:ne]):
            break
        names += [n for n in _names(a, ns, ne, speakers) if n not in names]
    groups = [
        d
        for d in reversed(earlier)
        if d.sentence >= si - 4 and not d.persons and d.count >= len(names) > 0
    ]
    if not groups:
        return False
    groups[0].persons = names
    return True


def _mechanism(a: Article, s: int, e: int, doc_deal: bool) -> str:
    for name, rx in lx.MECHANISMS:
        if rx.search(a.text, s, e):
            return name
    return "deal" if doc_deal else "unknown"


def extract_claims(a: Article, doc_deal: bool) -> list[Draft]:
    """Every claim in the article, merged across repeats, in order of appearance."""
    drafts: list[Draft] = []
    text = a.text
    time_spans = [(t.start, t.end) for t in a.times]
    persons_done: set[tuple[str, str]] = set()
    title_index = a.sentence_of(a.body_start) if a.body_start else -1
    speakers = {q.speaker for q in a.quotes if q.speaker}
    for si, (s, e) in enumerate(a.sentences):
        if s < a.body_start:
            continue
        if _roster(a, si, s, e, drafts, speakers):
            continue
        triggers = _triggers(a, s, e)
        named_member = _enumeration(a, si, s, e, drafts)
        if named_member is not None:
            group, member = named_member
            if member.name not in group.persons:
                group.persons.append(member.name)
            persons_done.add((group.action, member.name))
            # the rest of the sentence may tell more about them ("..., who was detained")
            triggers = [t for t in triggers if t.start >= member.end]
        named_until = named_member[1].end if named_member is not None else s
        continues = bool(lx.CONTINUES.match(text, s, e))
        inherited = None
        if drafts and drafts[-1].sentence >= si - 2:
            last_sentence = drafts[-1].sentence
            inherited = next(x for x in drafts if x.sentence == last_sentence)
        verbless_stock = bool(_STOCK_WORDS.search(text, s, e)) and "political prisoner" in (
            text[s:e].lower()
        )
        if not triggers and inherited is None and not verbless_stock:
            continue
        sentence_drafts: list[Draft] = []
        counts = [m for m in _counts(text, s, e) if m.start() >= named_until]
        noun_spans = [(m.start(), _described_end(text, m.end(), e)) for m in counts]
        triggers = [
            t for t in triggers if not any(a0 <= t.start and t.end <= b0 for a0, b0 in noun_spans)
        ]
        wholes: set[int] = set()  # "222 of the 245 political prisoners": 245 is no count here
        for m in counts:
            if m.start() in wholes:
                continue
            n = 1 if m.group(0).lower() in ("a", "an") else parse_number(m.group(0))
            if n is None or n == 0:
                continue
            if any(ts <= m.start() < te for ts, te in time_spans):
                continue
            if lx.NOT_PEOPLE_AFTER.match(text, m.end()) or lx.NOT_PEOPLE_BEFORE.search(
                text[max(s, m.start() - 12) : m.start()]
            ):
                continue
            population, noun_end = _population(text, m.end(), e)
            partitive = _PARTITIVE.match(text, m.end(), e)
            if population is None and partitive is not None:
                whole = NUMBER.match(text, partitive.end())
                if whole is not None:
                    population, noun_end = _population(text, whole.end(), e)
                    wholes.add(whole.start())
            if population is None and _BARE_PP.match(text, m.end()):
                population = "political_prisoners"
            anchor = m.start()
            whole_stock = None
            if population is None:
                number_of = _NUMBER_OF.search(text, s, m.start())
                if number_of is not None:
                    # "the number of political prisoners has reached 1,500"
                    population = _population(text, number_of.start("noun") - 1, e)[0]
            if population is None:
                paren = _NOUN_PAREN.search(text, s, m.start())
                if paren is not None:
                    population = _population(text, paren.start() - 1, m.start())[0]
                    anchor = paren.start()
                    whole_stock = re.search(
                        r"\ball\s+(?:\w+\s+)?$", text[max(s, paren.start() - 20) : paren.start()]
                    )
            subset_after = bool(lx.SUBSET_AFTER.match(text, m.end()))
            bare = False
            if population is None:
                if (
                    subset_after
                    or re.match(
                        r"\s+(?:have|has|had|were|was|are|is|remain|remained|suffer|suffered|died)\b"
                        r"|\s+more\b(?!\s+(?:than|of)\b)",  # "but arrested nearly 1,000 more"
                        text[m.end() : e],
                    )
                ):
                    bare = True
                elif (gapped := _gapped(text, sentence_drafts, m, e)) is not None:
                    bare, population = True, gapped.population  # "16 in July and 23 in May"
                else:
                    continue
            if population in ("people", "prisoners") and (
                _PREDICATE_PP.match(text, noun_end) or _POLITICAL_GROUNDS.match(text, noun_end)
            ):
                population = "political_prisoners"
            before = text[max(s, m.start() - 40) : m.start()]
            prev = sentence_drafts[-1] if sentence_drafts else None
            sibling = (
                prev is not None
                and prev.subset_marker
                and (
                    _LIST_GAP.fullmatch(text, prev.end, m.start()) is not None
                    or _parallel(text, prev.end, m.start())
                )
            )
            listed = sibling or (
                prev is not None and bool(lx.LIST_INTRO.search(text, prev.end, m.start()))
            )
            subset = bool(lx.SUBSET_BEFORE.search(before)) or subset_after or continues or listed
            chosen = _actions(text, triggers, anchor, noun_end)
            if (
                not chosen
                and population == "political_prisoners"
                and _STOCK_WORDS.search(text, s, e)
            ):
                # "today in Belarus 169 political prisoners", "in TOTAL: 1405 political prisoners"
                chosen = [("held", Trigger("held", m.start(), m.start()))]
            if whole_stock and population and all(c != "held" for c, _ in chosen):
                # "all political prisoners (already 862)": the number is how many are held
                chosen.append(("held", Trigger("held", m.start(), m.end())))
            gapped_from = _gapped(text, sentence_drafts, m, e) if bare else None
            if gapped_from is not None and not any(
                t.start >= m.end() and t.start - m.end() < 30 for _, t in chosen
            ):
                chosen = [(gapped_from.action, Trigger(gapped_from.action, m.start(), m.start()))]
            if not chosen and inherited is not None and (subset or continues):
                chosen = [(inherited.action, Trigger(inherited.action, m.start(), m.start()))]
            for action, trig in chosen:
                if action == "designated" and population in ("people", None, "prisoners"):
                    population = "political_prisoners"
                d = Draft(
                    action=action,
                    count=n,
                    qualifier=_qualifier(text, m.start(), s),
                    population=population,
                    start=m.start(),
                    end=noun_end,
                    sentence=si,
                    trigger=(trig.start, trig.end),
                    subset_marker=subset,
                    listed_after=prev if sibling else None,
                    bare=bare,
                    in_title=si <= title_index,
                )
                sentence_drafts.append(d)
        for d in sentence_drafts:
            _link_part_of(d, sentence_drafts, drafts, text)
            if d.population is None:
                d.population = _predicate_population(text, d.end, e)
            if d.population is None:
                d.population = d.part_of.population if d.part_of else "people"
                if d.part_of is None and drafts:
                    d.population = drafts[-1].population
            if d.part_of is not None and d.part_of.action != d.action and d.bare:
                d.population = d.part_of.population
            d.source = _source(a, s, e, d.start)
            excluded = speakers | {x for x in (d.source,) if x}
            d.agent = _agent(a, d, s, e)
            if d.agent is None and d.part_of is not None and d.part_of.action == d.action:
                d.agent, d.agent_inherited = d.part_of.agent, True
            quote = a.quote_at(d.trigger[0])
            if d.agent is None and d.action == "demanded" and quote is not None:
                d.agent = quote.speaker  # "we cannot stop until they see freedom!", said X
            if d.action == "designated":
                if d.agent is None and d.source:
                    d.agent = d.source
                elif d.source is None and _is_org(a, d.agent):
                    d.source = d.agent
            d.persons = _persons(a, s, e, d.end, excluded | {d.agent or ""})
            among = _AMONG.search(text, max(s, d.start - 40), d.start)
            if among is not None:
                one_of = a.mentions_in(max(s, among.start() - 60), among.start() + 1, ("person",))
                bare_name = _NAME_BEFORE.search(text, max(s, among.start() - 60), among.start())
                who = one_of[-1].name if one_of else bare_name.group(1) if bare_name else None
                if who and who not in d.persons and who not in speakers:
                    d.persons.insert(0, who)  # "Maradiaga was among 222 ..."
            persons_done.update((d.action, p) for p in d.persons)
            if d.action == "released":
                d.mechanism = _mechanism(a, s, e, doc_deal)
                if d.mechanism == "unknown" and d.part_of is not None:
                    d.mechanism = d.part_of.mechanism
            d.when = _when(a, d, s, e, drafts)
            drafts.append(d)
        described = _described_person_claim(a, si, s, e, triggers, sentence_drafts, speakers)
        if described is not None:
            drafts.append(described)
        everyone = _demand_for_all(a, si, s, e, triggers, sentence_drafts, drafts)
        if everyone is not None:
            drafts.append(everyone)
        drafts.extend(
            _named_person_claims(
                a, si, s, e, triggers, sentence_drafts, persons_done, speakers, doc_deal, drafts
            )
        )
    kinds = {m.name: m.type for m in a.mentions}
    merged = _merge(drafts, kinds)
    named = Counter(
        d.agent for d in merged if d.action == "released" and kinds.get(d.agent or "") == "person"
    )
    releaser = named.most_common(1)[0][0] if named else None
    _political_context(a, merged)
    state = next((d.agent for d in merged if _is_government(d.agent)), None)
    for d in merged:
        parts = {c.agent for c in merged if c.part_of is d and c.agent and not c.agent_inherited}
        if d.agent is None and len(parts) == 1 and d.action == "released":
            d.agent = parts.pop()  # "three released in a swap"; each part "released by Russia"
        if d.agent_weak and releaser is not None:
            d.agent = releaser
        if d.action == "demanded" and d.source == d.agent:
            d.source = None  # a demand is its maker's act, not a figure reported on their word
        if (
            d.agent is None
            and state is not None
            and (d.action == "detained" or (d.action == "sentenced" and not _POLICE.search(state)))
        ):
            d.agent = state  # an article's government arrests and tries; police only arrest
    _political_persons(a, merged)
    _sums(merged)
    for d in merged:
        if d.action == "held" and d.persons and d.when is not None:
            freed = [
                c.when[0]
                for c in merged
                if c.action == "released" and c.when and set(c.persons) & set(d.persons)
            ]
            if freed and d.when[0] <= freed[0]:
                d.when = (d.when[0], freed[0])  # held until the release the article reports
    for d in merged:
        if d.agent_inherited and d.part_of is not None:
            d.agent = d.part_of.agent
        if d.when is None and d.part_of is not None and d.action == d.part_of.action:
            d.when = d.part_of.when
        if d.source is None and d.part_of is not None and d.subset_marker:
            d.source = d.part_of.source  # a breakdown comes from the report it breaks down
        if d.action == "released" and d.agent is None and d.mechanism != "exchange":
            # whoever the article has releasing people, else the state that held them
            d.agent = releaser or _holding_state(a, d)
    return merged


#: "one French national and a Briton": the article "a" counts one when it ends a list of counts.
_LISTED_ONE = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(an?)\s+", re.I)


def _counts(text: str, s: int, e: int) -> list[re.Match[str]]:
    """The numbers of a sentence, and "a"/"an" where it stands as one in a list of counts."""
    found = list(NUMBER.finditer(text, s, e))
    queue = list(found)
    while queue:  # "..., a French citizen and a British national": each "a" after a count
        m = queue.pop(0)
        population, noun_end = _population(text, m.end(), e)
        if population is None:
            continue
        one = _LISTED_ONE.match(text, noun_end, e)
        if one is None or any(n.start() == one.start(1) for n in found):
            continue
        if _population(text, one.end(1), e)[0] is None:
            continue
        article = _ONE.match(text, one.start(1))
        if article is not None:
            found.append(article)
            queue.append(article)
    return sorted(found, key=re.Match.start)


_ONE = re.compile(r"an?\b", re.I)


_STATE_BODY = re.compile(
    r"^Government of\b|\b(?:government|authorities|regime|junta|police|KGB)$", re.I
)


_POLICE = re.compile(r"\b(?:police|KGB|security services)$", re.I)


def _is_government(name: str | None) -> bool:
    """Whether an agent is a state's government ("the Government of Burma")."""
    return name is not None and _STATE_BODY.search(name) is not None


def _holding_state(a: Article, d: Draft) -> str | None:
    """The state an article is about, unless the claim's own sentence sends the people there
    ("deported to Lithuania")."""
    if a.country_name is None:
        return None
    s, e = a.sentences[d.sentence]
    for m in a.mentions_in(s, e, ("country",)):
        if m.name == a.country_name and re.search(
            r"\b(?:to|into|for)\s+(?:the\s+)?$", a.text[max(s, m.start - 10) : m.start]
        ):
            return None
    return a.country_name


def _is_org(a: Article, name: str | None) -> bool:
    return name is not None and any(m.name == name and m.type == "organization" for m in a.mentions)


_FOREIGN = {"foreigners", "foreign_nationals"}


_LIST_GAP = re.compile(r"\s*(?:,|and|, and|;)\s*")
#: Parallel clauses of one breakdown: "10 were sent to Russia, 13 to Germany, and three ...".
_CLAUSE_GAP = re.compile(r"[^.;:!?\d—–(]{0,80}(?:,\s*(?:and\s+)?|\s+and\s+)")


def _parallel(text: str, start: int, end: int) -> bool:
    """Whether the words between two counts end one clause of a list and start the next."""
    return _CLAUSE_GAP.fullmatch(text, start, end) is not None and not NUMBER.search(
        text, start, end
    )


def _siblings(text: str, a: Draft, b: Draft) -> bool:
    """Two counts of one list ("six Lithuanians, two Latvians"; "four from Germany, three
    from Lithuania and two from Latvia"): next to each other, or listed parts of one kind."""
    if _LIST_GAP.fullmatch(text, a.end, b.start) is not None:
        return True
    if a.subset_marker and b.subset_marker and _parallel(text, a.end, b.start):
        return True
    kind = {p.rsplit("_", 1)[-1] for p in (a.population or "", b.population or "")}
    return a.subset_marker and b.subset_marker and kind == {"nationals"}


def _link_part_of(d: Draft, same_sentence: list[Draft], earlier: list[Draft], text: str) -> None:
    """The claim a subset belongs to: the largest earlier count of its sentence that is not a
    sibling in the same list, else the latest larger claim before it (for nationals, a count
    of foreigners first)."""
    listed: list[Draft] = []
    step = d.listed_after
    while step is not None and step not in listed:
        listed.append(step)
        step = step.listed_after
    before_same = [
        x
        for x in same_sentence
        if x.start < d.start
        and x.count > d.count
        and not _siblings(text, x, d)
        and not any(x is y for y in listed)
    ]
    if d.subset_marker:
        if before_same:
            d.part_of = max(before_same, key=lambda x: x.count)
            return
        bigger = [
            x
            for x in reversed(earlier)
            if x.count > d.count
            and x.sentence != d.sentence  # its own sentence's counts were weighed above
            and x.action in (d.action, "released")
            and (x.part_of is None or x.population in _FOREIGN)
        ]
        if d.population and d.population.endswith("_nationals"):
            bigger.sort(key=lambda x: x.population not in _FOREIGN)
        else:
            bigger = [x for x in bigger if x.part_of is None]
        if bigger:
            d.part_of = bigger[0]
        return
    if d.bare and d.action == "returned_to_custody":
        released = [
            x
            for x in reversed(earlier)
            if x.action == "released" and x.count > d.count and x.part_of is None
        ]
        if released:
            d.part_of = released[0]


def _named_person_claims(
    a: Article,
    si: int,
    s: int,
    e: int,
    triggers: list[Trigger],
    counted: list[Draft],
    done: set[tuple[str, str]],
    speakers: set[str],
    doc_deal: bool,
    previous: list[Draft],
) -> list[Draft]:
    """Claims about people named without a number: "Statkevich is back in prison"."""
    out: list[Draft] = []
    used = {(d.trigger, d.action) for d in counted}
    last: tuple[Trigger, list[Mention]] | None = None
    for t in sorted(triggers, key=lambda x: x.start):
        persons = a.mentions_in(s, e, ("person",))
        if any(u[0] == (t.start, t.end) for u in used):
            continue
        if t.action not in (*_FACT_ACTIONS, "demanded") and not (
            t.action == "held"
            and (
                _IN_CUSTODY.fullmatch(a.text, t.start, t.end)
                or _REMAINS_HELD.match(a.text, t.start)
            )
        ):
            continue
        if t.action == "demanded" and not _RELEASE_WORD.match(a.text, t.start):
            continue  # the people named after "urged" are asked, not to be freed
        patients: list[Mention] = []
        pronoun = _PRONOUN_SUBJECT.search(a.text, s, t.start)
        for p in persons:
            if pronoun is not None and p.end <= pronoun.start():
                continue  # "X's wife, Y, confirmed that he was returned": see below
            if p.end <= t.start:
                between = a.text[p.end : t.start]
                passive = re.search(
                    r"\b(?:was|were|is|are|has been|had been|have been|been|got|remains)\b", between
                )
                others = [q for q in persons if p.end <= q.start and q.end <= t.start]
                headline = (
                    _only_names(a.text, p.end, t.start, others)
                    and t.action != "demanded"
                    and not a.text[s:e].rstrip().endswith(".")
                )
                if _REMAINS_HELD.match(a.text, t.start) and re.fullmatch(r"[\s,]*", between):
                    patients.append(p)  # "..., Maria Kalesnikava, remains in jail"
                elif (
                    len(between) < 80
                    and (passive or headline)
                    and not re.search(r"[;\"“”]|\bwhich\b", between)  # "which": a thing
                ):
                    patients.append(p)
            elif 0 <= p.start - t.end < 130:
                between = a.text[t.end : p.start]
                if _OBJECT_GAP.fullmatch(between):
                    patients.append(p)
        if _SUBJECT_UNDERGOES.match(a.text, t.start):
            subject = [p for p in persons if p.start - s < 30 and p.end <= t.start]
            if subject and not re.search(r"[;\"“”]", a.text[subject[0].end : t.start]):
                patients = subject[:1]  # the sentence's subject, not a name in its clauses
        if (
            not patients
            and last is not None
            and _COORDINATED.fullmatch(a.text, last[0].end, t.start)
        ):
            patients = last[1]  # "was arrested before the vote and sentenced to 18 years"
        if not patients and pronoun is not None:
            owner = _pronoun_in_sentence(a, s, pronoun.start(), persons, speakers)
            patients = [owner] if owner is not None else []
        if not patients and not persons:
            resolved = _pronoun_patient(a, si, t, previous + out)
            patients = [resolved] if resolved is not None else []
        if not patients and not persons:
            alone = _SURNAME_SUBJECT.match(a.text, s)
            if (
                alone is not None
                and alone.end() == t.start
                and alone.group(1) not in _NOT_NAMES | _NOT_SUBJECT_NAMES
            ):
                name = alone.group(1)  # "Dziadok was released from prison"
                patients = [Mention(alone.start(1), alone.end(1), name, "person", name)]
        if patients:
            last = (t, patients)
        names = [p.name for p in patients if p.name not in speakers]
        names = list(dict.fromkeys(names))
        if not names or _told_before(t.action, names, done, previous + out):
            continue
        listed_with_others = re.match(
            r"[\s,]*(?:and|as well as)\s+(?:\w+\s+)?other\b",
            a.text[max(p.end for p in patients) : e],
        )
        d = Draft(
            action=t.action,
            count=len(names),
            qualifier="at_least" if listed_with_others else "exact",
            population=None,
            start=min(p.start for p in patients),
            end=max(p.end for p in patients),
            sentence=si,
            trigger=(t.start, t.end),
            persons=names,
        )
        d.population = _role_population(a, s, e, patients)
        covering = [
            x
            for x in reversed(previous)
            if x.action == t.action and x.count > d.count and set(names) <= set(x.persons)
        ]
        if covering:
            d.part_of = covering[0]  # named again after a claim that already named them
        elif t.action == "released" and lx.PERSONS_INTRO.search(a.text, s, d.start):
            parents = [
                x for x in reversed(previous) if x.action == "released" and x.part_of is None
            ]
            if parents:
                d.part_of = parents[0]
        if d.part_of is not None and d.population not in _STATUS:
            d.population = d.part_of.population  # named among the people of a larger count
        d.source = _source(a, s, e, d.start)
        d.agent = _agent(a, d, s, e)
        if d.agent in names:
            d.agent = None
        if d.agent is None and d.part_of is not None and d.part_of.action == d.action:
            d.agent, d.agent_inherited = d.part_of.agent, True
        if d.action == "released":
            d.mechanism = _mechanism(a, s, e, doc_deal)
        d.when = _when(a, d, s, e, previous)
        out.append(d)
        done.update((t.action, n) for n in names)
    return out


_ENUMERATES = re.compile(
    r"\W*(?:one of (?:them|those|the \w+)|the (?:first|second|third|fourth|fifth|other|last)"
    r"(?:\s+(?:one|person|man|woman|prisoner|activist|detainee))?)\b[^.;]{0,80}?\b(?:is|was)\s+"
    r"(?:[a-z]+\s+){0,3}$",
    re.I,
)


def _enumeration(
    a: Article, si: int, s: int, e: int, earlier: list[Draft]
) -> tuple[Draft, Mention] | None:
    """ "One of them is X", "The second person declared a political prisoner is Y": a member
    of a small group counted just before, named. The group is the latest count of two to
    twenty, not yet naming everyone, from the eight sentences before; one whose action the
    sentence repeats comes first."""
    for person in a.mentions_in(s, min(e, s + 160), ("person",)):
        if _ENUMERATES.fullmatch(a.text, s, person.start) is None:
            continue
        groups = [
            d
            for d in reversed(earlier)
            if d.sentence >= si - 8 and 2 <= d.count <= 20 and len(d.persons) < d.count
        ]
        if not groups:
            return None
        said = {t.action for t in _triggers(a, s, person.start)}
        groups.sort(key=lambda d: d.action not in said)
        return groups[0], person
    return None


_ROLES = {
    "correspondent": "journalists",
    "journalist": "journalists",
    "reporter": "journalists",
    "editor": "journalists",
    "photographer": "journalists",
    "cameraman": "journalists",
    "activist": "activists",
    "blogger": "bloggers",
    "lawyer": "lawyers",
    "dissident": "dissidents",
    "opposition leader": "opposition_leaders",
    "opposition politician": "opposition_politicians",
    "human rights defender": "human_rights_defenders",
    "student": "students",
    "teacher": "teachers",
    "priest": "priests",
    "pastor": "priests",
    "researcher": "researchers",
    "scholar": "scholars",
    "artist": "artists",
    "musician": "musicians",
    "writer": "writers",
    "poet": "poets",
}
_DATELINE = r"(?:[A-Z][A-Z .'-]+,\s+[A-Z][a-z]+\.?\s+\d{1,2}\s+(?:\([^)]*\)\s*)?[-–—]?\s*)?"
_DESCRIBED_SUBJECT = re.compile(
    r"\W*"
    + _DATELINE
    + r"(?:[^,.;\"“”]{0,40},\s*)?(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?P<role>"
    + "|".join(sorted(_ROLES, key=len, reverse=True))
    + r")\b(?:\s+(?:of|for|from|at|with)\s+[^,.;]{0,60}?)?\s+"
    r"(?:was|has been|had been|is|were)\s+(?:\w+\s+)?",
    re.I,
)


def _described_person_claim(
    a: Article,
    si: int,
    s: int,
    e: int,
    triggers: list[Trigger],
    counted: list[Draft],
    speakers: set[str],
) -> Draft | None:
    """ "The Belarus correspondent of a Polish newspaper was detained": one person, described
    rather than named; the name is the person who opens one of the next two sentences
    ("Andrzej Poczobut, who works for ..."), if any."""
    if counted:
        return None
    for t in sorted(triggers, key=lambda x: x.start):
        if t.action not in _FACT_ACTIONS:
            continue
        hit = _DESCRIBED_SUBJECT.fullmatch(a.text, s, t.start)
        if hit is None:
            continue
        d = Draft(
            action=t.action,
            count=1,
            qualifier="exact",
            population=_ROLES[hit.group("role").lower()],
            start=hit.start("role"),
            end=hit.end("role"),
            sentence=si,
            trigger=(t.start, t.end),
        )
        for ns, _ in a.sentences[si + 1 : si + 3]:
            opening = [m for m in a.mentions_in(ns, ns + 60, ("person",)) if m.start - ns < 5]
            if opening and opening[0].name not in speakers:
                d.persons = [opening[0].name]
                break
        d.source = _source(a, s, e, d.start)
        d.agent = _agent(a, d, s, e)
        d.when = _when(a, d, s, e, [])
        return d
    return None


_ALL = re.compile(
    r"\b(?:all|everyone|every one of them|each of them)\b(?!\s+(?:of\s+)?(?:the\s+)?\d)", re.I
)


def _demand_for_all(
    a: Article,
    si: int,
    s: int,
    e: int,
    triggers: list[Trigger],
    counted: list[Draft],
    earlier: list[Draft],
) -> Draft | None:
    """ "All must be released": a demand for everyone held, counted by the stock figure told
    just before (this sentence or the two before it)."""
    if any(d.action == "demanded" for d in counted):
        return None
    demand = next(
        (
            t
            for t in triggers
            if t.action == "demanded" and _RELEASE_NEAR.search(a.text, t.start, e)
        ),
        None,
    )
    if demand is None:
        return None
    everyone = _ALL.search(a.text, max(s, demand.start - 60), min(e, demand.end + 60))
    if everyone is None:
        return None
    stock = next(
        (d for d in reversed(counted + earlier) if d.action == "held" and d.sentence >= si - 2),
        None,
    )
    if stock is None or stock.persons:
        return None
    d = Draft(
        action="demanded",
        count=stock.count,
        qualifier=stock.qualifier,
        population=stock.population,
        start=everyone.start(),
        end=everyone.end(),
        sentence=si,
        trigger=(demand.start, demand.end),
    )
    d.agent = _agent(a, d, s, e)
    quote = a.quote_at(everyone.start())
    if d.agent is None and quote is not None:
        d.agent = quote.speaker
    return d


_RELEASE_NEAR = re.compile(r"[^.]{0,40}?\b(?:releas|free)", re.I)


#: What may stand between a verb and the people it acts on ("released from prison opposition
#: leader Andrei Sannikov", "freed jailed journalists X and Y"): titles, roles, names, and no
#: other noun ("released the text of Jobs's email" frees nobody).
_ROLE_WORDS = (
    r"(?:prisoners?|leaders?|activists?|journalists?|bloggers?|lawyers?|dissidents?|reporters?|"
    r"correspondents?|candidates?|laureates?|members?|figures?|citizens?|nationals?|defenders?|"
    r"politicians?|students?|teachers?|priests?|workers?|captains?|officers?|editors?|monks?|"
    r"nuns?|clerics?|pastors?|imams?|writers?|poets?|artists?|musicians?|singers?|scientists?|"
    r"doctors?|nurses?|farmers?|businessm[ae]n|entrepreneurs?|athletes?|pensioners?|veterans?|"
    r"soldiers?|mothers?|fathers?|wives|wife|husbands?|sons?|daughters?|brothers?|sisters?|"
    r"photographers?|cameram[ae]n|researchers?|scholars?|professors?|economists?|analysts?|"
    r"foreigners?|filmmakers?|envoys?|diplomats?|employees?|staff)"
)
#: A role word right before a name ("monk U Gambira", "activist Ihar Losik").
_ROLE_BEFORE = re.compile(
    r"\b(opposition leaders?|opposition politicians?|human rights defenders?|" + _ROLE_WORDS + r")"
    r"\s+(?:[A-Z][\w'’-]*\s+)?$",
    re.I,
)
_OBJECT_GAP = re.compile(
    r"(?:\s*(?:from (?:prison|jail|custody|detention)|on (?:\w+day|parole|bail)|the|a|an|of|from|"
    r"former|jailed|imprisoned|detained|prominent|opposition|political|Nobel|Peace|high-profile|"
    r"is|are|was|were|also|both|including|as well as|among them|such as|along with|together with|"
    r"like|,|and|\([^()]{0,20}\)|spokes(?:person|man|woman)|"
    r"[A-Z][\w.'’-]*|(?:(?!(?:and|or|but|then)\b)[a-z-]+(?<!ed)(?<!ing)\s+){0,2}"
    + _ROLE_WORDS
    + r"))*\s*"
)
_COORDINATED = re.compile(
    r"[^,;.]{0,60}?\s+(?:and|then|before|after)\s+"
    r"(?:was\s+|were\s+|later\s+|then\s+|subsequently\s+|being\s+)?"
)
_PRONOUN_SUBJECT = re.compile(
    r"\b(he|she)\s+(?:was|has been|had been|is|is being|got)\s+(?:\w+\s+){0,2}$", re.I
)
_PRONOUN_OBJECT = re.compile(
    r"[^.;,]{0,50}?\b(him|her)(?=\s+(?:as|to|for|on|in|at|with|after)\b|\s*[.,;])", re.I
)


_NOT_SUBJECT_NAMES = {
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "This",
    "That",
    "There",
    "Who",
    "Everyone",
    "Nobody",
    "Someone",
    "One",
    "Each",
    "All",
    "Both",
}
#: "Statkevich's wife, Maryna Adamovich, ...": the one whose relative speaks.
_RELATIVE_OF = re.compile(
    r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)['’]s\s+(?:wife|husband|lawyer|attorney|mother|father|"
    r"son|daughter|sister|brother|family|relatives|partner|colleague|colleagues)\b"
)
#: A lone capitalised word opening a sentence as the subject of a passive verb.
_SURNAME_SUBJECT = re.compile(
    r"\W*([A-Z][a-zà-ž'’]+(?:-[A-Z][a-zà-ž'’]+)?)\s+(?:was|has been|had been)\s+(?:\w+ly\s+)?"
)


def _pronoun_in_sentence(
    a: Article, s: int, pronoun: int, persons: list[Mention], speakers: set[str]
) -> Mention | None:
    """ "Statkevich's wife, Maryna Adamovich, confirmed that he was returned": he is the
    person whose relative speaks (a possessive), else the first named who is not speaking."""
    before = [p for p in persons if p.end <= pronoun]
    owners = [p for p in before if re.match(r"['’]s\b", a.text[p.end : p.end + 2])]
    if owners:
        return owners[0]
    relative = _RELATIVE_OF.search(a.text, s, pronoun)
    if relative is not None:
        name = relative.group(1)
        return Mention(relative.start(1), relative.end(1), name, "person", name)
    talking = [p for p in before if lx.SAY_AFTER.match(a.text, p.end) or p.name in speakers]
    rest = [p for p in before if p not in talking]
    return rest[0] if rest else None


def _pronoun_patient(a: Article, si: int, t: Trigger, earlier: list[Draft]) -> Mention | None:
    """ "He was sentenced", "recognized him as a prisoner of conscience" in a sentence naming
    nobody: the one person the article's last claims, in the three sentences before, were
    about."""
    s, e = a.sentences[si]
    hit = _PRONOUN_SUBJECT.search(a.text, s, t.start) or _PRONOUN_OBJECT.match(a.text, t.end, e)
    if hit is None:
        return None
    recent = [d for d in earlier if d.sentence >= si - 3 and len(d.persons) == 1]
    if not recent:
        return None
    name = recent[-1].persons[0]
    return Mention(hit.start(1), hit.end(1), hit.group(1), "person", name)


#: The words that put one named person in custody ("who had been held since 2020"); "still"
#: or "there are" say nothing about a named person.
_IN_CUSTODY = re.compile(
    r"held since|held in|being held|behind bars|in custody|spent\b[\s\S]*", re.I
)
#: "X remains in jail", "remained behind bars": one named person still held.
_REMAINS_HELD = re.compile(
    r"remain(?:s|ed)?\s+(?:\w+\s+)?(?:in\s+(?:jail|prison|custody|detention|a penal colony)|"
    r"behind bars)",
    re.I,
)
#: Verbs whose subject is who was held or sentenced: "X ... spent three months in jail",
#: "X ... got a three-year sentence".
_SUBJECT_UNDERGOES = re.compile(
    r"spent|getting|got|gets|received|receiving|given|handed|walked free|walked out|left", re.I
)


def _told_before(
    action: str, names: list[str], done: set[tuple[str, str]], earlier: list[Draft]
) -> bool:
    """Whether these people were already counted for this action: a repeat of the same named
    group, or people counted among others and now named again without anything new. A
    different selection of people named in an earlier list ("Gershkovich, Whelan, Kara-Murza
    released", then "Gershkovich and Whelan were released by Russia") is a claim of its own."""
    if not all((action, n) in done for n in names):
        return False
    listed = [x for x in earlier if x.action == action and set(names) <= set(x.persons)]
    return not any(x.count == len(x.persons) and set(names) < set(x.persons) for x in listed)


def _only_names(text: str, start: int, end: int, names: list[Mention]) -> bool:
    """Whether only other names and list commas stand between two points ("Gershkovich,
    Whelan, Kara-Murza released"): a headline's list of the people it is about."""
    rest = text[start:end]
    for m in sorted(names, key=lambda x: -x.start):
        rest = rest[: m.start - start] + rest[m.end - start :]
    return re.fullmatch(r"(?:\s*(?:,|and|&)?\s*)*", rest) is not None


def _role_population(a: Article, s: int, e: int, patients: Sequence[Mention] = ()) -> str:
    """What named people are, by the word before their name ("monk U Gambira" → monks), else
    by the roles the sentence gives that stand before no one else's name. A sentence that
    calls them political prisoners (or prisoners of conscience) says what matters most."""
    whole = a.text[s:e].lower()
    if "prisoner of conscience" in whole or "prisoners of conscience" in whole:
        return "prisoners_of_conscience"
    if "political prisoner" in whole or _POLITICAL_GROUNDS.search(whole):
        return "political_prisoners"
    role = (
        _ROLE_BEFORE.search(a.text, max(s, patients[0].start - 40), patients[0].start)
        if patients
        else None
    )
    if role is not None:
        word = role.group(1).lower()
        return _ROLES.get(word) or _ROLES.get(word.rstrip("s")) or _plural(word)
    window = a.text[s:e]
    for other in a.mentions_in(s, e, ("person",)):
        if all(other.start != p.start for p in patients):
            window = window.replace(a.text[max(s, other.start - 25) : other.start], " ")
    window = window.lower()
    if "prisoner of conscience" in window or "prisoners of conscience" in window:
        return "prisoners_of_conscience"
    if "political prisoner" in window or _POLITICAL_GROUNDS.search(window):
        return "political_prisoners"
    for word, pop in (
        ("journalist", "journalists"),
        ("opposition leader", "opposition_leaders"),
        ("activist", "activists"),
        ("blogger", "bloggers"),
        ("lawyer", "lawyers"),
        ("prisoner", "prisoners"),
    ):
        if word in window:
            return pop
    return "people"


def _plural(word: str) -> str:
    """The snake_case plural of a role noun ("monk" → "monks", "businessman" → "businessmen")."""
    word = re.sub(r"\W+", "_", word)
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("wife"):
        return word[:-4] + "wives"
    return word if word.endswith("s") else word + "s"


def _sums(claims: list[Draft]) -> None:
    """Counts that add up to another count of the same action and period are its parts: "X
    was released today"; "13 others were released along with him"; "the release of 14"."""
    for whole in claims:
        parts = [
            c
            for c in claims
            if c is not whole
            and c.part_of is None
            and c.action == whole.action
            and c.when == whole.when
            and c.count < whole.count
            and c.sentence != whole.sentence  # not the items of one list beside each other
            and whole.part_of is not c
        ]
        if len(parts) >= 2 and sum(c.count for c in parts) == whole.count:
            for c in parts:
                c.part_of = whole


#: Populations that say what someone's imprisonment is, not what they do.
_STATUS = {"political_prisoners", "prisoners_of_conscience"}
_GENERIC = {"people", "prisoners", "activists", "bloggers", "journalists", "lawyers"}


def _political_persons(a: Article, claims: list[Draft]) -> None:
    """People the article counts as political prisoners are political prisoners in its other
    claims too ("Urad was detained in March" after Urad was recognised one), and so are the
    people "on the list" of an article about recognising them."""
    first_role: dict[str, str] = {}
    for d in claims:
        pop = d.population
        if len(d.persons) == 1 and pop is not None and pop not in (*_STATUS, "people", "prisoners"):
            first_role.setdefault(d.persons[0], pop)
    for d in claims:
        role = first_role.get(d.persons[0]) if len(d.persons) == 1 else None
        if role and d.population is not None and d.population not in _STATUS and not d.part_of:
            d.population = role  # one person is described one way across an article
    political = {p for d in claims if d.population == "political_prisoners" for p in d.persons}
    listed = any(d.action == "designated" and d.population == "political_prisoners" for d in claims)
    for d in claims:
        if d.population in _STATUS or d.population is None:
            continue
        named = bool(d.persons) and set(d.persons) <= political
        on_list = (
            listed
            and d.population in _GENERIC
            and d.action == "held"
            and re.search(r"\bon the (?:\w+\s+)?list\b", a.text[d.end : d.end + 40])
        )
        if named or on_list:
            d.population = "political_prisoners"


def _political_context(a: Article, claims: list[Draft]) -> None:
    """In an article about political prisoners, "prisoners" are political prisoners, unless the
    article sets political prisoners apart as a part of them ("102 prisoners ... among them 52
    political prisoners")."""
    lead = a.sentences[: a.sentence_of(a.body_start) + 3] if a.sentences else []
    if not any("political prisoner" in a.text[s:e].lower() for s, e in lead):
        return
    for d in claims:
        if d.population != "prisoners":
            continue
        if any(c.part_of is d and c.population == "political_prisoners" for c in claims):
            continue
        d.population = "political_prisoners"
        for c in claims:
            if c.part_of is d and c.population == "prisoners":
                c.population = "political_prisoners"


_AGENT_RANK = {"person": 3, "organization": 2, "country": 1}


def _kind_of(mentions: dict[str, str], name: str | None) -> str:
    return mentions.get(name or "", "")


def _merge(drafts: list[Draft], mentions: dict[str, str]) -> list[Draft]:
    """One claim per (action, count, population): repeats in title, lead and body are one."""
    order: list[Draft] = []
    for d in drafts:
        old = next(
            (
                o
                for o in order
                if o.action == d.action
                and o.count == d.count
                and _compatible(o.population, d.population)
                and _one_group(o, d)
            ),
            None,
        )
        if old is None:
            order.append(d)
            continue
        if _SPECIFICITY.get(d.population or "", 2) > _SPECIFICITY.get(old.population or "", 2):
            old.population = d.population
        if old.in_title:
            for attr in ("source", "agent"):
                if getattr(d, attr) is not None:
                    setattr(old, attr, getattr(d, attr))
            old.in_title = False
        if d.agent and _AGENT_RANK.get(_kind_of(mentions, d.agent), 0) > _AGENT_RANK.get(
            _kind_of(mentions, old.agent), 0
        ):
            old.agent = d.agent
        for attr in ("source", "agent", "when", "mechanism"):
            if getattr(old, attr) is None and getattr(d, attr) is not None:
                setattr(old, attr, getattr(d, attr))
        if d.when_explicit and not old.when_explicit:
            old.when, old.when_explicit = d.when, True
        if old.mechanism == "unknown" and d.mechanism not in (None, "unknown"):
            old.mechanism = d.mechanism
        if d.part_of is not None and (old.part_of is None or d.part_of.count < old.part_of.count):
            old.part_of = d.part_of
        old.persons = list(dict.fromkeys(old.persons + d.persons))
        for other in drafts:
            if other.part_of is d:
                other.part_of = old
    for i, d in enumerate(order, 1):
        d.id = f"c{i}"
    for d in order:
        parent = d.part_of
        if parent is not None and parent not in order:
            parent = next(
                (o for o in order if o.action == parent.action and o.count == parent.count), None
            )
        d.part_of = None if parent is d else parent
    return order


def _one_group(a: Draft, b: Draft) -> bool:
    """Whether two counts of one action can be the same people: not when they are parts of
    different wholes, not when different people are named, and not when one is a share of a
    breakdown and the other a group named person by person."""
    pa, pb = a.part_of, b.part_of
    if pa is not None and pb is not None and not (_within(pa, pb) or _within(pb, pa)):
        return False
    if a.persons and b.persons and not set(a.persons) & set(b.persons):
        return False
    named, share = (a, b) if a.persons else (b, a)
    return not (named.persons and not share.persons and share.part_of and not named.part_of)


def _within(part: Draft, whole: Draft) -> bool:
    """Whether `part` is `whole` or lies inside it ("six Lithuanians" in "14 foreigners" in
    "52 freed"), comparing what the claims say rather than which mention said it."""
    seen: list[Draft] = []
    step: Draft | None = part
    while step is not None and not any(step is x for x in seen):
        if (step.action, step.count) == (whole.action, whole.count):
            return True
        seen.append(step)
        step = step.part_of
    return False


_SPECIFICITY = {"people": 0, "prisoners": 1}


def _compatible(a: str | None, b: str | None) -> bool:
    return a == b or a in _SPECIFICITY or b in _SPECIFICITY
