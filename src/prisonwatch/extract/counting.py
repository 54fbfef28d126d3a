"""Counts of people in one sentence: the words that make an action, the noun a number counts,
its qualifier, the action nearest it, and the release mechanism. A `Draft` is one claim while
the article is being read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from prisonwatch.extract.context import Article
from prisonwatch.extract.lang.en import lexicon as lx
from prisonwatch.extract.numbers import NUMBER

FACT_ACTIONS = (
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
    same_people: Draft | None = None  # the group a "they" stands for: its people are these
    id: str = ""
    #: which rule found it (a feature of its confidence): count, bare, named, described,
    #: everyone, roster, headline
    rule: str = "count"


_FREEDOM = lx.FREEDOM


_NOMINAL = lx.NOMINAL_ACT


_MERELY_POSSIBLE = lx.MERELY_POSSIBLE


@dataclass(frozen=True, slots=True)
class Trigger:
    action: str
    start: int
    end: int


def find_triggers(a: Article, s: int, e: int) -> list[Trigger]:
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
        if t.action in FACT_ACTIONS:
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


def noun_population(text: str, end: int, stop: int) -> tuple[str | None, int]:
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
            return f"{demonym}{lx.NATIONALS_SUFFIX}", end + lead + origin.end()
    single = re.match(r"[A-Z][a-z]+", rest)
    if single and single.group(0).lower() in lx.SINGLE_NATIONAL_POPULATIONS:
        return lx.SINGLE_NATIONAL_POPULATIONS[single.group(0).lower()], end + lead + single.end()
    national = lx.NATIONAL_CITIZENS.match(rest)
    if national is not None:  # "Lithuanian citizens", before "Lithuanian" is read as an adjective
        pop = re.sub(r"\W+", "_", national.group(0).lower())
        pop = re.sub(lx.CITIZENS_SUFFIX, lx.NATIONALS_SUFFIX, pop)
        return pop, end + lead + national.end()
    for rx, pop in lx.POPULATIONS:
        m = rx.match(noun_part)
        whole = rx.match(rest) if m is None and gap_len and pop == "_noun" else None
        if whole is not None and whole.end() > gap_len:
            m, gap_len = whole, 0  # "opposition leaders": the gap word was the noun's own
        if m is None and rest[:gap_len].strip().lower() in lx.GENDER_NOUNS:
            m = rx.match(rest)  # "five women and a man": "women" was no adjective after all
            if m is not None:
                gap_len = 0
        if m is None:
            continue
        word = m.group(0)
        if pop == "_noun":
            pop = re.sub(r"\W+", "_", word.lower())
            pop = pop if pop.endswith("s") or pop in lx.UNCOUNTED_PLURALS else pop + "s"
            kind = gap.group(lx.KIND_GROUP) if gap is not None and gap_len else None
            if kind is not None:
                pop = f"{kind.lower()}_{pop}"  # "5 media representatives"
        elif pop == "_nationals":
            pop = re.sub(r"\W+", "_", word.lower())
            pop = pop if pop.endswith("s") else pop + "s"
            pop = re.sub(
                lx.CITIZENS_PLURAL_SUFFIX, lx.NATIONALS_SUFFIX, pop
            )  # a citizen: a national
        if pop == "people" and lx.POLITICAL_WORD in rest[:gap_len].lower():
            pop = lx.POLITICAL_PRISONERS
        if lx.FOREIGN_WORD in rest[:gap_len].lower():
            if pop == lx.NATIONALS or (
                pop == "people" and word.lower().startswith(lx.CITIZEN_WORD)
            ):
                pop = lx.FOREIGN_NATIONALS
            elif pop in ("people", lx.PRISONERS):
                pop = lx.FOREIGNERS
        return pop, end + lead + gap_len + m.end()
    return None, end


def qualifier_of(text: str, start: int, s: int) -> str:
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


PREDICATE_PP = lx.PREDICATE_PP


#: "1,100 individuals imprisoned for political reasons" are political prisoners.
POLITICAL_GROUNDS = lx.POLITICAL_GROUNDS


NUMBER_OF = lx.NUMBER_OF


_PREDICATE = lx.PREDICATE


#: "222 of the 245 political prisoners": the first number counts, the second is the whole.
PARTITIVE = lx.PARTITIVE


#: Words that make a bare count of political prisoners a stock.
STOCK_WORDS = lx.STOCK_WORDS


def predicate_population(text: str, end: int, stop: int) -> str | None:
    """ "Eight of the freed are foreign nationals": what a bare count is said to be."""
    m = _PREDICATE.match(text, end, stop)
    return noun_population(text, m.end() - 1, stop)[0] if m else None


def gapped_count(text: str, counted: list[Draft], m: re.Match[str], e: int) -> Draft | None:
    """ "16 were freed in July and 23 in September": a count after "and" whose verb is left
    out, standing for the count before it."""
    if not counted:
        return None
    prev = counted[-1]
    if not lx.GAP_BEFORE.fullmatch(text, prev.end, m.start()):
        return None
    if not lx.GAP_AFTER.match(text[m.end() : e]):
        return None
    return prev


def described_end(text: str, end: int, stop: int) -> int:
    """Where the words describing a count end: its noun, and "jailed for political reasons"
    after it (whose "jailed" tells who they are, not what happened)."""
    noun_end = noun_population(text, end, stop)[1]
    grounds = _PARTICIPLE_GROUNDS.match(text, noun_end, stop) or _HELD_WHERE.match(
        text, noun_end, stop
    )
    return grounds.end() if grounds else noun_end


#: "Five Americans held in Iran landed in Qatar": who they are, not what happened.
_HELD_WHERE = lx.HELD_WHERE


_PARTICIPLE_GROUNDS = lx.PARTICIPLE_GROUNDS


NOUN_PAREN = lx.NOUN_PAREN


BARE_PP = lx.BARE_PP


#: Only a qualifier between a verb and its count: "released more than 300".
GOVERNS = lx.GOVERNS


_SECONDARY = {
    "released": {"sentenced"},
    "sentenced": {"released", "detained"},
    "detained": {"sentenced"},
    "held": {"demanded"},
    "demanded": {"held"},
}


def nearest_actions(
    text: str, triggers: list[Trigger], start: int, end: int
) -> list[tuple[str, Trigger]]:
    triggers = [t for t in triggers if not (start <= t.start and t.end <= end)]
    if not triggers:
        return []
    ranked = sorted(triggers, key=lambda t: (_distance(t, start, end), t.start))
    governing = [
        t
        for t in triggers
        if t.action != "held" and t.end <= start and GOVERNS.fullmatch(text, t.end, start)
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


#: "one French national and a Briton": the article "a" counts one when it ends a list of counts.
_LISTED_ONE = lx.LISTED_ONE


_ACTED_ON = lx.ACTED_ON


def find_counts(text: str, s: int, e: int) -> list[re.Match[str]]:
    """The numbers of a sentence, "a"/"an" where it stands as one in a list of counts, and "the
    Frenchman" freed or held: one person by nationality."""
    found = list(NUMBER.finditer(text, s, e))
    for single in lx.SINGLE_NATIONAL.finditer(text, s, e):
        if _ACTED_ON.search(text, max(s, single.start() - 40), single.start()):
            found.append(single)  # "Iran released the Frenchman": one person
    queue = list(found)
    while queue:  # "..., a French citizen and a British national": each "a" after a count
        m = queue.pop(0)
        population, noun_end = noun_population(text, m.end(), e)
        if population is None:
            continue
        one = _LISTED_ONE.match(text, noun_end, e)
        if one is None or any(n.start() == one.start(1) for n in found):
            continue
        if noun_population(text, one.end(1), e)[0] is None:
            continue
        article = _ONE.match(text, one.start(1))
        if article is not None:
            found.append(article)
            queue.append(article)
    return sorted(found, key=re.Match.start)


_ONE = re.compile(r"an?\b", re.I)


def mechanism_of(a: Article, s: int, e: int, doc_deal: bool) -> str:
    for name, rx in lx.MECHANISMS:
        if rx.search(a.text, s, e):
            return name
    return "deal" if doc_deal else "unknown"


#: Populations that say what someone's imprisonment is, not what they do.
STATUS_POPULATIONS = {lx.POLITICAL_PRISONERS, lx.PRISONERS_OF_CONSCIENCE}
