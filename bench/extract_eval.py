"""Extraction quality against the gold files in ../shared/articles/gold.

Claims match on action and count (one to one; among several candidates, the likest by named
people, evidence and population). On matched claims: accuracy of `when`,
`source`, `agent`, `qualifier`, `population`, `part_of` (the parent must be the matched parent)
and `persons` (as sets). Quotes match on span overlap of at least 0.3 of the longer span, then
speaker accuracy. Events: F1 by kind. Figures for all articles and for each fold of
`extract_folds.json`: `dev` to `dev4` are looked at while rules are written; `hidden`
is not (only its aggregate is printed, never an article's line or errors; empty since 207-208
were opened as `dev4`, and the output says so). A reliability table
of the claims' confidence. Throughput against spaCy's own pass with tok2vec, tagger, parser and ner.

    python bench/extract_eval.py [ARTICLES_DIR] [-v] [--no-hidden] [--no-speed]

An ARTICLES_DIR with a `folds.json` of its own (the own articles in
`bench/data/own_articles_en`) is split by it; its `own_held` fold is kept like the hidden one.

`--no-hidden` leaves the hidden fold out altogether (not read, not scored): for scoring dev and
dev2 while rules are written, so that the hidden fold is scored only at milestones.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from prisonwatch.extract.pipeline import Extractor
from prisonwatch.ingest.documents import Document, read_documents
from prisonwatch.services.extracting import to_json

DEFAULT = (
    Path(os.environ.get("PRISONWATCH_SHARED") or Path(__file__).resolve().parents[2] / "shared")
    / "articles"
)
#: spaCy's own pass with the components the extractor uses: the throughput baseline.
BASELINE = ("tok2vec", "tagger", "parser", "ner")
FIELDS = ("when", "source", "agent", "qualifier", "population", "part_of", "persons")


def f1(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _likeness(p: dict[str, Any], g: dict[str, Any]) -> tuple[int, float, int]:
    """How alike two claims of one action and count are: people named, evidence, population."""
    shared = len(set(p["persons"]) & set(g["persons"]))
    return (shared, overlap(p["evidence"], g["evidence"]), p["population"] == g["population"])


def match_claims(pred: list[dict[str, Any]], gold: list[dict[str, Any]]) -> dict[str, str]:
    """Gold id -> predicted id: one to one on action and count; where several predicted
    claims have the gold claim's action and count, the likest (named people, evidence,
    population), then the first."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for g in gold:
        same = [
            p
            for p in pred
            if p["id"] not in used and (p["action"], p["count"]) == (g["action"], g["count"])
        ]
        if same:
            best = max(same, key=lambda p: _likeness(p, g))
            out[g["id"]] = best["id"]
            used.add(best["id"])
    return out


def field_ok(name: str, p: dict[str, Any], g: dict[str, Any], pairs: dict[str, str]) -> bool:
    if name == "persons":
        return set(p["persons"]) == set(g["persons"])
    if name == "part_of":
        if g["part_of"] is None:
            return p["part_of"] is None
        return pairs.get(g["part_of"]) == p["part_of"]
    if name == "source":
        return p["source"] == g["source"]
    return bool(p[name] == g[name])


def overlap(a: dict[str, Any], b: dict[str, Any]) -> float:
    inter = max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))
    return inter / max(a["end"] - a["start"], b["end"] - b["start"], 1)


#: Which articles were hidden while the current rules were written (bench/extract_folds.json).
FOLDS = Path(__file__).resolve().parent / "extract_folds.json"
#: The fold kept unseen: only its aggregate is printed, never an article's line or errors.
HIDDEN = "hidden"
#: Folds scored like the hidden one (aggregate only, left out by `--no-hidden`): a held part
#: of an own set (`bench/data/own_articles_en/folds.json`).
HELD = "own_held"


def unseen(fold: str | None) -> bool:
    """Whether a fold is one whose articles are never looked into (aggregate only)."""
    return fold in (HIDDEN, HELD)


