"""Claims: counts of people that something happened to, with who, when and on whose word.

Rules work on one sentence at a time: find numbers of people (`counting`), the action nearest to
each, and then its qualifier, population, subset relation (`relations`), time (`timing`), agent
and attributed source (`attribution`) and named persons (`people`). Named people with no number
("Statkevich is back in prison") give claims of their own. Repeats of one fact (title, lead,
body) are merged at the end.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Any

from prisonwatch.extract.attribution import (
    POLICE,
    agent_of,
    counting_body,
    holding_state,
    is_government,
    is_org,
    one_ruling_body,
    source_of,
    state_itself,
)
from prisonwatch.extract.clauses import belongs_elsewhere, describes_number, in_other_clause
from prisonwatch.extract.context import Article
from prisonwatch.extract.counting import (
    BARE_PP,
    GOVERNS,
    NOUN_PAREN,
    NUMBER_OF,
    PARTITIVE,
    POLITICAL_GROUNDS,
    PREDICATE_PP,
    STATUS_POPULATIONS,
    STOCK_WORDS,
    Draft,
    Trigger,
    described_end,
    find_counts,
    find_triggers,
    gapped_count,
    mechanism_of,
    nearest_actions,
    noun_population,
    predicate_population,
    qualifier_of,
)
from prisonwatch.extract.counts_by_parse import (
    DEMAND,
    OF_GROUP,
    UNREAL,
    ParsedCount,
    action_of,
    counts_in,
)
from prisonwatch.extract.grammar import fill_from_parse
from prisonwatch.extract.lang.en import EN
from prisonwatch.extract.lang.en import lexicon as lx
from prisonwatch.extract.numbers import NUMBER, parse_number
from prisonwatch.extract.parse import linked, token_at
from prisonwatch.extract.people import (
    described_person_claim,
    enumerated_member,
    named_person_claims,
    one_among,
    persons_after,
    role_population,
    roster,
    with_others,
)
from prisonwatch.extract.persons_by_parse import named_patients
from prisonwatch.extract.pronouns import definite_groups, group_claims, restated, share_people
from prisonwatch.extract.relations import (
    LIST_GAP,
    link_part_of,
    link_sums,
    merge_repeats,
    parallel,
)
from prisonwatch.extract.timing import when_of

#: The parse's label of a participle describing a noun ("people jailed after ...").
_DESCRIBING_PARTICIPLE = "acl"
#: The parse rules where the counted people are what an active verb acts on ("freed 32
#: prisoners convicted of ..."); a passive subject ("32 prisoners pardoned in May were
#: sentenced ...") may be told of in the background, so its participle stands.
_ACTED_ON_RULES = ("parse_object", "parse_given", "parse_nominal")
#: The rule of an act told as a noun, and the parse's labels of such a noun that some verb
#: acts on ("ordered the release of", "called for the release of"): that verb tells its mood.
_NOMINAL_RULE = "parse_nominal"
_ACT_NOUN_OBJECT = ("dobj", "pobj")
#: A stock the participle tells ("people jailed") is no fact of people the verb frees.
_STOCK = "held"

VERSION = "claims/1.13"


def extract_claims(a: Article, doc_deal: bool) -> list[Draft]:
    """Every claim in the article, merged across repeats, in order of appearance."""
    drafts: list[Draft] = []
    text = a.text
    persons_done: set[tuple[str, str]] = set()
    speakers = {q.speaker for q in a.quotes if q.speaker}
    parsed = _counts(a)
    for si, (s, e) in enumerate(a.sentences):
        if s < a.body_start:
            continue
        if roster(a, si, drafts, speakers):
            continue
        triggers = find_triggers(a, s, e)
        # a word of a category's label in a tally ("Convicted in the Ganja case" - 22 people)
        triggers = [t for t in triggers if not lx.LABEL_TALLY_AFTER.match(text, t.end, e)]
        named_member = enumerated_member(a, si, drafts)
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
        verbless_stock = bool(STOCK_WORDS.search(text, s, e)) and lx.POLITICAL_PRISONER_TEXT in (
            text[s:e].lower()
        )
        by_parse = [
            p
            for p in parsed
            if s <= p.start < e
            and p.start >= named_until
            and p.mood != UNREAL
            and not lx.LABEL_TALLY_AFTER.match(text, p.verb[1], e)
        ]
        if not triggers and inherited is None and not verbless_stock and not by_parse:
            continue
        counts = [m for m in find_counts(text, s, e) if m.start() >= named_until]
        noun_spans = [(m.start(), described_end(text, m.end(), e)) for m in counts]
        triggers = [
            t for t in triggers if not any(a0 <= t.start and t.end <= b0 for a0, b0 in noun_spans)
        ]
        sentence_drafts = _count_drafts(a, si, triggers, counts, inherited, continues)
        sentence_drafts = _not_unreal(parsed, sentence_drafts)
        linked_by_parse = {p.start for p in by_parse}
        sentence_drafts = [
            d
            for d in sentence_drafts
            if not in_other_clause(a.doc, d.start, d.trigger[0])
            and (d.start in linked_by_parse or not belongs_elsewhere(a.doc, d.start, d.trigger[0]))
        ]
        sentence_drafts = _participles_yield(a.doc, by_parse, sentence_drafts)
        sentence_drafts = _wholes(by_parse, sentence_drafts)
        sentence_drafts.extend(_parse_drafts(a, si, by_parse, sentence_drafts, drafts))
        sentence_drafts = _statuses(a.doc, by_parse, sentence_drafts)
        for d in sentence_drafts:
            _complete(a, d, s, e, sentence_drafts, drafts, counts, speakers, doc_deal)
            persons_done.update((d.action, p) for p in d.persons)
            drafts.append(d)
        described = described_person_claim(a, si, triggers, sentence_drafts, speakers)
        if described is not None:
            drafts.append(described)
        everyone = _demand_for_all(a, si, triggers, sentence_drafts, drafts)
        if everyone is not None:
            drafts.append(everyone)
        named = named_person_claims(
            a, si, triggers, sentence_drafts, persons_done, speakers, doc_deal, drafts
        )
        drafts.extend(named)
        # "They were sentenced last November": the group counted just before
        drafts.extend(group_claims(a, si, triggers, sentence_drafts + named, drafts, doc_deal))
    drafts = restated(a, drafts)
    drafts = _named_groups(a, drafts, speakers, doc_deal)
    with_others(a, drafts)
    _arrests_again(a.doc, drafts)
    title = a.sentence_of(a.body_start) if a.body_start else -1
    body_from = a.sentences[title][1] if 0 <= title < len(a.sentences) else 0
    drafts = _headlines_told_as_facts(drafts, parsed, body_from)
    kinds = {m.name: m.type for m in a.mentions}
    merged = merge_repeats(drafts, kinds)
    for d in merged:
        if d.agent is not None and d.agent in d.persons:
            d.agent = None  # one of those acted on is not who acted
    _parts_of_the_event(a, merged)
    _settle(a, merged)
    fill_from_parse(a, merged)
    share_people(merged)
    definite_groups(a, merged)
    for d in merged:
        acted_on = d.agent is not None and any(p in d.agent for p in d.persons)
        d.agent = state_itself(a, d.agent) if not acted_on else None  # "the blogger X"
    one_ruling_body(a, merged)
    return merged


def _count_drafts(
    a: Article,
    si: int,
    triggers: list[Trigger],
    counts: list[re.Match[str]],
    inherited: Draft | None,
    continues: bool,
) -> list[Draft]:
    """The counts of one sentence as drafts: each number of people with its noun, qualifier,
    action (the nearest trigger, or the one a list, a gap or the sentence before implies) and
    whether it is a share of something larger."""
    s, e = a.sentences[si]
    text = a.text
    time_spans = [(t.start, t.end) for t in a.times_in(s, e)]
    title_index = a.sentence_of(a.body_start) if a.body_start else -1
    sentence_drafts: list[Draft] = []
    wholes: set[int] = set()  # "222 of the 245 political prisoners": 245 is no count here
    for m in counts:
        if m.start() in wholes:
            continue
        article = m.group(0).lower().strip() in lx.ARTICLES
        n = 1 if article else parse_number(m.group(0))
        if n is None or n == 0:
            continue
        with_others = _named_with_others(a, s, m)
        if with_others is not None:
            n += 1  # "journalist Ihar Losik and 15 others": sixteen people
        if any(ts <= m.start() < te for ts, te in time_spans):
            continue
        if lx.NOT_PEOPLE_AFTER.match(text, m.end()) or lx.NOT_PEOPLE_BEFORE.search(
            text[max(s, m.start() - 12) : m.start()]
        ):
            continue
        population, noun_end = noun_population(text, m.end(), e)
        partitive = PARTITIVE.match(text, m.end(), e)
        if population is None and partitive is not None:
            whole = NUMBER.match(text, partitive.end())
            if whole is not None:
                population, noun_end = noun_population(text, whole.end(), e)
                wholes.add(whole.start())
        if population is None and BARE_PP.match(text, m.end()):
            population = lx.POLITICAL_PRISONERS
        anchor = m.start()
        whole_stock = None
        if population is None:
            number_of = NUMBER_OF.search(text, s, m.start())
            if number_of is not None:
                # "the number of political prisoners has reached 1,500"
                population = noun_population(text, number_of.start("noun") - 1, e)[0]
        if population is None:
            paren = NOUN_PAREN.search(text, s, m.start())
            if paren is not None:
                population = noun_population(text, paren.start() - 1, m.start())[0]
                anchor = paren.start()
                whole_stock = lx.ALL_BEFORE.search(text[max(s, paren.start() - 20) : paren.start()])
        subset_after = bool(lx.SUBSET_AFTER.match(text, m.end()))
        bare = False
        if population is None:
            if (
                subset_after
                or lx.BARE_SUBJECT.match(text[m.end() : e])  # "arrested nearly 1,000 more"
            ):
                bare = True
            elif (gapped := gapped_count(text, sentence_drafts, m, e)) is not None:
                bare, population = True, gapped.population  # "16 in July and 23 in May"
            elif _right_after_verb(text, triggers, m):
                bare = True  # "Lukashenko pardons 31 in latest release", "... frees 14"
            elif lx.PARTICIPLE_HEAD.match(text[m.end() : e]) and lx.THE_BEFORE.search(
                text[max(s, m.start() - 6) : m.start()]
            ):
                bare = True  # "Among the 16 pardoned were ..."
            elif (running := lx.RUNNING_TOTAL.search(text, s, m.start())) is not None:
                bare = True  # "..., bringing the total released since July to 300"
                population = noun_population(text, running.start("noun") - 1, m.start())[0]
                if population is None and sentence_drafts:
                    population = sentence_drafts[-1].population
            else:
                continue
        if population in ("people", lx.PRISONERS) and (
            PREDICATE_PP.match(text, noun_end) or POLITICAL_GROUNDS.match(text, noun_end)
        ):
            population = lx.POLITICAL_PRISONERS
        before = text[max(s, m.start() - 40) : m.start()]
        prev = sentence_drafts[-1] if sentence_drafts else None
        sibling = (
            prev is not None
            and prev.subset_marker
            and (
                LIST_GAP.fullmatch(text, prev.end, m.start()) is not None
                or parallel(text, prev.end, m.start())
            )
        )
        listed = sibling or (
            prev is not None and bool(lx.LIST_INTRO.search(text, prev.end, m.start()))
        )
        subset = bool(lx.SUBSET_BEFORE.search(before)) or subset_after or continues or listed
        chosen = nearest_actions(text, triggers, anchor, noun_end)
        if not chosen and population == lx.POLITICAL_PRISONERS and STOCK_WORDS.search(text, s, e):
            # "today in Belarus 169 political prisoners", "in TOTAL: 1405 political prisoners"
            chosen = [("held", Trigger("held", m.start(), m.start()))]
        if whole_stock and population and all(c != "held" for c, _ in chosen):
            # "all political prisoners (already 862)": the number is how many are held
            chosen.append(("held", Trigger("held", m.start(), m.end())))
        gapped_from = gapped_count(text, sentence_drafts, m, e) if bare else None
        if gapped_from is not None and not any(
            t.start >= m.end() and t.start - m.end() < 30 for _, t in chosen
        ):
            chosen = [(gapped_from.action, Trigger(gapped_from.action, m.start(), m.start()))]
        if not chosen and inherited is not None and (subset or continues):
            chosen = [(inherited.action, Trigger(inherited.action, m.start(), m.start()))]
        for action, trig in chosen:
            if action == "designated" and population in ("people", None, lx.PRISONERS):
                population = lx.POLITICAL_PRISONERS
            d = Draft(
                action=action,
                count=n,
                qualifier=qualifier_of(text, m.start(), s),
                population=population,
                start=m.start(),
                end=noun_end,
                sentence=si,
                trigger=(trig.start, trig.end),
                subset_marker=subset,
                listed_after=prev if sibling else None,
                bare=bare,
                in_title=si <= title_index,
                rule="bare" if bare else "count",
            )
            sentence_drafts.append(d)
    return sentence_drafts


def _counts(a: Article) -> list[ParsedCount]:
    """The parse's counts: the headline's from its sentence-case parse, when there is one."""
    found = counts_in(a.doc)
    if a.title_doc is None:
        return found
    lo = a.title_start
    hi = lo + len(a.title_doc.text)
    title = [
        replace(
            p,
            start=p.start + lo,
            number_end=p.number_end + lo,
            end=p.end + lo,
            verb=(p.verb[0] + lo, p.verb[1] + lo),
            whole=None if p.whole is None else p.whole + lo,
        )
        for p in counts_in(a.title_doc)
    ]
    return sorted([p for p in found if not lo <= p.start < hi] + title, key=lambda p: p.start)


def _not_unreal(found: list[ParsedCount], drafts: list[Draft]) -> list[Draft]:
    """A count the parse reads as only possible, planned or denied ("the release of another 70
    prisoners could follow") is no claim, whatever word the surface rules found near it."""
    unreal = {p.start: p.action for p in found if p.mood == UNREAL}
    return [d for d in drafts if unreal.get(d.start) != d.action]


def _wholes(found: list[ParsedCount], drafts: list[Draft]) -> list[Draft]:
    """The whole a share is counted from ("freed 90 of the 10,000 political prisoners") is no
    count of the share's act: a count of political prisoners is the stock they were freed
    from; any other whole keeps only an act of its own ("of the 2,000 people detained")."""
    acts = {p.whole: p.action for p in found if p.whole is not None}
    kept = []
    for d in drafts:
        act = acts.get(d.start)
        if act is not None and d.action == act:
            if d.population not in STATUS_POPULATIONS:
                continue
            d.action, d.rule = "held", "count"
        kept.append(d)
    return kept


def _participles_yield(doc: Any, found: list[ParsedCount], drafts: list[Draft]) -> list[Draft]:
    """ "granted conditional release to 103 people jailed after the election": the surface
    rules take the participle nearest the number ("jailed"), which only describes the people
    counted; where the parse makes the counted noun the object or recipient of another act's
    verb, or of the noun of an act ("ordered the release of 30 people held in pretrial
    detention"), that act is a claim too; it replaces a stock ("jailed" as held), and stands
    beside a background act ("freed 18 prisoners convicted of ..." gives the conviction as
    well). Not an act the parse reads as only possible."""
    if doc is None:
        return drafts
    out = []
    for d in drafts:
        p = next(
            (
                p
                for p in found
                if p.start == d.start
                and p.action != d.action
                and p.verb != d.trigger
                and p.rule in _ACTED_ON_RULES
                and p.mood != UNREAL  # "the release of 40 ... jailed ... could follow"
            ),
            None,
        )
        if p is not None and p.rule == _NOMINAL_RULE:
            act = doc.char_span(*p.verb, alignment_mode="expand")
            if act is None or act.root.dep_ not in _ACT_NOUN_OBJECT:
                p = None  # "The release of 40 ... could follow": its clause's verb decides
        word = doc.char_span(*d.trigger, alignment_mode="expand") if p is not None else None
        noun = doc.char_span(p.start, p.end, alignment_mode="expand") if p is not None else None
        if (
            p is not None
            and word
            and noun
            and word[0].dep_ == _DESCRIBING_PARTICIPLE
            and word[0].head.i == noun[-1].i  # it describes the very people counted
        ):
            if d.action != _STOCK:
                out.append(d)  # "freed 18 prisoners convicted of ...": the conviction too
            d = replace(d, action=p.action, trigger=p.verb)
        out.append(d)
    return out


def _parse_drafts(
    a: Article, si: int, found: list[ParsedCount], counted: list[Draft], earlier: list[Draft]
) -> list[Draft]:
    """Counts the parse links to an action verb that the surface rules did not read (a number
    they left alone); members of a group told before ("Among the exiles were 13 students")
    take the action of the larger count told in the sentences just before."""
    s, e = a.sentences[si]
    text = a.text
    title_index = a.sentence_of(a.body_start) if a.body_start else -1
    taken = {(d.start, d.action) for d in counted}
    spans = [(d.start, d.end) for d in counted]
    out = []
    for p in found:
        other_act = any(s0 == p.start for s0, _ in spans) and p.mood == DEMAND
        if (p.start, p.action) in taken or (
            not other_act and any(s0 <= p.start < e0 for s0, e0 in spans)
        ):
            continue
        action, subset = p.action, False
        if action == OF_GROUP:
            group = next(
                (d for d in reversed(earlier) if si - 4 <= d.sentence < si and d.count > p.count),
                None,
            )
            if group is None:
                continue
            action, subset = group.action, True
        population = None
        if p.noun is not None:
            after = noun_population(text, p.number_end, e)[0] if p.end > p.number_end else None
            population = after or _plural(p.noun)
        out.append(
            Draft(
                action=action,
                subset_marker=subset,
                count=p.count,
                qualifier=qualifier_of(text, p.start, s),
                population=population,
                start=p.start,
                end=p.end,
                sentence=si,
                trigger=p.verb,
                bare=p.noun is None,
                in_title=si <= title_index,
                rule=p.rule,
            )
        )
    return out


def _named_groups(
    a: Article, drafts: list[Draft], speakers: set[str], doc_deal: bool
) -> list[Draft]:
    """People the parse names as acted on together ("Also released were A, ...; B and her
    husband C; and D"): a claim of their number, or the claim of one of them widened to all."""
    persons = [(m.start, m.end, m.name) for m in a.mentions if m.type == "person"]
    others = [(m.start, m.end) for m in a.mentions if m.type != "person"]
    out = list(drafts)
    for group in named_patients(a.doc, persons, others):
        si = a.sentence_of(group.verb[0])
        s, e = a.sentences[si]
        if s < a.body_start:
            continue
        same = [d for d in out if d.sentence == si and d.action == group.action]
        wanted = set(group.persons)
        whole = None
        if group.among:  # "freed 95 ... Among those freed were A, B and a monk": part of the 95
            whole = next(
                (
                    d
                    for d in reversed(out)
                    if si - 3 <= d.sentence < si
                    and d.action == group.action
                    and d.count > group.members
                ),
                None,
            )
        if any(wanted <= set(d.persons) for d in same) or any(
            d.count > len(d.persons) for d in same
        ):
            continue  # told already, or members of a count ("freed 17, including A and B")
        named = [d for d in same if d.persons and set(d.persons) < wanted]
        if named:
            d = named[0]
            d.persons, d.count = list(group.persons), len(group.persons)
            if d.part_of is None and d.population not in STATUS_POPULATIONS:
                # what all of them are, no longer what the first of them is
                patients = [m for m in a.mentions_in(s, e, ("person",)) if m.name in wanted]
                d.population = role_population(a, s, e, patients)
            out = [x for x in out if x is d or x not in named]
            continue
        d = Draft(
            action=group.action,
            count=max(len(group.persons), group.members if group.among else 0),
            qualifier="exact",
            population=None,
            start=group.verb[0],
            end=group.verb[1],
            sentence=si,
            trigger=group.verb,
            rule="parse_named",
        )
        earlier = [x for x in out if x.sentence < si]
        _complete(a, d, s, e, [d], earlier, [], speakers, doc_deal)
        d.persons = list(group.persons)
        if whole is not None:
            d.part_of, d.subset_marker = whole, True
        out.append(d)
    return sorted(out, key=lambda d: (d.sentence, d.start))


def _statuses(doc: object, found: list[ParsedCount], drafts: list[Draft]) -> list[Draft]:
    """What the parse settles about the counts the surface rules read: a status population
    ("64 Cuban political prisoners"), whatever adjective they read first; the action, the verb
    the number hangs from, where the word they chose is not linked to the number."""
    acts = {p.start: p for p in found}
    kept = []
    for d in drafts:
        p = acts.get(d.start)
        if p is None or p.action == OF_GROUP:
            kept.append(d)
            continue
        if p.status is not None:
            d.population = p.status
        same = [x for x in drafts if x.start == d.start]
        own_verb = p.verb[0] <= d.trigger[0] < p.verb[1]
        if (
            d.action != p.action
            and len(same) == 1
            and (
                own_verb
                or not linked(doc, d.start, d.trigger[0])
                or describes_number(doc, d.start, d.trigger[0])
            )
        ):
            # the word they chose is not the number's, or the parse reads the same verb better
            # ("were jailed in March" is an arrest, "are still jailed" a stock)
            d.action, d.trigger = p.action, p.verb
        kept.append(d)
    return kept


def _arrests_again(doc: object, drafts: list[Draft]) -> None:
    """An arrest whose verb says it happened again ("was arrested again", "re-arrested") is a
    return to custody, whichever rule found it."""
    for d in drafts:
        if d.action == "detained":
            verb = token_at(doc, d.trigger[0])
            if verb is not None and action_of(verb) == "returned_to_custody":
                d.action = "returned_to_custody"


def _headlines_told_as_facts(
    drafts: list[Draft], parsed: list[ParsedCount], body_from: int
) -> list[Draft]:
    """A headline's count that the body states only as a possibility ("Cuba frees 553" over
    "Cuba said it will release 553 prisoners") is no fact: it is left out."""
    body = {(d.action, d.count) for d in drafts if not d.in_title}
    unreal = {(p.action, p.count) for p in parsed if p.mood == UNREAL}
    facts = {(p.action, p.count) for p in parsed if p.mood != UNREAL and p.start >= body_from}
    told = body | facts
    return [
        d
        for d in drafts
        if not d.in_title or (d.action, d.count) in told or (d.action, d.count) not in unreal
    ]


def _plural(noun: str) -> str:
    """A population's name from the noun a number counts, as the contract writes it."""
    word = "_".join(noun.lower().split())
    return word if word.endswith("s") or not word.replace("_", "").isalpha() else word + "s"


def _complete(
    a: Article,
    d: Draft,
    s: int,
    e: int,
    sentence_drafts: list[Draft],
    earlier: list[Draft],
    counts: list[re.Match[str]],
    speakers: set[str],
    doc_deal: bool,
) -> None:
    """Everything else a draft of its sentence says: the whole it is a share of, its
    population, source, agent, people, mechanism and time."""
    text = a.text
    row = lx.TALLY_ROW_DASH.match(text, d.trigger[0]) if d.action == "held" else None
    if row is not None and row.end() == d.trigger[1]:
        d.subset_marker = True  # a row of a list's tally is a part of the list's total
    link_part_of(d, sentence_drafts, earlier, text)
    if d.population is None:
        d.population = predicate_population(text, d.end, e)
    if d.population is None:
        d.population = d.part_of.population if d.part_of else "people"
        if d.part_of is None and earlier:
            d.population = earlier[-1].population
    if d.part_of is not None and d.part_of.action != d.action and d.bare:
        d.population = d.part_of.population
    if d.action == "held" and d.population == "people":
        label = (
            lx.TALLY_ROW_LABEL.search(text, s, row.start())
            if row is not None and row.end() == d.trigger[1]
            else lx.TALLY_GROUP_LABEL.search(text, s, d.start)
        )
        if label is not None:
            d.population = _category_population(a, label.start(1), label.end(1)) or d.population
    d.source = source_of(a, s, e, d.start)
    excluded = speakers | {x for x in (d.source,) if x}
    d.agent = agent_of(a, d, s, e)
    if d.action == "held" and d.source is None:
        d.source = counting_body(a, d, s)
    if d.agent is None and d.part_of is not None and d.part_of.action == d.action:
        d.agent, d.agent_inherited = d.part_of.agent, True
    quote = a.quote_at(d.trigger[0])
    if d.agent is None and d.action == "demanded" and quote is not None:
        d.agent = quote.speaker  # "we cannot stop until they see freedom!", said X
    if d.action == "designated":
        if d.agent is None and d.source:
            d.agent = d.source
        elif d.source is None and is_org(a, d.agent):
            d.source = d.agent
    d.persons = persons_after(a, s, e, d.end, excluded | {d.agent or ""})
    who = one_among(a, s, d.start) or _named_with_others(a, s, _count_match(d, counts))
    if who and who not in d.persons and who not in speakers:
        d.persons.insert(0, who)
    if d.action == "released":
        d.mechanism = mechanism_of(a, s, e, doc_deal)
        if d.mechanism in ("unknown", "deal") and d.part_of is not None:
            # "As part of the deal, 12 were flown to Vienna": the whole says which deal
            d.mechanism = d.part_of.mechanism
    d.when = when_of(a, d, s, e, earlier)


def _settle(a: Article, merged: list[Draft]) -> None:
    """What only the whole article settles: the releaser it names, the government that acts,
    parts that share their whole's agent, time and source, populations by person, sums, and
    the state that held people when nobody else is said to have let them go."""
    for d in merged:
        if d.part_of is not None and _apart(d.when, d.part_of.when):
            # "In 1998 ... released 200. In 2003, 75 ... were released": two events
            if d.agent_inherited:
                d.agent, d.agent_inherited = None, False
            d.part_of = None
    kinds = {m.name: m.type for m in a.mentions}
    named = Counter(
        d.agent for d in merged if d.action == "released" and kinds.get(d.agent or "") == "person"
    )
    if not named:  # nobody releases by name: a body the text has releasing ("The junta released")
        named = Counter(
            d.agent
            for d in merged
            if d.action == "released"
            and d.agent
            and not d.agent_weak
            and kinds.get(d.agent) != "country"
        )
    releaser = named.most_common(1)[0][0] if named else None
    state = next((d.agent for d in merged if is_government(d.agent)), None)
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
            and (
                (d.action == "detained" and not _court(state))
                or (d.action == "sentenced" and not POLICE.search(state))
            )
        ):
            d.agent = state  # an article's government arrests and tries; police only arrest
    _told_again_as_political(a, merged)
    _political_persons(a, merged)
    link_sums(merged)
    for d in merged:
        if d.action == "held" and d.persons and d.when is not None:
            freed = [
                c.when[0]
                for c in merged
                if c.action == "released" and c.when and set(c.persons) & set(d.persons)
            ]
            if freed and d.when[0] <= freed[0]:
                d.when = (d.when[0], freed[0])  # held until the release the article reports
    # the times of the releases whose agent the text names (none: any time will do)
    told: list[tuple[str, str] | None] = [
        d.when for d in merged if d.action == "released" and d.agent and d.when
    ] or [None]
    for d in merged:
        if d.agent_inherited and d.part_of is not None:
            d.agent = d.part_of.agent
        if d.when is None and d.part_of is not None and d.action == d.part_of.action:
            d.when = d.part_of.when
        if d.source is None and d.part_of is not None and d.subset_marker:
            d.source = d.part_of.source  # a breakdown comes from the report it breaks down
        if d.action == "released" and d.mechanism is None:
            d.mechanism = "unknown"  # the contract's word for a release that says not how
        if (
            d.action == "released"
            and d.agent is None
            and d.mechanism not in _NOBODY_DECIDES
            and not all(_apart(d.when, w) for w in told)
        ):
            # whoever the article has releasing people, else the state that held them; not
            # for a release of another time than every release whose agent the text names
            # ("In 1998 Castro released 200 ... In 2003, 75 were released": nobody named)
            d.agent = releaser or holding_state(a, d)
            d.agent_weak = d.agent is not None  # a guess the parse may overrule


