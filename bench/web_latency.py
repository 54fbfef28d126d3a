"""Web latency: p50 and p95 of the dashboard statistics endpoint and of person search, with 20
concurrent clients on loopback, on SQLite and PostgreSQL, with 100,000 persons and 1,000,000
events loaded.

The server runs as `prisonwatch serve` in its own process; clients are threads in this one.
The registry is written straight into the tables (a fixture, without audit rows), then the
first requests warm the caches (the derived ledger and the name index), and only then is
latency measured. Baseline in the same run: the same server's `/static/style.css` (no work).

    python bench/web_latency.py [--persons 100000] [--backends sqlite,postgresql]
    python bench/web_latency.py --db URL [--snapshot FILE]   (a database loaded before)
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, insert, text
from sqlalchemy.engine import make_url

from bench.names_scale import GIVEN, surname, variant
from bench.synthetic import registry
from prisonwatch.core.records import Person
from prisonwatch.storage import rows
from prisonwatch.storage import tables as t
from prisonwatch.storage.sql import SqlStore

PG_ADMIN = os.environ.get(
    "PRISONWATCH_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
CLIENTS = 20
WARM_UP = 1800
"""Seconds the first requests (the cold build of the ledger and the name index) may take."""


def people(n: int) -> tuple[list[Person], list[str]]:
    """The n persons `load` writes, and the spellings searched for (the same every time)."""
    rnd = random.Random(5)
    from datetime import datetime

    at = datetime(2026, 1, 1)
    out, queries = [], []
    for i in range(n):
        given = rnd.choice(GIVEN)
        sur = surname(rnd)
        p = Person(
            id=f"p{i}",
            name=f"{given[0]} {sur}",
            recorded_at=at,
            aliases=(f"{given[1]} {variant(sur, rnd)}",),
            country="BY",
        )
        out.append(p)
        if i % 97 == 0:
            queries.append(rnd.choice([p.name, p.aliases[0], sur]))
    return out, queries


def load(url: str, n: int) -> list[str]:
    """Write n persons and about 10 n events; returns spellings to search for."""
    store = SqlStore(url)
    store.migrate()
    persons, names = [], []
    everyone, queries = people(n)
    for p in everyone:
        persons.append(rows.person_row(p))
        names.extend(rows.person_name_rows(p))
    events = [rows.event_row(e) for e in registry(n)]
    with store.engine.begin() as conn:
        for table, values in ((t.persons, persons), (t.person_names, names), (t.events, events)):
            for i in range(0, len(values), 20_000):
                conn.execute(insert(table), values[i : i + 20_000])
    if store.engine.dialect.name == "postgresql":
        # settle the bulk load now, so that autovacuum does not run during the measurement
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
    store.close()
    return queries


def wait(base: str, seconds: float) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(base + "/static/style.css", timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("server did not start")


def get(url: str, timeout: float = 120) -> float:
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=timeout) as r:
        r.read()
    return (time.perf_counter() - start) * 1000


def measure(urls: list[str]) -> tuple[float, float]:
    with ThreadPoolExecutor(CLIENTS) as pool:
        times = list(pool.map(get, urls))
    q = statistics.quantiles(times, n=100)
    return q[49], q[94]


def peak_rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def run(backend: str, url: str, n: int, loaded: bool = False, snapshot: str = "") -> None:
    t0 = time.time()
    if loaded:
        queries = people(n)[1]
        print(f"[{backend}] {n:,} persons loaded before ({url}); load {os.getloadavg()[0]:.1f}")
    else:
        queries = load(url, n)
        took = time.time() - t0
        print(f"[{backend}] loaded {n:,} persons and ~{10 * n:,} events in {took:.0f} s")
    port = random.randint(20000, 40000)
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "PRISONWATCH_SNAPSHOT": snapshot} if snapshot else None
    server = subprocess.Popen(
        [sys.executable, "-m", "prisonwatch", "serve", "--db", url, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        env=env,
    )
    try:
        wait(base, 60)
        days = [f"2025-{m:02d}-15" for m in range(1, 13)]
        t0 = time.time()
        for d in days:
            get(f"{base}/api/v1/stats?on={d}", WARM_UP)
        took = time.time() - t0
        print(f"[{backend}] warm-up of the statistics (first load of the ledger): {took:.1f} s")
        t0 = time.time()
        get(f"{base}/api/v1/persons?q=warm", WARM_UP)
        print(f"[{backend}] warm-up of the name index: {time.time() - t0:.1f} s")
        rnd = random.Random(1)
        base_p = measure([f"{base}/static/style.css"] * 400)
        stats_p = measure([f"{base}/api/v1/stats?on={rnd.choice(days)}" for _ in range(400)])
        search_p = measure(
            [
                f"{base}/api/v1/persons?q={urllib.parse.quote(rnd.choice(queries))}"
                for _ in range(400)
            ]
        )
        print(f"[{backend}] {CLIENTS} clients, 400 requests each endpoint, ms p50 / p95:")
        print(f"[{backend}]   static file (baseline)  {base_p[0]:7.1f} / {base_p[1]:7.1f}")
        print(f"[{backend}]   /api/v1/stats           {stats_p[0]:7.1f} / {stats_p[1]:7.1f}")
        print(f"[{backend}]   /api/v1/persons?q=      {search_p[0]:7.1f} / {search_p[1]:7.1f}")
        print(f"[{backend}] server peak RSS {peak_rss_mb(server.pid):.0f} MB")
        print(f"[{backend}] load average {os.getloadavg()[0]:.1f}")
    finally:
        server.terminate()
        try:
            server.wait(timeout=120)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def main() -> None:
    import urllib.parse  # noqa: F401  (used through urllib.parse.quote)

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--persons", type=int, default=100_000)
    ap.add_argument("--backends", default="sqlite,postgresql")
    ap.add_argument("--db", help="a database `load` filled before (--persons of them): no load")
    ap.add_argument("--snapshot", default="", help="the server's snapshot file (with --db)")
    args = ap.parse_args()
    if args.db:
        backend = "postgresql" if args.db.startswith("postgresql") else "sqlite"
        run(backend, args.db, args.persons, loaded=True, snapshot=args.snapshot)
        return
    for backend in args.backends.split(","):
        if backend == "sqlite":
            with tempfile.TemporaryDirectory() as tmp:
                run("sqlite", f"sqlite:///{tmp}/bench.db", args.persons)
        elif backend == "postgresql":
            name = f"pw_bench_{uuid.uuid4().hex[:8]}"
            admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            try:
                url = make_url(PG_ADMIN).set(database=name).render_as_string(hide_password=False)
                run("postgresql", url, args.persons)
            finally:
                with admin.connect() as conn:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                admin.dispose()


if __name__ == "__main__":
    main()
