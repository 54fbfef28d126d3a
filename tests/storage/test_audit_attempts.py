"""`audit verify` compares the failed login attempts with the chain (session 8): five failures
lock a name and an address for fifteen minutes, and the lock is only the count of failed rows
in `login_attempts`, so deleting them in SQL lifted the lock with the verdict "intact" (each
test fails on the code before). Failures stored before they were chained raise
no alarm once they can lock nobody."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import insert, text

from prisonwatch.services import accounts, audit_trail
from prisonwatch.storage import tables as t
from prisonwatch.storage.accounts import AccountStore
from prisonwatch.storage.sql import SqlStore

NOW = datetime.now(UTC).replace(tzinfo=None, microsecond=0) - timedelta(minutes=1)


def _locked(store: SqlStore) -> AccountStore:
    acc = AccountStore(store)
    accounts.add_user(acc, "ana", "analyst", "correct horse battery", NOW - timedelta(days=1))
    for i in range(accounts.MAX_FAILURES):
        with pytest.raises(accounts.AccountError, match="wrong"):
            accounts.login(acc, "ana", f"guess {i}", "10.0.0.9", NOW + timedelta(seconds=i))
    with pytest.raises(accounts.AccountError, match="too many"):
        accounts.login(acc, "ana", "correct horse battery", "10.0.0.9", NOW + timedelta(seconds=9))
    verdict = audit_trail.verify(store, workers=0)
    assert verdict.ok, verdict.broken
    return acc


def _broken(store: SqlStore, *words: str) -> None:
    verdict = audit_trail.verify(store, workers=0)
    assert verdict.broken is not None, "a login attempt changed in SQL went unnoticed"
    for w in words:
        assert w in verdict.broken.reason, verdict.broken.reason


def _sql(store: SqlStore, statement: str) -> None:
    with store.engine.begin() as conn:
        conn.execute(text(statement))


def test_failures_deleted_in_sql_lift_the_lock_and_are_named(store: SqlStore) -> None:
    acc = _locked(store)
    _sql(store, "DELETE FROM login_attempts WHERE ok = false")
    # the lock is lifted: the right password logs in again ...
    accounts.login(acc, "ana", "correct horse battery", "10.0.0.9", NOW + timedelta(seconds=10))
    # ... and verify names it, with the table and the attempt's number
    _broken(store, "login attempt 1", "removed", "lock")


def test_a_failure_moved_back_in_time_is_named(store: SqlStore) -> None:
    _locked(store)
    _sql(store, "UPDATE login_attempts SET at = '2020-01-01 00:00:00' WHERE id = 3")
    _broken(store, "login attempt 3", "'at'", "changed in SQL")


def test_a_failure_turned_into_a_success_is_named(store: SqlStore) -> None:
    _locked(store)
    _sql(store, "UPDATE login_attempts SET ok = true WHERE id = 2")
    _broken(store, "login attempt 2", "'ok'")


def test_a_failure_added_in_sql_is_named(store: SqlStore) -> None:
    _locked(store)
    with store.engine.begin() as conn:
        conn.execute(
            insert(t.login_attempts).values(name="bo", address="10.0.0.7", ok=False, at=NOW)
        )
    _broken(store, "login attempt 6", "'bo'", "not in the audit trail")


def test_failures_stored_before_they_were_chained_raise_no_alarm(store: SqlStore) -> None:
    """A store upgraded from session 7: its failures have no entries. Those that can no longer
    lock anyone are no break; one inside the lock window is (it counts toward a lock)."""
    with store.engine.begin() as conn:
        for day in (1, 2):
            old = datetime(2026, 1, day, 9, 0)
            conn.execute(insert(t.login_attempts).values(name="x", address="a", ok=False, at=old))
    assert audit_trail.verify(store, workers=0).ok
    _locked(store)
    with store.engine.begin() as conn:
        conn.execute(insert(t.login_attempts).values(name="y", address="b", ok=False, at=NOW))
    _broken(store, "login attempt 8", "not in the audit trail")
