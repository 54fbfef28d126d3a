"""Fit the claim confidence model (src/prisonwatch/extract/confidence.py) on the shared gold.

Every predicted claim is labelled right when it matches a gold claim (action and count, one to
one, as `extract_eval.py` matches them). A logistic regression (numpy, Newton steps with a
small L2 penalty) is fitted on the features of how each claim was found, on every article but
those of the hidden fold (bench/extract_folds.json), whose gold is never used. Calibration is
checked out of sample: each article is scored by the model fitted on all the others, and the
reliability table says, per confidence bin, how many of those claims were right. The weights
fitted on all articles are written to `src/prisonwatch/extract/data/confidence.json`.

    python bench/confidence_fit.py [ARTICLES_DIR] [--write]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract_eval import DEFAULT, FOLDS, HIDDEN, load, match_claims, reliability
from prisonwatch.extract import confidence
from prisonwatch.extract.pipeline import Extractor
from prisonwatch.services.extracting import to_json

OUT = (
    Path(__file__).resolve().parents[1] / "src" / "prisonwatch" / "extract" / "data"
) / "confidence.json"
TABLE = Path(__file__).resolve().parent / "confidence_reliability.md"


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0) -> np.ndarray:
    """Logistic regression by Newton's method; the intercept is not penalised."""
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    folder = Path(args[0]) if args else DEFAULT
    hidden = set(json.loads(FOLDS.read_text(encoding="utf-8"))["folds"][HIDDEN])
    # the hidden fold's gold is never used to fit (nor shown): it stays a fair test
    pairs_of = [(d, g) for d, g in load(folder) if Path(d.name).stem not in hidden]
    extractor = Extractor()
    rows: list[tuple[str, list[float], bool]] = []
    for (doc, gold), typed in zip(
        pairs_of, extractor.extract_many(d for d, _ in pairs_of), strict=True
    ):
        out = to_json(typed)
        matched = set(match_claims(out["claims"], gold["claims"]).values())
        stem = Path(doc.name).stem
        for c in typed.claims:
            assert c.finding is not None
            rows.append((stem, confidence.features(c.finding), c.id in matched))
    x = np.array([r[1] for r in rows])
    y = np.array([1.0 if r[2] else 0.0 for r in rows])
    fold = np.array([r[0] for r in rows])
    print(f"{len(rows)} predicted claims, {int(y.sum())} right")
    judged: list[tuple[float, bool]] = []
    for name in sorted(set(fold)):
        w = fit(x[fold != name], y[fold != name])
        p = 1.0 / (1.0 + np.exp(-(x[fold == name] @ w)))
        judged.extend(zip(p.round(2).tolist(), (y[fold == name] == 1).tolist(), strict=True))
    w = fit(x, y)
    p = 1.0 / (1.0 + np.exp(-(x @ w)))
    inside = list(zip(p.tolist(), (y == 1).tolist(), strict=True))
    lines = [
        f"# Claim confidence: reliability on the shared gold ({len(rows)} predicted claims, "
        f"{int(y.sum())} right)",
        "",
        "| confidence | out of sample: claims | mean | right | in sample: claims | mean | right |",
        "|---|---|---|---|---|---|---|",
    ]
    outside = {r[0]: r[1:] for r in reliability(judged)}
    within = {r[0]: r[1:] for r in reliability(inside)}
    for label in sorted(set(outside) | set(within)):
        o = outside.get(label, (0, 0.0, 0.0))
        i = within.get(label, (0, 0.0, 0.0))
        lines.append(
            f"| {label} | {o[0]} | {o[1]:.2f} | {o[2]:.2f} | {i[0]} | {i[1]:.2f} | {i[2]:.2f} |"
        )
    lines += [
        "",
        "Out of sample: each article scored by the model fitted on all the others. In sample: "
        "the stored model (fitted on all articles) on the same articles. Calibrated when "
        "'mean' and 'right' agree.",
    ]
    table = "\n".join(lines) + "\n"
    print(table)
    weights = {name: round(float(v), 4) for name, v in zip(confidence.FEATURES, w, strict=True)}
    print(json.dumps(weights))
    if "--write" in sys.argv:
        OUT.write_text(
            json.dumps(
                {
                    "fitted_on": f"{len(pairs_of)} shared gold articles, {len(rows)} claims",
                    "weights": weights,
                },
                indent=2,
            )
            + "\n",
            encoding="utf-8",
        )
        TABLE.write_text(table, encoding="utf-8")
        print(f"written to {OUT} and {TABLE}")


if __name__ == "__main__":
    main()
