"""How a case is read and scored: claims matched one to one on action and count, each field
the case names compared, nothing else found."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from tests.extract.en_sentences import Case

Extract = Callable[..., dict[str, Any]]


def _field(name: str, got: dict[str, Any], want: Any) -> bool:
    if name == "persons":
        return set(got["persons"]) == set(want)
    return bool(got.get(name) == want)


def score(case: Case, out: dict[str, Any]) -> tuple[Counter[str], list[str]]:
    """Counts (`tp`, `pred`, `gold`, `<field>_ok`, `<field>_n`) and the case's errors."""
    left = list(out["claims"])
    tally: Counter[str] = Counter(pred=len(left), gold=len(case.claims))
    errors: list[str] = []
    for exp in case.claims:
        key = (exp["action"], exp["count"])
        got = next((c for c in left if (c["action"], c["count"]) == key), None)
        if got is None:
            errors.append(f"missed {key}")
            continue
        left.remove(got)
        tally["tp"] += 1
        for name, want in exp.items():
            if name in ("action", "count"):
                continue
            ok = _field(name, got, want)
            tally[f"{name}_ok"] += ok
            tally[f"{name}_n"] += 1
            if not ok:
                errors.append(f"{key} {name}: got {got.get(name)!r}, want {want!r}")
    errors.extend(f"spurious {(c['action'], c['count'])}" for c in left)
    return tally, errors
