"""Claims from Russian and Belarusian sentences: counts of people with what happened to them.

Per sentence: the counts (numbers.py), the action of the nearest trigger (a lemma or phrase of
`lang/<code>/`), a subset of the claim before when the sentence says so ("из них", "сярод іх",
"речь идет о"), a sentence opening with "Они"/"Яны" about the people counted before, and people
named after "Среди них"/"Сярод іх" as a count of their own. Then what only the article settles:
repeats merged (title, lead and body), named people added to the whole they are part of, a
deportation told of a release's people making it a release by deportation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from prisonwatch.extract.slavic.dates import Time
from prisonwatch.extract.slavic.names import Mention
from prisonwatch.extract.slavic.numbers import Count, counts
from prisonwatch.extract.slavic.words import Lexicon, Token

_PART = re.compile(r"\b(?:из\s+них|з\s+іх|в\s+том\s+числе|у\s+тым\s+ліку|из\s+которых)\b")
_NEGATION = {"не", "ни"}
_MODAL = re.compile(
    r"^(?:мо[гжч]\w*|планир\w*|намерен\w*|будут|будет|мож\w*|плану\w*|будуць|будзе)$"
)


@dataclass(slots=True)
class Draft:
    id: str
    action: str
    count: int
    qualifier: str
    population: str
    sentence: int
    start: int
    end: int
    part_of: Draft | None = None
    mechanism: str | None = None
    when: tuple[str, str] | None = None
    persons: list[str] = field(default_factory=list)
    agent: str | None = None
    source: str | None = None
    timed: bool = False  # its sentence gives its time (else inherited or the article's day)


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    tokens: list[Token]
    times: list[Time]
    people: list[Mention]
    source: str | None
    in_title: bool


def triggers(lex: Lexicon, text: str, s: Sentence) -> list[tuple[int, str]]:
    """(character position, action) of every factual trigger in a sentence."""
    out: list[tuple[int, str]] = []
    toks = s.tokens
    for i, t in enumerate(toks):
        action = lex.find(t, lex.w.TRIGGERS) if t.is_word and len(t.lower) > 3 else None
        if action is None:
            continue
        before = [x.lower for x in toks[max(0, i - 2) : i]]
        if _NEGATION & set(before[-1:]) or any(_MODAL.match(b) for b in before):
            continue
        out.append((t.start, action))
    low = text[s.start : s.end].lower()
    for pattern, action in lex.w.PHRASES:
        for m in re.finditer(pattern, low):
            if not re.search(r"\b(?:не|ни)\s*$", low[: m.start()]):
                out.append((s.start + m.start(), action))
    if any(a == "demanded" for _, a in out):
        out = [(p, "demanded" if a == "released" else a) for p, a in out]
    return out


def mechanism_in(lex: Lexicon, tokens: list[Token]) -> str | None:
    for t in tokens:
        if t.is_word and len(t.lower) > 3:
            m = lex.find(t, lex.w.MECHANISMS)
            if m is not None:
                return str(m)
    return None


def _whole_cue(between: str) -> bool:
    """Whether what follows the sentence's first count breaks it down (": 14 ... і 38",
    "из них 20")."""
    return ":" in between or bool(_PART.search(between.lower()))


def _cue(lex: Lexicon, text: str, s: Sentence) -> int | None:
    """Where a subset cue starts in the sentence, if there is one."""
    low = text[s.start : s.end].lower()
    found = [m.start() for c in lex.w.SUBSET_CUES for m in re.finditer(c, low)]
    return s.start + min(found) if found else None


class ClaimReader:
    """Reads the claims of one article's sentences, in order."""

    def __init__(self, lex: Lexicon, text: str, today: str | None) -> None:
        self.lex = lex
        self.text = text
        self.today = today
        self.drafts: list[Draft] = []
        self.last_time: tuple[str, str] | None = None
        self.uncounted: tuple[int, str, str, tuple[str, str] | None] | None = None

    def _new(self, c: Count | None, s: Sentence, action: str, **kw: object) -> Draft:
        d = Draft(
            id=f"c{len(self.drafts) + 1}",
            action=action,
            count=c.value if c else int(kw.pop("count")),  # type: ignore[call-overload]
            qualifier=c.qualifier if c else "exact",
            population=c.population if c else str(kw.pop("population", "people")),
            sentence=s.index,
            start=s.start,
            end=s.end,
        )
        for k, v in kw.items():
            setattr(d, k, v)
        self.drafts.append(d)
        return d

    def _root(self) -> Draft | None:
        for d in reversed(self.drafts):
            if d.part_of is None:
                return d
        return None

    def read(self, s: Sentence) -> None:
        lex, text = self.lex, self.text
        found = counts(lex, text, s.tokens)
        trig = triggers(lex, text, s)
        cue = _cue(lex, text, s)
        first = s.tokens[0].lower if s.tokens else ""
        root = self._root()
        mech = mechanism_in(lex, s.tokens)
        whole: Draft | None = None
        made: list[Draft] = []
        for n, c in enumerate(found):
            action = min(trig, key=lambda t: abs(t[0] - c.start))[1] if trig else None
            parent: Draft | None = None
            if whole is not None and _whole_cue(text[found[0].start : c.start]):
                parent = whole
            elif cue is not None and cue < c.start and root is not None:
                parent = root
                if action in ("sentenced", "designated", "detained"):
                    action = None  # "из них 20 были осуждены": those counted before, described
            if action is None:
                if parent is not None:
                    action = parent.action
                elif c.population in ("political_prisoners", "prisoners") and not any(
                    t.is_word and lex.find(t, lex.w.TRIGGERS) for t in s.tokens
                ):
                    action = "held"
                else:
                    continue
            d = self._new(c, s, action, part_of=parent)
            made.append(d)
            if n == 0:
                whole = d
        if not found and s.people and cue is not None and root is not None:
            named = list(
                dict.fromkeys(m.name for m in s.people if m.start > cue and m.type == "person")
            )
            group = self.uncounted
            if named and group is not None and group[0] == s.index - 1:
                # "Среди них" after a group told without a number: those, not the last count
                _, action, population, times = group
                d = self._new(None, s, action, count=len(named), population=population)
                d.mechanism, d.when, d.persons = "unknown", times, named
                self.drafts.remove(d)
                self.drafts.append(d)
                made.append(d)
            elif named:
                d = self._new(None, s, root.action, count=len(named), part_of=root)
                d.persons = named
                made.append(d)
        elif not found and first in lex.w.THEY and trig and root is not None:
            action = trig[0][1]
            d = self._new(
                None, s, action, count=root.count, part_of=root, population=root.population
            )
            d.persons = root.persons  # the same people, the same list
            made.append(d)
            if action == "deported" and root.action == "released":
                root.mechanism = "deportation"
        elif not found and trig and s.people:
            self._named(s, trig, made)
        self._complete(s, made, mech)
        self._group(s, found, trig)

    def _group(self, s: Sentence, found: list[Count], trig: list[tuple[int, str]]) -> None:
        """Remember a sentence that tells of a group without a number ("тех политзаключенных,
        которых освободили с начала июля") for a "Среди них" after it."""
        self.uncounted = None
        if found or not trig:
            return
        pops = [
            p for t in s.tokens if t.is_word and (p := self.lex.find(t, self.lex.w.POPULATIONS))
        ]
        if pops:
            when = s.times[0].period if s.times else None
            self.uncounted = (s.index, trig[0][1], str(pops[0]), when)

    def _named(self, s: Sentence, trig: list[tuple[int, str]], made: list[Draft]) -> None:
        """People named as those something happened to ("Сергей Тихановский ... был освобожден",
        "Лукашенко освободил Тихановского")."""
        pos, action = trig[0]
        if action not in ("released", "returned_to_custody", "sentenced", "detained", "deported"):
            return
        subject = [m for m in s.people if m.end <= pos and m.start - s.start < 3]
        between = self.text[subject[0].end : pos] if subject else ""
        passive = bool(re.search(r"\b(?:был\w*|быў\w*|стал\w*)\b", between)) or not subject
        if subject and passive:
            names = [subject[0].name]
            agent = None
        else:
            objects = [m for m in s.people if m.start > pos and m.start - pos < 30]
            if not objects:
                return
            names = [objects[0].name]
            agent = subject[0].name if subject else None
        d = self._new(None, s, action, count=len(names), agent=agent)
        d.persons = names
        made.append(d)

    def _complete(self, s: Sentence, made: list[Draft], mech: str | None) -> None:
        time = s.times[0].period if s.times else None
        if time is not None:
            self.last_time = time
        for d in made:
            d.timed = d.timed or time is not None
            if d.part_of is not None and time is None:
                d.when = d.part_of.when
            elif d.action == "held":
                d.when = (self.today, self.today) if self.today else None
            elif d.action == "demanded":
                d.when = None
            else:
                d.when = (
                    time or self.last_time or ((self.today, self.today) if self.today else None)
                )
            if d.action == "released":
                d.mechanism = d.mechanism or mech or (d.part_of.mechanism if d.part_of else None)
            if s.source and not d.source:
                d.source = s.source
            if d.part_of is not None:
                d.agent = d.agent or d.part_of.agent
                for p in d.persons:
                    if p not in d.part_of.persons:
                        d.part_of.persons.append(p)
