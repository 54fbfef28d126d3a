"""When a claim happened: the time expression of its clause, "since X" to the article date,
anaphora to an earlier claim ("since that time", "days later"), stocks on the article date, and
the dates that belong to something else (a statement, another action, "his 2021 sentence")."""

from __future__ import annotations

import re
from datetime import date, timedelta

from prisonwatch.extract.context import Article
from prisonwatch.extract.counting import Draft, Trigger, find_triggers, noun_population
from prisonwatch.extract.lang.en import EN
from prisonwatch.extract.parse import in_describing_clause, token_at
from prisonwatch.extract.timex import TimeExpr

_PAST_SPAN = EN.words("past_span_words")


def _past_span(a: Article, s: int, e: int, dct: str) -> tuple[str, str] | None:
    """ "Over the past two months": a duration reaching back from the article date, as the
    span from its first month (day, year) to the article date, in the unit it is told in."""
    for t in a.times_in(s, e):
        length = t.length
        if length is None or not set(t.text.lower().split()[:2]) & _PAST_SPAN:
            continue
        n, unit = length
        y, mo, day = (int(x) for x in dct.split("-"))
        if unit == "Y":
            return str(y - n), dct
        if unit == "M":
            months = y * 12 + mo - 1 - n
            return f"{months // 12:04d}-{months % 12 + 1:02d}", dct
        days = n * (7 if unit == "W" else 1)
        return (date(y, mo, day) - timedelta(days=days)).isoformat(), dct
    return None


def when_of(a: Article, d: Draft, s: int, e: int, previous: list[Draft]) -> tuple[str, str] | None:
    if a.date is None:
        return None
    dct = a.date.isoformat()
    if d.action == "demanded":
        return None
    text = a.text
    dates = [t for t in a.times_in(s, e) if t.period is not None]
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
        near = abs(t.start - d.trigger[1]) < 45 or abs(d.trigger[0] - t.end) < 45
        # "has detained 19,000 people ... since February 2022", in the same clause
        near = near or (bool(perfect) and not _CLAUSE_BREAK.search(text, d.trigger[1], t.start))
        if (
            near
            and _after_since(text, s, t)
            and not in_describing_clause(a.doc, t.start, d.trigger[0])
        ):
            start = _start_of(t)
            return start, dct
    back = _past_span(a, s, e, dct) if d.action != "held" and not dates else None
    if back is not None:
        return back  # "over the past two months, ... has grown by 19"
    if d.action == "held":
        stay = re.match(r"spent\b", text[d.trigger[0] : d.trigger[1]], re.I)
        past = [t for t in dates if t.start >= d.trigger[0] and t.start - d.trigger[1] < 30]
        if stay and past:  # "spent three months in jail last year"
            v = _start_of(past[0])
            return v, v
        return dct, dct
    triggers = find_triggers(a, s, e)
    dates = [
        t
        for t in dates
        if not _other_trigger_between(a, e, d, t, triggers)
        and not _after_since(text, s, t)
        and not _modifies_other(d, t, triggers)
        and not (  # "his 2021 sentence"; not "released her on Wednesday"
            t.text[:1].isdigit() and _ATTRIBUTIVE_YEAR.search(text, max(s, t.start - 8), t.start)
        )
        and not _names_another_event(a, t)
    ]  # "held since 2020" starts a state; it does not date a release
    if d.action in ("sentenced", "detained"):
        # "..., the press service said on Wednesday": the day of the statement, not of the
        # conviction or arrest it mentions in passing
        dates = [t for t in dates if not _SAID_ON.search(text, max(s, t.start - 30), t.start)]
    if dates:
        d.when_explicit = True
        best = min(dates, key=lambda t: (_across_clause(text, d, t), _gap(d, t)))
        period = best.period
        assert period is not None
        return period
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


_CLAUSE_BREAK = re.compile(r"[,;:]\s")
#: A time that opens its sentence or clause, at most a preposition before it.
_OPENS_CLAUSE = re.compile(r"(?:^|[,;:.\n])\s*\S*\s*$")


