"""Extraction on sentences it was not built on: the English evidence quotes of
../shared/data/compiled_from_pages (release reports, published counts, person release records,
each a verbatim sentence from a public page with the figure a person read off it).

For each row, the quote is read as a one-paragraph article and scored on what the row says:
a release report must give a `released` claim with its count; a published count must give a
claim with its value and the action its metric names (a current count: `held`; "recognized":
`designated`; "pardoned"/"released": `released`); a person record must give a claim naming that
person with the row's action. Rows whose quote does not contain the figure or the person's
surname (a date line, a pronoun) are left out. Prints each miss with -v.

    python bench/evidence_eval.py [-v] [../shared/data/compiled_from_pages]
"""

from __future__ import annotations

import csv
import os
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from prisonwatch.core.text import fold
from prisonwatch.extract.pipeline import Extractor
from prisonwatch.ingest.documents import Document
from prisonwatch.services.extracting import to_json

SHARED = Path(
    os.environ.get("PRISONWATCH_SHARED") or Path(__file__).resolve().parents[2] / "shared"
)
DEFAULT = SHARED / "data" / "compiled_from_pages"
ARTICLE_DATE = date(2026, 1, 1)  # after every event in the files


def _digits(value: str) -> int | None:
    return int(value) if value.isdigit() else None


def _count_action(metric: str) -> set[str]:
    m = metric.lower()
    if "recogni" in m or "status" in m:
        return {"designated"}
    if "pardon" in m or "released" in m:
        return {"released"}
    if "trial" in m:
        return {"held", "detained"}
    return {"held"}


def _person_action(event_type: str) -> str:
    return "returned_to_custody" if "returned" in event_type else "released"


def _surnames(name: str) -> list[str]:
    """Every surname a row's name gives ("Mikalai (Mikola) Statkevich", "A | B")."""
    out = []
    for part in re.split(r"[|()]", name):
        words = [w for w in part.split() if w[:1].isupper() and not w.endswith(".")]
        if words:
            out.append(fold(words[-1]))
    return out


def expectations(folder: Path) -> list[tuple[str, str, dict[str, Any]]]:
    """(file, evidence, what must be found) for every usable English row."""
    out: list[tuple[str, str, dict[str, Any]]] = []
    for row in csv.DictReader((folder / "release_event_reports.csv").open(encoding="utf-8")):
        count = _digits(row["released_count"])
        if row["source_lang"] != "en" or count is None:
            continue
        if f"{count:,}" not in row["evidence"] and str(count) not in row["evidence"]:
            continue
        out.append(("release", row["evidence"], {"count": count, "actions": {"released"}}))
    for row in csv.DictReader((folder / "political_prisoner_counts.csv").open(encoding="utf-8")):
        count = _digits(row["value"])
        if row["source_lang"] != "en" or count is None:
            continue
        if f"{count:,}" not in row["evidence"] and str(count) not in row["evidence"]:
            continue
        expect = {"count": count, "actions": _count_action(row["metric"])}
        out.append(("count", row["evidence"], expect))
    for row in csv.DictReader((folder / "person_release_records.csv").open(encoding="utf-8")):
        if row["source_lang"] != "en":
            continue
        surnames = [s for s in _surnames(row["person_name"]) if s in fold(row["evidence"])]
        if not surnames:
            continue
        expect = {"surnames": surnames, "actions": {_person_action(row["event_type"])}}
        out.append(("person", row["evidence"], expect))
    return out


def found(claims: list[dict[str, Any]], expect: dict[str, Any]) -> bool:
    for c in claims:
        if c["action"] not in expect["actions"]:
            continue
        if "count" in expect and c["count"] == expect["count"]:
            return True
        if "surnames" in expect and any(
            fold(p.split()[-1]) in expect["surnames"] for p in c["persons"] if p
        ):
            return True
    return False


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    verbose = "-v" in sys.argv
    folder = Path(args[0]) if args else DEFAULT
    rows = expectations(folder)
    extractor = Extractor()
    hits, totals = Counter[str](), Counter[str]()
    for kind, evidence, expect in rows:
        text = f" date {ARTICLE_DATE.isoformat()} Evidence\nEvidence\n{evidence}\n"
        out = to_json(extractor.extract(Document("evidence.txt", text, ARTICLE_DATE, "Evidence")))
        ok = found(out["claims"], expect)
        totals[kind] += 1
        hits[kind] += ok
        if verbose and not ok:
            got = [(c["action"], c["count"], c["persons"]) for c in out["claims"]]
            print(f"  miss {kind}: {evidence[:110]!r}\n       want {expect}, got {got}")
    for kind in ("release", "count", "person"):
        print(f"{kind:8} found {hits[kind]} of {totals[kind]}")
    print(f"all      found {sum(hits.values())} of {sum(totals.values())}")


if __name__ == "__main__":
    main()
