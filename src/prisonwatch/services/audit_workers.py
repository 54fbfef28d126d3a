"""`audit verify`'s comparison of the records with the chain, in worker processes beside it.

The records are compared span by span (`storage.audit_records`), and no span depends on
another, nor on the chain: so while this process checks the chain, worker processes (one per
core) check the spans, each on a connection of its own. The answer is the one the check in
one process gives: clearances and public ids first, then the spans in order, the first that
finds something.

Processes are started by forking (no module is imported again, nothing is sent but the
spans), so only where the system forks (Linux, macOS) and for a database other processes can
open (not SQLite in memory); and only for a chain long enough that they save more than they
cost to start (`POOL_FROM` entries), and one per idle core (`idle_cores`), unless a number of
workers is asked for.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor

from sqlalchemy.engine import make_url

from prisonwatch.storage import audit
from prisonwatch.storage.audit_records import Span
from prisonwatch.storage.sql import SqlStore

POOL_FROM = 100_000
"""Entries from which the records are compared in worker processes when not told otherwise."""

_store: SqlStore | None = None  # a worker's own store, opened when it starts


def _open(url: str) -> None:
    global _store
    _store = SqlStore(url)


def _check(kind: str, span: Span) -> audit.Break | None:
    assert _store is not None, "a worker checks spans only once its store is open"
    return _store.audit_span_disagreement(kind, span)


def _shareable(url: str) -> bool:
    """Whether other processes can open the same database (SQLite in memory they cannot)."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite":
        return True
    return bool(u.database) and u.database != ":memory:" and "memory" not in str(u.query)


def how_many(store: SqlStore, entries: int, workers: int | None) -> int:
    """The worker processes to use: none (0) when the check is better made in this one."""
    if "fork" not in multiprocessing.get_all_start_methods() or not _shareable(store.url):
        return 0
    if workers is None:
        return idle_cores() if entries >= POOL_FROM else 0
    return max(0, workers)


def idle_cores() -> int:
    """The cores no process is waiting for, by the load average of the last minute: on a
    machine busy with other work, more processes of ours only take turns with them (and
    checking apart costs about a tenth more CPU), so none is started there."""
    cores = os.cpu_count() or 1
    return max(0, min(cores, int(cores - os.getloadavg()[0] + 0.5)))


class RecordCheck:
    """The records compared with the chain: started in workers (`start`), or, with none, in
    this process when the result is asked for."""

    def __init__(self, store: SqlStore, workers: int) -> None:
        self.store = store
        self.pool: ProcessPoolExecutor | None = None
        self.futures: list[Future[audit.Break | None]] = []
        if workers > 0:
            parts = store.audit_spans()
            self.pool = ProcessPoolExecutor(
                workers,
                mp_context=multiprocessing.get_context("fork"),
                initializer=_open,
                initargs=(store.url,),
            )
            self.futures = [self.pool.submit(_check, kind, span) for kind, span in parts]

    def result(self) -> audit.Break | None:
        """The first disagreement, in the order of the check in one process."""
        if self.pool is None:
            return self.store.audit_disagreement()
        found = self.store.audit_beside_disagreement()
        for future in self.futures:
            if found is not None:
                return found
            found = future.result()
        return found or self.store.audit_after_disagreement()

    def close(self) -> None:
        """Stop the workers, those still checking too."""
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
