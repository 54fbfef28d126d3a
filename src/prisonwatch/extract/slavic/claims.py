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
from dataclasses import replace

from prisonwatch.extract.slavic import people
from prisonwatch.extract.slavic.drafts import Draft, Sentence
from prisonwatch.extract.slavic.names import Mention
from prisonwatch.extract.slavic.numbers import (
    Count,
    _qualifier,
    counts,
    measures,
    number_at,
    singular_after,
)
from prisonwatch.extract.slavic.words import Lexicon, Token, both, ru_parse

_PART = re.compile(r"\b(?:" + "|".join(both("BREAKDOWN")) + r")\b")
_FOREIGN = {"foreign_citizens", "foreigners", "foreign_political_prisoners"}
_CONTRAST = re.compile(r",\s+(?:" + "|".join(both("CONTRAST")) + r")\b")
_NATIONALS = {
    "lithuanians", "poles", "latvians", "japanese", "estonians", "swedes", "ukrainians",
    "americans", "germans", "french", "russians",
}  # fmt: skip
_NEGATION: set[str] = both("NEGATION")
_CLAUSE_BREAKS = {",", ";", ":", "—", "–", "(", ")"}


Trigger = tuple[int, str, bool]  # character position, action, said by a participle


def participle(lex: Lexicon, t: Token) -> bool:
    """Whether a trigger word is a full participle ("освобожденного", "вызваленых"): a
    description of people rather than the telling of an act."""
    if lex.code == "ru":
        return bool(ru_parse(t.lower).tag.POS == "PRTF")
    return bool(re.search(lex.w.PARTICIPLE, t.lower))


def _clause(lex: Lexicon, toks: list[Token], i: int) -> list[Token]:
    """The clause of the sentence that token i stands in: between commas, dashes, colons,
    semicolons and the words that open reported speech ("что", "што")."""
    a = i
    while a > 0 and not _breaks(lex, toks[a - 1]):
        a -= 1
    b = i
    while b + 1 < len(toks) and not _breaks(lex, toks[b + 1]):
        b += 1
    return toks[a : b + 1]


def _breaks(lex: Lexicon, t: Token) -> bool:
    return t.text in _CLAUSE_BREAKS or t.lower in lex.w.THAT


def hypothetical(lex: Lexicon, toks: list[Token], i: int) -> bool:
    """Whether what the word at token i tells is only possible, expected or promised
    ("может помиловать", "освобождение ... ожидается", "калі ўлады вызваляць"): a word of
    `HYPOTHETICAL` in its clause, or (Russian) a verb in the future tense there."""
    for t in _clause(lex, toks, i):
        if not t.is_word:
            continue
        if lex.has(t, lex.w.HYPOTHETICAL):
            return True
        if lex.code == "ru" and {"VERB", "futr"} <= set(ru_parse(t.lower).tag.grammemes):
            return True
    return False


def triggers(lex: Lexicon, text: str, s: Sentence) -> list[Trigger]:
    """(character position, action, participle) of every factual trigger in a sentence."""
    out: list[Trigger] = []
    toks = s.tokens
    low = text[s.start : s.end].lower()
    # "вывезли из колоний": taken out of prison to somewhere, which the verb alone does not say
    moved = [s.start + m.start() for m in re.finditer(lex.w.NOT_ACTS, low)]
    for i, t in enumerate(toks):
        action = lex.find(t, lex.w.TRIGGERS) if t.is_word and len(t.lower) > 3 else None
        if action is None or t.start in moved:
            continue
        before = [x.lower for x in toks[max(0, i - 2) : i]]
        if _NEGATION & set(before[-1:]):
            continue  # a modal word before is read with its whole clause (`hypothetical`)
        if hypothetical(lex, toks, i) or _future(lex, t, action):
            continue
        out.append((t.start, action, participle(lex, t)))
    for i, j, action in _collocations(lex, toks):
        if not hypothetical(lex, toks, i) and not _NEGATION & {x.lower for x in toks[i - 1 : i]}:
            out.append((toks[min(i, j)].start, action, False))
    again = _again(lex, toks)
    out = [x for x in out if not any(a <= x[0] <= e for a, e in again)]
    out += [(a, "returned_to_custody", False) for a, _ in again]
    for pattern, action in lex.w.PHRASES:
        for m in re.finditer(pattern, low):
            at = next((k for k, t in enumerate(toks) if t.start >= s.start + m.start()), None)
            if at is not None and hypothetical(lex, toks, at):
                continue
            if not re.search(rf"\b(?:{'|'.join(_NEGATION)})\s*$", low[: m.start()]):
                first = toks[at] if at is not None else None
                # "вышедшего на свободу": a phrase opened by a participle describes people too
                described = (
                    first is not None
                    and first.start == s.start + m.start()
                    and participle(lex, first)
                )
                out.append((s.start + m.start(), action, described))
    if any(a == "demanded" for _, a, _ in out):
        out = [(p, "demanded" if a == "released" else a, f) for p, a, f in out]
    return sorted(out)


