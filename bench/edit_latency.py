"""Edit latency: how long a write takes to show in the API and on the dashboard, at scale.

Writes through the API as an analyst would (each one revision or one acceptance), and after
each: the first `GET /api/v1/stats` (public), the first `GET /` (the public dashboard) and a
check that the change shows there (or, for a protection change, that the person is gone from
the public search). Kinds of write:
- a protection change (public -> counts_only: the public projection is made again in memory);
- a rename of a public person (the projection and name indexes change for that person only);
- a change of an event's date (the person is re-folded; the stock and series change);
- accepting a suggestion read from an article (a published figure, a release on a person).
Each is taken in through the change feed (`services.derived`); the ledger's counters say so.
Baseline in the same process: the same requests served from the warm cache.

With `--readers`, the p50/p95 of `/api/v1/stats` from reader threads while a writer makes
10 edits a second, against the same readers with no writes.

    python bench/edit_latency.py [--persons 10000] [--readers 4]

The registry is written straight into the tables (bench/web_latency.py `load`); the app runs in
this process (starlette's TestClient), on a SQLite file.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import os
import pstats
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fastapi.testclient import TestClient

from bench.web_latency import load
from prisonwatch.core.records import Event
from prisonwatch.core.vocabulary import EventKind
from prisonwatch.ingest.documents import Document
from prisonwatch.services import accounts, ingesting
from prisonwatch.storage.accounts import AccountStore
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web.app import create_app
from prisonwatch.web.settings import WebSettings

STATS = "/api/v1/stats?from=2018-01-01&to=2026-06-30"
"""The statistics a dashboard reads: stock, and the monthly series with flows."""

ARTICLE = (
    "Viasna said on Monday that 1,187 political prisoners are held in Belarus. "
    "The authorities released Ales Bialiatski on 11 September 2025, his wife said."
)
"""Written for this bench: a published count and a release of a named person."""


def first_detentions(events: list[Event]) -> list[dict[str, str]]:
    """Detentions that open their person's timeline: moved earlier (into the series'
    window), each still leaves a timeline that can be true (an edit that would not is
    refused). As {id, date} with the earliest possible day."""
    first: dict[str, Event] = {}
    for e in sorted(events, key=lambda e: e.date.earliest):
        first.setdefault(e.person_id, e)
    return [
        {"id": e.id, "date": e.date.earliest.isoformat()}
        for e in first.values()
        if e.kind == EventKind.DETAINED
    ]


def ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def timed(fn: Any) -> tuple[Any, float]:
    t = time.perf_counter()
    out = fn()
    return out, ms(t)


def suggestions(store: SqlStore) -> list[str]:
    """Ingest the bench's article and return its suggestions' ids (the extractor is loaded
    here, outside every timing)."""
    from prisonwatch.extract.pipeline import Extractor

    run = int(time.time())
    text = f"{ARTICLE} Bench run {run}."
    doc = Document(f"bench-article-{run}.txt", text, date(2025, 11, 3), "Prisoners held")
    now = datetime.now(UTC).replace(tzinfo=None)
    ingesting.ingest(store, [doc], [Extractor().extract(doc)], "bench", now)
    return [c.id for c in store.claims() if c.review.status.value == "suggested"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=10_000)
    parser.add_argument("--readers", type=int, default=0)
    parser.add_argument(
        "--db", help="a SQLite file to load once and reuse (each run writes to it a little)"
    )
    parser.add_argument(
        "--snapshot", default="", help="the server's snapshot file (faster starts on a --db)"
    )
    parser.add_argument(
        "--no-dashboard",
        action="store_true",
        help="do not ask for the dashboard after each write (it takes seconds even when warm)",
    )
    parser.add_argument("--profile", help="write a cProfile of the writes and reads after them")
    args = parser.parse_args()
    print(f"load at start {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.db) if args.db else Path(tmp) / "edit.db"
        url = f"sqlite:///{path}"
        if not path.exists():
            t0 = time.time()
            load(url, args.persons)
            took = time.time() - t0
            print(f"loaded {args.persons:,} persons, ~{10 * args.persons:,} events: {took:.0f} s")
        store = SqlStore(url)
        run = int(time.time())
        claims = suggestions(store)
        now = datetime.now(UTC).replace(tzinfo=None)
        user = accounts.add_user(AccountStore(store), f"ana{run}", "analyst", "correct horse", now)
        token = accounts.new_api_token(AccountStore(store), user, "bench", now)
        app = create_app(WebSettings(url, secure_cookies=False, snapshot=args.snapshot), store)
        ledger = app.state.ledger
        auth = {"Authorization": f"Bearer {token}"}
        # persons this run changes: others than an earlier run on the same --db changed
        first = (run % max(1, args.persons // 40)) * 20 if args.db else 0
        with TestClient(app) as client:
            _, cold = timed(lambda: client.get(STATS))
            _, cold_page = timed(lambda: client.get("/"))
            client.get("/api/v1/persons?q=Ivan")
            client.get("/api/v1/persons?q=Ivan", headers=auth)
            print(
                f"first statistics (cold ledger): {cold:.0f} ms; first dashboard {cold_page:.0f} ms"
            )
            base_stats = min(timed(lambda: client.get(STATS))[1] for _ in range(5))
            base_page = min(
                timed(lambda: client.get("/"))[1] for _ in range(1 if args.no_dashboard else 5)
            )
            print(
                f"baseline (warm cache): statistics {base_stats:.1f} ms, "
                f"dashboard {base_page:.1f} ms"
            )
            print(f"ledger: {ledger.rebuilt} full build(s), {ledger.advanced} change(s) taken in")
            rows: list[tuple[str, float, float, float, float, float, bool, str, float, float]] = []
            profilers: list[cProfile.Profile] = []
            if args.profile:
                # every thread started from here on (the request threads of a second client,
                # the ledger's threads taking changes in) runs under a profiler of its own
                start_thread = threading.Thread.start

                def profiled(self: threading.Thread) -> None:
                    prof = cProfile.Profile()
                    profilers.append(prof)
                    run = self.run
                    self.run = lambda: prof.runcall(run)  # type: ignore[method-assign]
                    start_thread(self)

                threading.Thread.start = profiled  # type: ignore[method-assign]
                client = TestClient(app).__enter__()
            profiler = cProfile.Profile() if args.profile else None
            collections = gc_watch()

            def measure(what: str, write: Any, pid: str, q: str, shows: Any) -> bool:
                """One write, then the first public statistics, person page, search for
                `q` and dashboard after it; then the same four again, warm (the baseline)."""
                before = client.get(STATS).json()
                builds = ledger.rebuilt
                if profiler:
                    profiler.enable()
                cpu0 = time.process_time()
                r, w = timed(write)
                if r.status_code != 200:
                    if profiler:
                        profiler.disable()
                    print(f"{what}: refused ({r.status_code}), not counted: {r.text[:120]}")
                    return False
                after, s = timed(lambda: client.get(STATS))
                _, pp = timed(lambda: client.get(f"/api/v1/persons/{pid}"))
                found, sq = timed(lambda: client.get("/api/v1/persons", params={"q": q}))
                page, d = (None, 0.0) if args.no_dashboard else timed(lambda: client.get("/"))
                cpu_ms = (time.process_time() - cpu0) * 1000
                if profiler:
                    profiler.disable()
                assert page is None or page.status_code == 200
                ok = shows(before, after.json(), [r["id"] for r in found.json()["rows"]])
                fed = "change feed" if ledger.rebuilt == builds else "FULL REBUILD"
                warm = min(
                    timed(lambda: client.get(STATS))[1]
                    + timed(lambda: client.get(f"/api/v1/persons/{pid}"))[1]
                    + timed(lambda: client.get("/api/v1/persons", params={"q": q}))[1]
                    for _ in range(3)
                )
                rows.append((what, w, s, pp, sq, d, ok, fed, warm, cpu_ms))
                print(
                    f"{what:<34} write {w:6.0f}  then stats {s:6.0f}  person {pp:6.0f}  "
                    f"search {sq:6.0f}  dashboard {d:6.0f} ms; edit->stats+person+search "
                    f"{w + s + pp + sq:6.0f} ms, CPU {cpu_ms:6.0f} ms (same three warm: "
                    f"{warm:.0f} ms)  shown: {ok}  ({fed})"
                )
                return True

            def post(path: str, body: dict[str, Any] | None = None) -> Any:
                return lambda: client.post(path, json=body, headers=auth)

            for i in range(3):
                pid = f"p{first + 11 * i + 1}"
                name = client.get(f"/api/v1/persons/{pid}", headers=auth).json()["name"]
                measure(
                    "protection public -> counts_only",
                    post(
                        f"/api/v1/records/person/{pid}",
                        {"fields": {"protection": "counts_only"}, "why": "bench"},
                    ),
                    pid,
                    name,
                    lambda b, a, ids, pid=pid: pid not in ids,
                )
            for i in range(3):
                pid = f"p{first + 11 * i + 2}"
                new = f"Benchname Renamed{run}x{i}"
                measure(
                    "rename a public person",
                    post(
                        f"/api/v1/records/person/{pid}", {"fields": {"name": new}, "why": "bench"}
                    ),
                    pid,
                    new,
                    lambda b, a, ids, pid=pid: pid in ids,
                )
            sample = store.events(
                [f"p{i}" for i in range(first, min(args.persons, first + 2000), 3)]
            )
            held = [e for e in first_detentions(sample) if e["date"] > "2019-02"]
            moved: list[str] = []
            for e in held:
                if len(moved) == 3:
                    break
                owner = e["id"]
                pid = next((x.person_id for x in sample if x.id == owner), "p0")
                if measure(
                    "event date moved earlier",
                    post(
                        f"/api/v1/records/event/{e['id']}",
                        {"fields": {"date": "2019-01-15"}, "why": "bench"},
                    ),
                    pid,
                    "Ivan",
                    lambda b, a, ids: (
                        b["stock"] != a["stock"] or b.get("series") != a.get("series")
                    ),
                ):
                    moved.append(e["id"])
            for cid in claims:
                measure(
                    "accept a suggestion",
                    post(f"/api/v1/suggestions/{cid}/accept"),
                    "p0",
                    "Bialiatski",
                    lambda b, a, ids: (
                        (b["persons"], b["events"], len(b["observations"]))
                        != (a["persons"], a["events"], len(a["observations"]))
                    ),
                )
            if profiler:
                client.__exit__(None, None, None)
                profiler.dump_stats(args.profile)
                every = pstats.Stats(args.profile)
                for prof in profilers:
                    prof.disable()
                    every.add(prof)
                every.dump_stats(args.profile)
                every.sort_stats("cumulative").print_stats("prisonwatch", 60)
            print(f"ledger: {ledger.rebuilt} full build(s), {ledger.advanced} change(s) taken in")
            gc.callbacks.remove(collections.note)
            print(f"garbage collections during the writes: {collections}")
            for kind in dict.fromkeys(r[0] for r in rows):
                mine = [r for r in rows if r[0] == kind]
                stats_ms = statistics.median(r[1] + r[2] for r in mine)
                print(
                    f"{kind:<34} edit->stats median {stats_ms:6.0f}"
                    f" ms; edit->stats+person+search median "
                    f"{statistics.median(r[1] + r[2] + r[3] + r[4] for r in mine):6.0f} ms "
                    f"(worst {max(r[1] + r[2] + r[3] + r[4] for r in mine):.0f}; CPU of the "
                    f"process {statistics.median(r[9] for r in mine):.0f}); the same three "
                    f"warm {statistics.median(r[8] for r in mine):.0f} ms; all shown: "
                    f"{all(r[6] for r in mine)}"
                )
            worst = max(w + s for _, w, s, *_ in rows)
            print(
                f"edit -> visible in the API statistics: median "
                f"{statistics.median(w + s for _, w, s, *_ in rows):.0f} ms, worst "
                f"{worst:.0f} ms; dashboard after it: median "
                f"{statistics.median(r[5] for r in rows):.0f} ms "
                f"(warm: {base_stats:.1f} / {base_page:.1f} ms); load {os.getloadavg()[0]:.1f}"
            )
            if args.readers:
                readers(client, auth, args.readers, moved[0] if moved else None)
                print(
                    f"answered with the figures of an earlier version while another request "
                    f"computed the new ones: {ledger.served_previous}"
                )
        store.close()


class GcWatch:
    """Garbage collections seen by `gc.callbacks`: how many of each generation, and the
    time they took (a full collection walks every object the server holds)."""

    def __init__(self) -> None:
        self.count = [0, 0, 0]
        self.ms = [0.0, 0.0, 0.0]
        self._start = 0.0

    def note(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.count[info["generation"]] += 1
            self.ms[info["generation"]] += ms(self._start)

    def __str__(self) -> str:
        return ", ".join(f"generation {g}: {self.count[g]} ({self.ms[g]:.0f} ms)" for g in range(3))


def gc_watch() -> GcWatch:
    watch = GcWatch()
    gc.callbacks.append(watch.note)
    return watch


def readers(client: TestClient, auth: dict[str, str], n: int, event_id: str | None) -> None:
    """p50/p95 of the public statistics from `n` reader threads, first with no writes, then
    while a writer makes 10 edits a second."""

    def run(seconds: float, writing: bool) -> list[float]:
        stop = time.monotonic() + seconds
        times: list[float] = []
        lock = threading.Lock()

        def reader() -> None:
            while time.monotonic() < stop:
                _, t = timed(lambda: client.get(STATS))
                with lock:
                    times.append(t)

        def writer() -> None:
            i = 0
            while time.monotonic() < stop and event_id:
                t = time.monotonic()
                day = f"2019-0{1 + i % 9}-15"
                client.post(
                    f"/api/v1/records/event/{event_id}",
                    json={"fields": {"date": day}, "why": "bench"},
                    headers=auth,
                )
                i += 1
                time.sleep(max(0.0, 0.1 - (time.monotonic() - t)))

        threads = [threading.Thread(target=reader) for _ in range(n)]
        if writing:
            threads.append(threading.Thread(target=writer))
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        return times

    for writing in (False, True):
        times = sorted(run(10.0, writing))
        p50 = times[len(times) // 2]
        p95 = times[int(len(times) * 0.95)]
        label = "while 10 edits/s" if writing else "no writes"
        print(
            f"{n} readers, {label:<16} stats p50 {p50:.1f} ms, p95 {p95:.1f} ms "
            f"({len(times)} requests)"
        )


if __name__ == "__main__":
    main()