_COURTS = EN.words("court_nouns")
#: Releases no one is guessed to have made: an exchange (both sides let people go) and a term
#: served (the sentence ran out: nobody decided it).
_NOBODY_DECIDES = ("exchange", "term_served")


def _court(agent: str) -> bool:
    """Whether an agent is a court ("Hong Kong court"): a court tries and sentences, it
    arrests no one, so it is never the article's arrester by default."""
    words = agent.lower().split()
    return bool(words) and words[-1] in _COURTS


def _parts_of_the_event(a: Article, merged: list[Draft]) -> None:
    """People freed by "the exchange", "the amnesty" (the event as the subject of the act,
    named with a definite article) were freed in the release of the same kind told before:
    a part of it, at its time and by its mechanism."""
    for d in merged:
        if d.part_of is not None or d.action != "released" or d.count is None:
            continue
        verb = token_at(a.doc, d.trigger[0])
        subject = next((c for c in verb.children if c.dep_ == _SUBJECT), None) if verb else None
        if subject is None or subject.lemma_.lower() not in _EVENT_NOUNS:
            continue
        if not any(_DEFINITE in c.morph.get(_DEFINITENESS) for c in subject.children):
            continue
        wholes = [
            w
            for w in merged
            if w.action == d.action and w.start < d.start and (w.count or 0) > d.count
        ]
        if wholes:
            whole = wholes[-1]
            d.part_of, d.when = whole, whole.when
            if d.mechanism in (None, "unknown"):
                d.mechanism = whole.mechanism


