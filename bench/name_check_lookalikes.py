"""Over-withholding by the name check's reading of digits and @ inside words as letters
("Kviatk0uski"): texts withheld with it and without it, in the same run.

Texts: every sentence of the shared articles (English and Russian), every source title and
note of the Belarus registry, and the same titles and sentences with every "o", "a", "e" and
"i" of one word in four spelt as 0, 4, 3, 1 (a stress set: text full of stand-ins that name
nobody of the sample). Protected persons: `--persons N` drawn at random (seeded, `--rounds R`
draws) from the Belarus registry (Latin, Belarusian and Russian names). A text counts as
withheld without the reading when `ProtectedNames._mentions` finds it as written, and with it
when `ProtectedNames.mentions` does; the difference is what the reading adds.

    python bench/name_check_lookalikes.py [--persons 50] [--rounds 10] [-v]
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import statistics
import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from prisonwatch.core.records import Person
from prisonwatch.services.name_check import ProtectedNames

SHARED = Path(__file__).resolve().parents[2] / "shared"
_SPLIT = re.compile(r"(?<=[.!?…»])\s+")
_LEET = str.maketrans("oaei", "0431")


def _persons() -> list[Person]:
    out = []
    with (SHARED / "data" / "belarus_registry" / "persons.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            names = [row["name"], row["name_be"], row["name_ru"], *row["aliases"].split("|")]
            names = [n for n in names if n.strip()]
            if names:
                out.append(
                    Person(row["id"], names[0], datetime(2025, 1, 1), aliases=tuple(names[1:]))
                )
    return out


def _texts() -> list[str]:
    out: list[str] = []
    for f in sorted((SHARED / "articles").rglob("*.txt")):
        out += [s.strip() for s in _SPLIT.split(f.read_text("utf-8")) if len(s.strip()) > 10]
    with (SHARED / "data" / "belarus_registry" / "persons.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            out += [row["source_title"], row["note"]]
    return sorted({t for t in out if t})


def _stressed(texts: list[str]) -> list[str]:
    """Every fourth word of each text spelt with stand-ins."""
    out = []
    for t in texts:
        ws = t.split()
        out.append(" ".join(w.translate(_LEET) if i % 4 == 1 else w for i, w in enumerate(ws)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--persons", type=int, default=50)
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    persons, texts = _persons(), _texts()
    stressed = _stressed(texts)
    rng = random.Random(8)
    rows: dict[str, list[int]] = {k: [] for k in ("real", "real+", "stress", "stress+", "beyond")}
    for _ in range(args.rounds):
        names = ProtectedNames(rng.sample(persons, args.persons))
        plain = [names._mentions(t) for t in texts]
        read = [names.mentions(t) for t in texts]
        s_plain = [names._mentions(t) for t in stressed]
        s_read = [names.mentions(t) for t in stressed]
        beyond = [i for i, hit in enumerate(s_read) if hit and not plain[i]]
        for key, got in (
            ("real", plain),
            ("real+", read),
            ("stress", s_plain),
            ("stress+", s_read),
        ):
            rows[key].append(sum(got))
        rows["beyond"].append(len(beyond))
        if args.v:
            for i in range(len(texts)):
                if read[i] and not plain[i]:
                    print(f"  [real] added: {texts[i][:110]!r}")
            for i in beyond:
                print(f"  [stress] beyond the text unstressed: {stressed[i][:110]!r}")

    def fig(key: str) -> str:
        v = rows[key]
        return f"mean {statistics.mean(v):.1f} (min {min(v)}, max {max(v)})"

    print(f"{len(texts)} texts, {args.persons} protected persons x {args.rounds} draws")
    print(f"  real texts withheld: without the reading {fig('real')}, with it {fig('real+')}")
    print(f"  stress texts withheld: without {fig('stress')}, with {fig('stress+')}")
    print(f"  stress texts withheld with the reading, their unstressed text not: {fig('beyond')}")


if __name__ == "__main__":
    main()
