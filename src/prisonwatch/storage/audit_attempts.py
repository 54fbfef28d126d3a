"""Whether the failed login attempts as stored are what the audit chain says they are.

Five failures in fifteen minutes lock a name and an address (`services.accounts`); the lock is
nothing but the count of failed rows in `login_attempts`. A row deleted in SQL (or its time
moved back, or `ok` set true) lifted a lock, and `audit verify` said "intact". Each failure is
now chained (`AccountStore.record_attempt`, kind `login_attempt`), and `check_attempts` names:

- a chained failure no longer stored (deleted in SQL): it may have lifted a lock;
- a stored failure whose name, address, time or outcome is not what its entry recorded;
- a stored failure with no entry (added in SQL: it can lock a user out), among the failures
  recorded since the first chained one, and any still inside the lock window: failures stored
  before failures were chained have no entry and lock nobody after fifteen minutes.

Successful attempts are not chained: they lock nobody, and the session they open is.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Text, cast, select

from prisonwatch.storage import tables as t
from prisonwatch.storage.accounts import LOGIN_ATTEMPT
from prisonwatch.storage.audit import Break

LOCK_WINDOW_SECONDS = 15 * 60
"""How far back failures count toward a lock (`services.accounts.FAILURE_WINDOW`)."""

_FIELDS = ("name", "address", "ok", "at")


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def check_attempts(conn: Connection, now: datetime | None = None) -> Break | None:
    """The first failed login attempt stored otherwise than the chain recorded it, or None;
    `now` (naive UTC, the clock when None) tells which unchained failures can still lock."""
    a = t.audit.c
    recorded: dict[int, tuple[int, dict[str, Any]]] = {}
    stmt = select(a.id, cast(a.after, Text)).where(a.record_kind == LOGIN_ATTEMPT).order_by(a.id)
    for entry_id, after in conn.execute(stmt):
        row = json.loads(after) if after else None
        if isinstance(row, dict) and isinstance(row.get("id"), int):
            recorded[row["id"]] = (int(entry_id), row)
    at = now if now is not None else datetime.now(UTC).replace(tzinfo=None)
    first_chained = min(recorded, default=None)
    c = t.login_attempts.c
    for number, *values in conn.execute(select(c.id, *(c[f] for f in _FIELDS)).order_by(c.id)):
        stored = dict(zip(_FIELDS, (_plain(v) for v in values), strict=True))
        found = recorded.pop(int(number), None)
        where = f"login attempt {number} (name {stored['name']!r})"
        if found is None:
            if stored["ok"]:
                continue
            late = first_chained is not None and int(number) > first_chained
            when = values[_FIELDS.index("at")]
            recent = (
                isinstance(when, datetime) and (at - when).total_seconds() < LOCK_WINDOW_SECONDS
            )
            if late or recent:
                why = "is a failure stored but not in the audit trail: added in SQL"
                return Break(None, f"{where} {why} (it counts toward a lock)")
            continue
        entry_id, row = found
        if stored["ok"] and any(row.get(f) != stored[f] for f in ("at", "name", "address")):
            # SQLite gives a deleted row's number to the next attempt: this failure is gone
            why = (
                "was removed from its table (its number now holds a later attempt): deleted "
                "in SQL (a lock may have been lifted)"
            )
            return Break(
                entry_id, f"failed login attempt {number} (name {row.get('name')!r}) {why}"
            )
        for field in _FIELDS:
            if row.get(field) != stored[field]:
                why = (
                    f"field {field!r} is {stored[field]!r}, not what the audit trail recorded "
                    f"({row.get(field)!r}): changed in SQL (a lock may have been lifted)"
                )
                return Break(entry_id, f"{where}: {why}")
    for number, (entry_id, row) in sorted(recorded.items()):
        why = "was removed from its table: deleted in SQL (a lock may have been lifted)"
        return Break(entry_id, f"failed login attempt {number} (name {row.get('name')!r}) {why}")
    return None
