"""Extraction quality against the gold files in ../shared/articles/gold.

Claims match on action and count (one to one; among several candidates, the likest by named
people, evidence and population). On matched claims: accuracy of `when`,
`source`, `agent`, `qualifier`, `population`, `part_of` (the parent must be the matched parent)
and `persons` (as sets). Quotes match on span overlap of at least 0.3 of the longer span, then
speaker accuracy. Events: F1 by kind. Also: throughput against spaCy's tok2vec+ner alone.

    python bench/extract_eval.py [ARTICLES_DIR] [-v]
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter
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


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    verbose = "-v" in sys.argv
    folder = Path(args[0]) if args else DEFAULT
    pairs_of: list[tuple[Document, dict[str, Any]]] = []
    for gold_path in sorted((folder / "gold").glob("*.json")):
        doc = next(iter(read_documents(folder / f"{gold_path.stem}.txt")))
        assert isinstance(doc, Document)
        pairs_of.append((doc, json.loads(gold_path.read_text(encoding="utf-8"))))
    extractor = Extractor()
    docs = [d for d, _ in pairs_of]
    outputs = [to_json(x) for x in extractor.extract_many(docs)]

    totals = Counter[str]()
    field_hits = Counter[str]()
    print(f"{'article':24} {'claims P/R/F1':>20} {'quotes F1':>10} {'events F1':>10}")
    for (doc, gold), out in zip(pairs_of, outputs, strict=True):
        g_claims, p_claims = gold["claims"], out["claims"]
        pairs = match_claims(p_claims, g_claims)
        by_id = {p["id"]: p for p in p_claims}
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
                        stem = Path(doc.name).stem
                        print(f"    {stem} {g['id']} {name}: got {p[name]!r}, gold {g[name]!r}")
        if verbose:
            for g in g_claims:
                if g["id"] not in pairs:
                    said = g["evidence"]["text"][:90]
                    print(f"    {Path(doc.name).stem} missed {g['action']} {g['count']}: {said!r}")
            matched = set(pairs.values())
            for p in p_claims:
                if p["id"] not in matched:
                    said = p["evidence"]["text"][:90]
                    print(
                        f"    {Path(doc.name).stem} spurious {p['action']} {p['count']}: {said!r}"
                    )
        # quotes
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
        # events
        g_kinds = Counter(e["kind"] for e in gold.get("events", []))
        p_kinds = Counter(e["kind"] for e in out["events"])
        e_tp = sum((g_kinds & p_kinds).values())
        totals["e_tp"] += e_tp
        totals["e_pred"] += sum(p_kinds.values())
        totals["e_gold"] += sum(g_kinds.values())
        cp, cr, cf = f1(len(pairs), len(p_claims), len(g_claims))
        qf = f1(q_tp, len(p_quotes), len(g_quotes))[2]
        ef = f1(e_tp, sum(p_kinds.values()), sum(g_kinds.values()))[2]
        print(
            f"{Path(doc.name).stem[:24]:24} {cp:6.2f}/{cr:4.2f}/{cf:4.2f}   {qf:10.2f} {ef:10.2f}"
        )
    cp, cr, cf = f1(totals["claims_tp"], totals["claims_pred"], totals["claims_gold"])
    print(
        f"\nclaims: P {cp:.3f} R {cr:.3f} F1 {cf:.3f} "
        f"({totals['claims_tp']} matched of {totals['claims_gold']} gold, "
        f"{totals['claims_pred']} predicted)"
    )
    for name in FIELDS:
        acc = field_hits[name] / totals["claims_tp"] if totals["claims_tp"] else 0.0
        print(f"  {name:11} accuracy {acc:.3f}")
    qp, qr, qf = f1(totals["q_tp"], totals["q_pred"], totals["q_gold"])
    sp = totals["speaker_ok"] / totals["q_tp"] if totals["q_tp"] else 0.0
    print(f"quotes: P {qp:.3f} R {qr:.3f} F1 {qf:.3f}; speaker accuracy {sp:.3f}")
    ep, er, ef = f1(totals["e_tp"], totals["e_pred"], totals["e_gold"])
    print(f"events (by kind): P {ep:.3f} R {er:.3f} F1 {ef:.3f}")

    texts = [d.text for d in docs]
    rounds = 5
    t = time.perf_counter()
    for _ in range(rounds):
        list(extractor.extract_many(docs))
    ours = (time.perf_counter() - t) / rounds
    nlp = extractor.nlp
    bare = [n for n in nlp.pipe_names if n not in ("tok2vec", "ner")]
    t = time.perf_counter()
    with nlp.select_pipes(disable=bare):
        for _ in range(rounds):
            list(nlp.pipe(texts))
    base = (time.perf_counter() - t) / rounds
    print(
        f"throughput: {len(docs) / ours:.1f} articles/s; spaCy tok2vec+ner alone "
        f"{len(docs) / base:.1f} articles/s; ratio {base / ours:.2f} (target >= 0.6)"
    )


if __name__ == "__main__":
    main()
