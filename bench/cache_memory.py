"""Memory under distinct parameters: the web app's resident memory (RSS) while anonymous
requests send a new `on`, `known_on` and `org` value each time.

Unbounded caches keep one derived view and one set of figures per distinct value until the
data changes, so memory grows with the number of values sent; bounded ones (LRU, web/context.py)
stop growing once full. The app runs in this process (ASGI, no sockets); RSS is read from
/proc/self/status before the loop, after warming, and every `--every` requests.

    python bench/cache_memory.py [--persons 5000] [--values 120]

Run it with PYTHONPATH at another tree's src/ to measure that tree (the baseline).
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fastapi.testclient import TestClient

from bench.web_latency import load
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web.app import create_app
from prisonwatch.web.settings import WebSettings


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--persons", type=int, default=5000)
    ap.add_argument("--values", type=int, default=120)
    ap.add_argument("--every", type=int, default=10)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/mem.db"
        load(url, args.persons)
        store = SqlStore(url)
        client = TestClient(create_app(WebSettings(url), store))
        client.get("/api/v1/stats")
        gc.collect()
        print(f"{args.persons} persons; RSS after warm-up: {rss_mb():.0f} MB", flush=True)
        day, known = date(2018, 1, 1), date(2026, 1, 2)  # known_on after every record: full views
        start = time.perf_counter()
        for i in range(1, args.values + 1):
            on, k = (day + timedelta(days=i)).isoformat(), (known + timedelta(days=i)).isoformat()
            r = client.get(f"/api/v1/stats?on={on}&known_on={k}&org=org{i}")
            assert r.status_code == 200, r.text
            if i % args.every == 0:
                gc.collect()
                took = time.perf_counter() - start
                print(f"{i:5d} distinct values: RSS {rss_mb():.0f} MB ({took:.0f} s)", flush=True)
        store.close()


if __name__ == "__main__":
    main()
