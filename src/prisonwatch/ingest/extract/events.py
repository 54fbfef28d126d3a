"""Events around the releases: meetings, visits, talks, appointments, and concessions traded
for them ("In return, the United States removed sanctions against the Belarusian state airline")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from prisonwatch.ingest.extract.claims import Draft
from prisonwatch.ingest.extract.context import Article
from prisonwatch.ingest.extract.entities import Mention
from prisonwatch.ingest.extract.gazetteer import Gazetteer

VERSION = "events/1.0"


def _rx(p: str) -> re.Pattern[str]:
    return re.compile(p, re.I)


KINDS: list[tuple[str, re.Pattern[str]]] = [
    (
        "concession",
        _rx(
            r"\b(?:lift(?:s|ed|ing)?|remov(?:e|es|ed|ing)|eas(?:e|es|ed|ing)|suspend(?:s|ed|ing)?|waiv(?:e|es|ed|ing)|rais(?:e|ed|ing)|drop(?:s|ped|ping)?)\s+(?:the\s+|US\s+|U\.S\.\s+|some\s+)?sanctions\b|\bsanctions\s+(?:relief|were lifted|have been lifted|are lifted|lifted)|\bin (?:return|exchange)\b[^.]{0,80}\bsanctions\b"
        ),
    ),
    (
        "meeting",
        _rx(r"\b(?:met|meets|meeting with|in a meeting|held talks|holds talks|hold talks)\b"),
    ),
    (
        "talks",
        _rx(r"\b(?:talks|negotiations)\s+(?:with|between|in)\b|\b(?:days|rounds?) of talks\b"),
    ),
    ("visit", _rx(r"\b(?:visit(?:s|ed|ing)?|trip to|arrived in|travel(?:l?ed)? to)\b")),
    ("appointment", _rx(r"\b(?:appoint(?:ed|ment)|named (?:as )?(?:special )?envoy)\b")),
]
_FUTURE = _rx(
    r"\b(?:will|would|could|may|might|plans? to|expected to|is to|ready to)\s+(?:\w+\s+){0,2}$"
)


@dataclass(slots=True)
class EventDraft:
    kind: str
    start: int
    end: int
    when: tuple[str, str] | None
    place: str | None
    participants: list[str]
    by: str | None = None
    what: str | None = None
    target: str | None = None
    in_return_for: list[str] = field(default_factory=list)


def _target(a: Article, gaz: Gazetteer, start: int, end: int) -> str | None:
    m = re.search(
        r"\bsanctions\s+(?:on|against|imposed on|targeting|affecting)\s+(?:the\s+)?",
        a.text[start:end],
        re.I,
    )
    if m is None:
        return None
    tail = a.text[start + m.end() : end]
    for men in a.mentions_in(start + m.end(), end, ("organization",)):
        return men.name
    phrase = re.match(r"([^.,;]{2,60})", tail)
    if phrase is None:
        return None
    words = phrase.group(1).strip()
    entry = gaz.lookup(words) or gaz.lookup("the " + words)
    if entry is not None:
        return entry.name
    words = re.sub(r"^(?:the\s+)?country['’]s\s+", "", words)
    entry = gaz.lookup(words) or gaz.lookup("the " + words)
    return entry.name if entry else re.sub(r"['’]s\b", "", words)


_BY_SOMEONE = re.compile(r"\b(?:by|of|from)\s+(?:\w+\s+){0,2}$")


def _participants(a: Article, kind: str, s: int, e: int, t0: int, t1: int) -> list[str]:
    """Who took part: the person nearest before the trigger, and for meetings and talks also
    the people named after "with" or "between"."""
    before = [
        x
        for x in a.mentions_in(s, t0, ("person",))
        if not _BY_SOMEONE.search(a.text[max(s, x.start - 25) : x.start])
    ]
    if kind in ("meeting", "talks"):
        names = [before[0].name] if before else []
    else:
        names = [before[-1].name] if before else []
    if kind in ("meeting", "talks"):
        m = re.search(r"\b(?:with|between)\b", a.text[t0:e])
        if m:
            after = a.mentions_in(t0 + m.end(), e, ("person",))
            names += [x.name for x in after[:2]]
        elif not names:
            names = [x.name for x in a.mentions_in(t1, e, ("person",))][:2]
    return list(dict.fromkeys(names))


def find_events(a: Article, gaz: Gazetteer, claims: list[Draft]) -> list[EventDraft]:
    out: list[EventDraft] = []
    text = a.text
    title = None
    for s, e in a.sentences:
        if a.date is not None and s < a.body_start:
            title = text[s:e].split(" ", 2)[-1] if text[s:e].startswith("date ") else None
            continue
        sentence = text[s:e]
        if title is not None and sentence.strip() == title.strip():
            continue
        for kind, rx in KINDS:
            m = rx.search(text, s, e)
            if m is None:
                continue
            if _FUTURE.search(text[max(s, m.start() - 40) : m.start()]) and kind != "concession":
                continue
            people = _participants(a, kind, s, e, m.start(), m.end())
            places = [x.name for x in a.mentions_in(m.end(), e, ("place", "country"))]
            dates = [t for t in a.times_in(s, e) if t.fuzzy is not None]
            when = None
            if dates:
                v = dates[0].value[:10]
                when = (v, v)
            ev = EventDraft(
                kind, s, e, when, places[0] if places else None, list(dict.fromkeys(people))
            )
            if kind == "concession":
                ev.by = _conceder(a, s, e, m.start())
                ev.what = (
                    "sanctions_eased"
                    if re.search(r"\beas", m.group(0), re.I)
                    else "sanctions_lifted"
                )
                ev.target = _target(a, gaz, s, e)
                ev.participants = [ev.by] if ev.by else []
                ev.place = None
                top = [c for c in claims if c.action == "released" and c.part_of is None]
                ev.in_return_for = [top[0].id] if top else []
                if ev.when is None and top and top[0].when is not None:
                    ev.when = top[0].when
            if kind in ("meeting", "talks") and len(ev.participants) < 2:
                continue
            if kind in ("visit", "appointment") and not ev.participants:
                continue
            if any(_same_event(o, ev) for o in out):
                continue
            if kind == "talks" and any(o.kind == "meeting" and o.start == s for o in out):
                continue
            out.append(ev)
    return out


def _same_event(a: EventDraft, b: EventDraft) -> bool:
    """One article tells one event several times (title, lead, body, key facts)."""
    if a.kind != b.kind:
        return False
    if a.kind == "concession":
        return a.by == b.by and (a.what == b.what or a.target == b.target)
    return a.when == b.when or a.participants == b.participants


def _conceder(a: Article, s: int, e: int, trigger: int) -> str | None:
    """Who gave the concession: the state or body named before the verb, else the first named."""

    def usable(found: list[Mention]) -> list[Mention]:
        return [x for x in found if x.text == x.name or not x.text.endswith(("ian", "ese", "ish"))]

    before = usable(a.mentions_in(s, trigger, ("country", "organization")))
    if before:
        return before[-1].name
    after = usable(a.mentions_in(trigger, e, ("country",)))
    return after[0].name if after else None
