"""How sure the extractor is of a claim: a small logistic model over how the claim was found.

The features are the family of the rule that found it (the parse's patterns, a person named or
described rather than counted, a bare number with no people noun; the surface count rules are
the baseline), whether the parse links the number (or the person) to the action's word, how far
apart they are, whether someone is credited with the figure, and whether it is in the title or
a subset of another claim. The coefficients are data (`data/confidence.json`), fitted by
`bench/confidence_fit.py` so that the probability is that of a claim on an article the rules
were *not* written from (the real use: new articles). On the articles the rules were written
from, the claims are right more often than the score says.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources

from prisonwatch.extract.results import ClaimFinding

#: Rule families, each a one-hot feature: the rule names (their part before "_") in each.
#: The surface count rules ("count", "everyone") are the baseline and have no feature.
RULE_FAMILIES: dict[str, tuple[str, ...]] = {
    "parse": ("parse",),
    "person": ("named", "described"),
    "bare": ("bare",),
}
FEATURES = (
    "intercept",
    *(f"rule_{family}" for family in RULE_FAMILIES),
    "parse_agrees",
    "log_distance",
    "attributed",
    "in_title",
    "part_of",
)


def features(f: ClaimFinding) -> list[float]:
    """The model's inputs for one claim, in the order of `FEATURES`."""
    head = f.rule.split("_")[0]
    return [
        1.0,
        *(1.0 if head in rules else 0.0 for rules in RULE_FAMILIES.values()),
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