_SUBJECT = "nsubj"
_DEFINITENESS = "Definite"
_DEFINITE = "Def"
_EVENT_NOUNS = EN.words("event_nouns")


def _apart(a: tuple[str, str] | None, b: tuple[str, str] | None) -> bool:
    """Whether two periods (the contract's dates of reduced precision) lie in different
    years: two events, not one told twice (a part of a count happened when its whole did).
    Years only, since a day or month read wrong must not split one event."""
    if a is None or b is None:
        return False
    return a[1][:4] < b[0][:4] or b[1][:4] < a[0][:4]


def _right_after_verb(text: str, triggers: list[Trigger], m: re.Match[str]) -> bool:
    """Whether a number stands as the object of an action verb ("frees 14", "pardons 31 in"),
    not followed by a noun of its own."""
    if not lx.BARE_OBJECT_END.match(text[m.end() :]):
        return False
    return any(
        t.action not in ("held", "demanded")
        and t.end <= m.start()
        and GOVERNS.fullmatch(text, t.end, m.start())
        for t in triggers
    )


def _named_with_others(a: Article, s: int, m: re.Match[str] | None) -> str | None:
    """ "Ihar Losik and 15 others": the person named beside a count of others."""
    if m is None or not lx.OTHERS_AFTER.match(a.text[m.end() : m.end() + 8]):
        return None
    joined = lx.AND_BEFORE.search(a.text[max(s, m.start() - 6) : m.start()])
    if joined is None:
        return None
    named = a.mentions_in(s, m.start(), ("person",))
    if not named or not lx.AND_BETWEEN.fullmatch(a.text[named[-1].end : m.start()]):
        return None
    return named[-1].name


