"""One case of the English sentence sets, and how a reading of it is scored."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Extract = Callable[..., dict[str, Any]]


@dataclass(frozen=True)
class Case:
    """A text and what a careful reader takes from it: its claims (action, count and the
    fields this case decides: agent, source, persons, when) and its events (kind and
    the fields it decides: participants, by, what, target). No claims and no events means
    it must give nothing."""

    id: str
    body: str
    claims: tuple[dict[str, Any], ...] = ()
    events: tuple[dict[str, Any], ...] = ()
    day: str = "2025-12-12"
    tags: tuple[str, ...] = field(default_factory=tuple)


FIELDS = ("agent", "source", "persons", "when")


def _norm(field_name: str, value: Any) -> Any:
    return sorted(value) if field_name == "persons" else value


def errors(case: Case, out: dict[str, Any]) -> list[str]:
    """What the reading got wrong: claims missed or extra (by action and count), fields that
    differ, events missed or extra (by kind), participants that differ."""
    found: list[str] = []
    claims = list(out["claims"])
    for want in case.claims:
        same = [c for c in claims if (c["action"], c["count"]) == (want["action"], want["count"])]
        if not same:
            found.append(f"missed {want['action']} {want['count']}")
            continue
        got = same[0]
        claims.remove(got)
        for name in FIELDS:
            if name in want and _norm(name, got[name]) != _norm(name, want[name]):
                found.append(
                    f"{want['action']} {want['count']}: {name} {got[name]!r} != {want[name]!r}"
                )
    found.extend(f"extra {c['action']} {c['count']}" for c in claims)
    events = list(out["events"])
    for want in case.events:
        same = [e for e in events if e["kind"] == want["kind"]]
        if not same:
            found.append(f"missed event {want['kind']}")
            continue
        got = same[0]
        events.remove(got)
        for key in sorted(set(want) - {"kind"}):
            have, need = got.get(key), want[key]
            if key == "participants":
                have, need = sorted(have or []), sorted(need)
            if have != need:
                found.append(f"event {want['kind']}: {key} {got.get(key)!r} != {want[key]!r}")
    found.extend(f"extra event {e['kind']}" for e in events)
    return found


def score(cases: tuple[Case, ...], extract: Extract) -> dict[str, Any]:
    """Cases right in every respect, claims F1 by action and count, each field's accuracy on
    matched claims, events F1 by kind."""
    right = 0
    tp = n_pred = n_gold = 0
    fields: dict[str, list[bool]] = {name: [] for name in FIELDS}
    etp = e_pred = e_gold = 0
    wrong: dict[str, list[str]] = {}
    for case in cases:
        out = extract(case.body, case.day)
        errs = errors(case, out)
        if errs:
            wrong[case.id] = errs
        else:
            right += 1
        n_pred += len(out["claims"])
        n_gold += len(case.claims)
        pool = list(out["claims"])
        for want in case.claims:
            key = (want["action"], want["count"])
            got = next((c for c in pool if (c["action"], c["count"]) == key), None)
            if got is None:
                continue
            pool.remove(got)
            tp += 1
            for name in FIELDS:
                if name in want:
                    fields[name].append(_norm(name, got[name]) == _norm(name, want[name]))
        e_pred += len(out["events"])
        e_gold += len(case.events)
        epool = list(out["events"])
        for want in case.events:
            got = next((e for e in epool if e["kind"] == want["kind"]), None)
            if got is not None:
                epool.remove(got)
                etp += 1

    def f1(t: int, p: int, g: int) -> float:
        pr, rc = (t / p if p else 0.0), (t / g if g else 0.0)
        return 2 * pr * rc / (pr + rc) if pr + rc else 0.0

    return {
        "cases": len(cases),
        "right": right,
        "claims_f1": f1(tp, n_pred, n_gold),
        "fields": {k: (sum(v) / len(v), len(v)) for k, v in fields.items() if v},
        "events_f1": f1(etp, e_pred, e_gold) if e_gold or e_pred else 1.0,
        "wrong": wrong,
    }
