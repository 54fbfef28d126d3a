"""How sure the extractor is of a claim: a logistic model over how the claim was found.

The features are the rule that found it (the parse's patterns, `parse_object`, `parse_given`,
..., as one family), whether the parse links the number (or the person) to
the action's word, how far apart they are, whether someone is credited with the figure, and
whether it is in the title or a subset of another claim. The coefficients are data
(`data/confidence.json`), fitted on the shared gold articles by `bench/confidence_fit.py`, which
also prints how well calibrated they are (of the claims given about 0.8, about 80% should be
right).
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources

from prisonwatch.extract.results import ClaimFinding

#: The rules a claim may come from, in the order of their one-hot features.
RULES = ("count", "bare", "named", "described", "everyone", "parse")
FEATURES = (
    "intercept",
    *(f"rule_{r}" for r in RULES),
    "parse_agrees",
    "log_distance",
    "attributed",
    "in_title",
    "part_of",
)


def features(f: ClaimFinding) -> list[float]:
    """The model's inputs for one claim, in the order of `FEATURES`."""
    return [
        1.0,
        *(1.0 if f.rule.split("_")[0] == r else 0.0 for r in RULES),
        1.0 if f.parse_agrees else 0.0,
        math.log1p(max(f.distance, 0)) / 5.0,
        1.0 if f.attributed else 0.0,
        1.0 if f.in_title else 0.0,
        1.0 if f.part_of else 0.0,
    ]


@lru_cache(maxsize=1)
def coefficients() -> tuple[float, ...]:
    """The fitted weights, one per feature (all zero, so 0.5, when none are stored)."""
    path = resources.files("prisonwatch.extract") / "data" / "confidence.json"
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return tuple(0.0 for _ in FEATURES)
    weights = stored["weights"]
    return tuple(float(weights.get(name, 0.0)) for name in FEATURES)


def score(f: ClaimFinding, weights: tuple[float, ...] | None = None) -> float:
    """The probability that the claim is right, rounded to two places."""
    w = weights if weights is not None else coefficients()
    z = sum(a * b for a, b in zip(w, features(f), strict=True))
    return round(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))), 2)