@dataclass
class Score:
    """Totals over a set of articles."""

    counts: Counter[str] = field(default_factory=Counter)
    fields: Counter[str] = field(default_factory=Counter)
    #: (confidence, right) for every predicted claim: right when it matched a gold claim
    judged: list[tuple[float, bool]] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.counts.update(other.counts)
        self.fields.update(other.fields)
        self.judged.extend(other.judged)

    def claims(self) -> tuple[float, float, float]:
        c = self.counts
        return f1(c["claims_tp"], c["claims_pred"], c["claims_gold"])

    def field(self, name: str) -> float:
        tp = self.counts["claims_tp"]
        return self.fields[name] / tp if tp else 0.0


def score_article(
    stem: str, gold: dict[str, Any], out: dict[str, Any], verbose: bool
) -> tuple[Score, str]:
    """One article's score, and its line in the per-article table. `verbose` prints the
    article's errors (never asked for an article of the hidden fold)."""
    sc = Score()
    totals, field_hits = sc.counts, sc.fields
    g_claims, p_claims = gold["claims"], out["claims"]
    pairs = match_claims(p_claims, g_claims)
    by_id = {p["id"]: p for p in p_claims}
    matched = set(pairs.values())
    sc.judged.extend((p.get("confidence", 0.8), p["id"] in matched) for p in p_claims)
    totals["claims_tp"] += len(pairs)
    totals["claims_pred"] += len(p_claims)
    totals["claims_gold"] += len(g_claims)
    for g in g_claims:
        if g["id"] in pairs:
            p = by_id[pairs[g["id"]]]
            for name in FIELDS:
                ok = field_ok(name, p, g, pairs)
                field_hits[name] += ok
                if verbose and not ok:
                    print(f"    {stem} {g['id']} {name}: got {p[name]!r}, gold {g[name]!r}")
    if verbose:
        for g in g_claims:
            if g["id"] not in pairs:
                said = g["evidence"]["text"][:90]
                print(f"    {stem} missed {g['action']} {g['count']}: {said!r}")
        for p in p_claims:
            if p["id"] not in matched:
                said = p["evidence"]["text"][:90]
                print(f"    {stem} spurious {p['action']} {p['count']}: {said!r}")
    g_quotes, p_quotes = gold.get("quotes", []), out["quotes"]
    used: set[int] = set()
    q_tp = 0
    for g in g_quotes:
        for i, p in enumerate(p_quotes):
            if i not in used and overlap(p, g) >= 0.3:
                used.add(i)
                q_tp += 1
                totals["speaker_ok"] += p["speaker"] == g["speaker"]
                break
    totals["q_tp"] += q_tp
    totals["q_pred"] += len(p_quotes)
    totals["q_gold"] += len(g_quotes)
    g_kinds = Counter(e["kind"] for e in gold.get("events", []))
    p_kinds = Counter(e["kind"] for e in out["events"])
    e_tp = sum((g_kinds & p_kinds).values())
    totals["e_tp"] += e_tp
    totals["e_pred"] += sum(p_kinds.values())
    totals["e_gold"] += sum(g_kinds.values())
    cp, cr, cf = f1(len(pairs), len(p_claims), len(g_claims))
    qf = f1(q_tp, len(p_quotes), len(g_quotes))[2]
    ef = f1(e_tp, sum(p_kinds.values()), sum(g_kinds.values()))[2]
    return sc, f"{stem[:24]:24} {cp:6.2f}/{cr:4.2f}/{cf:4.2f}   {qf:10.2f} {ef:10.2f}"


def report(label: str, sc: Score) -> None:
    t = sc.counts
    cp, cr, cf = sc.claims()
    print(
        f"\n[{label}] claims: P {cp:.3f} R {cr:.3f} F1 {cf:.3f} "
        f"({t['claims_tp']} matched of {t['claims_gold']} gold, {t['claims_pred']} predicted)"
    )
    print("  " + "  ".join(f"{name} {sc.field(name):.3f}" for name in FIELDS))
    qf = f1(t["q_tp"], t["q_pred"], t["q_gold"])[2]
    sp = t["speaker_ok"] / t["q_tp"] if t["q_tp"] else 0.0
    ef = f1(t["e_tp"], t["e_pred"], t["e_gold"])[2]
    print(f"  quotes F1 {qf:.3f} (speaker {sp:.3f}); events (by kind) F1 {ef:.3f}")


