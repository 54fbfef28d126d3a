"""Per-request context: who is asking (public, analyst, admin) and the ledger as they may see it.

The derived ledger (`figures.View`) is cached and rebuilt only when the database changed (its
audit log grew), so figures are served from memory.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select

from prisonwatch.services import accounts, figures
from prisonwatch.services.privacy import Redactor
from prisonwatch.storage import tables as t
from prisonwatch.storage.accounts import AccountStore, User
from prisonwatch.storage.sql import SqlStore

SESSION_COOKIE = "pw_session"
VERSION_TTL = 1.0


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True, slots=True)
class Viewer:
    """Who is asking. `user` is None for the public."""

    user: User | None
    csrf: str | None = None
    via_token: bool = False

    @property
    def role(self) -> str:
        return self.user.role if self.user else "public"

    @property
    def analyst(self) -> bool:
        return self.role in ("analyst", "admin")


class Ledger:
    """The store, accounts, and cached derived views for one app."""

    def __init__(self, store: SqlStore) -> None:
        self.store = store
        self.accounts = AccountStore(store)
        self._lock = threading.Lock()
        self._cache: dict[Any, Any] = {}
        self._version = -1
        self._seen = -1
        self._checked = -1e9

    def version(self) -> int:
        def q(conn: Any) -> int:
            return int(conn.execute(select(func.coalesce(func.max(t.audit.c.id), 0))).scalar_one())

        found: int = self.store._read(q)
        return found

    def current_version(self) -> int:
        """The database's version, asked at most once a second: writes made through this app
        invalidate at once (`invalidate`); writes from elsewhere show within a second."""
        t = time.monotonic()
        if t - self._checked > VERSION_TTL:
            self._seen = self.version()
            self._checked = t
        return self._seen

    def invalidate(self) -> None:
        self._checked = -1e9

    def cached(self, key: Any, build: Any) -> Any:
        v = self.current_version()
        with self._lock:
            if v != self._version:
                self._cache.clear()
                self._version = v
            if key in self._cache:
                return self._cache[key]
        value = build()
        with self._lock:
            if self._version == v:
                self._cache[key] = value
        return value

    def view(self, scope: figures.Scope) -> figures.View:
        result: figures.View = self.cached(
            ("view", scope), lambda: figures.View.load(self.store, scope)
        )
        return result

    def redactor(self) -> Redactor:
        result: Redactor = self.cached("redactor", lambda: Redactor(self.store.persons()))
        return result

    def viewer(self, session_token: str | None, bearer: str | None) -> Viewer:
        if bearer:
            user = accounts.token_user(self.accounts, bearer, now())
            return Viewer(user, None, True) if user else Viewer(None)
        s = accounts.session(self.accounts, session_token, now())
        return Viewer(s.user, s.csrf) if s else Viewer(None)
