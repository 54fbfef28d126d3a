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

Password hashes and tokens are never written into the chain, so a password hash changed in SQL
cannot be told from one reset by the application; a token removed in SQL only takes access
away and is not named.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Text, cast, select

from prisonwatch.storage import tables as t
from prisonwatch.storage.accounts import token_id
from prisonwatch.storage.audit import Break


def check_accounts(conn: Connection) -> Break | None:
    """The first user or API token stored otherwise than the chain last recorded it."""
    newest: dict[tuple[str, str], Any] = {}
    a = t.audit.c
    stmt = (
        select(a.record_kind, a.record_id, cast(a.after, Text))
        .where(a.record_kind.in_(("user", "token")))
        .order_by(a.id)
    )
    for kind, record_id, after in conn.execute(stmt):
        newest[(kind, record_id)] = json.loads(after) if after else None
    return _users(conn, newest) or _tokens(conn, newest)


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
