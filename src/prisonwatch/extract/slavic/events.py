"""Events in Russian and Belarusian sentences: talks, meetings and visits with who took part,
and concessions traded for releases ("в обмен на снятие санкций с «Белавиа»", "калі дзеля
выратавання людзей ЗША давялося зняць некаторыя санкцыі з рэжыму Лукашэнкі")."""

from __future__ import annotations

import re
from typing import Any

from prisonwatch.extract.lang import be as be_words
from prisonwatch.extract.lang import ru as ru_words
from prisonwatch.extract.slavic.attribution import nominative_name
from prisonwatch.extract.slavic.drafts import Draft, Sentence
from prisonwatch.extract.slavic.words import Lexicon, alternation, both, ru_parse

_WITH = re.compile(rf"\s+(?:{alternation(both('WITH'))})\s+")
_DELEGATION = re.compile(rf"({ru_words.DELEGATION}|{be_words.DELEGATION})\w*\s+([А-ЯЁІЎA-Z]\w+)")
_SANCTIONS_FROM = re.compile(rf"санкц\w*\s+(?:\w+\s+){{0,2}}?(?:{alternation(both('AGAINST'))})\s+")
_RELEASE = re.compile(both("RELEASE_CONTEXT"))


def _nominative(lex: Lexicon, word: str) -> str:
    """The head word of a named thing in the nominative ("рэжыму" -> "рэжым")."""
    if lex.code == "ru":
        p = ru_parse(word.lower())
        form = p.inflect({"nomn"}) if "NOUN" in p.tag else None
        return str(form.word) if form else word
    return re.sub(r"(?:у|ю|ам|ом|а)$", "", word) if len(word) > 4 else word


def _genitive_target(lex: Lexicon, word: str) -> str:
    """A one-word name after a preposition that takes the genitive, in the nominative: by the
    endings only a masculine genitive has (`GENITIVE_MASCULINE`: "Беларуськалия" ->
    "Беларуськалий", which the dictionary takes for a feminine nominative), else as any
    genitive name ("Белавіі" -> "Белавія")."""
    for ending, nominative in lex.w.GENITIVE_MASCULINE:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: len(word) - len(ending)] + str(nominative)
    return nominative_name(lex, word)


def _participants(lex: Lexicon, text: str, s: Sentence, pos: int, agent: str | None) -> list[str]:
    """Who took part in the talks the word at `pos` names: the agent of the sentence's claim
    (else the person before), and the people or delegation after "с"/"з"/"между"."""
    persons = [m for m in s.people if m.type == "person"]
    out: list[str] = []
    before = [m.name for m in persons if m.end <= pos]
    if agent:
        out.append(agent)
    elif before:
        out.append(before[-1])
    tail = text[pos : min(s.end, pos + 120)]
    with_ = _WITH.search(tail)
    if with_:
        start = pos + with_.end()
        delegation = _DELEGATION.match(text, start)
        if delegation:
            out.append(f"{delegation.group(1)}я {delegation.group(2)}")
        out += [m.name for m in persons if start <= m.start < start + 80]
    return list(dict.fromkeys(out))


def _concession(lex: Lexicon, text: str, s: Sentence, drafts: list[Draft]) -> dict[str, Any] | None:
    low = text[s.start : s.end].lower()
    traded = re.search(lex.w.IN_RETURN, low) or _RELEASE.search(low)
    if not traded:
        return None
    for pattern, what in [*lex.w.CONCESSIONS, *lex.w.CONCESSION_VERBS]:
        m = re.search(pattern, low)
        if not m:
            continue
        countries = [x for x in s.people if x.type in ("country", "organization")]
        by = next((c.name for c in countries if c.end <= s.start + m.start()), None)
        target = None
        after = _SANCTIONS_FROM.search(text, s.start + m.start(), s.end)
        if after:
            # "с «Белавиа»", "с авиакомпании «Белавиа»"
            quoted = re.match(r"(?:\w+\s+){0,3}?[«„]([^»“]+)[»“]", text[after.end() :])
            words = re.match(r"(\w+)(\s+[А-ЯЁІЎ]\w+)?", text[after.end() :])
            if quoted:
                target = quoted.group(1)
                if " " not in target:  # "з «Белавіі»", "против «Беларуськалия»"
                    target = _genitive_target(lex, target)
            elif words:
                target = _nominative(lex, words.group(1)) + (words.group(2) or "")
        released = [d.id for d in drafts if d.action == "released" and d.part_of is None]
        return {"by": by, "what": what, "target": target, "in_return_for": released[:1]}
    return None


def find_events(
    lex: Lexicon,
    text: str,
    sents: list[Sentence],
    drafts: list[Draft],
    told: list[tuple[int, str | None]],
) -> list[dict[str, Any]]:
    """`told`: (sentence, agent) of every claim as first read, before repeats were merged."""
    out: list[dict[str, Any]] = []
    for s in sents:
        agent = next((a for n, a in told if n == s.index and a), None)
        agent = agent or next((d.agent for d in drafts if d.sentence == s.index and d.agent), None)
        when = s.times[0].period if s.times else None
        for t in s.tokens:
            kind = lex.find(t, lex.w.EVENTS) if t.is_word and len(t.lower) > 3 else None
            if kind is None:
                continue
            names = _participants(lex, text, s, t.start, agent)
            if len(names) < (1 if kind == "visit" else 2):
                continue
            same = next(
                (e for e in out if e["kind"] == kind and set(e["participants"]) & set(names)), None
            )
            if same is None:
                out.append(_event(len(out) + 1, kind, when, names, text, s))
            break
        concession = _concession(lex, text, s, drafts)
        if concession is not None:
            item = _event(
                len(out) + 1,
                "concession",
                None,
                [concession["by"]] if concession["by"] else [],
                text,
                s,
            )
            item.update(concession)
            out.append(item)
    return out


def _event(
    n: int, kind: str, when: tuple[str, str] | None, names: list[str], text: str, s: Sentence
) -> dict[str, Any]:
    return {
        "id": f"e{n}",
        "kind": kind,
        "when": {"from": when[0], "to": when[1]} if when else None,
        "place": None,
        "participants": names,
        "evidence": {"start": s.start, "end": s.end, "text": text[s.start : s.end]},
    }
