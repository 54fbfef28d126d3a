"""Audit chain verification at scale: `prisonwatch audit verify` over 1,000,000 entries.

Entries are appended through the application's own chain code (`storage.audit.append`), in
transactions of 10,000, each carrying a record of the size the importer writes. Then the whole
chain is verified (streamed with a server-side cursor on PostgreSQL, in batches on SQLite).
Baseline in the same run: streaming the same rows without checking them, so the ratio shows
what hashing costs over reading. The goal: under 60 seconds for 1,000,000 entries.

With `--records`, the entries are written the way the application writes them: one person in
ten entries, nine events each, through `store.apply`, so that the records the chain vouches
for are in their tables. Then `audit verify` as the command runs it (`audit_trail.verify`: the
chain, and every stored record compared with the newest entry about it) is timed beside the
chain alone, in the same run.

    python bench/audit_verify.py [--entries 1000000] [--backends sqlite,postgresql]
                                 [--sqlite-file FILE] [--pg-database NAME] [--records]
                                 [--fill-only] [--workers N]

A database of a million entries takes a long time to fill: `--sqlite-file` and `--pg-database`
keep it (and reuse it when it already holds entries), so that two versions of the code can be
timed on the same one; `--fill-only` fills it and stops. `--workers` is passed to
`audit_trail.verify` (the records compared in that many processes beside the chain; 0: in
this one, after the chain); the CPU time shown counts the workers' too.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from prisonwatch.core.dates import parse_fuzzy
from prisonwatch.core.records import Event, Person
from prisonwatch.core.vocabulary import EventKind
from prisonwatch.services import audit_trail
from prisonwatch.storage import audit
from prisonwatch.storage import tables as t
from prisonwatch.storage.port import Batch
from prisonwatch.storage.sql import SqlStore

PG_ADMIN = os.environ.get(
    "PRISONWATCH_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
BATCH = 10_000


def _record(i: int) -> dict[str, object]:
    """An event row as the importer audits it."""
    return {
        "id": f"ev-{i:08d}",
        "person_id": f"p{i // 10}",
        "kind": "detained" if i % 3 else "released",
        "date_earliest": "2024-03-01",
        "date_latest": "2024-03-31",
        "date_precision": "month",
        "organisation": "Viasna" if i % 2 else None,
        "mechanism": None,
        "deal_id": None,
        "supersedes": None,
        "note": "",
        "recorded_at": "2026-01-01T00:00:00",
    }


def fill(store: SqlStore, n: int) -> float:
    started = time.perf_counter()
    at = datetime(2026, 1, 1)
    for start in range(0, n, BATCH):
        entries = [
            audit.Entry(
                at + timedelta(seconds=i),
                "bench",
                "insert",
                "event",
                f"ev-{i:08d}",
                None,
                _record(i),
            )
            for i in range(start, min(n, start + BATCH))
        ]
        with store.engine.begin() as conn:
            audit.append(conn, entries)
    return time.perf_counter() - started


def fill_records(store: SqlStore, n: int) -> float:
    """n audit entries made by recording n/10 persons with nine events each."""
    started = time.perf_counter()
    at = datetime(2026, 1, 1)
    persons = n // 10
    per_batch = BATCH // 10
    for start in range(0, persons, per_batch):
        batch = Batch()
        for p in range(start, min(persons, start + per_batch)):
            pid = f"p{p:07d}"
            batch.persons.append(Person(id=pid, name=f"Person {p}", recorded_at=at))
            for k in range(9):
                kind = EventKind.DETAINED if k % 2 == 0 else EventKind.RELEASED
                day = parse_fuzzy(f"{2012 + k}-0{1 + p % 9}-1{p % 10}")
                batch.events.append(Event(f"{pid}-e{k}", pid, kind, day, at))
        store.apply(batch, "bench", at)
    return time.perf_counter() - started


def stream_only(store: SqlStore) -> float:
    started = time.perf_counter()
    with store.engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=5000).execute(
            select(t.audit).order_by(t.audit.c.id)
        )
        for part in result.partitions():
            for _ in part:
                pass
    return time.perf_counter() - started


def _children_cpu() -> float:
    """CPU time of the worker processes that have ended (`audit verify` waits for them)."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def run(
    name: str,
    url: str,
    n: int,
    records: bool = False,
    fill_only: bool = False,
    workers: int | None = None,
) -> None:
    """Fill (unless the database already holds n entries), then time streaming and verifying.

    Wall time and this process's CPU time are both shown: on a shared machine the wall time
    also counts waiting for a core.
    """
    store = SqlStore(url)
    store.migrate()
    with store.engine.connect() as conn:
        held = audit.head(conn).entries
    filled = (fill_records(store, n) if records else fill(store, n)) if held == 0 else 0.0
    n = n if held == 0 else held
    if fill_only:
        print(f"{name:10s} {n:>9,} entries: written in {filled:6.1f} s", flush=True)
        store.close()
        return
    base = stream_only(store)
    started, cpu = time.perf_counter(), time.process_time()
    with store.engine.connect() as conn:
        verdict = audit.verify(conn)
    took, cpu = time.perf_counter() - started, time.process_time() - cpu
    assert verdict.ok and verdict.checked == n, verdict
    if records:
        chain, chain_cpu = took, cpu
        started, cpu, kids = time.perf_counter(), time.process_time(), _children_cpu()
        verdict = audit_trail.verify(store, **({} if workers is None else {"workers": workers}))
        took, cpu = time.perf_counter() - started, time.process_time() - cpu
        kids = _children_cpu() - kids
        cpu += kids
        assert verdict.ok and verdict.checked == n, verdict
        print(
            f"{name:10s} chain and records ({'default' if workers is None else workers} "
            f"workers): {took:5.1f} s wall, {cpu:5.1f} s CPU ({kids:4.1f} s of it in worker "
            f"processes); the chain "
            f"alone {chain:5.1f} s wall, {chain_cpu:5.1f} s CPU (whole/chain: wall "
            f"{took / chain:.2f}, CPU {cpu / chain_cpu:.2f})",
            flush=True,
        )
    load = os.getloadavg()[0]
    print(
        f"{name:10s} {n:>9,} entries: written in {filled:6.1f} s; verified in {took:5.1f} s "
        f"wall, {cpu:5.1f} s CPU ({n / took:,.0f}/s); streaming alone {base:5.1f} s "
        f"(verify/stream {took / base:.2f}); load average {load:.1f}; "
        f"{'UNDER' if took < 60 else 'OVER'} 60 s",
        flush=True,
    )
    store.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entries", type=int, default=1_000_000)
    ap.add_argument("--backends", default="sqlite,postgresql")
    ap.add_argument("--sqlite-file", help="keep the SQLite database here (and reuse it)")
    ap.add_argument(
        "--pg-database", help="keep the PostgreSQL database of this name (and reuse it)"
    )
    ap.add_argument("--records", action="store_true", help="write real records (see above)")
    ap.add_argument("--fill-only", action="store_true", help="fill the database, time nothing")
    ap.add_argument("--workers", type=int, help="worker processes for the records (0: none)")
    args = ap.parse_args()
    how = (args.entries, args.records, args.fill_only, args.workers)
    for backend in args.backends.split(","):
        if backend == "sqlite" and args.sqlite_file:
            run("sqlite", f"sqlite:///{Path(args.sqlite_file).resolve()}", *how)
        elif backend == "sqlite":
            with tempfile.TemporaryDirectory() as tmp:
                run("sqlite", f"sqlite:///{Path(tmp) / 'audit.db'}", *how)
        elif backend == "postgresql" and args.pg_database:
            admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                exists = conn.execute(
                    text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": args.pg_database}
                ).first()
                if exists is None:
                    conn.execute(text(f'CREATE DATABASE "{args.pg_database}"'))
            admin.dispose()
            url = make_url(PG_ADMIN).set(database=args.pg_database)
            run("postgresql", url.render_as_string(hide_password=False), *how)
        elif backend == "postgresql":
            name = f"pw_bench_{uuid.uuid4().hex[:8]}"
            admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            try:
                url = make_url(PG_ADMIN).set(database=name).render_as_string(hide_password=False)
                run("postgresql", url, *how)
            finally:
                with admin.connect() as conn:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                admin.dispose()


if __name__ == "__main__":
    main()