def _future(lex: Lexicon, t: Token, action: str) -> bool:
    """A Belarusian trigger verb in a future form ("вызваляць", "адпусцяць"): Belarusian has
    no dictionary here, so the endings of `FUTURE` tell it (a demand and a stock excepted)."""
    return (
        lex.code == "be"
        and action not in ("demanded", "held")
        and bool(re.search(lex.w.FUTURE, t.lower))
    )


def _collocations(lex: Lexicon, toks: list[Token]) -> list[tuple[int, int, str]]:
    """(verb index, noun index, action) of the verb-and-noun pairs of `COLLOCATIONS` that
    stand within three words of each other, in either order ("свободу получили")."""
    out: list[tuple[int, int, str]] = []
    for i, t in enumerate(toks):
        if not t.is_word:
            continue
        for verbs, nouns, action in lex.w.COLLOCATIONS:
            if not lex.has(t, verbs):
                continue
            near = range(max(0, i - 3), min(len(toks), i + 4))
            j = next(
                (k for k in near if k != i and toks[k].is_word and lex.has(toks[k], nouns)), None
            )
            if j is not None:
                out.append((i, j, action))
                break
    return out


def _again(lex: Lexicon, toks: list[Token]) -> list[tuple[int, int]]:
    """ "снова оказался в колонии", "зноў затрымалі", "повторно арестован": a word of `AGAIN`
    with a custody word or an arrest within the next words is a return to custody (the span
    from the one to the other, where an arrest is no new detention)."""
    out: list[tuple[int, int]] = []
    for i, t in enumerate(toks):
        if not (t.is_word and lex.has(t, lex.w.AGAIN)):
            continue
        for u in toks[i + 1 : i + 5]:
            if u.text in _CLAUSE_BREAKS:
                break
            custody = lex.has(u, lex.w.CUSTODY) or lex.find(u, lex.w.TRIGGERS) == "detained"
            if u.is_word and custody and not hypothetical(lex, toks, i):
                out.append((t.start, u.start))
                break
    return out


def _possessed(lex: Lexicon, t: Token) -> bool:
    """Whether the word after "их"/"іх" is a noun it owns ("их родственников"): Russian by
    the dictionary, Belarusian by the people nouns it knows and `RELATIVES`."""
    if not t.is_word:
        return False
    if lex.code == "ru":
        return bool(ru_parse(t.lower).tag.POS == "NOUN")
    return bool(lex.find(t, lex.w.POPULATIONS)) or lex.has(t, lex.w.RELATIVES)


def hypothetical_any(lex: Lexicon, s: Sentence) -> bool:
    """Whether any word of the sentence tells what only may happen."""
    return any(t.is_word and lex.has(t, lex.w.HYPOTHETICAL) for t in s.tokens)


def _noun_of_act(lex: Lexicon, t: Token) -> bool:
    """Whether a trigger word is the act's noun ("освобождение", "вызваленне")."""
    if lex.code == "ru":
        return bool(ru_parse(t.lower).tag.POS == "NOUN")
    return bool(re.search(lex.w.VERBAL_NOUN, t.lower))


def has_verb(lex: Lexicon, tokens: list[Token]) -> bool:
    """Whether a sentence has a finite verb or short participle (a nominal sentence such as
    "На сегодня в Беларуси 1378 политзаключенных" has none): Russian by the dictionary,
    Belarusian by the endings of `VERB_FORMS` (past and present forms)."""
    if lex.code != "ru":
        return any(t.is_word and re.search(lex.w.VERB_FORMS, t.lower) for t in tokens)
    return any(t.is_word and ru_parse(t.lower).tag.POS in ("VERB", "PRTS") for t in tokens)


def mechanism_in(lex: Lexicon, tokens: list[Token]) -> str | None:
    """The mechanism a sentence's words name; "в обмен на освобождение" (a release received
    for something else given) is a deal, not an exchange of prisoners."""
    for t in tokens:
        if t.is_word and len(t.lower) > 3:
            m = lex.find(t, lex.w.MECHANISMS)
            if m is not None:
                if m == "exchange" and _traded_release(lex, tokens):
                    return "deal"
                return str(m)
    return None


def mechanism_near(lex: Lexicon, text: str, tokens: list[Token], anchor: int) -> str | None:
    """The mechanism of the release whose trigger stands at `anchor`, where the sentence names
    several ("после окончания срока вышли 37 человек, еще восьмерых помиловали"): the one in
    the same clause, else the nearest; one or none as `mechanism_in`."""
    found = [
        (t.start, str(m))
        for t in tokens
        if t.is_word and len(t.lower) > 3 and (m := lex.find(t, lex.w.MECHANISMS)) is not None
    ]
    if len({m for _, m in found}) <= 1:
        return mechanism_in(lex, tokens)
    same = [f for f in found if not re.search(r"[,;]", text[min(f[0], anchor) : max(f[0], anchor)])]
    _, mech = min(same or found, key=lambda f: abs(f[0] - anchor))
    return "deal" if mech == "exchange" and _traded_release(lex, tokens) else mech


