"""`audit verify` compares the accounts with the chain: a role, a disabled time or an API token
changed in SQL gave the verdict "intact" (only the ledger's records were compared), so an
analyst made admin, a disabled user let back in, or a token slipped in beside the application
(whoever holds it reads every protected name through the API) went unnoticed (red team,
session 6; each test fails on the code before)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import insert, text

from prisonwatch.services import accounts, audit_trail
from prisonwatch.storage import tables as t
from prisonwatch.storage.accounts import AccountStore
from prisonwatch.storage.sql import SqlStore

AT = datetime(2026, 11, 29, 12, 0)


@pytest.fixture
def kept(store: SqlStore) -> SqlStore:
    acc = AccountStore(store)
    ana = accounts.add_user(acc, "ana", "analyst", "correct horse battery", AT)
    accounts.add_user(acc, "adm", "admin", "correct horse battery", AT)
    acc.add_token("b" * 64, ana, "script", AT, AT + timedelta(days=90))
    accounts.set_disabled(acc, "adm", True, "adm", AT)
    assert audit_trail.verify(store).ok, audit_trail.verify(store).broken
    return store


def _broken(store: SqlStore, *words: str) -> None:
    verdict = audit_trail.verify(store)
    assert verdict.broken is not None, "an account changed in SQL went unnoticed"
    for w in words:
        assert w in verdict.broken.reason, verdict.broken.reason


def _sql(store: SqlStore, statement: str) -> None:
    with store.engine.begin() as conn:
        conn.execute(text(statement))


def test_an_analyst_made_admin_in_sql(kept: SqlStore) -> None:
    _sql(kept, "UPDATE users SET role = 'admin' WHERE name = 'ana'")
    _broken(kept, "ana", "role")


def test_a_disabled_user_enabled_in_sql(kept: SqlStore) -> None:
    _sql(kept, "UPDATE users SET disabled_at = NULL WHERE name = 'adm'")
    _broken(kept, "adm", "disabled")


def test_a_user_slipped_in(kept: SqlStore) -> None:
    _sql(
        kept,
        "INSERT INTO users (name, role, password_hash, created_at) "
        "VALUES ('evil', 'admin', 'x', '2026-11-29 12:00:00')",
    )
    _broken(kept, "evil", "not in the audit trail")


def test_an_api_token_slipped_in(kept: SqlStore) -> None:
    with kept.engine.begin() as conn:
        conn.execute(
            insert(t.api_tokens).values(
                token_hash="c" * 64,
                user_id=1,
                label="x",
                created_at=AT,
                expires_at=AT + timedelta(days=3650),
            )
        )
    _broken(kept, "API token", "cccccccccccc")


def test_a_token_given_a_longer_life_in_sql(kept: SqlStore) -> None:
    _sql(kept, "UPDATE api_tokens SET expires_at = '2099-01-01 00:00:00'")
    _broken(kept, "API token", "expiry")


def test_a_revoked_token_put_back(kept: SqlStore) -> None:
    acc = AccountStore(kept)
    (token,) = acc.tokens()
    acc.revoke_token(token.id, AT, "ana")
    assert audit_trail.verify(kept).ok  # revoked: gone from the table, as recorded
    with kept.engine.begin() as conn:
        conn.execute(
            insert(t.api_tokens).values(
                token_hash="b" * 64,
                user_id=1,
                label="script",
                created_at=AT,
                expires_at=AT + timedelta(days=90),
            )
        )
    _broken(kept, "API token", "bbbbbbbbbbbb")
