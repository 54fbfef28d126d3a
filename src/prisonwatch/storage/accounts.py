"""Accounts in the database: users, server-side sessions, API tokens, login attempts.

Only hashes of session and API tokens are stored, so a copy of the database lets nobody in.
Every change to a user, a password, a session or a token leaves an entry in the audit chain,
in the same transaction, so that `audit verify` (`audit_accounts`) finds one made in SQL:

- a password set (a user added, a reset) is recorded by the sha256 of its argon2 hash
  (`password_digest`), never the hash itself: without the hash's salt the digest helps nobody
  guess the password, and a hash replaced in SQL (to take over the account) no longer matches;
- a session is recorded when it starts (`login`: user, times, the sha256 of its token's hash)
  and when it ends (`logout`, or `end` when a password reset or a disable ends it). Expired
  sessions are pruned at the next login without an entry: the chain holds their expiry.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from prisonwatch.storage import tables as t
from prisonwatch.storage.port import StorageError
from prisonwatch.storage.rows import Row
from prisonwatch.storage.sql import SqlStore, _audit

LOGIN_ATTEMPT = "login_attempt"
"""The audit kind of a failed login attempt (`AccountStore.record_attempt`)."""

TOKEN_ID_LENGTH = 12


@dataclass(frozen=True, slots=True)
class User:
    id: int
    name: str
    role: str  # analyst, admin
    password_hash: str
    disabled_at: datetime | None = None
    created_at: datetime | None = None

    @property
    def active(self) -> bool:
        return self.disabled_at is None


@dataclass(frozen=True, slots=True)
class Session:
    user: User
    csrf: str
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class Token:
    """An API token as an administrator sees it: never the token, only the start of its hash."""

    id: str
    user: str
    label: str
    created_at: datetime
    expires_at: datetime


def token_id(token_hash: str) -> str:
    return token_hash[:TOKEN_ID_LENGTH]


def password_digest(password_hash: str) -> str:
    """What the audit chain keeps of a password hash: its sha256."""
    return hashlib.sha256(password_hash.encode()).hexdigest()


def session_record(user: str, token_hash: str, created_at: datetime, expires_at: datetime) -> Row:
    """What the audit chain keeps of a session: whose, when made, until when, and the sha256
    of its token's hash (the record id is the start of that hash, as for API tokens)."""
    return {
        "user": user,
        "created_at": created_at,
        "expires_at": expires_at,
        "sha256": hashlib.sha256(token_hash.encode()).hexdigest(),
    }


def _user(r: Any) -> User:
    return User(r.id, r.name, r.role, r.password_hash, r.disabled_at, r.created_at)


def _public(user: User) -> dict[str, object]:
    """What the audit log keeps of a user: never the password hash."""
    return {"name": user.name, "role": user.role, "disabled_at": user.disabled_at}


def _find_user(conn: Connection, name: str) -> User:
    r = conn.execute(select(t.users).where(t.users.c.name == name)).first()
    if r is None:
        raise StorageError(f"no user {name!r}")
    return _user(r)


def _end_sessions(conn: Connection, user: User, at: datetime, by: str) -> None:
    """End every session of the user, each with its `end` entry."""
    s = t.sessions.c
    found = conn.execute(
        select(s.token_hash, s.created_at, s.expires_at).where(s.user_id == user.id)
    ).all()
    conn.execute(delete(t.sessions).where(s.user_id == user.id))
    for token_hash, created_at, expires_at in sorted(found):
        record = session_record(user.name, token_hash, created_at, expires_at)
        _audit(conn, at, by, "end", "session", token_id(token_hash), record, None)


def _set_password(
    conn: Connection, name: str, before: str | None, after: str, at: datetime, by: str
) -> None:
    """The password's entry: the sha256 of the hash before (None for a new user) and after."""
    old = {"sha256": password_digest(before)} if before is not None else None
    _audit(conn, at, by, "set", "password", name, old, {"sha256": password_digest(after)})


_ACTIVE = t.users.c.disabled_at.is_(None)