def _traded_release(lex: Lexicon, tokens: list[Token]) -> bool:
    """Whether "in exchange for" is followed by the release itself ("в обмен на
    освобождение", "у абмен на вызваленне")."""
    if not tokens:
        return False
    low = " ".join(t.lower for t in tokens)
    return bool(re.search(rf"(?:{lex.w.IN_RETURN})\s+(?:{lex.w.RELEASE_CONTEXT})", low))


def _whole_cue(between: str) -> bool:
    """Whether what follows the sentence's first count breaks it down (": 14 ... і 38",
    "из них 20")."""
    low = between.lower()
    cues = list(_PART.finditer(low))
    if cues and _CONTRAST.search(low, cues[-1].end()):
        return ":" in between  # "в том числе восьмерых ..., а взамен получила десятерых"
    return ":" in between or bool(cues)


def _cue(lex: Lexicon, text: str, s: Sentence) -> int | None:
    """Where a subset cue starts in the sentence, if there is one."""
    low = text[s.start : s.end].lower()
    found = [m.start() for c in lex.w.SUBSET_CUES for m in re.finditer(c, low)]
    return s.start + min(found) if found else None


def _cue_end(lex: Lexicon, text: str, s: Sentence) -> int:
    low = text[s.start : s.end].lower()
    found = [m.end() for c in lex.w.SUBSET_CUES for m in re.finditer(c, low)]
    return s.start + min(found) if found else s.start


# what happens next to some of the people a sentence before counted
_NEXT_STEPS = ("released", "sentenced", "deported", "returned_to_custody")
_LISTED_ACTS = ("released", "designated", "deported")
"""Acts told with a list of their people (a pardon decree, a designation, an expulsion)."""


