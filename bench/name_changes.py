"""Name index changes at scale: CPU time of `NameIndex.replaced` for the changes a write makes.

Builds the index of the persons `web_latency.py load` writes (a Latin name and a variant
alias each), then times, each `--reps` times on the index the previous step left: a person
put in again with the same names (an edit not touching names), a rename (a spelling lost: the
old one must leave nothing behind), and a person taken out (who became protected). CPU time of
this process per change, median and worst. Baseline: run it again with `PYTHONPATH` at
another tree (main's), in turn, in the same shell.

    python bench/name_changes.py [--persons 100000] [--reps 20]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.names_scale import GIVEN, surname, variant
from prisonwatch.names.matcher import NameIndex


def people(n: int) -> list[tuple[str, str, tuple[str, ...]]]:
    """The persons of `web_latency.load` (same seed): id, display name, every name."""
    rnd = random.Random(5)
    out = []
    for i in range(n):
        given = rnd.choice(GIVEN)
        sur = surname(rnd)
        name = f"{given[0]} {sur}"
        out.append((f"p{i}", name, (name, f"{given[1]} {variant(sur, rnd)}")))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--persons", type=int, default=100_000)
    ap.add_argument("--reps", type=int, default=20)
    args = ap.parse_args()
    everyone = people(args.persons)
    t0 = time.process_time()
    index = NameIndex.build(everyone)
    print(f"built {args.persons:,} persons in {time.process_time() - t0:.1f} s CPU")
    rnd = random.Random(7)
    for what in ("same names", "rename", "taken out"):
        times = []
        for i in range(args.reps):
            pid, name, names = everyone[rnd.randrange(len(everyone))]
            if what == "same names":
                removed, added = [pid], [(pid, name, names)]
            elif what == "rename":
                new = f"Benchname Renamed{i}"
                removed, added = [pid], [(pid, new, (new, *names[1:]))]
            else:
                removed, added = [pid], []
            t = time.process_time()
            index = index.replaced(removed, added)
            times.append((time.process_time() - t) * 1000)
        print(
            f"{what:<11} {statistics.median(times):8.1f} ms median, {max(times):8.1f} ms worst "
            f"(CPU, {args.reps} changes)"
        )
    print(f"live persons {len(index.row_of):,}; load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
