"""Events in Russian and Belarusian sentences: talks, meetings, visits, and concessions traded
for releases ("в обмен на снятие санкций с «Белавиа»" / "у абмен на зняцце санкцый з «Белавія»")."""

from __future__ import annotations

import re
from typing import Any

from prisonwatch.extract.slavic.drafts import Draft, Sentence
from prisonwatch.extract.slavic.words import Lexicon

_TARGET = re.compile(r"(?:с|з|со|против|супраць)\s+«([^»]+)»")


def find_events(
    lex: Lexicon, text: str, sents: list[Sentence], drafts: list[Draft]
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, frozenset[str]]] = set()
    for s in sents:
        names = list(dict.fromkeys(m.name for m in s.people if m.type == "person"))
        when = s.times[0].period if s.times else None
        for t in s.tokens:
            kind = lex.find(t, lex.w.EVENTS) if t.is_word and len(t.lower) > 3 else None
            if kind is None or len(names) < (1 if kind == "visit" else 2):
                continue
            key = (kind, frozenset(names))
            if key in seen:
                break
            seen.add(key)
            out.append(_event(len(out) + 1, kind, when, names, text, s))
            break
        low = text[s.start : s.end].lower()
        if not re.search(lex.w.IN_RETURN, low):
            continue
        for pattern, what in lex.w.CONCESSIONS:
            m = re.search(pattern, low)
            if not m:
                continue
            target = _TARGET.search(text, s.start + m.end(), s.end)
            item = _event(len(out) + 1, "concession", when, names, text, s)
            item.update(
                by=None,
                what=what,
                target=target.group(1) if target else None,
                in_return_for=[
                    d.id for d in drafts if d.action == "released" and d.part_of is None
                ][:1],
            )
            out.append(item)
            break
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
