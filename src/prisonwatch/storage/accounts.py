"""Accounts in the database: users, server-side sessions, API tokens, login attempts.

Only hashes of session and API tokens are stored, so a copy of the database lets nobody in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, delete, func, insert, select

from prisonwatch.storage import tables as t
from prisonwatch.storage.port import StorageError
from prisonwatch.storage.sql import SqlStore


@dataclass(frozen=True, slots=True)
class User:
    id: int
    name: str
    role: str  # analyst, admin
    password_hash: str


@dataclass(frozen=True, slots=True)
class Session:
    user: User
    csrf: str
    expires_at: datetime


class AccountStore:
    """Account records beside the ledger, on the same database."""

    def __init__(self, store: SqlStore) -> None:
        self.store = store

    def add_user(self, name: str, role: str, password_hash: str, at: datetime) -> User:
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
            return User(int(pk[0]), name, role, password_hash)

        user: User = self.store._write(w)
        return user

    def user(self, name: str) -> User | None:
        def q(conn: Connection) -> User | None:
            r = conn.execute(select(t.users).where(t.users.c.name == name)).first()
            return User(r.id, r.name, r.role, r.password_hash) if r else None

        found: User | None = self.store._read(q)
        return found

    def users(self) -> list[User]:
        def q(conn: Connection) -> list[User]:
            return [
                User(r.id, r.name, r.role, r.password_hash)
                for r in conn.execute(select(t.users).order_by(t.users.c.name))
            ]

        found: list[User] = self.store._read(q)
        return found

    def create_session(
        self, token_hash: str, user: User, csrf: str, at: datetime, expires_at: datetime
    ) -> None:
        self.store._write(
            lambda conn: conn.execute(
                insert(t.sessions).values(
                    token_hash=token_hash,
                    user_id=user.id,
                    csrf=csrf,
                    created_at=at,
                    expires_at=expires_at,
                )
            )
        )

    def session(self, token_hash: str, now: datetime) -> Session | None:
        def q(conn: Connection) -> Session | None:
            r = conn.execute(
                select(t.sessions, t.users.c.name, t.users.c.role, t.users.c.password_hash)
                .join(t.users, t.users.c.id == t.sessions.c.user_id)
                .where(t.sessions.c.token_hash == token_hash, t.sessions.c.expires_at > now)
            ).first()
            if r is None:
                return None
            return Session(User(r.user_id, r.name, r.role, r.password_hash), r.csrf, r.expires_at)

        found: Session | None = self.store._read(q)
        return found

    def end_session(self, token_hash: str) -> None:
        self.store._write(
            lambda conn: conn.execute(
                delete(t.sessions).where(t.sessions.c.token_hash == token_hash)
            )
        )

    def add_token(self, token_hash: str, user: User, label: str, at: datetime) -> None:
        self.store._write(
            lambda conn: conn.execute(
                insert(t.api_tokens).values(
                    token_hash=token_hash, user_id=user.id, label=label, created_at=at
                )
            )
        )

    def token_user(self, token_hash: str) -> User | None:
        def q(conn: Connection) -> User | None:
            r = conn.execute(
                select(t.users)
                .join(t.api_tokens, t.api_tokens.c.user_id == t.users.c.id)
                .where(t.api_tokens.c.token_hash == token_hash)
            ).first()
            return User(r.id, r.name, r.role, r.password_hash) if r else None

        found: User | None = self.store._read(q)
        return found

    def record_attempt(self, name: str, address: str, ok: bool, at: datetime) -> None:
        self.store._write(
            lambda conn: conn.execute(
                insert(t.login_attempts).values(name=name, address=address, ok=ok, at=at)
            )
        )

    def failures_since(self, name: str, address: str, since: datetime) -> int:
        def q(conn: Connection) -> int:
            stmt = (
                select(func.count())
                .select_from(t.login_attempts)
                .where(
                    t.login_attempts.c.ok.is_(False),
                    t.login_attempts.c.at >= since,
                    (t.login_attempts.c.name == name) | (t.login_attempts.c.address == address),
                )
            )
            return int(conn.execute(stmt).scalar_one())

        found: int = self.store._read(q)
        return found
