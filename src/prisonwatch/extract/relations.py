"""How the claims of one article relate: subsets ("of whom 40"), items of one list, counts that
add up to another, and repeats of one fact in title, lead and body, which are merged."""

from __future__ import annotations

from prisonwatch.extract.counting import Draft
from prisonwatch.extract.lang.en import lexicon as lx
from prisonwatch.extract.numbers import NUMBER

_FOREIGN = lx.FOREIGN_POPULATIONS


LIST_GAP = lx.LIST_GAP


#: Parallel clauses of one breakdown: "10 were sent to Russia, 13 to Germany, and three ...".
_CLAUSE_GAP = lx.CLAUSE_GAP


def parallel(text: str, start: int, end: int) -> bool:
    """Whether the words between two counts end one clause of a list and start the next."""
    return _CLAUSE_GAP.fullmatch(text, start, end) is not None and not NUMBER.search(
        text, start, end
    )


def _siblings(text: str, a: Draft, b: Draft) -> bool:
    """Two counts of one list ("six Lithuanians, two Latvians"; "four from Germany, three
    from Lithuania and two from Latvia"): next to each other, or listed parts of one kind."""
    if LIST_GAP.fullmatch(text, a.end, b.start) is not None:
        return True
    if a.subset_marker and b.subset_marker and parallel(text, a.end, b.start):
        return True
    if _tally_row(text, a) and _tally_row(text, b):
        return True  # '"Believers" - 183 people; "Life convicts" - 11 people': rows of one tally
    kind = {p.rsplit("_", 1)[-1] for p in (a.population or "", b.population or "")}
    return a.subset_marker and b.subset_marker and kind == {lx.NATIONALS}


def _tally_row(text: str, d: Draft) -> bool:
    """Whether a count is a row of a list's tally (a quoted category, a dash, the count)."""
    row = lx.TALLY_ROW_DASH.match(text, d.trigger[0]) if d.action == "held" else None
    return row is not None and row.end() == d.trigger[1]


def link_part_of(d: Draft, same_sentence: list[Draft], earlier: list[Draft], text: str) -> None:
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


def link_sums(claims: list[Draft]) -> None:
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


_AGENT_RANK = {"person": 3, "organization": 2, "country": 1}


def _kind_of(mentions: dict[str, str], name: str | None) -> str:
    return mentions.get(name or "", "")


def merge_repeats(drafts: list[Draft], mentions: dict[str, str]) -> list[Draft]:
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


_SPECIFICITY = lx.GENERAL_POPULATIONS


def _compatible(a: str | None, b: str | None) -> bool:
    return a == b or a in _SPECIFICITY or b in _SPECIFICITY
