"""Events around the releases: meetings, visits, talks, appointments, and concessions traded
for them ("In return, the United States removed sanctions against the Belarusian state airline")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from prisonwatch.extract.context import Article
from prisonwatch.extract.counting import Draft
from prisonwatch.extract.entities import Mention
from prisonwatch.extract.gazetteer import Gazetteer
from prisonwatch.extract.lang.en import EN
from prisonwatch.extract.lang.en import lexicon as lx
from prisonwatch.extract.parse import past_perfect

VERSION = "events/1.3"


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
    m = lx.SANCTIONS_ON.search(a.text[start:end])
    if m is None:
        return None
    tail = a.text[start + m.end() : end]
    for men in a.mentions_in(start + m.end(), end, ("organization",)):
        return men.name
    phrase = re.match(r"([^.,;]{2,60})", tail)
    if phrase is None:
        return None
    words = phrase.group(1).strip()
    entry = gaz.lookup(words) or gaz.lookup(lx.DEFINITE + words)
    if entry is not None:
        return entry.name
    words = lx.COUNTRY_OWNER.sub("", words)
    entry = gaz.lookup(words) or gaz.lookup(lx.DEFINITE + words)
    return entry.name if entry else re.sub(r"['’]s\b", "", words)


#: "tasked by President Trump", "the release of activist X": not who met or visited. ("Secretary
#: of State Mike Pompeo" is a title, not a relation.)
_BY_SOMEONE = lx.BY_SOMEONE
#: The event kind a release may be traded for (the contract's `concession`).
_CONCESSION = "concession"
_POSSESSIVE = re.compile(r"['’]s\b")


def _owner(a: Article, m: Mention, trigger: int) -> bool:
    """ "Trump's special envoy John Coale met": Trump is whose envoy, not who met; but in
    "Pompeo's visit" the owner of the visit is the visitor."""
    if not _POSSESSIVE.match(a.text, m.end):
        return False
    return a.text[m.end : trigger].strip() not in ("'s", "’s")


def _participants(a: Article, kind: str, s: int, e: int, t0: int, t1: int) -> list[str]:
    """Who took part: the person nearest before the trigger (for meetings and talks the first,
    or both of "X and Y"), and for meetings and talks also the people named after "with",
    "between" or a passive "by". Owners ("Trump's envoy") are not participants."""
    before = [
        x
        for x in a.mentions_in(s, t0, ("person",))
        if not _BY_SOMEONE.search(a.text[max(s, x.start - 25) : x.start]) and not _owner(a, x, t0)
    ]
    names: list[str] = []
    if kind in ("meeting", "talks"):
        if len(before) >= 2 and lx.PAIR_JOINER.fullmatch(a.text[before[-2].end : before[-1].start]):
            names = [before[-2].name, before[-1].name]
        elif before:
            names = [before[0].name]
    elif kind == "appointment" and (
        appointee := [
            x
            for x in a.mentions_in(t1, min(e, t1 + 40), ("person",))
            if lx.APPOINTEE_GAP.fullmatch(a.text[t1 : x.start])
        ]
    ):
        names = [appointee[0].name]  # "Trump appointed John Coale": the one appointed
    elif before:
        names = [before[-1].name]
    if kind in ("meeting", "talks"):
        m = lx.WITH_WHOM.match(a.text[t0:e])
        if m:
            after = [x for x in a.mentions_in(t0 + m.end(), e, ("person",)) if not _owner(a, x, e)]
            if lx.BETWEEN_END.search(m.group(0)) and len(after) >= 2:
                names = []  # "a meeting between X and Y": those two, whoever the sentence is about
            names += [x.name for x in after[:2]]
        elif not names:
            names = [x.name for x in a.mentions_in(t1, e, ("person",))][:2]
        else:  # "X met Y": whom they met
            names += [x.name for x in a.mentions_in(t1, min(e, t1 + 40), ("person",))][:1]
    return list(dict.fromkeys(names))


def _anaphoric(a: Article, kind: str, t0: int, t1: int) -> bool:
    """ "the visits had attracted attention": a noun pointing back at an event told already."""
    if kind not in ("visit", "meeting"):
        return False
    return bool(
        lx.ANAPHORIC_BEFORE.search(a.text[max(0, t0 - 8) : t0])
    ) and not lx.RELATION_AFTER.match(a.text[t1 : t1 + 12])


_CONCEDING = EN.words("concession_lemmas")
_EASING = EN.words("easing_lemmas")
_MEASURES = EN.words("measure_nouns")
_BLACKLISTS = EN.words("blacklist_nouns")
_OFF = EN.words("removal_prepositions")
_CONCERNING = EN.words("measure_prepositions")
#: spaCy's English labels.
_OBJECT, _PASSIVE_SUBJECT, _SUBJECT = "dobj", "nsubjpass", "nsubj"
_PASSIVE_AGENT = "agent"
_PREPOSITION, _PREP_OBJECT, _NEGATION, _PRONOUN = "prep", "pobj", "neg", "PRON"
_DETERMINER = "det"
_OWNERS = ("compound", "amod", "poss")
_GIVERS = ("country", "organization")


def _named(a: Article, tok: object, types: tuple[str, ...]) -> str | None:
    """The entity a noun phrase names (the first inside it), else None."""
    lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)  # type: ignore[attr-defined]
    found = a.mentions_in(lo, hi, types)
    return found[0].name if found else None


def _concessions_by_parse(
    a: Article, claims: list[Draft], s: int, e: int, index: int
) -> list[tuple[EventDraft, int]]:
    """Concessions read from the parse, for phrasings the surface patterns miss: a verb of
    giving up (`concession_lemmas`) whose object is a measure ("lifted the travel ban on X",
    "eased restrictions on X") or that takes someone off a list ("removed it from the list of
    state sponsors of terrorism"), not negated, in an article that reports a release (what a
    concession is traded for). Who gave it is the verb's subject, else the state named
    before; what it concerned, the measure's "on" phrase or the one delisted (the article's
    own state, else the state named before, for "it" or "the country")."""
    top = [c for c in claims if c.action == "released" and c.part_of is None]
    if a.doc is None or not top:
        return []
    out: list[tuple[EventDraft, int]] = []
    for verb in a.doc.char_span(s, e, alignment_mode="expand") or []:
        if verb.lemma_.lower() not in _CONCEDING or any(c.dep_ == _NEGATION for c in verb.children):
            continue
        if past_perfect(a.doc, verb.idx):  # given before: no part of this trade
            continue
        objects = [c for c in verb.children if c.dep_ in (_OBJECT, _PASSIVE_SUBJECT)]
        if not objects:
            continue
        obj = objects[0]
        target: str | None = None
        if obj.lemma_.lower() in _MEASURES:
            what = "sanctions_eased" if verb.lemma_.lower() in _EASING else "sanctions_lifted"
            about = [
                p
                for c in obj.children
                if c.dep_ == _PREPOSITION and c.lower_ in _CONCERNING
                for p in c.children
                if p.dep_ == _PREP_OBJECT
            ]
            if about:
                target = _named(a, about[0], ("organization", "country", "place")) or " ".join(
                    t.text for t in about[0].subtree if t.dep_ != _DETERMINER
                )
        elif any(
            c.dep_ == _PREPOSITION
            and c.lower_ in _OFF
            and any(p.dep_ == _PREP_OBJECT and p.lemma_.lower() in _BLACKLISTS for p in c.children)
            for c in verb.children
        ):
            what = "sanctions_eased"
            target = _named(a, obj, ("country", "organization"))
        else:
            continue
        subject = next((c for c in verb.children if c.dep_ == _SUBJECT), None)
        by = _named(a, subject, _GIVERS) if subject is not None else None
        if by is None and obj.dep_ == _PASSIVE_SUBJECT:  # "U.S. sanctions ... were lifted"
            owner = [c for c in obj.children if c.dep_ in _OWNERS]
            by = _named(a, owner[0], ("country",)) if owner else None
        if by is None:
            by = _conceder(a, s, e, verb.idx)
        if target is None and what == "sanctions_eased" and obj.lemma_.lower() not in _MEASURES:
            # "removed it", "the country": the article's state, else the state named before
            before = [m.name for m in a.mentions_in(s, verb.idx, ("country",))]
            states = [n for n in [a.country_name, *reversed(before)] if n and n != by]
            target = states[0] if states else None
        if by is not None and by == target:
            by = None  # the state a measure concerned did not give it up
        ev = EventDraft(
            "concession", s, e, _when(a, s, e, verb.idx, index), None, [by] if by else []
        )
        ev.by, ev.what, ev.target = by, what, target
        ev.in_return_for = [top[0].id]
        if ev.when is None and top[0].when is not None:
            ev.when = top[0].when
        out.append((ev, verb.idx))
    return out


_HOSTING = EN.words("hosting_lemmas")
_DELEGATIONS = EN.words("delegation_nouns")
_LEADING = EN.words("leading_lemmas")
_APPOINTING = EN.words("appointment_lemmas")
_OFFICES = EN.words("office_nouns")


def _person_at(a: Article, tok: object) -> str | None:
    """The person a token is part of the name of, if any."""
    i = tok.idx  # type: ignore[attr-defined]
    found = [m for m in a.mentions if m.type == "person" and m.start <= i < m.end]
    return found[0].name if found else None


def _meetings_by_parse(a: Article, s: int, e: int, index: int) -> list[EventDraft]:
    """A meeting read from the parse: a person hosts ("received", "hosted", "welcomed")
    another person, or a delegation through the one who leads it ("received the American
    delegation led by X")."""
    out: list[EventDraft] = []
    for verb in a.doc.char_span(s, e, alignment_mode="expand") or []:
        if verb.lemma_.lower() not in _HOSTING:
            continue
        subject = next((c for c in verb.children if c.dep_ == _SUBJECT), None)
        guest = next((c for c in verb.children if c.dep_ == _OBJECT), None)
        host = _person_at(a, subject) if subject is not None else None
        if host is None or guest is None:
            continue
        other = _person_at(a, guest)
        if other is None and guest.lemma_.lower() in _DELEGATIONS:
            leaders = [
                p
                for c in guest.children
                if c.lemma_.lower() in _LEADING
                for by in c.children
                if by.dep_ == _PASSIVE_AGENT
                for p in by.children
                if p.dep_ == _PREP_OBJECT
            ]
            other = _person_at(a, leaders[0]) if leaders else None
        if other is None or other == host:
            continue
        places = [x.name for x in a.mentions_in(verb.idx, e, ("place", "country"))]
        out.append(
            EventDraft(
                "meeting",
                s,
                e,
                _when(a, s, e, verb.idx, index),
                places[0] if places else None,
                [host, other],
            )
        )
    return out


def _appointments_by_parse(a: Article, s: int, e: int, index: int) -> list[EventDraft]:
    """An appointment read from the parse: a verb of appointing with an office in its phrase
    ("named X special envoy", "appointed X as his envoy"); the one appointed is the first
    person named after the verb within its phrase."""
    out: list[EventDraft] = []
    for verb in a.doc.char_span(s, e, alignment_mode="expand") or []:
        if verb.lemma_.lower() not in _APPOINTING:
            continue
        after = [t for t in verb.subtree if t.i > verb.i]
        if not any(t.lemma_.lower() in _OFFICES for t in after):
            continue
        named = [n for t in after if (n := _person_at(a, t)) is not None]
        if named:
            out.append(
                EventDraft("appointment", s, e, _when(a, s, e, verb.idx, index), None, named[:1])
            )
    return out


def _when(a: Article, s: int, e: int, t0: int, index: int) -> tuple[str, str] | None:
    """The date of the clause the trigger stands in, else the last date told in the two
    sentences before (the narrative's time), else none."""
    dates = [t for t in a.times_in(s, e) if t.period is not None]
    near = [
        t
        for t in dates
        if not re.search(r"[,;—]", a.text[min(t.end, t0) : max(t.start, t0)])
        or abs(t.start - t0) < 25
    ]
    if near:
        best = min(near, key=lambda t: abs(t.start - t0))
        period = best.period
        assert period is not None
        return period
    for j in range(index - 1, max(-1, index - 3), -1):
        ps, pe = a.sentences[j]
        if ps < a.body_start:
            break
        earlier = [t for t in a.times_in(ps, pe) if t.period is not None]
        if earlier:
            period = earlier[-1].period
            assert period is not None
            return period
    return None


def find_events(a: Article, gaz: Gazetteer, claims: list[Draft]) -> list[EventDraft]:
    """The events of an article, each once: a repeat in the lead or the key facts, a quoted
    account of a concession told already, or "These include ..." after a concession is the
    same event."""
    out: list[EventDraft] = []
    text = a.text
    for index, s, e in _event_sentences(a):
        for kind, rx in lx.EVENT_TRIGGERS:
            for m in rx.finditer(text, s, e):
                ev = _event(a, gaz, claims, kind, m, s, e, index)
                if ev is None:
                    continue
                if ev.kind == "concession" and _told_already(a, ev, m.start(), out):
                    continue
                if any(_same_event(o, ev) for o in out):
                    continue
                if kind == "talks" and any(o.kind == "meeting" and o.start == s for o in out):
                    continue
                out.append(ev)
        if a.doc is not None:
            for ev in _meetings_by_parse(a, s, e, index) + _appointments_by_parse(a, s, e, index):
                if not any(o.kind == ev.kind and o.start == s for o in out) and not any(
                    _same_event(o, ev) for o in out
                ):
                    out.append(ev)  # what the surface patterns missed in this sentence
        if any(o.kind == "concession" and o.start == s for o in out):
            continue  # the surface patterns read this sentence's concession already
        for ev, at in _concessions_by_parse(a, claims, s, e, index):
            if not _told_already(a, ev, at, out) and not any(_same_event(o, ev) for o in out):
                out.append(ev)
    return out


def _event_sentences(a: Article) -> Iterator[tuple[int, int, int]]:
    """The sentences events are read from (index, start, end): the body's, less a title
    repeated as the first line of the body."""
    text = a.text
    title = None
    for index, (s, e) in enumerate(a.sentences):
        if a.date is not None and s < a.body_start:
            title = text[s:e].split(" ", 2)[-1] if text[s:e].startswith(lx.HEADER_MARK) else None
            continue
        if title is not None and text[s:e].strip() == title.strip():
            continue
        yield index, s, e


def concession_told(a: Article, gaz: Gazetteer) -> bool:
    """Whether the article tells a concession before any claim is known: whether
    `find_events(a, gaz, [])` gives one. Only the surface patterns of a concession can (with
    no claims the parse's concessions and an exchange's need a release, and no other kind
    becomes one; an event left out as told already or the same as another leaves a
    concession in the list), so only those are tried, and the first found answers."""
    text = a.text
    for index, s, e in _event_sentences(a):
        for kind, rx in lx.EVENT_TRIGGERS:
            if kind != _CONCESSION:
                continue
            for m in rx.finditer(text, s, e):
                ev = _event(a, gaz, [], kind, m, s, e, index)
                if ev is not None and ev.kind == _CONCESSION:
                    return True
    return False


def _event(
    a: Article,
    gaz: Gazetteer,
    claims: list[Draft],
    kind: str,
    m: re.Match[str],
    s: int,
    e: int,
    index: int,
) -> EventDraft | None:
    text = a.text
    planned = lx.EVENT_NOT_FACTUAL.search(text[max(s, m.start() - 40) : m.start()])
    if planned and kind not in ("concession", "exchange"):
        return None
    if _anaphoric(a, kind, m.start(), m.end()):
        return None
    people = _participants(a, kind, s, e, m.start(), m.end())
    places = [x.name for x in a.mentions_in(m.end(), e, ("place", "country"))]
    ev = EventDraft(
        kind,
        s,
        e,
        _when(a, s, e, m.start(), index),
        places[0] if places else None,
        list(dict.fromkeys(people)),
    )
    if kind == "exchange":
        return _exchange(a, claims, m, s, e, ev)
    if kind == "concession" and past_perfect(a.doc, m.start()):
        return None  # "had lifted sanctions in 2023": given before, not traded for these
    if kind == "concession":
        top = [c for c in claims if c.action == "released" and c.part_of is None]
        ev.by = _conceder(a, s, e, m.start())
        ev.what = "sanctions_eased" if lx.EASING_WORD.search(m.group(0)) else "sanctions_lifted"
        ev.target = _target(a, gaz, s, e)
        ev.participants = [ev.by] if ev.by else []
        ev.place = None
        ev.in_return_for = [top[0].id] if top else []
        if ev.when is None and top and top[0].when is not None:
            ev.when = top[0].when
        return ev
    if kind in ("meeting", "talks") and len(ev.participants) < 2:
        return None
    if kind in ("visit", "appointment") and not ev.participants:
        return None
    return ev


def _exchange(
    a: Article, claims: list[Draft], m: re.Match[str], s: int, e: int, ev: EventDraft
) -> EventDraft | None:
    """A swap of prisoners between states ("26 prisoners had been exchanged by Russia and the
    West"): a concession by both sides, traded for the people the article counts freed."""
    text = a.text
    top = [c for c in claims if c.action == "released" and c.part_of is None]
    sides = [
        x
        for x in a.mentions_in(s, e, ("country", "place"))
        if (x.type == "country" or x.name in (lx.WEST, lx.THE_WEST))
        and not lx.PLACE_BEFORE.search(text[max(s, x.start - 4) : x.start])
    ]  # "in Ankara" is where, not who
    sides_named = [(x, lx.THE_WEST if x.name == lx.WEST else x.name) for x in sides]
    after = [n for x, n in sides_named if x.start >= m.start()]
    if lx.THE_WEST_RX.search(text[m.end() : e]) and lx.THE_WEST not in after:
        after.append(lx.THE_WEST)
    # the sides named after "exchanged by", else all the states the sentence names
    parties = list(dict.fromkeys(after if len(set(after)) >= 2 else [n for _, n in sides_named]))
    if len(parties) < 2 or not top:
        return None  # an exchange between states, and of people the article counts
    ev.kind, ev.what, ev.by, ev.target = "concession", "exchange", parties[0], parties[1]
    ev.participants = parties
    ev.in_return_for = [c.id for c in claims if c.part_of is top[0]] or [top[0].id]
    return ev


def _told_already(a: Article, ev: EventDraft, trigger: int, out: list[EventDraft]) -> bool:
    """A concession told again: in someone's quoted words, or with no giver named right after
    one ("These include lifting sanctions on Belavia"), which then tells what it concerned."""
    if ev.what == "exchange":
        return any(o.kind == "concession" and o.what == "exchange" for o in out)
    earlier = [o for o in out if o.kind == "concession" and o.what != "exchange"]
    if not earlier:
        return False
    last = earlier[-1]
    if a.quote_at(trigger) is not None:
        return True
    if ev.by is None or ev.by == last.by:
        if ev.target is not None and a.mentions_in(ev.start, ev.end, ("organization",)):
            last.target = ev.target  # the elaboration names the company or sector
        return ev.by is None or ev.target in (None, last.target)
    return False


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
        return [x for x in found if x.text == x.name or not x.text.endswith(lx.ADJECTIVE_ENDINGS)]

    before = usable(a.mentions_in(s, trigger, ("country", "organization")))
    if before:
        return before[-1].name
    after = usable(a.mentions_in(trigger, e, ("country",)))
    return after[0].name if after else None
