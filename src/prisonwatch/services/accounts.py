"""Users, logins and tokens: argon2 password hashes, server-side sessions, rate limits.

A login costs the same whether the name exists or not: an unknown (or disabled) user's password
is checked against a hash of a random password made with the same parameters, so the answer's
timing does not tell which names are users. API tokens expire (`TOKEN_DAYS` by default);
disabling a user ends their sessions and deletes their tokens at once. Every change to a user or
token is written to the audit chain with who made it.
"""

from __future__ import annotations

import functools
import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from prisonwatch.storage.accounts import AccountStore, Session, Token, User
from prisonwatch.storage.port import StorageError

ROLES = ("analyst", "admin")
SESSION_HOURS = 12
MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)
TOKEN_DAYS = 90
MAX_TOKEN_DAYS = 3650
_hasher = PasswordHasher()


class AccountError(ValueError):
    """A user, login or token request that cannot be granted; the message is safe to show."""


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@functools.cache
def _dummy_hash() -> str:
    """A hash of a password nobody knows, with the parameters of real ones."""
    return _hasher.hash(secrets.token_urlsafe(24))


def _check_password(password: str) -> None:
    if len(password) < 10:
        raise AccountError("a password has at least 10 characters")
    if len(password) > 1000:
        raise AccountError("a password has at most 1000 characters")


def add_user(
    accounts: AccountStore, name: str, role: str, password: str, now: datetime, by: str = "system"
) -> User:
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    if not name.strip() or len(name) > 80 or "\x00" in name:
        raise AccountError("a user name is 1 to 80 characters")
    _check_password(password)
    try:
        return accounts.add_user(name.strip(), role, _hasher.hash(password), now, by)
    except StorageError as exc:
        raise AccountError(str(exc)) from None


def set_disabled(accounts: AccountStore, name: str, disabled: bool, by: str, now: datetime) -> User:
    """Disable a user (their sessions end and their tokens are deleted at once) or enable one."""
    try:
        return accounts.set_disabled(name, disabled, now, by)
    except StorageError as exc:
        raise AccountError(str(exc)) from None


def reset_password(
    accounts: AccountStore, name: str, password: str, by: str, now: datetime
) -> None:
    """A new password for a user; their sessions end."""
    _check_password(password)
    try:
        accounts.set_password(name, _hasher.hash(password), now, by)
    except StorageError as exc:
        raise AccountError(str(exc)) from None


def new_password() -> str:
    """A random password for a reset, to hand to the user once."""
    return secrets.token_urlsafe(15)


@dataclass(frozen=True, slots=True)
class Login:
    token: str
    session: Session


def _password_matches(user: User | None, password: str) -> bool:
    """Always one argon2 verification, whether or not the user exists."""
    stored = user.password_hash if user is not None else _dummy_hash()
    try:
        ok: bool = _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        ok = False
    return ok and user is not None and user.active


def login(accounts: AccountStore, name: str, password: str, address: str, now: datetime) -> Login:
    """A new session, or `AccountError` ("wrong name or password", or too many failures)."""
    _dummy_hash()  # made once, before the first answer, so that no answer waits for it
    if accounts.failures_since(name, address, now - FAILURE_WINDOW) >= MAX_FAILURES:
        raise AccountError("too many failed logins; try again in 15 minutes")
    user = accounts.user(name) if len(name) <= 80 else None
    ok = _password_matches(user, password)
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


def logout(accounts: AccountStore, token: str | None, now: datetime) -> None:
    if token:
        accounts.end_session(token_hash(token), now)


def new_api_token(
    accounts: AccountStore,
    user: User,
    label: str,
    now: datetime,
    days: int = TOKEN_DAYS,
    by: str = "system",
) -> str:
    """A new token for scripts acting as `user`, valid for `days` days; shown once."""
    if not 1 <= days <= MAX_TOKEN_DAYS:
        raise AccountError(f"a token is valid for 1 to {MAX_TOKEN_DAYS} days, not {days}")
    if not user.active:
        raise AccountError(f"user {user.name!r} is disabled")
    token = "pw_" + secrets.token_urlsafe(32)
    accounts.add_token(token_hash(token), user, label, now, now + timedelta(days=days), by)
    return token


def revoke_token(accounts: AccountStore, tid: str, by: str, now: datetime) -> Token:
    if len(tid) < 6:
        raise AccountError("give at least the first 6 characters of the token id")
    try:
        return accounts.revoke_token(tid, now, by)
    except StorageError as exc:
        raise AccountError(str(exc)) from None


def token_user(accounts: AccountStore, token: str | None, now: datetime) -> User | None:
    """The active user acting with this token, if the token exists and has not expired."""
    if not token:
        return None
    return accounts.token_user(token_hash(token), now)
