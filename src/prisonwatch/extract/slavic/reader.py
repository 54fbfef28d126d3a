"""One Russian or Belarusian article in, the contract's JSON object out (EXTRACTION.md).

Steps: sentences, natasha NER with nominative names (names.py), time expressions (dates.py),
quotes and sources (attribution.py), claims (claims.py), then what only the whole article
settles: repeats merged, agents, the release mechanism the article gives, events.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from typing import Any

from prisonwatch.extract.gazetteer import Gazetteer
from prisonwatch.extract.language import lookalikes_fixed
from prisonwatch.extract.results import ArticleExtraction, Evidence
from prisonwatch.extract.slavic import events as event_rules
from prisonwatch.extract.slavic import names, words
from prisonwatch.extract.slavic.attribution import quotes, source_of, title_speaker
from prisonwatch.extract.slavic.claims import ClaimReader, mechanism_in, participle, triggers
from prisonwatch.extract.slavic.dates import find_times
from prisonwatch.extract.slavic.drafts import Draft, Sentence
from prisonwatch.extract.slavic.names import COUNTRIES, mentions
from prisonwatch.extract.slavic.output import assemble
from prisonwatch.extract.slavic.people import done_by_subject
from prisonwatch.extract.slavic.words import both, lexicon, sentences

LANGUAGES = ("ru", "be")
_GENERAL = {"people", "political_prisoners", "prisoners"}
_FOREIGN = {"foreigners", "foreign_citizens"}
_BELARUSIAN = re.compile(rf"\b(?:{both('HOME_ADJECTIVE')})\w*", re.I)


def _same(a: Draft, b: Draft) -> bool:
    """Two drafts tell one fact: action, count, and a population and people that agree."""
    if (a.action, a.count) != (b.action, b.count):
        return False
    pair = {a.population, b.population}
    pops = a.population == b.population or pair <= _GENERAL or pair <= _FOREIGN
    # a headline names the people by another noun than the lead ("задержали семерых
    # участников акции" / "задержала семерых человек"): one fact still
    pops = pops or 0 in (a.sentence, b.sentence)
    people = not a.persons or not b.persons or bool(set(a.persons) & set(b.persons))
    return pops and people and (a.part_of is None) == (b.part_of is None)


def merge(drafts: list[Draft]) -> list[Draft]:
    """Repeats (title, lead, body) as one claim keeping what each mention adds."""
    kept: list[Draft] = []
    into: dict[int, Draft] = {}
    for d in drafts:
        same = next((k for k in kept if _same(k, d)), None)
        if same is None:
            kept.append(d)
            continue
        into[id(d)] = same
        same.told.append((d.sentence, d.trigger))
        if d.population in ("political_prisoners", "foreign_citizens"):
            same.population = d.population
        elif same.sentence == 0 and same.population not in ("political_prisoners",):
            same.population = d.population  # the body's noun over the headline's
        same.source = same.source or d.source
        same.agent = same.agent or d.agent
        same.mechanism = same.mechanism if same.mechanism not in (None, "unknown") else d.mechanism
        same.persons += [p for p in d.persons if p not in same.persons]
        if d.timed and not same.timed:
            same.when, same.timed = d.when, True
        if same.sentence == 0 or (same.start < d.start and d.source and not same.source):
            same.told[-1] = (same.sentence, same.trigger)
            same.start, same.end, same.sentence = d.start, d.end, d.sentence
            same.trigger = d.trigger
    for d in kept:
        while d.part_of is not None and id(d.part_of) in into:
            d.part_of = into[id(d.part_of)]
    for n, d in enumerate(kept, 1):
        d.id = f"c{n}"
        if d.part_of is not None and not d.timed:
            d.when = d.part_of.when
    return kept


def _agent_of(text: str, s: Sentence, pos: int, lex: Any) -> str | None:
    """Who did what the trigger at `pos` says: the person before an active verb ("Лукашенко
    помиловал"), the person in the instrumental right after a passive ("вызваленых
    Лукашэнкам"), or a body named by a common noun before the verb ("белорусский режим
    освободил", "Праваабаронцы назвалі")."""
    persons = [m for m in s.people if m.type == "person"]
    after = [m for m in persons if 0 < m.start - pos <= 25]
    word = lex.tokens(text, pos, pos + 30)[:1]
    if (
        after
        and word
        and participle(lex, word[0])
        and re.fullmatch(r"\w+\s+", text[pos : after[0].start])
    ):
        return after[0].name
    before = [m for m in persons if m.end <= pos]
    if before:
        between = text[before[-1].end : pos]
        words = lex.tokens(text, before[-1].end, pos)
        speech = any(lex.has(t, lex.w.SAY_VERBS) or lex.w.COMMENT in t.lower for t in words)
        passive = re.search(rf"\b(?:{both('PASSIVE_AUX')})\b", between)
        if "," not in between and not passive and not speech and len(words) <= 4:
            return before[-1].name
        # farther off, past clauses and names in oblique cases ("Александр Лукашенко в рамках
        # договоренностей с Дональдом Трампом ..., «...», помиловал 123"): the last person
        # written in the nominative, when the verb is active, singular and acts on another
        nominative = [m for m in before if " ".join(m.text.split()) == m.name]
        action = lex.find(word[0], lex.w.TRIGGERS) if word else None
        if (
            nominative
            and not passive
            and not speech
            and action is not None
            and done_by_subject(lex, word[0], action)
        ):
            return nominative[-1].name
    orgs = [m for m in s.people if m.type == "organization" and m.end <= pos]
    describing = bool(word) and participle(lex, word[0])  # "«Медиазоне» освобожденная ..."
    if orgs and not describing and re.fullmatch(r"[»\s]*", text[orgs[-1].end : pos]):
        return orgs[-1].name  # "Правозащитный центр «Вясна» признал"
    lead = lex.tokens(text, max(s.start, pos - 40), pos)
    for i, t in enumerate(lead):
        if any(lex.has(x, lex.w.SAY_VERBS) for x in lead[i + 1 :]):
            continue  # "Правозащитники подтвердили освобождение": they told it, not did it
        generic = lex.find(t, lex.w.GENERIC_SOURCES)
        if generic and i >= len(lead) - 2:
            return str(generic)
        if lex.has(t, lex.w.AGENT_NOUNS) and i >= len(lead) - 2 and _subject_case(lex, t):
            adjective = (
                lead[i - 1]
                if i > 0
                and lead[i - 1].is_word
                and not t.text.isupper()  # an abbreviation ("КДБ") takes none
                and _adjective(lex, lead[i - 1])
                else None
            )  # "Верховный суд", not "В прошлом году суд"
            return text[(adjective or t).start : t.end]
    return None


def _subject_case(lex: Any, t: words.Token) -> bool:
    """Whether a noun may be the subject (Russian: a nominative reading in the dictionary;
    "колонии общего режима приговорили": "режима" does nothing). Belarusian has no dictionary
    here: any form may."""
    if lex.code != "ru":
        return True
    return any("nomn" in p.tag for p in words.ru_parse_all(t.lower))


def _adjective(lex: Any, t: words.Token) -> bool:
    """Whether a lowercase word is an adjective: Russian by the dictionary, Belarusian by the
    endings of `ADJECTIVE_ENDINGS`."""
    if not t.lower[0].islower():
        return False
    if lex.code == "ru":
        return bool(words.ru_parse(t.lower).tag.POS == "ADJF")
    return bool(re.search(lex.w.ADJECTIVE_ENDINGS, t.lower))


def _agent(
    text: str, drafts: list[Draft], sents: list[Sentence], lex: Any, headline: Draft | None
) -> None:
    """Agents of the claims that have none: from their own sentence (then the other sentences
    that tell the same fact: a headline in the passive, its lead naming who did it), their
    whole, or the headline's for the releases of the same day and mechanism."""
    for d in drafts:
        if d.agent or d.part_of is not None or d.action == "held":
            continue
        for n, trigger in [(d.sentence, d.trigger), *d.told]:
            anchor = d.start if n == d.sentence else sents[n].start
            d.agent = _agent_in(text, sents[n], trigger, anchor, d, lex)
            if d.agent is not None:
                break
    headline = headline if headline and headline.agent else None
    for d in drafts:
        if d.part_of is not None and not d.agent and not d.persons and not d.with_named:
            d.agent = d.part_of.agent  # a count told of the whole's people; named ones are not
        same_event = headline and (d.action, d.when) == (headline.action, headline.when)
        if headline and same_event and not d.agent and d.mechanism == headline.mechanism:
            d.agent = headline.agent  # "Лукашенко освободил X и других" covers the others


def _agent_in(
    text: str, s: Sentence, trigger: int | None, anchor: int, d: Draft, lex: Any
) -> str | None:
    """Who did what a draft says, as sentence `s` tells it (its trigger first, then the
    sentence's other triggers of the same action, nearest to it, or to `anchor`, first)."""
    anchor = trigger if trigger is not None else anchor
    same = sorted(
        (p for p, action, _ in triggers(lex, text, s) if action == d.action),
        key=lambda p: abs(p - anchor),
    )
    for pos in dict.fromkeys([*([trigger] if trigger is not None else []), *same]):
        agent = _agent_of(text, s, pos, lex)
        if agent is not None and agent not in d.persons:
            return agent  # "выхад на волю 123 палітвязняў, вызваленых Лукашэнкам"
    opening = [m for m in s.people if s.tokens and m.start == s.tokens[0].start]
    if d.action == "demanded" and opening and opening[0].type in ("organization", "person"):
        return opening[0].name  # "Европарламент принял резолюцию с требованием освободить"
    return None


def _beside(drafts: list[Draft]) -> None:
    """ "Николай Статкевич и 51 политзаключенный": the 51 and the one named beside them are the
    52 told elsewhere; the 51 is part of that claim, the one named among its people."""
    for d in drafts:
        if not d.with_named or d.part_of is not None:
            continue
        total = d.count + len(d.with_named)
        whole = next(
            (w for w in drafts if w.part_of is None and w.action == d.action and w.count == total),
            None,
        )
        if whole is not None:
            d.part_of = whole
            whole.persons += [p for p in d.with_named if p not in whole.persons]


def clear_caches() -> None:
    """Forget the words and names looked up so far (benchmarks time a cold reader)."""
    words.clear_caches()
    names.nominative.cache_clear()


def known_persons(gazetteer: Gazetteer | None, kind: str = "person") -> frozenset[str]:
    """The gazetteer's persons (or entries of another `kind`: "organization") as their
    Cyrillic names ("Аляксандр Лукашэнка", "Наша Ніва")."""
    if gazetteer is None:
        return frozenset()
    return frozenset(
        a
        for e in gazetteer.entries
        if e.type == kind
        for a in e.aliases
        if re.search(r"[а-яёіў]", a)
    )


def read(document: Any, gazetteer: Gazetteer | None = None) -> ArticleExtraction:
    """What one document whose language is `ru` or `be` says, as the typed results. Cyrillic
    words spelt with Latin look-alike letters ("пoмилoвaл") are read as the Cyrillic words
    they show, and the output says so; every span still points into the text as written."""
    mended, words_mended = lookalikes_fixed(document.text)
    if not words_mended:
        return _read(document, gazetteer)
    out = _read(dataclasses.replace(document, text=mended), gazetteer)
    return _as_written(out, document)


def _as_written(out: ArticleExtraction, document: Any) -> ArticleExtraction:
    """`out`, read from the text with its look-alike letters mended, with every evidence and
    quote text taken from the text as written (the offsets are the same), the document id of
    that text, and a note naming the words mended."""
    text: str = document.text
    _, mended = lookalikes_fixed(text)

    def ev(e: Evidence) -> Evidence:
        return dataclasses.replace(e, text=text[e.start : e.end])

    shown = ", ".join(repr(w) for w in dict.fromkeys(mended[:3]))
    note = (
        f"{len(mended)} word(s) spelt with Latin (or Greek) look-alike letters were read as "
        f"Cyrillic ({shown})"
    )
    return dataclasses.replace(
        out,
        document=dataclasses.replace(out.document, id=document.id),
        claims=tuple(dataclasses.replace(c, evidence=ev(c.evidence)) for c in out.claims),
        events=tuple(dataclasses.replace(e, evidence=ev(e.evidence)) for e in out.events),
        quotes=tuple(dataclasses.replace(q, text=text[q.start : q.end]) for q in out.quotes),
        notes=(*out.notes, note),
    )


def _read(document: Any, gazetteer: Gazetteer | None) -> ArticleExtraction:
    lex = lexicon(document.language)
    text: str = document.text
    today = document.date
    body = text.find("\n") + 1 if text.lstrip().startswith("date ") else 0
    known = known_persons(gazetteer)
    found = mentions(text, lex.code, body, known, known_persons(gazetteer, "organization"))
    people = [m for m in found if m.type in ("person", "organization", "country")]
    persons = [m for m in found if m.type == "person"]
    main = Counter(m.name for m in persons).most_common(1)
    main_person = main[0][0] if main else None
    speaker = title_speaker(lex, document.title, persons)
    quoted = quotes(lex, text, body, persons, speaker)
    reader = ClaimReader(lex, text, today.isoformat() if today else None)
    sents: list[Sentence] = []
    for n, (s, e) in enumerate(sentences(text, body)):
        tokens = lex.tokens(text, s, e)
        in_people = [m for m in people if s <= m.start < e]
        speakers = [m for m in in_people if m.type != "country"]
        earlier = next((m.name for m in reversed(persons) if m.end <= s), None)
        source = source_of(lex, text, tokens, speakers, main_person, earlier)
        if source is None:
            q = next((q for q in quoted if q.start - 3 <= s < q.end or q.start < e <= q.end), None)
            source = q.speaker if q else None
        sent = Sentence(n, s, e, tokens, find_times(lex, tokens, today), in_people, source, n == 0)
        sents.append(sent)
        before = len(reader.drafts)
        reader.read(sent)
        if (
            source
            and len(reader.drafts) == before
            and re.search(lex.w.ABOUT_THIS, text[s:e].lower())
        ):
            for d in reader.drafts:  # "... освободили 12. Об этом сообщает «Вясна»."
                if d.sentence == n - 1 and d.source is None:
                    d.source = source
    headline = next((d for d in reader.drafts if d.sentence == 0), None)
    first_told = [(d.sentence, d.agent) for d in reader.drafts]  # where first told, by whom
    drafts = merge(reader.drafts)
    _beside(drafts)
    article_mech = next((m for s in sents if (m := mechanism_in(lex, s.tokens))), None)
    for d in drafts:
        if d.action == "released" and not d.mechanism:
            same_day = headline is None or d.when == headline.when
            told = article_mech if same_day else None
            d.mechanism = (d.part_of.mechanism if d.part_of else None) or told or "unknown"
    _agent(text, drafts, sents, lex, headline)
    codes = Counter(COUNTRIES[m.text.lower()] for m in found if m.type == "country")
    codes["BY"] += len(_BELARUSIAN.findall(text))  # "белорусской оппозиции", "беларускіх турмаў"
    # ties go to Belarus, the country these sources keep the record of
    country = max(codes, key=lambda c: (codes[c], c == "BY")) if codes else None
    events = event_rules.find_events(lex, text, sents, drafts, first_told)
    return assemble(document, lex.code, drafts, events, quoted, found, country)