def _count_match(d: Draft, counts: list[re.Match[str]]) -> re.Match[str] | None:
    """The number a draft was read from."""
    return next((m for m in counts if m.start() == d.start), None)


_ALL = lx.EVERYONE


def _demand_for_all(
    a: Article,
    si: int,
    triggers: list[Trigger],
    counted: list[Draft],
    earlier: list[Draft],
) -> Draft | None:
    """ "All must be released": a demand for everyone held, counted by the stock figure told
    just before (this sentence or the two before it)."""
    s, e = a.sentences[si]
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
        rule="everyone",
    )
    d.agent = agent_of(a, d, s, e)
    quote = a.quote_at(everyone.start())
    if d.agent is None and quote is not None:
        d.agent = quote.speaker
    return d


_RELEASE_NEAR = lx.RELEASE_NEAR


_GENERIC = lx.GENERIC_POPULATIONS


#: The parse's tags of a plural noun (a category's name must be one: "Believers").
_PLURAL_NOUN_TAGS = ("NNS", "NNPS")


def _category_population(a: Article, start: int, end: int) -> str | None:
    """A tally category's name as the population of the people counted in it ('"Journalists
    and Bloggers" - 11 people' → journalists_and_bloggers), when the name is a plural noun
    phrase ("Political emigrants deported from Germany"), not a description of a fate
    ("Convicted in the Ganja case"), which stays `people`."""
    doc = a.doc
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not 0 < len(span) <= _LABEL_WORDS:
        return None
    if span.root.tag_ not in _PLURAL_NOUN_TAGS:
        return None
    words = [t.lower_ for t in span if t.is_alpha]
    return "_".join(words) or None


