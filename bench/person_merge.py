"""What `prisonwatch person` and `merge` pay to learn who is merged into whom, at registry size.

Both read every person of the store before (`core.merges.links_of(store.persons())`) to find
the records merged into one person; now they read only the merged records and the revised
persons (`SqlStore.merge_links`). Timed in one process, paired and alternated, on a copy of a
large SQLite store (never the original: `merge` writes):

- the links alone, read both ways (and checked equal);
- a person's timeline (`services.people.timeline`) with the links read the old way and the
  new way;
- a merge and its unmerge (`services.matching`), whose timelines were read with every person
  three times before.

    python bench/person_merge.py --db /tmp/my-copy.db [--person p10] [--pair p20,p21] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from prisonwatch.core import merges
from prisonwatch.services import matching, people
from prisonwatch.storage.sql import SqlStore


def _cpu(fn: Callable[[], object]) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True, help="a COPY of a large SQLite store")
    ap.add_argument("--person", default="p10")
    ap.add_argument("--pair", default="p20,p21")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    store = SqlStore(f"sqlite:///{args.db}")
    keep, gone = args.pair.split(",")
    person = store.person(args.person)
    assert person is not None, args.person
    old_links = lambda: merges.links_of(store.persons())  # noqa: E731
    assert old_links() == store.merge_links()
    rows: dict[str, list[float]] = {
        k: [] for k in ("links old", "links new", "timeline old", "timeline new", "merge+unmerge")
    }
    for _ in range(args.runs):
        rows["links old"].append(_cpu(old_links))
        rows["links new"].append(_cpu(store.merge_links))
        rows["timeline old"].append(
            _cpu(lambda: people.timeline(store, person, date.today(), links=old_links()))
        )
        rows["timeline new"].append(_cpu(lambda: people.timeline(store, person, date.today())))

        def merge_and_back() -> None:
            matching.merge(store, keep, gone, "bench", datetime.now())
            matching.unmerge(store, gone, "bench", datetime.now(), "bench")

        rows["merge+unmerge"].append(_cpu(merge_and_back))
    n = len(store.persons())
    print(f"{n:,} persons, {args.runs} runs, load {os.getloadavg()[0]:.1f} (CPU seconds)")
    for name, xs in rows.items():
        mid = statistics.median(xs)
        print(f"  {name:14} median {mid:6.3f}  min {min(xs):6.3f}  max {max(xs):6.3f}")
    for a, b in (("links old", "links new"), ("timeline old", "timeline new")):
        ratio = statistics.median(rows[a]) / max(statistics.median(rows[b]), 1e-6)
        print(f"  {a} / {b}: {ratio:.0f}x")
    store.close()


if __name__ == "__main__":
    main()
