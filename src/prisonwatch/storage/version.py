"""The store's version, read cheaply enough to be asked on every request.

The version is the newest audit entry's id: every write appends entries in the same
transaction, so a state derived at version `v` holds every write up to `v`. A server asks it
once per request (`web.context`), so that no answer is made from a state older than a write
the store held when the request came in. Through the engine's pool that costs three round
trips (the pool's ping, the query, the rollback on return); here it is one: the query runs on
connections kept for it alone, in autocommit, reused from request to request.
"""

from __future__ import annotations

import contextlib
import queue
from typing import Any

from sqlalchemy import Engine

_QUERY = "SELECT max(id) FROM audit"


class VersionReader:
    """Reads `max(audit.id)` on dedicated autocommit connections (one per concurrent caller,
    kept for the next). A connection that fails is dropped and the read tried once more on a
    new one (a database restarted in between); a second failure is raised."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._idle: queue.SimpleQueue[Any] = queue.SimpleQueue()

    def _open(self) -> Any:
        pooled = self.engine.raw_connection()  # the engine's connect hooks run (SQLite pragmas)
        conn: Any = pooled.driver_connection
        pooled.detach()  # kept here, never returned to the pool
        if self.engine.dialect.name == "sqlite":
            conn.isolation_level = None  # autocommit: each read sees the newest commit
        else:
            conn.autocommit = True
        return conn

    def read(self) -> int:
        for attempt in (0, 1):
            try:
                conn = self._idle.get_nowait()
            except queue.Empty:
                conn = self._open()
            try:
                cur = conn.cursor()
                try:
                    cur.execute(_QUERY)
                    row = cur.fetchone()
                finally:
                    cur.close()
            except Exception:
                _close(conn)
                if attempt:
                    raise
                continue
            self._idle.put(conn)
            return int(row[0] or 0)
        raise AssertionError("unreachable")

    def close(self) -> None:
        while True:
            try:
                _close(self._idle.get_nowait())
            except queue.Empty:
                return


def _close(conn: Any) -> None:
    with contextlib.suppress(Exception):  # already broken: nothing more to release
        conn.close()