class ClaimReader:
    """Reads the claims of one article's sentences, in order."""

    def __init__(self, lex: Lexicon, text: str, today: str | None) -> None:
        self.lex = lex
        self.text = text
        self.today = today
        self.drafts: list[Draft] = []
        self.last_time: tuple[str, str] | None = None
        self.uncounted: tuple[int, str, str, tuple[str, str] | None] | None = None
        self.uncounted_act: tuple[int, str] | None = None
        self.prev_person: Mention | None = None  # the first person the sentence before named
        self.single_names: dict[int, str] = {}  # one person's count start -> their name
        # a count of people no act was told of ("передали 31 заключенного"), for "Их
        # освобождение" in the next sentences
        self.actionless: tuple[Count, Sentence] | None = None

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

    def _parent(self, c: Count, root: Draft) -> Draft:
        """What a count after "среди них" is part of: nationals of another country are part of
        the foreigners counted before, others of the last whole."""
        if c.population in _NATIONALS or (
            c.population.endswith("_citizens") and c.population != "foreign_citizens"
        ):
            foreign = [d for d in self.drafts if d.population in _FOREIGN]
            if foreign:
                return foreign[-1]
        return root

    def read(self, s: Sentence) -> None:
        lex, text = self.lex, self.text
        cue = _cue(lex, text, s)
        found = counts(lex, text, s.tokens)
        found += self._singles(s, found)
        stocks = self._how_many(s, found)
        if cue is not None and found:  # "задержаны 96 человек, из них 41 уже осужден"
            stocks_at = {c.start for c in found + stocks}
            found += [
                replace(b, part=True) for b in self._bare(s, cue)
                if b.start not in stocks_at and b.start > found[0].end
            ]  # fmt: skip
        found = sorted(found + stocks, key=lambda c: c.start)
        bare = not found and cue is not None
        if bare and cue is not None:
            found = self._bare(s, cue)
        described = [  # ", признанных политзаключенными": what they are, not an act told
            (s.start + m.start(), s.start + m.end())
            for m in re.finditer(lex.w.DESCRIBED_POLITICAL, text[s.start : s.end].lower())
        ]
        trig = [
            t for t in triggers(lex, text, s)
            if not any(c.start <= t[0] < c.end for c in found)
            and not any(a <= t[0] < b for a, b in described)
        ]  # fmt: skip
        root = self._root()
        stock = re.search(lex.w.STOCK, text[s.start : s.end].lower())
        political = any(
            t.is_word and lex.find(t, lex.w.POPULATIONS) == "political_prisoners" for t in s.tokens
        )
        # "у спісе Вясны 1 219 імёнаў": an organisation's list is its list of political prisoners
        listed = re.search(lex.w.ORG_LIST, text[s.start : s.end]) is not None
        act_list = re.search(lex.w.ACT_LIST, text[s.start : s.end]) is not None
        whole: Draft | None = None
        made: list[Draft] = []
        of_list = -1  # where the count of an act's list (`act_list`) starts, and its draft
        list_draft: Draft | None = None
        for n, c in enumerate(found):
            # "признали ... 11 человек, осужденных за ...": a participle after the count and a
            # comma describes those counted; the verb that governs them tells the act
            own = [
                t for t in trig
                if not (t[2] and t[0] > c.end and "," in text[c.end : t[0]])
            ] or trig  # fmt: skip
            near = min(own, key=lambda t: abs(t[0] - c.start)) if own else None
            action = c.action or (near[1] if near else None)
            if c in stocks:
                action, near = "held", None  # "..., а их более 1 100": how many there are
            parent: Draft | None = None
            told = self._verb_after(s, c, trig)
            if c.action is not None and told is not None:
                # "троих задержанных отпустили", "Один из освобожденных ... был возвращен в
                # колонию": the participle names the group, the verb tells what befell them
                action, near = told[1], told
                group = [d for d in self.drafts if d.action == c.action]
                wholes = [d for d in group if d.part_of is None]
                parent = (wholes or group)[-1] if group else None
            elif c.action is not None:
                parent = root if root is not None and root.action == c.action else None
            elif whole is not None and (c.part or _whole_cue(text[found[0].start : c.start])):
                parent = whole
            elif c.part and root is not None:
                parent = root  # "Двоих из них отпустили": of those counted in a sentence before
            elif (
                root is not None
                and cue is None  # "Из них 20 были осуждены": described, read below
                and root.sentence == s.index - 1
                and c.last == c.first  # a number with no people noun of its own
                and c.value < root.count
                and len(found) == 1
                and near is not None
                and near[1] in _NEXT_STEPS
                and near[1] != root.action
            ):
                parent = root  # "Задержаны шестеро. Позднее двоих отпустили": of those six
            elif cue is not None and cue < c.start and self._told_before(s) is not None:
                action = self._told_before(s)  # "Их освободили ... Речь идет о 14 заключенных"
            elif cue is not None and cue < c.start and root is not None:
                parent = self._parent(c, root)
                later = root.action == "detained" and action == "sentenced"
                if action in ("sentenced", "designated", "detained") and not later:
                    action = None  # "из них 20 были осуждены": those counted before, described
                # (but "задержаны 96 человек, из них 41 уже осужден": the next step of a case)
            if (
                action in (None, "held")  # "которых они считают политзаключенными": whom
                and parent is None  # they hold to be such, not a stock
                and act_list
                and root is not None
                and root.action in _LISTED_ACTS
                and root.sentence < s.index
                and c.value < root.count
            ):
                # "Алиев помиловал 154 осужденных. ... в списке не менее двенадцати человек,
                # которых они считают политзаключенными": of those the act before freed
                action, parent = root.action, root
                if political and c.population == "people":
                    c = replace(c, population="political_prisoners")
                of_list = c.start
            elif parent is not None and parent is list_draft and action == "held":
                action = parent.action  # "..., в том числе двое журналистов": of that list
            if stock and action in (None, "designated") and not self._since(s, c, action):
                action = "held"
            counted = self._stock_verb(s, c)
            if counted is not None and action is None:  # "Число политзаключенных превышает 1 100"
                action = "held"
                c = replace(c, qualifier=counted if c.qualifier == "exact" else c.qualifier)
            if action is None:
                if parent is not None:
                    action = parent.action
                elif (
                    (
                        c.population in ("political_prisoners", "prisoners")
                        or (political and lex.code == "ru")  # "в списке политзаключенных 1 227"
                        or listed
                    )
                    and not (trig or has_verb(lex, s.tokens))
                    and not any(t.is_word and lex.has(t, lex.w.HYPOTHETICAL) for t in s.tokens)
                ):
                    action = "held"
                else:
                    if n == 0 and c.population != "people" and not hypothetical_any(lex, s):
                        self.actionless = (c, s)
                    continue
            population = c.population
            if parent is not None and population == "people" and self._of_them_bare(s, c):
                population = parent.population  # "30 из них": those counted, as they were named
            if re.match(lex.w.DESCRIBED_POLITICAL, text[c.end : s.end].lower()):
                population = "political_prisoners"  # "19 граждан, признанных политзаключенными"
            listed_political = political or listed
            if population == "people" and action in ("held", "designated") and listed_political:
                population = "political_prisoners"  # "палітвязнямі ... прызнаныя 1417 чалавек"
            d = self._new(c, s, action, part_of=parent, trigger=near[0] if near else None)
            if c.start == of_list:
                list_draft = d
            if c.start in self.single_names:
                d.persons = [self.single_names[c.start]]
            elif c.value == 1 and c.action is not None:
                d.persons = self._apposition(s, c)  # "Один из освобожденных, анархист Петр Зуев,"
            d.population, d.rule = population, "bare" if bare else "count"
            d.with_named = [
                m.name for m in s.people if re.fullmatch(r"\s+[иі]\s+", text[m.end : c.start])
            ]
            made.append(d)
            if n == 0:
                whole = d
        self._sum_parts(made)
        if not found:
            made += self._their_act(s)
        elif made:
            self.actionless = None
        made += self._they_within(s, made, found[0].end if found else s.end)
        made += self._joined(s, made, trig)
        if found and cue is not None and s.people:
            self._among_counted(s, cue, found, made)
        if not found and s.people and cue is not None and (root or self._cue_action(s)):
            self._among(s, cue, root, made)
        elif not found and trig and root is not None and self._of_them(s, root):
            self._they(s, trig, root, made)
        elif not found and trig:
            got = people.named(self, s, trig) if s.people else []
            if not got and self.prev_person is not None:
                got = people.by_pronoun(self, s, trig, self.prev_person)
            made += got
        self._complete(s, made)
        self._group(s, found, trig)
        if not made and s.times and not any(t.lower in lex.w.EARLIER for t in s.tokens):
            day = s.times[0].period
            if trig or (day[0] == day[1] and len(day[0]) == 10):
                # "которых освободили с начала июля"; "Во вторник силовики пришли с обысками.
                # Задержаны шестеро": the day the scene is set on
                self.last_time = day
        self.uncounted_act = (s.index, trig[0][1]) if not made and not found and trig else None
        named = [m for m in s.people if m.type == "person"]
        self.prev_person = named[0] if named else self.prev_person  # "Его задержали ..."

    def _apposition(self, s: Sentence, c: Count) -> list[str]:
        """The person named right after "один из ..." and a comma, with at most two lowercase
        words before the name ("Один из освобожденных, анархист Петр Зуев, ...")."""
        for m in s.people:
            if m.type == "person" and m.start > c.end:
                gap = self.text[c.end : m.start]
                return (
                    [m.name] if re.fullmatch(r"\s*,\s*(?:[^\W\d_A-ZА-ЯЁІЎ]+\s+){0,2}", gap) else []
                )
        return []

    def _of_them_bare(self, s: Sentence, c: Count) -> bool:
        """A count told as "N из них" with no people noun of its own."""
        last = s.tokens[c.last] if c.last < len(s.tokens) else None
        return last is not None and last.lower in self.lex.w.OF_THEM

    def _verb_after(self, s: Sentence, c: Count, trig: list[Trigger]) -> Trigger | None:
        """The first trigger after a count that is a verb (no full participle) and tells a
        next step of another act than the participle the count was named by, with no dash,
        colon or semicolon between; none for a group after "среди"/"из" ("Среди 52
        освобожденных — 40 политзаключенных, остальные осуждены": the group, described)."""
        before = s.tokens[c.first - 1].lower if c.first > 0 else ""
        if before in self.lex.w.AMONG or before in self.lex.w.OF:
            return None
        return next(
            (
                t for t in trig
                if t[0] >= c.end and not t[2] and t[1] in _NEXT_STEPS and t[1] != c.action
                and not re.search(r"[—–;:]", self.text[c.end : t[0]])
            ),
            None,
        )  # fmt: skip

    def _told_before(self, s: Sentence) -> str | None:
        """The action of the sentence just before when it told of people without a count
        ("Их освободили в обмен на ..."), for a count that names them after a cue."""
        told = self.uncounted_act
        return told[1] if told is not None and told[0] == s.index - 1 else None

    def _singles(self, s: Sentence, found: list[Count]) -> list[Count]:
        """One person told by a singular people noun right after a subset cue, after a count
        ("14 человек, в том числе гражданин Японии")."""
        if not found:
            return []
        low = self.text[s.start : s.end].lower()
        ends = [s.start + m.end() for c in self.lex.w.SUBSET_CUES for m in re.finditer(c, low)]
        if not ends:
            return []
        toks = s.tokens
        starts = []  # where one listed item may start: right after the cue (and its dash)...
        for end in ends:
            k = next((i for i, t in enumerate(toks) if t.start >= end), None)
            if k is not None and toks[k].text in ("—", "–"):
                k += 1
            if k is not None:
                starts.append(k)
        first = min(starts) if starts else len(toks)
        starts += [  # ... and after each comma or "и" of the list that follows it
            i + 1 for i in range(first, len(toks) - 1)
            if toks[i].text == "," or toks[i].lower in self.lex.w.AND
        ]  # fmt: skip
        out: list[Count] = []
        for k in sorted(set(starts)):
            one = singular_after(self.lex, toks, k)
            if one is not None and any(c.start <= one.start < c.end for c in found + out):
                continue
            at = toks[k].start if k < len(toks) else s.end
            if one is not None and all(c.start > one.start or c.end <= at for c in found):
                out.append(one)
                named = [m for m in s.people if m.type == "person" and 0 < m.start - one.end < 3]
                if named:  # "в том числе пенсионерка Нина Белова"
                    self.single_names[one.start] = named[0].name
        return sorted(out, key=lambda c: c.start) if out else []

    def _stock_verb(self, s: Sentence, c: Count) -> str | None:
        """The qualifier a counting verb gives a count after "число"/"колькасць" ("превышает"
        -> more_than, "составляет" -> exact), or None when the sentence tells no such stock."""
        toks = [t for t in s.tokens if t.end <= c.start and t.is_word]
        if not any(self.lex.has(t, self.lex.w.COUNT_NOUNS) for t in toks):
            return None
        for t in reversed(toks[-3:]):
            q = self.lex.find(t, self.lex.w.COUNT_VERBS)
            if q is not None:
                return str(q)
        return None

    def _bare(self, s: Sentence, cue: int) -> list[Count]:
        """A number with no people noun right after a subset cue ("Из них 20 были осуждены",
        "З іх 12 ужо дома"): a count of the people counted before."""
        end = _cue_end(self.lex, self.text, s)
        toks = s.tokens
        for i in (k for k, t in enumerate(toks) if t.start >= end):
            if toks[i].text in (",", ";", ":"):
                return []
            found = number_at(self.lex, toks, i)
            if found is not None:  # "Из них за решеткой находятся около 1 200"
                value, last = found
                if measures(self.lex, toks, last + 1):
                    return []  # "Кожны з іх атрымаў ад трох да пяці гадоў": years, not people
                q = _qualifier(self.lex, self.text, toks[i].start)
                return [Count(value, q, "people", i, last, toks[i].start, toks[last].end)]
        return []

    def _sum_parts(self, made: list[Draft]) -> None:
        """Counts of one sentence that add up to a whole told before ("помиловал 25 ... из
        тюрем вышли 12 женщин и 13 мужчин") are its parts, and so are the sentence's other
        smaller counts of the same action ("1 осужденная ..., 19 человек — до 40 лет")."""
        loose = [d for d in made if d.part_of is None]
        if len(loose) < 2:
            return
        earlier = [d for d in self.drafts if d not in made and d.part_of is None]
        for whole in reversed(earlier):
            same = [d for d in loose if d.action == whole.action]
            if any(a.count + b.count == whole.count for a in same for b in same if a is not b):
                for d in same:
                    if d.count < whole.count:
                        d.part_of = whole
                return

    def _they_within(self, s: Sentence, made: list[Draft], after: int) -> list[Draft]:
        """ "освободить 52 человека ..., и в тот же день их вывезли в Литву": "их"/"іх" later in
        the sentence with another act is what else happened to the sentence's first count."""
        whole = next((d for d in made if d.part_of is None), None)
        if whole is None:
            return []
        toks = s.tokens
        for i, t in enumerate(toks):
            if t.start <= after or t.lower not in self.lex.w.THEY:
                continue
            if i + 1 < len(toks) and _possessed(self.lex, toks[i + 1]):
                continue  # "а их родственников задержали": their relatives, not them
            for u in toks[i + 1 : i + 6]:
                act = self.lex.find(u, self.lex.w.TRIGGERS) if u.is_word else None
                if act and act not in (whole.action, "held", "demanded"):
                    d = self._new(
                        None, s, act, count=whole.count, part_of=whole,
                        population=whole.population,
                    )  # fmt: skip
                    d.persons, d.trigger = whole.persons, u.start
                    if act == "deported" and whole.action == "released":
                        whole.mechanism = "deportation"
                    return [d]
        return []

    def _how_many(self, s: Sentence, found: list[Count]) -> list[Count]:
        """ "Требуют освободить всех политзаключенных, а их более 1 100": a number with no
        noun after "а их" / "которых" (`HOW_MANY`) tells how many of the people named before
        it there are, a stock."""
        lex, toks = self.lex, s.tokens
        low = self.text[s.start : s.end].lower()
        out: list[Count] = []
        for m in re.finditer(lex.w.HOW_MANY, low):
            at = s.start + m.end()
            k = next((i for i, t in enumerate(toks) if t.start >= at), None)
            if k is None:
                continue
            for j in range(k, min(k + 4, len(toks))):
                number = number_at(lex, toks, j)
                if number is None:
                    continue
                value, last = number
                nxt = toks[last + 1] if last + 1 < len(toks) else None
                counted = any(c.start == toks[j].start for c in found)
                if (nxt is not None and nxt.is_word) or counted:
                    break  # a noun of its own: counted as any other number
                pops = [
                    str(p) for t in toks if t.end <= s.start + m.start() and t.is_word
                    if (p := lex.find(t, lex.w.POPULATIONS))
                ]  # fmt: skip
                q = _qualifier(lex, self.text, toks[j].start)
                pop = pops[-1] if pops else "people"
                out.append(Count(value, q, pop, j, last, toks[j].start, toks[last].end))
                break
        return out

    def _since(self, s: Sentence, c: Count, action: str | None) -> bool:
        """Whether a recognition is told over a period from a time on ("с 2020 года
        политзаключенными признаны более 4 500"): a sum of acts, not a stock, even after
        "всего"."""
        if action != "designated":
            return False
        clause = _clause(self.lex, s.tokens, c.first)
        a, b = clause[0].start, clause[-1].end
        return any(t.since and a <= t.start < b for t in s.times)

    def _their_act(self, s: Sentence) -> list[Draft]:
        """ "Передали 31 заключенного. ... Их освобождение стало результатом переговоров": a
        sentence that names the act of "их"/"іх" (a verbal noun of a trigger right after it)
        within two sentences of a count told with no act gives that count its action."""
        if self.actionless is None:
            return []
        c, told = self.actionless
        if s.index - told.index > 2:
            self.actionless = None
            return []
        toks = s.tokens
        for i, t in enumerate(toks[:-1]):
            if t.lower not in self.lex.w.THEY:
                continue
            act = self.lex.find(toks[i + 1], self.lex.w.TRIGGERS) if toks[i + 1].is_word else None
            if (
                act is None
                or act in ("held", "demanded")
                or not _noun_of_act(self.lex, toks[i + 1])
            ):
                continue
            self.actionless = None
            d = self._new(c, told, act)
            d.rule = "count"
            self._complete(told, [d])
            if act == "released":
                d.mechanism = mechanism_in(self.lex, s.tokens) or d.mechanism
            return [d]
        return []

    def _joined(self, s: Sentence, made: list[Draft], trig: list[Trigger]) -> list[Draft]:
        """ "14 палітвязняў вызвалілі і адразу вывезлі ў Літву": a second act joined to a
        count's own verb by "и"/"і" in one clause happened to the same people."""
        out: list[Draft] = []
        for d in [d for d in made if d.part_of is None and d.trigger is not None]:
            for pos, act, _ in trig:
                if pos <= (d.trigger or 0) or act in (d.action, "held", "demanded"):
                    continue
                between = self.lex.tokens(self.text, d.trigger or 0, pos)[1:]
                if len(between) > 3 or any(_breaks(self.lex, t) for t in between):
                    break
                if not any(t.lower in self.lex.w.AND for t in between):
                    continue
                if any(x.action == act and x.count == d.count for x in made + out):
                    break
                e = self._new(
                    None, s, act, count=d.count, part_of=d, population=d.population,
                )  # fmt: skip
                e.persons, e.trigger = d.persons, pos
                if act == "deported" and d.action == "released":
                    d.mechanism = "deportation"
                out.append(e)
                break
        return out

    def _of_them(self, s: Sentence, root: Draft) -> bool:
        """Whether a sentence opens with the people counted before: "Они", "Яны", or a
        participle of their own action ("Освобожденных вывезли", "Вызваленых вывезлі")."""
        if not s.tokens:
            return False
        first = s.tokens[0]
        if first.lower in self.lex.w.THEY_BOTH:
            return True  # "Супругов задержали в апреле": the two named before
        if first.lower in self.lex.w.THEY:
            owned = len(s.tokens) > 1 and _possessed(self.lex, s.tokens[1])
            return not owned  # "Их родственников задержали": not them
        own = self.lex.find(first, self.lex.w.TRIGGERS) if first.is_word else None
        return own == root.action and participle(self.lex, first)

    def _they(self, s: Sentence, trig: list[Trigger], root: Draft, made: list[Draft]) -> None:
        """ "Они были выдворены в Украину": what else happened to the people counted before (a
        repeat of their own action tells nothing new)."""
        action = next(
            (a for _, a, _ in trig if a not in (root.action, "held", "demanded")), None
        )  # "Освобожденные ... находятся в Литве": where they are, not that they are held
        if action is None:
            return
        d = self._new(None, s, action, count=root.count, part_of=root, population=root.population)
        d.persons = root.persons  # the same people, the same list
        made.append(d)
        if action == "deported" and root.action == "released":
            root.mechanism = "deportation"

    def _cue_action(self, s: Sentence) -> str | None:
        """The action a subset cue names by its participle ("Среди освобожденных" ->
        released), or None ("Среди них")."""
        end = _cue_end(self.lex, self.text, s)
        words = [t for t in s.tokens if t.end <= end and t.is_word]
        found = self.lex.find(words[-1], self.lex.w.TRIGGERS) if words else None
        return str(found) if found else None

    def _among(self, s: Sentence, cue: int, root: Draft | None, made: list[Draft]) -> None:
        """People named after "Среди них" / "Сярод іх": a count of their own, part of the group
        told just before (a count, or a group told without a number). With no group before,
        the cue's own participle gives their action ("Среди освобожденных в четверг — ...")."""
        end = _cue_end(self.lex, self.text, s)
        named = list(
            dict.fromkeys(
                m.name
                for m in s.people
                if m.start > cue and m.type == "person" and m.start - end > 2
            )
        )  # "Среди освобожденных Лукашенко заключенных": who freed them is none of them
        group = self.uncounted
        if named and group is not None and group[0] == s.index - 1:
            _, action, population, times = group
            d = self._new(None, s, action, count=len(named), population=population)
            d.mechanism, d.when, d.persons, d.timed = "unknown", times, named, True
            d.rule = "named"
            made.append(d)
        elif named and (root is None or self._cue_action(s) not in (None, root.action)):
            own = self._cue_action(s)
            if own is not None:
                d = self._new(None, s, own, count=len(named))
                d.persons, d.rule = named, "named"
                made.append(d)
        elif named and root is not None:
            d = self._new(None, s, root.action, count=len(named), part_of=root)
            d.persons, d.rule = named, "named"
            made.append(d)

    def _among_counted(self, s: Sentence, cue: int, found: list[Count], made: list[Draft]) -> None:
        """People named after "сярод іх —" / "в том числе" in the sentence that counts their
        group ("вызваліў 52 палітвязні, сярод іх — Ігара Лосіка"): a count of their own, part
        of that group, whose people they are too. Not when a number follows the cue (a
        counted subset, read as such)."""
        if any(c.start > cue for c in found):
            return
        end = _cue_end(self.lex, self.text, s)
        named = list(
            dict.fromkeys(m.name for m in s.people if m.type == "person" and m.start >= end)
        )
        whole = next(
            (d for d in reversed(made) if d.part_of is None and d.count > len(named)), None
        )
        if not named or whole is None or any(set(d.persons) & set(named) for d in made):
            return
        whole.persons += [n for n in named if n not in whole.persons]
        d = self._new(None, s, whole.action, count=len(named), part_of=whole)
        d.persons, d.rule, d.when, d.timed = named, "named", whole.when, whole.timed
        made.append(d)

    def _group(self, s: Sentence, found: list[Count], trig: list[Trigger]) -> None:
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

    def _time_of(self, s: Sentence, d: Draft, trig: list[Trigger]) -> tuple[str, str] | None:
        """The sentence's time nearest the claim's trigger, unless it stands nearer a trigger
        of another action ("освобождены в четверг, задержаны ранее"); words of one act
        ("вышли" ... "на свободу") are one trigger."""
        if not s.times:
            return None
        anchor = d.trigger if d.trigger is not None else d.start
        best = min(s.times, key=lambda t: abs(t.start - anchor))
        a, b = sorted((best.start, anchor))
        if best.start < anchor and any(
            t.is_word and t.lower in self.lex.w.LATER and a <= t.start < b for t in s.tokens
        ):
            return None  # "задержали в декабре 2023 года и позднее приговорили"
        if d.trigger is not None and not re.search(r"[,;:—–()]", self.text[a:b]):
            return best.period  # "вышедший на свободу в июне": the time of its own clause
        others = [p for p, action, _ in trig if p != d.trigger and action != d.action]
        if d.trigger is not None and any(
            abs(best.start - p) < abs(best.start - anchor) for p in others
        ):
            return None
        if d.trigger is not None and any(
            not re.search(r"[,;:—–()]", self.text[min(p, best.start) : max(p, best.start)])
            for p in others
        ):
            return None  # "X, вышедшего на свободу в сентябре, снова задержали": its clause's
        return best.period

    def _when(self, s: Sentence, d: Draft, positions: list[Trigger], earlier: bool) -> None:
        """A claim's period: its own time, its whole's, the stock's day, or the last told."""
        time = self._time_of(s, d, positions)
        d.timed = time is not None or earlier
        if time is not None and d.action not in ("held", "demanded"):
            self.last_time = time
        today = (self.today, self.today) if self.today else None
        as_of = [
            t.period
            for t in s.times
            if re.search(self.lex.w.AS_OF, self.text[max(s.start, t.start - 30) : t.start].lower())
        ]
        if d.action == "held":
            d.when = as_of[0] if as_of else today  # the day it is counted on
        elif d.action == "demanded":
            d.when = None
        elif time is not None:
            d.when = time
        elif earlier or d.action == "designated" or (d.persons and not d.part_of):
            d.when = None  # "ранее", a recognition or one named person: only a time told
        elif d.part_of is not None:
            d.when = d.part_of.when
        else:
            d.when = self.last_time or today

    def _complete(self, s: Sentence, made: list[Draft]) -> None:
        lex = self.lex
        earlier = any(t.lower in lex.w.EARLIER for t in s.tokens)
        mech = mechanism_in(lex, s.tokens)
        positions = triggers(lex, self.text, s)
        for d in made:
            if not d.timed:
                self._when(s, d, positions, earlier)
            if d.action == "released":
                if mech is not None:
                    anchor = d.trigger if d.trigger is not None else d.start
                    mech = mechanism_near(lex, self.text, s.tokens, anchor)
                d.mechanism = d.mechanism or mech or (d.part_of.mechanism if d.part_of else None)
            if s.source and not d.source:
                d.source = s.source
            if d.part_of is not None:
                d.agent = d.agent or d.part_of.agent
                for p in d.persons:
                    if p not in d.part_of.persons:
                        d.part_of.persons.append(p)
