"""Extraction quality on the Russian and Belarusian articles (../shared/articles/ru), by fold.

The ten articles are split in two folds: `dev` (the rules were developed on it) and `held`
(scored before any tuning on it, then reported beside). Claims match as in extract_eval.py.
Throughput: articles per second of the whole reader against natasha's own NER pass on the
same texts, in the same process (a ratio).

    python bench/extract_eval_ru.py [dev|held|all] [-v] [--no-speed]
    python bench/extract_eval_ru.py FOLDER [FOLD] [-v] [--no-speed]

A FOLDER of own articles (`bench/data/own_articles_ru`) carries its own `folds.json`; its
`own_held` fold is scored as an aggregate only (no article line, no error is printed for it),
so that it stays blind. Quotes are scored as in extract_eval.py (span overlap, then speaker).
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
# one core, for both sides of the throughput ratio
os.environ["OMP_NUM_THREADS"] = os.environ.get("OMP_NUM_THREADS", "1")
os.environ["OPENBLAS_NUM_THREADS"] = os.environ.get("OPENBLAS_NUM_THREADS", "1")

from bench.extract_eval import (
    FIELDS,
    Score,
    f1,
    field_ok,
    match_claims,
    report,
    score_article,
    unseen,
)
from prisonwatch.extract.gazetteer import Gazetteer
from prisonwatch.extract.language import detect_language
from prisonwatch.extract.slavic import names, reader
from prisonwatch.ingest.documents import Document, read_documents
from prisonwatch.services.extracting import to_json

FOLDER = Path(__file__).resolve().parents[2] / "shared" / "articles" / "ru"
FOLDS = {"dev": ("101", "103", "110", "111", "112"), "held": ("102", "104", "107", "108", "109")}


def load(stems: tuple[str, ...], folder: Path = FOLDER) -> list[tuple[Document, dict[str, Any]]]:
    out = []
    for stem in stems:
        doc = next(iter(read_documents(folder / f"{stem}.txt")))
        assert isinstance(doc, Document)
        found = detect_language(doc.text)
        doc = dataclasses.replace(doc, language=found.code or "?")
        out.append((doc, json.loads((folder / "gold" / f"{stem}.json").read_text("utf-8"))))
    return out


def own_folder(folder: Path, only: str | None, verbose: bool) -> list[Document]:
    """Score a folder of own articles by its own folds; a held fold only as an aggregate."""
    folds: dict[str, list[str]] = json.loads((folder / "folds.json").read_text("utf-8"))["folds"]
    names_ = [only] if only else list(folds)
    gazetteer = Gazetteer.load()
    docs: list[Document] = []
    for name in names_:
        hidden = unseen(name)
        total = Score()
        for doc, gold in load(tuple(folds[name]), folder):
            docs.append(doc)
            stem = Path(doc.name).stem
            out = to_json(reader.read(doc, gazetteer))
            sc, line = score_article(stem, gold, out, verbose and not hidden)
            if not hidden:
                print(f"{line} [{doc.language}]")
            total.add(sc)
        report(f"fold {name}{' (blind: aggregate only)' if hidden else ''}", total)
    return docs


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    fold = args[0] if args else "all"
    verbose = "-v" in sys.argv
    if fold not in FOLDS and fold != "all":
        docs = own_folder(Path(fold), args[1] if len(args) > 1 else None, verbose)
        if "--no-speed" not in sys.argv:
            speed(docs, Gazetteer.load())
        return
    stems = FOLDS["dev"] + FOLDS["held"] if fold == "all" else FOLDS[fold]
    pairs = load(stems)
    gazetteer = Gazetteer.load()  # as the extractor passes it
    totals = Counter[str]()
    hits = Counter[str]()
    for doc, gold in pairs:
        out = to_json(reader.read(doc, gazetteer))
        stem = Path(doc.name).stem
        pred, g_claims = out["claims"], gold["claims"]
        matched = match_claims(pred, g_claims)
        by_id = {p["id"]: p for p in pred}
        totals.update(tp=len(matched), pred=len(pred), gold=len(g_claims))
        for g in g_claims:
            if g["id"] not in matched:
                if verbose:
                    said = g["evidence"]["text"][:80]
                    print(f"  {stem} missed {g['action']} {g['count']}: {said!r}")
                continue
            p = by_id[matched[g["id"]]]
            for name in FIELDS:
                ok = field_ok(name, p, g, matched)
                hits[name] += ok
                if verbose and not ok:
                    print(f"  {stem} {g['id']} {name}: got {p[name]!r}, gold {g[name]!r}")
        for p in pred:
            if verbose and p["id"] not in matched.values():
                print(
                    f"  {stem} spurious {p['action']} {p['count']}: {p['evidence']['text'][:80]!r}"
                )
        g_kinds = Counter(e["kind"] for e in gold.get("events", []))
        p_kinds = Counter(e["kind"] for e in out["events"])
        totals.update(
            e_tp=sum((g_kinds & p_kinds).values()),
            e_pred=sum(p_kinds.values()),
            e_gold=sum(g_kinds.values()),
        )
        if verbose and g_kinds != p_kinds:
            print(f"  {stem} events: got {dict(p_kinds)}, gold {dict(g_kinds)}")
        cp, cr, cf = f1(len(matched), len(pred), len(g_claims))
        print(f"{stem} [{doc.language}] claims P {cp:.2f} R {cr:.2f} F1 {cf:.2f}")
    p, r, f = f1(totals["tp"], totals["pred"], totals["gold"])
    print(
        f"\n{fold}: claims P {p:.3f} R {r:.3f} F1 {f:.3f} "
        f"({totals['tp']} of {totals['gold']} gold, {totals['pred']} predicted)"
    )
    for name in FIELDS:
        print(f"  {name:11} accuracy {hits[name] / totals['tp'] if totals['tp'] else 0:.3f}")
    ep, er, ef = f1(totals["e_tp"], totals["e_pred"], totals["e_gold"])
    print(f"events (by kind): P {ep:.3f} R {er:.3f} F1 {ef:.3f}")
    if "--no-speed" not in sys.argv:
        speed([d for d, _ in pairs], gazetteer)


def speed(docs: list[Document], gazetteer: Gazetteer) -> None:
    """Articles per second of the whole reader against natasha's own NER pass, one core."""
    rounds = 5
    t = time.perf_counter()
    for _ in range(rounds):
        reader.clear_caches()  # each round reads cold, as a fresh process would
        for d in docs:
            reader.read(d, gazetteer)
    ours = (time.perf_counter() - t) / rounds
    t = time.perf_counter()
    for _ in range(rounds):
        for d in docs:
            names.ner_spans(d.text)
    base = (time.perf_counter() - t) / rounds
    print(
        f"throughput: {len(docs) / ours:.1f} articles/s; natasha NER alone "
        f"{len(docs) / base:.1f} articles/s; ratio {base / ours:.2f}"
    )


if __name__ == "__main__":
    main()