#: The most words a category's name may have to be taken as a population.
_LABEL_WORDS = 6


#: The smallest count a repeat of the number alone may tie to another mention: two or three
#: people of one article are too often two different groups.
_TIED_BY_NUMBER = 4


def _told_again_as_political(a: Article, claims: list[Draft]) -> None:
    """A count of prisoners that the article tells again, by the same number, as political
    prisoners ("The 32 prisoners pardoned ..." and, in a quotation, "another 32 political
    prisoners are set to be released") counts political prisoners: the same number of the
    same people told twice, when that mention's sentence tells of the same act (done, said or
    planned). Not when that other mention is a claim of its own, nor for a number too small to
    tie two mentions. Parts that took
    the count's population take the new one ("Seventeen of them ...")."""
    text = a.text
    told: set[tuple[int, str]] = set()  # (number, an act its sentence tells of, said or not)
    for s, e in a.sentences:
        for m in find_counts(text, s, e):
            n = parse_number(m.group(0))
            if n is not None and noun_population(text, m.end(), e)[0] == lx.POLITICAL_PRISONERS:
                told.update((n, act) for act, rx in lx.TRIGGERS if rx.search(text, s, e))
    own = {d.count for d in claims if d.population == lx.POLITICAL_PRISONERS}
    tied = {
        d.count
        for d in claims
        if d.population == lx.PRISONERS
        and d.count >= _TIED_BY_NUMBER
        and d.count not in own
        and (d.count, d.action) in told  # "... are set to be released": the same act
    }
    for d in claims:
        if d.population != lx.PRISONERS or d.count not in tied:
            continue
        for part in claims:
            if part.part_of is d and part.population == d.population:
                part.population = lx.POLITICAL_PRISONERS
        d.population = lx.POLITICAL_PRISONERS