def reliability(judged: list[tuple[float, bool]]) -> list[tuple[str, int, float, float]]:
    """Claims grouped by the confidence they were given: (bin, claims, mean confidence,
    share right). Calibrated when the last two agree."""
    bins = [(0.0, 0.5), (0.5, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]
    out = []
    for lo, hi in bins:
        inside = [(c, r) for c, r in judged if lo <= c < hi]
        if inside:
            mean = sum(c for c, _ in inside) / len(inside)
            right = sum(r for _, r in inside) / len(inside)
            out.append((f"{lo:.1f}-{min(hi, 1.0):.1f}", len(inside), mean, right))
    return out


def load(folder: Path) -> list[tuple[Document, dict[str, Any]]]:
    pairs_of: list[tuple[Document, dict[str, Any]]] = []
    for gold_path in sorted((folder / "gold").glob("*.json")):
        doc = next(iter(read_documents(folder / f"{gold_path.stem}.txt")))
        assert isinstance(doc, Document)
        pairs_of.append((doc, json.loads(gold_path.read_text(encoding="utf-8"))))
    return pairs_of


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    verbose = "-v" in sys.argv
    folder = Path(args[0]) if args else DEFAULT
    pairs_of = load(folder)
    # a folder of own articles carries its own folds (`folds.json`); the shared one, ours
    own = folder / "folds.json"
    folds_file = own if own.exists() else FOLDS
    folds: dict[str, list[str]] = json.loads(folds_file.read_text(encoding="utf-8"))["folds"]
    if "--no-hidden" in sys.argv:  # score dev and dev2 without spending a hidden-fold run
        kept = {s for name, stems in folds.items() if unseen(name) for s in stems}
        pairs_of = [(d, g) for d, g in pairs_of if Path(d.name).stem not in kept]
    extractor = Extractor()
    docs = [d for d, _ in pairs_of]
    outputs = [to_json(x) for x in extractor.extract_many(docs)]
    fold_of = {stem: name for name, stems in folds.items() for stem in stems}
    by_fold: dict[str, Score] = {}
    everything = Score()
    print(f"{'article':24} {'claims P/R/F1':>20} {'quotes F1':>10} {'events F1':>10}")
    for (doc, gold), out in zip(pairs_of, outputs, strict=True):
        stem = Path(doc.name).stem
        hidden = unseen(fold_of.get(stem))
        sc, line = score_article(stem, gold, out, verbose and not hidden)
        if not hidden:
            print(line)
        everything.add(sc)
        by_fold.setdefault(fold_of.get(stem, "unassigned"), Score()).add(sc)
    report("all articles", everything)
    for name in [*folds, "unassigned"]:
        if name in by_fold:
            report(f"fold {name}", by_fold[name])
        elif name == HIDDEN and not folds[name]:
            print(
                "\nfold hidden: none defined (every shared article is a development fold; "
                "every figure above is an upper bound)"
            )
    print("\nreliability: confidence bin, claims, mean confidence, share right")
    for name, sc in [("all articles", everything), *((f"fold {k}", v) for k, v in by_fold.items())]:
        print(f" {name}")
        for label, n, mean, right in reliability(sc.judged):
            print(f"  {label:8} {n:4d}  {mean:.2f}  {right:.2f}")
    if "--no-speed" in sys.argv:
        return
    texts = [d.text for d in docs]
    rounds = 3
    t = time.perf_counter()
    for _ in range(rounds):
        list(extractor.extract_many(docs))
    ours = (time.perf_counter() - t) / rounds
    nlp = extractor.nlp
    bare = [n for n in nlp.pipe_names if n not in BASELINE]
    t = time.perf_counter()
    with nlp.select_pipes(disable=bare):
        for _ in range(rounds):
            list(nlp.pipe(texts))
    base = (time.perf_counter() - t) / rounds
    print(
        f"throughput: {len(docs) / ours:.1f} articles/s; spaCy {'+'.join(BASELINE)} alone "
        f"{len(docs) / base:.1f} articles/s; ratio {base / ours:.2f} (target >= 0.6)"
    )


if __name__ == "__main__":
    main()
