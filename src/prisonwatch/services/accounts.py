"""Users, logins and tokens: argon2 password hashes, server-side sessions, rate limits."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerifyMismatchError

from prisonwatch.storage.accounts import AccountStore, Session, User
from prisonwatch.storage.port import StorageError

ROLES = ("analyst", "admin")
SESSION_HOURS = 12
MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)
_hasher = PasswordHasher()


class AccountError(ValueError):
    """A user, login or token request that cannot be granted; the message is safe to show."""


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def add_user(accounts: AccountStore, name: str, role: str, password: str, now: datetime) -> User:
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    if not name.strip() or len(name) > 80:
        raise AccountError("a user name is 1 to 80 characters")
    if len(password) < 10:
        raise AccountError("a password has at least 10 characters")
    try:
        return accounts.add_user(name.strip(), role, _hasher.hash(password), now)
    except StorageError as exc:
        raise AccountError(str(exc)) from None


@dataclass(frozen=True, slots=True)
class Login:
    token: str
    session: Session


def login(accounts: AccountStore, name: str, password: str, address: str, now: datetime) -> Login:
    """A new session, or `AccountError` ("wrong name or password", or too many failures)."""
    if accounts.failures_since(name, address, now - FAILURE_WINDOW) >= MAX_FAILURES:
        raise AccountError("too many failed logins; try again in 15 minutes")
    user = accounts.user(name)
    ok = False
    if user is not None:
        try:
            ok = _hasher.verify(user.password_hash, password)
        except (VerifyMismatchError, InvalidHashError):
            ok = False
    accounts.record_attempt(name, address, ok, now)
    if not ok or user is None:
        raise AccountError("wrong name or password")
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    expires = now + timedelta(hours=SESSION_HOURS)
    accounts.create_session(token_hash(token), user, csrf, now, expires)
    return Login(token, Session(user, csrf, expires))


def session(accounts: AccountStore, token: str | None, now: datetime) -> Session | None:
    if not token:
        return None
    return accounts.session(token_hash(token), now)


def logout(accounts: AccountStore, token: str | None) -> None:
    if token:
        accounts.end_session(token_hash(token))


def new_api_token(accounts: AccountStore, user: User, label: str, now: datetime) -> str:
    token = "pw_" + secrets.token_urlsafe(32)
    accounts.add_token(token_hash(token), user, label, now)
    return token


def token_user(accounts: AccountStore, token: str | None) -> User | None:
    if not token:
        return None
    return accounts.token_user(token_hash(token))