class AccountStore:
    """Account records beside the ledger, on the same database."""

    def __init__(self, store: SqlStore) -> None:
        self.store = store

    # -- users -----------------------------------------------------------------------------------

    def add_user(
        self, name: str, role: str, password_hash: str, at: datetime, by: str = "system"
    ) -> User:
        def w(conn: Connection) -> User:
            if conn.execute(select(t.users.c.id).where(t.users.c.name == name)).first():
                raise StorageError(f"user {name!r} already exists")
            res = conn.execute(
                insert(t.users).values(
                    name=name, role=role, password_hash=password_hash, created_at=at
                )
            )
            pk = res.inserted_primary_key
            assert pk is not None
            user = User(int(pk[0]), name, role, password_hash, None, at)
            _audit(conn, at, by, "add", "user", name, None, _public(user))
            _set_password(conn, name, None, password_hash, at, by)
            return user

        user: User = self.store._write(w)
        return user

    def user(self, name: str) -> User | None:
        def q(conn: Connection) -> User | None:
            r = conn.execute(select(t.users).where(t.users.c.name == name)).first()
            return _user(r) if r else None

        found: User | None = self.store._read(q)
        return found

    def users(self) -> list[User]:
        def q(conn: Connection) -> list[User]:
            return [_user(r) for r in conn.execute(select(t.users).order_by(t.users.c.name))]

        found: list[User] = self.store._read(q)
        return found

    def set_disabled(self, name: str, disabled: bool, at: datetime, by: str) -> User:
        """Disable (ending every session and token of the user at once) or enable a user."""

        def w(conn: Connection) -> User:
            before = _find_user(conn, name)
            if before.active != disabled:
                raise StorageError(
                    f"user {name!r} is already {'disabled' if disabled else 'enabled'}"
                )
            when = at if disabled else None
            conn.execute(update(t.users).where(t.users.c.id == before.id).values(disabled_at=when))
            ended: list[str] = []
            if disabled:
                _end_sessions(conn, before, at, by)
                ended = [
                    token_id(h)
                    for h in conn.execute(
                        select(t.api_tokens.c.token_hash).where(t.api_tokens.c.user_id == before.id)
                    ).scalars()
                ]
                conn.execute(delete(t.api_tokens).where(t.api_tokens.c.user_id == before.id))
            after = User(
                before.id, name, before.role, before.password_hash, when, before.created_at
            )
            action = "disable" if disabled else "enable"
            record = {**_public(after), "tokens_revoked": ended} if disabled else _public(after)
            _audit(conn, at, by, action, "user", name, _public(before), record)
            return after

        user: User = self.store._write(w)
        return user

    def set_password(self, name: str, password_hash: str, at: datetime, by: str) -> None:
        """A new password; the user's sessions end (tokens stay: they are not passwords)."""

        def w(conn: Connection) -> None:
            user = _find_user(conn, name)
            conn.execute(
                update(t.users).where(t.users.c.id == user.id).values(password_hash=password_hash)
            )
            _end_sessions(conn, user, at, by)
            after = {**_public(user), "password": "reset"}
            _audit(conn, at, by, "reset-password", "user", name, _public(user), after)
            _set_password(conn, name, user.password_hash, password_hash, at, by)

        self.store._write(w)

    # -- sessions --------------------------------------------------------------------------------

    def create_session(
        self, token_hash: str, user: User, csrf: str, at: datetime, expires_at: datetime
    ) -> None:
        """A new session, recorded in the chain (`login`); sessions expired by `at` are pruned
        (the chain holds their expiry, so their absence needs no entry)."""

        def w(conn: Connection) -> None:
            conn.execute(delete(t.sessions).where(t.sessions.c.expires_at <= at))
            conn.execute(
                insert(t.sessions).values(
                    token_hash=token_hash,
                    user_id=user.id,
                    csrf=csrf,
                    created_at=at,
                    expires_at=expires_at,
                )
            )
            record = session_record(user.name, token_hash, at, expires_at)
            _audit(conn, at, user.name, "login", "session", token_id(token_hash), None, record)

        self.store._write(w)

    def session(self, token_hash: str, now: datetime) -> Session | None:
        def q(conn: Connection) -> Session | None:
            r = conn.execute(
                select(t.sessions.c.csrf, t.sessions.c.expires_at, t.users)
                .join(t.users, t.users.c.id == t.sessions.c.user_id)
                .where(
                    t.sessions.c.token_hash == token_hash, t.sessions.c.expires_at > now, _ACTIVE
                )
            ).first()
            return Session(_user(r), r.csrf, r.expires_at) if r else None

        found: Session | None = self.store._read(q)
        return found

    def end_session(self, token_hash: str, at: datetime) -> None:
        """A logout: the session deleted, with its `logout` entry (nothing when there is no
        such session)."""

        def w(conn: Connection) -> None:
            s = t.sessions.c
            found = conn.execute(
                select(t.users.c.name, s.created_at, s.expires_at)
                .join(t.users, t.users.c.id == s.user_id)
                .where(s.token_hash == token_hash)
            ).first()
            if found is None:
                return
            conn.execute(delete(t.sessions).where(s.token_hash == token_hash))
            name, created_at, expires_at = found
            record = session_record(name, token_hash, created_at, expires_at)
            _audit(conn, at, name, "logout", "session", token_id(token_hash), record, None)

        self.store._write(w)

    def session_counts(self, now: datetime) -> dict[str, int]:
        """Open sessions per user name."""

        def q(conn: Connection) -> dict[str, int]:
            stmt = (
                select(t.users.c.name, func.count())
                .join(t.sessions, t.sessions.c.user_id == t.users.c.id)
                .where(t.sessions.c.expires_at > now)
                .group_by(t.users.c.name)
            )
            return {name: int(n) for name, n in conn.execute(stmt)}

        found: dict[str, int] = self.store._read(q)
        return found

    # -- API tokens ------------------------------------------------------------------------------

    def add_token(
        self,
        token_hash: str,
        user: User,
        label: str,
        at: datetime,
        expires_at: datetime,
        by: str = "system",
    ) -> Token:
        def w(conn: Connection) -> Token:
            conn.execute(
                insert(t.api_tokens).values(
                    token_hash=token_hash,
                    user_id=user.id,
                    label=label,
                    created_at=at,
                    expires_at=expires_at,
                )
            )
            made = Token(token_id(token_hash), user.name, label, at, expires_at)
            after = {"user": user.name, "label": label, "expires_at": expires_at}
            _audit(conn, at, by, "add", "token", made.id, None, after)
            return made

        made: Token = self.store._write(w)
        return made

    def tokens(self, user: str | None = None) -> list[Token]:
        def q(conn: Connection) -> list[Token]:
            stmt = (
                select(t.api_tokens, t.users.c.name)
                .join(t.users, t.users.c.id == t.api_tokens.c.user_id)
                .order_by(t.users.c.name, t.api_tokens.c.created_at)
            )
            if user is not None:
                stmt = stmt.where(t.users.c.name == user)
            return [
                Token(token_id(r.token_hash), r.name, r.label, r.created_at, r.expires_at)
                for r in conn.execute(stmt)
            ]

        found: list[Token] = self.store._read(q)
        return found

    def revoke_token(self, tid: str, at: datetime, by: str) -> Token:
        """Delete the one token whose id (the start of its hash) is `tid`."""

        def w(conn: Connection) -> Token:
            like = tid.replace("\\", "").replace("%", "").replace("_", "") + "%"
            found = conn.execute(
                select(t.api_tokens, t.users.c.name)
                .join(t.users, t.users.c.id == t.api_tokens.c.user_id)
                .where(t.api_tokens.c.token_hash.like(like))
                .limit(2)
            ).all()
            if len(found) != 1:
                raise StorageError(
                    f"no token {tid!r}" if not found else f"token id {tid!r} is ambiguous"
                )
            r = found[0]
            gone = Token(token_id(r.token_hash), r.name, r.label, r.created_at, r.expires_at)
            conn.execute(delete(t.api_tokens).where(t.api_tokens.c.token_hash == r.token_hash))
            before = {"user": gone.user, "label": gone.label, "expires_at": gone.expires_at}
            _audit(conn, at, by, "revoke", "token", gone.id, before, None)
            return gone

        gone: Token = self.store._write(w)
        return gone

    def token_user(self, token_hash: str, now: datetime) -> User | None:
        """The active user of a token that has not expired."""

        def q(conn: Connection) -> User | None:
            r = conn.execute(
                select(t.users)
                .join(t.api_tokens, t.api_tokens.c.user_id == t.users.c.id)
                .where(
                    t.api_tokens.c.token_hash == token_hash,
                    t.api_tokens.c.expires_at > now,
                    _ACTIVE,
                )
            ).first()
            return _user(r) if r else None

        found: User | None = self.store._read(q)
        return found

    # -- login attempts --------------------------------------------------------------------------

    def record_attempt(self, name: str, address: str, ok: bool, at: datetime) -> None:
        """Record a login attempt. A failed one is also chained (`LOGIN_ATTEMPT`): failures
        lock a name and an address (`services.accounts.MAX_FAILURES`), and a failure deleted
        or changed in SQL would lift a lock that `audit verify` must name
        (`audit_attempts`). A success locks nothing; its session is chained by the login."""

        def w(conn: Connection) -> None:
            row = {"name": name[:80], "address": address[:64], "ok": ok, "at": at}
            pk = conn.execute(insert(t.login_attempts).values(**row)).inserted_primary_key
            if ok or pk is None:
                return
            after = {"id": int(pk[0]), **row}
            _audit(conn, at, "login", "fail", LOGIN_ATTEMPT, str(pk[0]), None, after)

        self.store._write(w)

    def failures_since(self, name: str, address: str, since: datetime) -> int:
        def q(conn: Connection) -> int:
            stmt = (
                select(func.count())
                .select_from(t.login_attempts)
                .where(
                    t.login_attempts.c.ok.is_(False),
                    t.login_attempts.c.at >= since,
                    (t.login_attempts.c.name == name[:80])
                    | (t.login_attempts.c.address == address[:64]),
                )
            )
            return int(conn.execute(stmt).scalar_one())

        found: int = self.store._read(q)
        return found