def _political_persons(a: Article, claims: list[Draft]) -> None:
    """People the article counts as political prisoners are political prisoners in its other
    claims too ("Urad was detained in March" after Urad was recognised one), and so are the
    people "on the list" of an article about recognising them."""
    first_role: dict[str, str] = {}
    for d in claims:
        pop = d.population
        if (
            len(d.persons) == 1
            and d.count == 1
            and pop is not None
            and pop not in (*STATUS_POPULATIONS, "people", lx.PRISONERS)
        ):
            first_role.setdefault(d.persons[0], pop)
    for d in claims:
        role = first_role.get(d.persons[0]) if len(d.persons) == 1 and d.count == 1 else None
        if (
            role
            and d.population is not None
            and d.population not in STATUS_POPULATIONS
            and not d.part_of
        ):
            d.population = role  # one person is described one way across an article
    political = {p for d in claims if d.population == lx.POLITICAL_PRISONERS for p in d.persons}
    listed = any(
        d.action == "designated" and d.population == lx.POLITICAL_PRISONERS for d in claims
    )
    for d in claims:
        if d.population in STATUS_POPULATIONS or d.population is None:
            continue
        named = bool(d.persons) and set(d.persons) <= political
        on_list = (
            listed
            and d.population in _GENERIC
            and d.action == "held"
            and lx.ON_THE_LIST.search(a.text[d.end : d.end + 40])
        )
        if named or on_list:
            d.population = lx.POLITICAL_PRISONERS
