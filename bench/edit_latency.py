"""Edit latency: how long an edit takes to show in the API, on a large registry.

An analyst changes a person's protection through `POST /api/v1/records/person/ID` (one
revision); we time the write, then the first `GET /api/v1/stats` after it (the derived ledger
is rebuilt, since every revision bumps the cache version) and the first `GET
/api/v1/persons/ID` (which must show the new protection). Baseline in the same process: the
same statistics request served from the warm cache.

    python bench/edit_latency.py [--persons 100000]

The registry is written straight into the tables (bench/web_latency.py `load`); the app runs in
this process (starlette's TestClient), on a SQLite file.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fastapi.testclient import TestClient

from bench.web_latency import load
from prisonwatch.services import accounts
from prisonwatch.storage.accounts import AccountStore
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web.app import create_app
from prisonwatch.web.settings import WebSettings


def ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/edit.db"
        t0 = time.time()
        load(url, args.persons)
        took = time.time() - t0
        print(f"loaded {args.persons:,} persons, ~{10 * args.persons:,} events: {took:.0f} s")
        store = SqlStore(url)
        now = datetime.now(UTC).replace(tzinfo=None)
        user = accounts.add_user(
            AccountStore(store), "ana", "analyst", "correct horse battery", now
        )
        token = accounts.new_api_token(AccountStore(store), user, "bench", now)
        app = create_app(WebSettings(url, secure_cookies=False), store)
        auth = {"Authorization": f"Bearer {token}"}
        with TestClient(app) as client:
            t = time.perf_counter()
            client.get("/api/v1/stats")
            print(f"first statistics (cold ledger): {ms(t):.0f} ms")
            t = time.perf_counter()
            client.get("/api/v1/stats")
            cached = ms(t)
            for i, level in enumerate(("counts_only", "withhold_name", "counts_only")):
                pid = f"p{i * 7}"
                t = time.perf_counter()
                r = client.post(
                    f"/api/v1/records/person/{pid}",
                    json={"fields": {"protection": level}, "why": "bench"},
                    headers=auth,
                )
                assert r.status_code == 200, r.text
                write = ms(t)
                t = time.perf_counter()
                client.get("/api/v1/stats")
                stats = ms(t)
                t = time.perf_counter()
                shown = client.get(f"/api/v1/persons/{pid}", headers=auth).json()
                person = ms(t)
                assert shown.get("protection", level) == level, shown
                print(
                    f"edit {i + 1}: write {write:.0f} ms, next statistics {stats:.0f} ms, "
                    f"person page {person:.0f} ms (cached statistics: {cached:.1f} ms; "
                    f"edit to visible in stats: {write + stats:.0f} ms = "
                    f"{(write + stats) / max(cached, 0.1):.0f}x the cached request)"
                )
        store.close()


if __name__ == "__main__":
    main()
