"""Claims about people named rather than counted: "Statkevich is back in prison", "A, B and C
released", "One of them is X", "The Belarus correspondent ... was detained", a roster of names
after a count; and who the people of a count are ("including X and Y")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from prisonwatch.extract.attribution import agent_of, source_of
from prisonwatch.extract.context import Article
from prisonwatch.extract.counting import (
    FACT_ACTIONS,
    POLITICAL_GROUNDS,
    STATUS_POPULATIONS,
    Draft,
    Trigger,
    find_triggers,
    mechanism_of,
    noun_population,
)
from prisonwatch.extract.entities import Mention
from prisonwatch.extract.grammar import co_patients_by_parse, patients_by_parse, speakers_of
from prisonwatch.extract.lang.en import EN
from prisonwatch.extract.lang.en import lexicon as lx
from prisonwatch.extract.numbers import parse_number
from prisonwatch.extract.parse import token_at
from prisonwatch.extract.pronouns import antecedents
from prisonwatch.extract.timing import when_of

#: A capitalised name (one to three words) that opens a sentence or follows a comma.
_NAME_BEFORE = re.compile(r"(?:^|(?<=[,;:]\s)|(?<=\n))([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s*$")


#: "X was among 222 political prisoners ...": X is one of them.
_AMONG = re.compile(r"\s(?:was|were|is|are)\s+(?:also\s+)?among\s+(?:the\s+)?$", re.I)


def one_among(a: Article, s: int, count_start: int) -> str | None:
    """ "Maradiaga was among 222 political prisoners": the person named as one of a count."""
    among = _AMONG.search(a.text, max(s, count_start - 40), count_start)
    if among is None:
        return None
    one_of = a.mentions_in(max(s, among.start() - 60), among.start() + 1, ("person",))
    if one_of:
        return one_of[-1].name
    bare_name = _NAME_BEFORE.search(a.text, max(s, among.start() - 60), among.start())
    return bare_name.group(1) if bare_name else None


_RELEASE_WORD = re.compile(r"(?:free|releas|pardon)", re.I)


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


def persons_after(a: Article, s: int, e: int, after: int, exclude: set[str]) -> list[str]:
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


def roster(a: Article, si: int, earlier: list[Draft], speakers: set[str]) -> bool:
    """A list of names given after a count ("recognizing 19 more people as political
    prisoners. The list was updated with the following names: ..."): they are that count's
    people. Returns whether the sentence was such a list."""
    s, e = a.sentences[si]
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


def named_person_claims(
    a: Article,
    si: int,
    triggers: list[Trigger],
    counted: list[Draft],
    done: set[tuple[str, str]],
    speakers: set[str],
    doc_deal: bool,
    previous: list[Draft],
) -> list[Draft]:
    """Claims about people named without a number: "Statkevich is back in prison"."""
    s, e = a.sentences[si]
    out: list[Draft] = []
    used = {(d.trigger, d.action) for d in counted}
    last: tuple[Trigger, list[Mention]] | None = None
    for t in sorted(triggers, key=lambda x: x.start):
        persons = a.mentions_in(s, e, ("person",))
        if any(u[0] == (t.start, t.end) for u in used):
            continue
        if t.action not in (*FACT_ACTIONS, "demanded") and not (
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
        pronoun = PRONOUN_SUBJECT.search(a.text, s, t.start)
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
                    # "Kara-Murza released", not "Lukashenko pardons 31": that subject acts
                    and not re.match(r"\w+s\b", a.text[t.start : t.end])
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
        standing_for = False
        if not patients and not persons:
            # "They were released": the people named just before (pronouns.py)
            patients = antecedents(a, si, t.start, previous + out, speakers)
            standing_for = bool(patients)
        if not patients and not persons:
            alone = _SURNAME_SUBJECT.match(a.text, s)
            if (
                alone is not None
                and alone.end() == t.start
                and alone.group(1) not in _NOT_NAMES | _NOT_SUBJECT_NAMES
                and not a.mentions_in(alone.start(1), alone.end(1))  # "Belavia was freed from"
            ):
                name = alone.group(1)  # "Dziadok was released from prison"
                patients = [Mention(alone.start(1), alone.end(1), name, "person", name)]
        if patients:
            last = (t, patients)
        if not patients and t.action != "demanded":
            patients = [
                Mention(lo, hi, name, "person", name)
                for lo, hi, name in patients_by_parse(a, t.start)
            ]  # "sentenced the activist X": the verb's object, read from the parse
        beside = [
            Mention(lo, hi, name, "person", name)
            for lo, hi, name in co_patients_by_parse(a, t.start)
            if all(name != p.name for p in patients)
        ]
        if beside and t.action != "demanded":
            # "He was freed alongside B": he was counted before; B is what is new
            patients = [p for p in patients if (t.action, p.name) not in done] + beside
        tellers = speakers | speakers_of(a, t.start)  # "Lawyer X said his client was freed"
        patients = [p for p in patients if p.name not in tellers]
        names = list(dict.fromkeys(p.name for p in patients))
        if not names or _told_before(t.action, names, done, previous + out):
            continue
        listed_with_others = re.match(_WITH_OTHERS, a.text[max(p.end for p in patients) : e])
        numbered = parse_number(listed_with_others.group(1) or "") if listed_with_others else None
        d = Draft(
            action=t.action,
            count=len(names),
            qualifier="at_least" if listed_with_others and numbered is None else "exact",
            population=None,
            start=min(p.start for p in patients),
            end=max(p.end for p in patients),
            sentence=si,
            trigger=(t.start, t.end),
            persons=names,
            rule="named",
        )
        d.population = role_population(a, s, e, patients)
        told = [x for x in previous + out if set(x.persons) & set(names)] or [
            x for x in previous if si - 2 <= x.sentence < si and x.count == len(names)
        ]  # the group they were counted in ("Two journalists, A and B, ...")
        if standing_for and told and told[-1].population:
            d.population = told[-1].population  # "They were arrested": the journalists told of
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
        if d.part_of is not None and d.population not in STATUS_POPULATIONS:
            d.population = d.part_of.population  # named among the people of a larger count
        d.source = source_of(a, s, e, d.start)
        d.agent = agent_of(a, d, s, e)
        if d.agent in names:
            d.agent = None
        if d.agent is None and d.part_of is not None and d.part_of.action == d.action:
            d.agent, d.agent_inherited = d.part_of.agent, True
        if d.action == "released":
            d.mechanism = mechanism_of(a, s, e, doc_deal)
        d.when = when_of(a, d, s, e, previous)
        out.append(d)
        done.update((t.action, n) for n in names)
    return out


_ENUMERATES = re.compile(
    r"\W*(?:one of (?:them|those|the \w+)|the (?:first|second|third|fourth|fifth|other|last)"
    r"(?:\s+(?:one|person|man|woman|prisoner|activist|detainee))?)\b[^.;]{0,80}?\b(?:is|was)\s+"
    r"(?:[a-z]+\s+){0,3}$",
    re.I,
)


def enumerated_member(a: Article, si: int, earlier: list[Draft]) -> tuple[Draft, Mention] | None:
    """ "One of them is X", "The second person declared a political prisoner is Y": a member
    of a small group counted just before, named. The group is the latest count of two to
    twenty, not yet naming everyone, from the eight sentences before; one whose action the
    sentence repeats comes first."""
    s, e = a.sentences[si]
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
        said = {t.action for t in find_triggers(a, s, person.start)}
        groups.sort(key=lambda d: d.action not in said)
        return groups[0], person
    return None


#: A role word before a name -> the population it makes (`lang/en/words/role_populations.txt`).
ROLES = EN.pairs("role_populations")
_SENTENCE_ROLES = EN.pairs("sentence_role_populations")
_STATUS_PHRASES = EN.pairs("status_phrases")


_DATELINE = r"(?:[A-Z][A-Z .'-]+,\s+[A-Z][a-z]+\.?\s+\d{1,2}\s+(?:\([^)]*\)\s*)?[-–—]?\s*)?"


_DESCRIBED_SUBJECT = re.compile(
    r"\W*"
    + _DATELINE
    + r"(?:[^,.;\"“”]{0,40},\s*)?(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?P<role>"
    + "|".join(sorted(ROLES, key=len, reverse=True))
    + r")\b(?:\s+(?:of|for|from|at|with)\s+[^,.;]{0,60}?)?\s+"
    r"(?P<aux>(?:was|has been|had been|is|were)\s+(?:\w+\s+)?)?",
    re.I,
)


#: A headline's described subject, without article or auxiliary: "Jailed Belarusian activist
#: dies in prison", "Detained journalist freed".
_HEADLINE_SUBJECT = re.compile(
    r"\W*(?:[\w'’-]+\s+){0,3}?(?P<role>" + "|".join(sorted(ROLES, key=len, reverse=True)) + r")\s+",
    re.I,
)


def described_person_claim(
    a: Article,
    si: int,
    triggers: list[Trigger],
    counted: list[Draft],
    speakers: set[str],
) -> Draft | None:
    """ "The Belarus correspondent of a Polish newspaper was detained": one person, described
    rather than named; the name is the person who opens one of the next two sentences
    ("Andrzej Poczobut, who works for ..."), if any."""
    s, e = a.sentences[si]
    if counted:
        return None
    for t in sorted(triggers, key=lambda x: x.start):
        if t.action not in FACT_ACTIONS:
            continue
        hit = _DESCRIBED_SUBJECT.fullmatch(a.text, s, t.start)
        if hit is not None and hit.group("aux") is None and t.action != "died_in_custody":
            hit = None  # "The activist released a statement": only dying needs no auxiliary
        if hit is None and not a.text[s:e].rstrip().endswith((".", "”", '"')):
            hit = _HEADLINE_SUBJECT.fullmatch(a.text, s, t.start)  # "Jailed activist dies ..."
        if hit is None:
            continue
        d = Draft(
            action=t.action,
            count=1,
            qualifier="exact",
            population=ROLES[hit.group("role").lower()],
            start=hit.start("role"),
            end=hit.end("role"),
            sentence=si,
            trigger=(t.start, t.end),
            rule="described",
        )
        for ns, _ in a.sentences[si + 1 : si + 3]:
            opening = [m for m in a.mentions_in(ns, ns + 60, ("person",)) if m.start - ns < 5]
            if opening and opening[0].name not in speakers:
                d.persons = [opening[0].name]
                break
        d.source = source_of(a, s, e, d.start)
        d.agent = agent_of(a, d, s, e)
        d.when = when_of(a, d, s, e, [])
        if d.action == "released":
            d.mechanism = mechanism_of(a, s, e, False)
        return d
    return None


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


PRONOUN_SUBJECT = re.compile(
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
    hit = PRONOUN_SUBJECT.search(a.text, s, t.start) or _PRONOUN_OBJECT.match(a.text, t.end, e)
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


_WITH_OTHERS = re.compile(
    rf"[\s,]*{EN.alternation('list_joiners')}\s+(?:(\w+)\s+)?{EN.alternation('other_words')}\b",
    re.IGNORECASE,
)


def with_others(a: Article, drafts: list[Draft]) -> None:
    """ "A, B and four other Spanish citizens were freed": a claim naming its people counts
    the others the list adds by number (2 + 4), not the names alone."""
    for d in drafts:
        if not d.persons or d.count != len(d.persons) or d.qualifier != "exact":
            continue
        s, e = a.sentences[d.sentence]
        ends = [m.end for m in a.mentions_in(s, e, ("person",)) if m.name in d.persons]
        ends += [i + len(n) for n in d.persons if (i := a.text.rfind(n, s, e)) >= 0]
        if not ends:
            continue
        more = _WITH_OTHERS.match(a.text, max(ends), e)
        n = parse_number(more.group(1) or "") if more else None
        if n and more is not None:
            d.count += n
            kind = noun_population(a.text, more.end(), e)[0]
            if kind is not None and kind != d.population and d.population not in STATUS_POPULATIONS:
                d.population = "people"  # "lawmaker A and three other Thai citizens"


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


def role_population(a: Article, s: int, e: int, patients: Sequence[Mention] = ()) -> str:
    """What named people are, by the word before their name ("monk U Gambira" → monks), else
    by the roles the sentence gives that stand before no one else's name. A sentence that
    calls them political prisoners (or prisoners of conscience) says what matters most."""
    whole = a.text[s:e].lower()
    status = _status_in(whole)
    if status is not None:
        return status
    roles = {r for r in (_role_before(a, s, p) for p in patients) if r is not None}
    if len(roles) > 1:
        return "people"  # "economist A, envoy B and filmmaker C": people of no one kind
    role = (
        _ROLE_BEFORE.search(a.text, max(s, patients[0].start - 40), patients[0].start)
        if patients
        else None
    )
    if role is not None:
        word = role.group(1).lower()
        return ROLES.get(word) or ROLES.get(word.rstrip("s")) or _plural(word)
    nouns = {_noun_before_name(a, p) for p in patients}
    noun = nouns.pop() if len(nouns) == 1 else None
    if noun is not None:
        return noun  # "Kremlin critic Igor Baranov" → kremlin_critics
    window = a.text[s:e]
    for other in a.mentions_in(s, e, ("person",)):
        if all(other.start != p.start for p in patients):
            window = window.replace(a.text[max(s, other.start - 25) : other.start], " ")
    window = window.lower()
    status = _status_in(window)
    if status is not None:
        return status
    for word, pop in _SENTENCE_ROLES.items():
        if word in window:
            return pop
    return "people"


def _role_before(a: Article, s: int, name: Mention) -> str | None:
    """The population the role word or noun right before one named person makes ("activist
    A" → activists), None when nothing describes them there ("and her husband B")."""
    role = _ROLE_BEFORE.search(a.text, max(s, name.start - 40), name.start)
    if role is not None:
        word = role.group(1).lower()
        return ROLES.get(word) or ROLES.get(word.rstrip("s")) or _plural(word)
    return _noun_before_name(a, name)


def _noun_before_name(a: Article, name: Mention) -> str | None:
    """The common noun that stands right before a name and describes the person, with the
    nouns that modify it ("Kremlin critic", "student leader"), as a population; a role the
    word lists know gives theirs. None when no such noun stands there."""
    first = token_at(a.doc, name.start)
    if first is None or first.i == 0:
        return None
    noun = first.doc[first.i - 1]
    if noun.pos_ != _COMMON_NOUN or noun.idx + len(noun) + 1 != first.idx:
        return None
    name_head = first
    while name_head.dep_ == _COMPOUND and name_head.head.i > name_head.i:
        name_head = name_head.head
    if not (noun.head.i == name_head.i or name_head.head.i == noun.i):
        return None  # neither a part of the name's phrase nor the noun it stands beside
    parts = [c for c in noun.lefts if c.dep_ == _COMPOUND and c.pos_ in (_COMMON_NOUN, _PROPER)]
    words = [t.lower_ for t in (*parts, noun)]
    known = ROLES.get(" ".join(words)) or ROLES.get(noun.lower_)
    return known or "_".join([*words[:-1], _plural(words[-1])])


_COMMON_NOUN = "NOUN"
_PROPER = "PROPN"
_COMPOUND = "compound"


def _status_in(text: str) -> str | None:
    """The status population a lower-cased sentence gives its people ("political prisoner",
    "prisoners of conscience", "jailed for political reasons"), or None."""
    for phrase, pop in _STATUS_PHRASES.items():
        if phrase in text:
            return pop
    if POLITICAL_GROUNDS.search(text):
        return "political_prisoners"  # "jailed for political reasons"
    return None


def _plural(word: str) -> str:
    """The snake_case plural of a role noun ("monk" → "monks", "businessman" → "businessmen")."""
    word = re.sub(r"\W+", "_", word)
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("wife"):
        return word[:-4] + "wives"
    return word if word.endswith("s") else word + "s"
