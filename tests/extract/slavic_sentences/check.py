"""One sentence case and how the reader's output is checked against it.

A case gives every claim the text holds (no more may be found) by the fields the text decides:
action and count always, and qualifier, population, when, source, agent, persons, mechanism and
part_of (the index of another expected claim) where given. `when` is "2025-09-11" for a single
day or month, or a (from, to) pair, or None for "no time". Quotes and concession events are
checked by their speaker, a part of their text, and `what`/`target`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from prisonwatch.extract.gazetteer import Gazetteer
from prisonwatch.extract.slavic.reader import read
from prisonwatch.ingest.documents import Document
from prisonwatch.services.extracting import to_json

TITLES = {"ru": "Новости", "be": "Навіны"}


@cache
def _gazetteer() -> Gazetteer:
    return Gazetteer.load()  # as `prisonwatch extract` passes it


@dataclass(frozen=True)
class Case:
    id: str
    lang: str
    text: str
    claims: tuple[dict[str, Any], ...] = ()
    quotes: tuple[dict[str, Any], ...] | None = None
    events: tuple[dict[str, Any], ...] | None = None
    day: str = "2025-12-12"  # a Friday
    kind: str = field(default="")  # what the case is about, for the per-kind report


def run(case: Case) -> dict[str, Any]:
    title = TITLES[case.lang]
    text = f" date {case.day} {title}\n{title}\n{case.text}\n"
    doc = Document("case.txt", text, date.fromisoformat(case.day), title, language=case.lang)
    return to_json(read(doc, _gazetteer()))


def _when(value: Any) -> dict[str, str] | None:
    if value is None:
        return None
    a, b = (value, value) if isinstance(value, str) else value
    return {"from": a, "to": b}


def _claim_errors(exp: dict[str, Any], got: dict[str, Any], ids: dict[int, str]) -> list[str]:
    out = []
    for key, want in exp.items():
        if key in ("action", "count"):
            continue
        have = got.get(key)
        if key == "when":
            want = _when(want)
        elif key == "part_of":
            want = ids.get(want)
        elif key == "persons":
            want, have = sorted(want), sorted(have or [])
        if have != want:
            out.append(f"{exp['action']} {exp['count']}: {key} {have!r}, want {want!r}")
    return out


def errors(case: Case, out: dict[str, Any] | None = None) -> list[str]:
    """What the reader got wrong on the case ([] when it reads it as the case says)."""
    out = out if out is not None else run(case)
    problems: list[str] = []
    found = list(out["claims"])
    ids: dict[int, str] = {}
    pairs: list[tuple[dict[str, Any], dict[str, Any]]] = []
    for n, exp in enumerate(case.claims):
        hit = next(
            (c for c in found if (c["action"], c["count"]) == (exp["action"], exp["count"])),
            None,
        )
        if hit is None:
            problems.append(f"missed {exp['action']} {exp['count']}")
            continue
        found.remove(hit)
        ids[n] = hit["id"]
        pairs.append((exp, hit))
    for exp, hit in pairs:
        problems += _claim_errors(exp, hit, ids)
    problems += [f"spurious {c['action']} {c['count']}" for c in found]
    if case.quotes is not None:
        quotes = list(out["quotes"])
        for q in case.quotes:
            if not any(x["speaker"] == q["speaker"] and q["text"] in x["text"] for x in quotes):
                problems.append(f"quote by {q['speaker']!r} not found: {quotes!r}")
    if case.events is not None:
        events = [e for e in out["events"] if e["kind"] == "concession"]
        for e in case.events:
            if not any(all(x.get(k) == v for k, v in e.items()) for x in events):
                problems.append(f"concession {e!r} not found: {events!r}")
    return problems
