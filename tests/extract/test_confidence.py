"""Claim confidence: a fitted model over how each claim was found, not one number for all."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from prisonwatch.extract import confidence
from prisonwatch.extract.results import ClaimFinding

Extract = Callable[..., dict[str, Any]]


def test_features_follow_the_declared_order() -> None:
    f = ClaimFinding("named", parse_agrees=True, distance=0, attributed=True, in_title=False)
    values = confidence.features(f)
    assert len(values) == len(confidence.FEATURES) == len(confidence.coefficients())
    person = confidence.FEATURES.index("rule_person")
    assert values[person] == 1.0 and values[confidence.FEATURES.index("rule_parse")] == 0.0
    parsed = confidence.features(ClaimFinding("parse_object", True, 0, False))
    assert parsed[confidence.FEATURES.index("rule_parse")] == 1.0
    assert parsed[person] == 0.0


def test_scores_are_probabilities_and_move_with_the_evidence() -> None:
    weights = tuple(0.0 for _ in confidence.FEATURES)
    plain = ClaimFinding("count", parse_agrees=False, distance=40, attributed=False)
    assert confidence.score(plain, weights) == 0.5  # no evidence either way
    w = list(weights)
    w[confidence.FEATURES.index("attributed")] = 2.0
    credited = ClaimFinding("count", parse_agrees=False, distance=40, attributed=True)
    assert confidence.score(credited, tuple(w)) > confidence.score(plain, tuple(w))
    assert 0.0 < confidence.score(credited) < 1.0


def test_claims_of_one_article_get_different_confidences(extract: Extract) -> None:
    out = extract(
        "Authorities released 52 political prisoners on Friday, the rights group Viasna said. "
        "Some 14 others were reportedly freed as well."
    )
    found = {c["count"]: c["confidence"] for c in out["claims"]}
    assert 52 in found and 14 in found
    assert all(0.0 < v < 1.0 for v in found.values())
    assert found[52] > found[14]  # credited and parsed as the verb's object, against neither
