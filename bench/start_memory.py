"""Server start and memory: time from `prisonwatch serve` to its first answer, and its RSS.

Runs the real server (`python -m prisonwatch serve`, one process) on a SQLite file filled by
`bench/web_latency.py load`, and measures, from the moment the process is started:
- the time to the first 200 of `GET /api/v1/stats` (the ledger is built at the first request),
- then the first public name search (`/api/v1/persons?q=`, which builds the name index),
- the CPU time the server used up to the first answer, and then up to the first search's
  answer (wall time on a shared machine is inflated by other jobs; CPU time much less; the
  search's CPU includes whatever the server does in the background meanwhile, such as saving
  the snapshot after a build from the store),
- the server's resident memory after each (VmRSS) and its peak (VmHWM), from /proc; after a
  build from the store, the peak again once the snapshot saved in the background is written.

Two starts per code, each a fresh process:
1. `PRISONWATCH_SNAPSHOT` names a file that does not exist yet, so the ledger is built from the
   store as without a snapshot; the server saves the snapshot after the build, and when it is
   stopped (SIGINT, as Ctrl-C) the answers it gave (`services/start_answers.py`);
2. the same server started again: it reads the snapshot (`services/snapshot.py`) and sends the
   saved answers while the ledger loads in the background.

With `--before SRC` (a `src` folder of other code, e.g. main's from `git archive`), both starts
are run first with that code and then with this tree's, in the same run, each code with its
own snapshot file, and the ratios (this tree / before) are printed.

    python bench/start_memory.py [--persons 100000] [--db /tmp/start.db] [--before /tmp/main/src]

An existing `--db` file is reused (loading 100,000 persons takes minutes).
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.web_latency import load

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def memory(pid: int) -> tuple[float, float]:
    """Resident and peak resident memory of a process, in MB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value.strip()
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def cpu(pid: int) -> float:
    """CPU seconds (user and system) a process has used: the share of a start's wall time
    that other jobs on a shared machine do not inflate."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def first_ok(url: str, since: float, limit: float) -> float:
    """Seconds from `since` to the first 200 from `url`."""
    while time.monotonic() - since < limit:
        try:
            with urllib.request.urlopen(url, timeout=limit) as r:
                if r.status == 200:
                    r.read()
                    return time.monotonic() - since
        except OSError:
            time.sleep(0.05)
    raise SystemExit(f"no answer from {url} within {limit:.0f} s")


def start(db_url: str, snapshot: Path, label: str, src: Path) -> dict[str, float]:
    port = free_port()
    env = {
        **os.environ,
        "PRISONWATCH_SNAPSHOT": str(snapshot),
        "PYTHONPATH": str(src),
    }
    had = snapshot.exists()
    t0 = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-m", "prisonwatch", "serve", "--db", db_url, "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        stats = first_ok(f"{base}/api/v1/stats", t0, 900)
        rss1, _ = memory(proc.pid)
        cpu1 = cpu(proc.pid)
        t1 = time.monotonic()
        first_ok(f"{base}/api/v1/persons?q=Ivan", t1, 900)
        search = time.monotonic() - t1
        rss2, peak = memory(proc.pid)
        cpu2 = cpu(proc.pid) - cpu1
        print(
            f"{label} (snapshot {'present' if had else 'absent'}): first stats {stats:.1f} s "
            f"({cpu1:.1f} s CPU), then first search {search:.1f} s ({cpu2:.1f} s CPU); RSS "
            f"{rss1:.0f} MB after stats, {rss2:.0f} MB after search, peak {peak:.0f} MB",
            flush=True,
        )
        found = {
            "stats": stats,
            "cpu": cpu1,
            "search": search,
            "search_cpu": cpu2,
            "rss": rss1,
            "peak": peak,
        }
        if not had:  # the snapshot is saved in the background: the peak once it is written
            t3 = time.monotonic()
            while not snapshot.exists() and time.monotonic() - t3 < 900:
                time.sleep(0.5)
            found["saved_peak"] = memory(proc.pid)[1]
            print(
                f"  snapshot saved {time.monotonic() - t3:.1f} s after the search; peak then "
                f"{found['saved_peak']:.0f} MB",
                flush=True,
            )
        return found
    finally:
        t2 = time.monotonic()
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=900)
        print(f"  stopped in {time.monotonic() - t2:.1f} s (saves the snapshot)", flush=True)
        for line in err.splitlines():
            if "snapshot" in line:
                print(f"  log: {line}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--db", default="/tmp/prisonwatch-start.db")
    parser.add_argument(
        "--keep", action="store_true", help="reuse a snapshot saved by an earlier run: no baseline"
    )
    parser.add_argument("--before", help="a src folder of the code to compare with")
    args = parser.parse_args()
    db = Path(args.db)
    url = f"sqlite:///{db}"
    if not db.exists():
        t = time.time()
        load(url, args.persons)
        took = time.time() - t
        print(f"loaded {args.persons:,} persons, ~{10 * args.persons:,} events: {took:.0f} s")
    codes = [("this tree", ROOT / "src", db.with_suffix(".snapshot"))]
    if args.before:
        codes.insert(0, ("before", Path(args.before), db.with_suffix(".before.snapshot")))
    found: dict[str, list[dict[str, float]]] = {}
    for name, src, snapshot in codes:
        print(f"{name}: {src}, load {Path('/proc/loadavg').read_text().strip()}", flush=True)
        runs = found[name] = []
        if not (args.keep and snapshot.exists()):
            snapshot.unlink(missing_ok=True)
            Path(f"{snapshot}.answers.json").unlink(missing_ok=True)
            runs.append(start(url, snapshot, "1. built from the store", src))
        size = snapshot.stat().st_size / 1e6 if snapshot.exists() else 0
        print(f"  snapshot file: {size:.0f} MB", flush=True)
        runs.append(start(url, snapshot, "2. started from the snapshot", src))
    if len(found) == 2 and len(found["before"]) == len(found["this tree"]):
        for i, (b, a) in enumerate(zip(found["before"], found["this tree"], strict=True)):
            ratios = ", ".join(f"{k} {a[k] / b[k]:.3f}" for k in a if b[k])
            n = i + 1 if len(found["before"]) == 2 else 2
            print(f"start {n}, this tree / before: {ratios}")
    print(f"load at the end: {Path('/proc/loadavg').read_text().strip()}")


if __name__ == "__main__":
    main()