def _across_clause(text: str, d: Draft, t: TimeExpr) -> bool:
    """Whether a comma, colon or semicolon stands between a claim's verb and a time: "X, who
    shared the 2022 Nobel Peace Prize, was sentenced ... in 2023" is dated 2023."""
    lo, hi = (d.trigger[1], t.start) if t.start >= d.trigger[1] else (t.end, d.trigger[0])
    if (
        t.end <= d.trigger[0]
        and re.match(r"\s*,", text[t.end : t.end + 3])
        and _OPENS_CLAUSE.search(text, max(0, t.start - 40), t.start)
    ):
        # "Last week, 20 were freed"; not "X, who was arrested in 2023, was sentenced"
        lo = t.end + text[t.end : t.end + 3].index(",") + 1
    return bool(_CLAUSE_BREAK.search(text, lo, hi)) if lo < hi else False


def _gap(d: Draft, t: TimeExpr) -> int:
    """Characters between a claim's verb (or its count, where the verb is left out: "and 23 in
    May") and a time."""
    start, end = d.trigger if d.trigger[0] < d.trigger[1] else (d.start, d.end)
    return t.start - end if t.start >= end else start - t.end


def _after_since(text: str, s: int, t: TimeExpr) -> bool:
    """ "since 2020", "since last June": the start of a stay, not the time of an act."""
    return bool(re.search(r"\bsince\s+(?:\w+\s+)?$", text[max(s, t.start - 14) : t.start], re.I))


def _other_trigger_between(
    a: Article, e: int, d: Draft, t: TimeExpr, triggers: list[Trigger]
) -> bool:
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
        and noun_population(a.text, trig.end, e)[0] is None  # "incarcerated individuals" describes
        for trig in triggers
    )


_SAID_ON = re.compile(
    r"\b" + EN.alternation("say_verbs") + r"\s+(?:\w+\s+){0,3}?"
    r"(?:on|in|late|early|last)?\s*$",
    re.I,
)


#: "eight years in prison": the length of a sentence, not a stay that would date the claim.
_TERM_BEFORE = re.compile(r"\b(?:years?|months?|weeks?|days?)\s+$", re.I)


#: "his 2021 sentence": a year describing what someone has, not dating the claim ("during the
#: 2020 protests" does date it).
_ATTRIBUTIVE_YEAR = re.compile(r"\b(?:his|her|their|its)\s+$", re.I)


def _names_another_event(a: Article, t: TimeExpr) -> bool:
    """A year that is part of the name of another event ("the 1979 Islamic Revolution") or
    of a thing an "of" phrase tells of ("the anniversary of the 2021 coup") dates that event,
    not the act of the claim."""
    tok = token_at(a.doc, t.start)
    if tok is None or tok.idx + len(tok) != t.end or tok.dep_ not in _ATTRIBUTES:
        return False
    if not (tok.is_digit and len(tok) == 4):
        return False  # a year only: "in April Lukashenko released" is parsed as a name part
    head = tok.head
    if head.pos_ == _PROPER:
        return True
    prep = head.head
    return bool(head.dep_ == _PREP_OBJECT and prep.dep_ == _PREP and prep.head.pos_ == _NOUN)


_ATTRIBUTES = ("nummod", "compound", "amod")
_PROPER = "PROPN"
_NOUN = "NOUN"
_PREP = "prep"
_PREP_OBJECT = "pobj"


def _modifies_other(d: Draft, t: TimeExpr, triggers: list[Trigger]) -> bool:
    """ "... and today's sentencing": a time right before another action's noun dates that."""
    return any(trig.action != d.action and 0 <= trig.start - t.end <= 3 for trig in triggers)


def _start_of(t: TimeExpr) -> str:
    """The first day (or month, or year) a time expression covers."""
    period = t.period
    return period[0] if period is not None else t.value


def _anchor(d: Draft, previous: list[Draft]) -> str | None:
    if d.part_of is not None and d.part_of.when is not None:
        return d.part_of.when[0]
    for p in reversed(previous):
        if p.when is not None:
            return p.when[0]
    return None
