"""The login form answers alike for an existing account name and an unknown one.

An account name is often a person's name (an analyst's), and an answer that differed for an
existing name (status, body, its length, the lock message, the work done before answering)
would let anyone list the accounts. For a name that exists (active or disabled) and one that
does not, each attempt with a wrong password, on to past the attempt lock (and the right
password once locked), must answer with the same status and body, byte for byte but for the
page's per-response nonce, and do the same work: one password verification per attempt before
the lock, none after (the same time, without a timing assertion). Real app, SQLite and
PostgreSQL.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from prisonwatch.services import accounts
from prisonwatch.storage.accounts import AccountStore
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web import pages
from prisonwatch.web.app import create_app
from prisonwatch.web.settings import WebSettings
from tests.web.conftest import PASSWORD

START = datetime(2026, 11, 29, 12, 0)
ATTEMPTS = accounts.MAX_FAILURES + 3


class Clock:
    def __init__(self) -> None:
        self.at = START

    def __call__(self) -> datetime:
        return self.at


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[Clock]:
    c = Clock()
    monkeypatch.setattr(pages, "now", c)
    yield c


def _shape(r: Any) -> tuple[int, str, str | None]:
    body = re.sub(r'nonce-?[="]?[A-Za-z0-9+/=_-]{8,}"?', "NONCE", r.text)
    return r.status_code, body, r.headers.get("content-type")


def _attempts(client: TestClient, name: str, verified: list[int]) -> list[Any]:
    out = []
    for _ in range(ATTEMPTS):
        before = len(verified)
        r = client.post("/login", data={"name": name, "password": "wrong password"})
        out.append((*_shape(r), len(verified) - before))
    # once locked, even the right password is refused as for any name
    before = len(verified)
    r = client.post("/login", data={"name": name, "password": PASSWORD}, follow_redirects=False)
    out.append((*_shape(r), len(verified) - before))
    return out


def test_login_answers_alike_for_existing_and_unknown_names(
    store: SqlStore, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    acc = AccountStore(store)
    accounts.add_user(acc, "hanna.sakrevich", "analyst", PASSWORD, START)
    accounts.add_user(acc, "piotr.zhuvalich", "analyst", PASSWORD, START)
    accounts.set_disabled(acc, "piotr.zhuvalich", True, "admin", START)
    verified: list[int] = []
    real = accounts._hasher

    class Counted:
        """The password hasher, counting verifications."""

        def verify(self, stored: Any, password: Any) -> Any:
            verified.append(1)
            return real.verify(stored, password)

        def __getattr__(self, name: str) -> Any:
            return getattr(real, name)

    monkeypatch.setattr(accounts, "_hasher", Counted())
    app = create_app(WebSettings(store.url, secure_cookies=False), store)
    runs = {}
    with TestClient(app) as client:
        for n, name in enumerate(("hanna.sakrevich", "piotr.zhuvalich", "nobody.zzyzx")):
            clock.at = START + timedelta(hours=n + 1)  # each after the last one's lock ended
            runs[name] = _attempts(client, name, verified)
    first = runs["hanna.sakrevich"]
    assert first[0][0] == 401 and first[0][3] == 1  # a wrong password, verified once
    assert first[-1][0] == 401 and first[-1][3] == 0  # locked: no verification
    assert "too many" in first[-1][1]
    for name, run in runs.items():
        assert run == first, f"{name}: the login answers differently"
