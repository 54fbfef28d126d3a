"""Whether the accounts as stored are what the audit chain says they are.

Every account change (a user added, disabled, enabled, a password reset, a token added or
revoked) writes an audit entry, but `audit verify` compared only the ledger's records with the
chain: a user's role set to `admin` in SQL, a disabled user enabled again, or an API token
slipped into `api_tokens` (anyone holding it reads every protected name through the API) left
the chain intact and the verdict "intact". So `verify` also reads the two tables and compares
them with the newest entry about each user and each token:

- a stored user must have an entry, and hold the role and the disabled time it last recorded;
  a user the chain recorded must still be stored;
- a stored API token must have an entry that added it (by its id, the start of its hash) and
  no later revocation, for the same user, label and expiry.

- a stored user's password hash must be the one the newest `password` entry recorded (by its
  sha256, `accounts.password_digest`): a hash replaced in SQL (to log in as that user) or an
  old one put back is named; a password reset through the application writes its entry;
- a stored session must have a `login` entry and no later `logout` or `end`, for the same user,
  times and token hash (a session inserted in SQL is a login that no password gave); a session
  the chain last saw starting must still be stored, unless it has expired (sessions expired are
  pruned without an entry: their expiry is in the chain).

A token removed in SQL only takes access away and is not named. Tokens are known to the chain
by the first 12 characters of their hash (`token_id`); sessions by the sha256 of the whole.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Text, cast, select

from prisonwatch.storage import tables as t
from prisonwatch.storage.accounts import password_digest, session_record, token_id
from prisonwatch.storage.audit import Break

_KINDS = ("user", "token", "password", "session")


def check_accounts(conn: Connection, now: datetime | None = None) -> Break | None:
    """The first user, password, API token or session stored otherwise than the chain last
    recorded it; `now` (naive UTC, the clock when None) tells which sessions have expired."""
    newest: dict[tuple[str, str], Any] = {}
    sessions: dict[str, tuple[int, str, Any]] = {}
    a = t.audit.c
    stmt = (
        select(
            a.id, a.record_kind, a.record_id, a.action, cast(a.before, Text), cast(a.after, Text)
        )
        .where(a.record_kind.in_(_KINDS))
        .order_by(a.id)
    )
    for entry_id, kind, record_id, action, before, after in conn.execute(stmt):
        newest[(kind, record_id)] = json.loads(after) if after else None
        if kind == "session":
            record = json.loads(after or before or "null")
            sessions[record_id] = (int(entry_id), str(action), record)
    at = now if now is not None else datetime.now(UTC).replace(tzinfo=None)
    return (
        _users(conn, newest)
        or _passwords(conn, newest)
        or _tokens(conn, newest)
        or _sessions(conn, sessions, at)
    )


def _time(value: datetime | str | None) -> str | None:
    return value.isoformat() if isinstance(value, datetime) else value


def _users(conn: Connection, newest: dict[tuple[str, str], Any]) -> Break | None:
    u = t.users.c
    stored = set()
    for name, role, disabled_at in conn.execute(
        select(u.name, u.role, u.disabled_at).order_by(u.name)
    ):
        stored.add(name)
        if ("user", name) not in newest:
            return Break(None, f"user {name!r} is stored but not in the audit trail: added in SQL")
        last = newest[("user", name)] or {}
        if last.get("role") != role:
            return Break(
                None,
                f"user {name!r}: role {role!r} is not what the audit trail last recorded "
                f"({last.get('role')!r}): changed in SQL",
            )
        if _time(last.get("disabled_at")) != _time(disabled_at):
            return Break(
                None,
                f"user {name!r}: disabled {_time(disabled_at)} is not what the audit trail last "
                f"recorded ({last.get('disabled_at')}): changed in SQL",
            )
    for kind, name in sorted(newest):
        if kind == "user" and name not in stored:
            return Break(None, f"user {name!r} was removed from its table")
    return None


def _tokens(conn: Connection, newest: dict[tuple[str, str], Any]) -> Break | None:
    k, u = t.api_tokens.c, t.users.c
    stmt = (
        select(k.token_hash, u.name, k.label, k.expires_at)
        .join_from(t.api_tokens, t.users, k.user_id == u.id)
        .order_by(k.token_hash)
    )
    for token_hash, user, label, expires_at in conn.execute(stmt):
        tid = token_id(token_hash)
        last = newest.get(("token", tid))
        if last is None:
            return Break(
                None,
                f"API token {tid} of user {user!r} is stored but the audit trail holds no "
                "token by that id in force: added in SQL (whoever holds it acts as that user)",
            )
        recorded = (last.get("user"), last.get("label"), _time(last.get("expires_at")))
        if recorded != (user, label, _time(expires_at)):
            return Break(
                None,
                f"API token {tid}: user, label or expiry is not what the audit trail recorded: "
                "changed in SQL",
            )
    return None


def _passwords(conn: Connection, newest: dict[tuple[str, str], Any]) -> Break | None:
    u = t.users.c
    for name, password_hash in conn.execute(select(u.name, u.password_hash).order_by(u.name)):
        last = newest.get(("password", name))
        if last is None:
            why = "is not in the audit trail: it was set in SQL"
            return Break(None, f"the password of user {name!r} {why}")
        if last.get("sha256") != password_digest(password_hash):
            return Break(
                None,
                f"the password hash of user {name!r} is not the one the audit trail last "
                "recorded: it was replaced in SQL (whoever chose it can log in as that user)",
            )
    return None


def _sessions(
    conn: Connection, recorded: dict[str, tuple[int, str, Any]], now: datetime
) -> Break | None:
    s, u = t.sessions.c, t.users.c
    stmt = (
        select(s.token_hash, u.name, s.created_at, s.expires_at)
        .join_from(t.sessions, t.users, s.user_id == u.id)
        .order_by(s.token_hash)
    )
    left = dict(recorded)
    for token_hash, user, created_at, expires_at in conn.execute(stmt):
        sid = token_id(token_hash)
        found = left.pop(sid, None)
        where = f"session {sid} of user {user!r}"
        if found is None:
            return Break(
                None,
                f"{where} is stored but the audit trail holds no login for it: added in SQL "
                "(whoever holds its token is logged in as that user)",
            )
        entry_id, action, record = found
        if action != "login":
            why = f"ended ({action}, audit entry {entry_id}) but is stored again: put back in SQL"
            return Break(entry_id, f"{where} {why}")
        stored = session_record(user, token_hash, created_at, expires_at)
        for field in sorted(stored):
            if _time(stored[field]) != _time((record or {}).get(field)):
                why = f"{field} is not what the audit trail recorded: changed in SQL"
                return Break(entry_id, f"{where}: {why}")
    for sid, (entry_id, action, record) in sorted(left.items()):
        ends = (record or {}).get("expires_at") if action == "login" else None
        if isinstance(ends, str) and datetime.fromisoformat(ends) > now:
            why = "was removed from its table before it expired, with no logout recorded"
            return Break(entry_id, f"session {sid} of user {record.get('user')!r} {why}")
    return None
