"""Where a write's time goes until it is visible: each stage of taking a change in, timed alone.

`edit_latency.py` times what a client sees (write, then the first requests), with the server's
threads competing for the interpreter; on a shared machine that says little about where the
time goes. This runs the same stages one after another in one thread and gives the CPU time
of that thread (`time.thread_time`) for each, per kind of write: the write itself (the
service call and its commit), reading the change feed and the touched records, `View.updated`,
`Projection.updated`, the month-precise public view (`View.updated` with the projection's
`counts_only` persons), the registries, the name indexes' changes, the new figures
(`figures.stats` with the monthly series, from the public view, then for analysts, with the
public's remembered figures moved to them first where the code has `derived.borrow_memos`) and
the public screening of them. Kinds: a protection change, a rename, an event's date and (unless
`--no-accepts`) accepting the two suggestions of `edit_latency.py`'s article (a published
figure; a release of a person the registry does not have: the write creates them). `--profile F`
writes a cProfile of the stages (one thread: no other thread's time in it).

    python bench/edit_stages.py --db FILE [--snapshot S] [--persons 100000]

The database is one of `web_latency.py load` (made when FILE does not exist); the app is made
in this process and warmed through its API first, so that every derived entry exists.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import os
import pstats
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fastapi.testclient import TestClient

from bench.edit_latency import STATS, first_detentions, suggestions
from bench.web_latency import load
from prisonwatch.services import derived, editing, figures, reviewing
from prisonwatch.services.public import cleared_of
from prisonwatch.web import present
from prisonwatch.web.app import create_app
from prisonwatch.web.settings import WebSettings


def cpu(fn: Callable[[], Any]) -> tuple[Any, float]:
    t = time.thread_time()
    out = fn()
    return out, (time.thread_time() - t) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--snapshot", default="")
    ap.add_argument("--persons", type=int, default=100_000)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--profile")
    ap.add_argument("--no-accepts", action="store_true", help="leave out accepting suggestions")
    args = ap.parse_args()
    path = Path(args.db)
    url = f"sqlite:///{path}"
    if not path.exists():
        load(url, args.persons)
    app = create_app(WebSettings(url, secure_cookies=False, snapshot=args.snapshot))
    ledger = app.state.ledger
    store = ledger.store
    claims = [] if args.no_accepts else suggestions(store)
    run = int(time.time())
    first = (run % max(1, args.persons // 40)) * 20
    with TestClient(app) as client:
        t0 = time.time()
        client.get(STATS)
        client.get("/api/v1/persons?q=Ivan")
        client.get(f"/api/v1/persons/p{first}")
        ledger.names()  # everyone's names: what an accept matches against
        print(f"warmed in {time.time() - t0:.0f} s; load {os.getloadavg()[0]:.1f}")
    gc.collect()
    profiler = cProfile.Profile() if args.profile else None
    scope = figures.Scope()
    on, start, end = date.today(), date(2018, 1, 1), date(2026, 6, 30)
    by = figures.Granularity.MONTH
    times: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    now = datetime.now(UTC).replace(tzinfo=None)

    def one(kind: str, write: Callable[[], Any]) -> None:
        state = ledger._state()
        assert state is not None and state.projection is not None
        v0 = ledger._version
        if profiler:
            profiler.enable()
        mine = times[kind]
        mine["write"].append(cpu(write)[1])
        v1 = store.version()
        feed, t = cpu(lambda: store.changes(v0, v1, derived.FEED_LIMIT))
        changes = derived.change_set(feed)
        assert changes is not None
        fresh, t2 = cpu(
            lambda: figures.Fresh.read(
                store, set(changes.persons), set(changes.sources), changes.deals,
                changes.observations, state.view.links,
            )
        )  # fmt: skip
        mine["read feed and records"].append(t + t2)
        view, t = cpu(lambda: state.view.updated(fresh))
        mine["View.updated"].append(t)
        assert view is not None
        before = {pid: state.view.persons.get(pid) for pid in fresh.persons}
        cleared = cleared_of(store) if changes.clearances else state.projection.cleared
        proj, t = cpu(
            lambda: state.projection.updated(
                view.persons, view.sources, before, set(changes.sources), cleared
            )
        )
        mine["Projection.updated"].append(t)
        if state.public_view is not None:
            _, t = cpu(
                lambda: derived._public_view(store, state.public_view, fresh, proj.counts_only)
            )
            mine["public view (month-precise) updated"].append(t)
        after, t = cpu(lambda: derived.advance(store, state, changes))
        mine["advance (all of the above but the write, again)"].append(t)
        assert after is not None
        for label, names in (("everyone", after.names), ("public", after.public_names)):
            if isinstance(names, derived.PendingNames):
                mine[f"name index ({label})"].append(cpu(names.resolve)[1])
        assert after.projection is not None
        proj = after.projection
        if after.public_view is not None:
            pv = after.public_view
            public_stats, t = cpu(lambda: figures.stats(pv, scope, on, start, end, by))
            mine["figures.stats of the public view"].append(t)
            if hasattr(derived, "borrow_memos"):  # main's code before it has none
                _, t = cpu(lambda: derived.borrow_memos(store, after.view, pv))
                mine["analysts' figures moved from the public's"].append(t)
        stats, t = cpu(lambda: figures.stats(after.view, scope, on, start, end, by))
        mine["figures.stats (series), analysts'"].append(t)
        shown = public_stats if after.public_view is not None else stats
        mine["public screening"].append(cpu(lambda: present._public_stats(proj, shown))[1])
        if profiler:
            profiler.disable()
        ledger.invalidate()  # the ledger takes the write in itself, for the next one

    with TestClient(app) as client:
        for i in range(args.reps):
            pid = f"p{first + 11 * i + 1}"
            one(
                "protection change",
                lambda pid=pid: editing.edit(
                    store, "person", pid, {"protection": "counts_only"}, "bench", now, "bench"
                ),
            )
            pid = f"p{first + 11 * i + 2}"
            one(
                "rename",
                lambda pid=pid, i=i: editing.edit(
                    store, "person", pid, {"name": f"Bench Renamed{run}x{i}"}, "bench", now, "b"
                ),
            )
        sample = store.events([f"p{i}" for i in range(first, first + 2000, 3)])
        held = [e for e in first_detentions(sample) if e["date"] > "2019-02"]
        done = 0
        for e in held:
            if done == args.reps:
                break
            try:
                one(
                    "event date",
                    lambda e=e: editing.edit(
                        store, "event", e["id"], {"date": "2019-01-15"}, "bench", now, "bench"
                    ),
                )
                done += 1
            except editing.EditError:
                ledger.invalidate()
        for cid in claims:
            one(
                "accept a suggestion",
                lambda cid=cid: reviewing.decide(
                    store, cid, "accept", "bench", now, ledger.names_for_writing
                ),
            )
        client.get(STATS)
    for kind, stages in times.items():
        print(f"{kind} (CPU ms of one thread, median of {len(stages['write'])}):")
        for stage, ts in stages.items():
            print(f"  {stage:<50} {statistics.median(ts):8.1f}  (worst {max(ts):.1f})")
    print(f"load {os.getloadavg()[0]:.1f}")
    if profiler and args.profile:
        profiler.dump_stats(args.profile)
        pstats.Stats(args.profile).sort_stats("cumulative").print_stats("prisonwatch", 40)


if __name__ == "__main__":
    main()
