"""Commands of the web app: serve, user, token."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Annotated

import typer
from rich.table import Table

from prisonwatch.cli.common import CliError, DbOption, app, now, opened, out
from prisonwatch.services import accounts
from prisonwatch.services.settings import Settings
from prisonwatch.storage.accounts import AccountStore

user_app = typer.Typer(help="Users of the web app.", no_args_is_help=True)
token_app = typer.Typer(help="API tokens for scripts.", no_args_is_help=True)
app.add_typer(user_app, name="user")
app.add_typer(token_app, name="token")

HostOption = Annotated[str, typer.Option(help="Address to listen on.")]
PortOption = Annotated[int, typer.Option(help="Port to listen on.")]


WORKER_HEALTHCHECK_S = 120
"""Seconds a worker may take to answer uvicorn's health ping before it is killed as hung.
uvicorn's default, 5 s, killed busy workers: the ping is answered by a thread, and a request
that holds the interpreter for longer (the first dashboard of a worker, whose charts the
renderer draws without letting other threads run, on a loaded machine) had its worker killed
and its connection dropped, again on every fresh worker (red team, session 3)."""


def serve_app(db_url: str, host: str, port: int, workers: int = 1) -> None:
    """Serve the app; with several workers, each is a process of its own on the same store
    (PostgreSQL), seeing the others' writes through the store's version (see docs/web.md)."""
    import uvicorn

    from prisonwatch.web.app import create_app
    from prisonwatch.web.settings import WebSettings

    if workers > 1 and db_url.startswith("sqlite"):
        raise CliError(
            "--workers: SQLite has a single writer; run several workers on PostgreSQL "
            "(--db postgresql+psycopg://...), or one worker on SQLite"
        )
    try:
        web_app = create_app(WebSettings.from_env(db_url))  # also checks the settings
    except ValueError as exc:  # a setting that cannot be used (PRISONWATCH_TRUSTED_PROXIES)
        raise CliError(str(exc)) from None
    out.print(f"serving {db_url} at http://{host}:{port}/ with {workers} worker(s) (Ctrl-C stops)")
    # proxy_headers off: uvicorn would otherwise take the client address from X-Forwarded-For
    # sent from 127.0.0.1; the app reads it itself, from trusted proxies only (web/peers.py).
    if workers == 1:
        uvicorn.run(web_app, host=host, port=port, log_level="warning", proxy_headers=False)
        return
    # worker processes build their own app from the environment, after the fork
    os.environ["PRISONWATCH_DB"] = db_url
    uvicorn.run(
        "prisonwatch.web.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        proxy_headers=False,
        timeout_worker_healthcheck=WORKER_HEALTHCHECK_S,
    )


WorkersOption = Annotated[
    int, typer.Option(min=1, max=64, help="Worker processes (more than one needs PostgreSQL).")
]


@app.command()
def serve(
    host: HostOption = "127.0.0.1",
    port: PortOption = 8000,
    workers: WorkersOption = 1,
    db: DbOption = None,
) -> None:
    """Serve the web app and the JSON API."""
    serve_app(Settings.from_env(db=db).db_url, host, port, workers)


def _password(given: str | None) -> str:
    password = given or os.environ.get("PRISONWATCH_PASSWORD")
    if password:
        return password
    try:
        entered: str = typer.prompt("password", hide_input=True, confirmation_prompt=True)
    except (typer.Abort, EOFError):
        raise CliError(
            "no password: give --password, set PRISONWATCH_PASSWORD, or type it"
        ) from None
    return entered


NameArg = Annotated[str, typer.Argument(help="The user's login name.")]
PasswordOption = Annotated[
    str | None, typer.Option(help="The password (else asked, or $PRISONWATCH_PASSWORD).")
]


@user_app.command("add")
def user_add(
    name: NameArg,
    role: Annotated[str, typer.Option(help="analyst or admin.")] = "analyst",
    password: PasswordOption = None,
    db: DbOption = None,
) -> None:
    """Create a user who can log in to the web app."""
    secret = _password(password)
    with opened(db) as (store, settings):
        try:
            accounts.add_user(AccountStore(store), name, role, secret, now(), settings.actor)
        except accounts.AccountError as exc:
            raise CliError(str(exc)) from None
    out.print(f"user {name} ({role}) created", markup=False, highlight=False)


@user_app.command("list")
def user_list(db: DbOption = None) -> None:
    """List the users: role, since when, disabled or not, open sessions and tokens."""
    with opened(db) as (store, _):
        acc = AccountStore(store)
        users, sessions, tokens = acc.users(), acc.session_counts(now()), acc.tokens()
    table = Table()
    for col in ("name", "role", "created", "state", "sessions", "tokens"):
        table.add_column(col)
    for u in users:
        state = "active" if u.active else f"disabled {u.disabled_at:%Y-%m-%d %H:%M}"
        created = f"{u.created_at:%Y-%m-%d}" if u.created_at else ""
        n_tokens = sum(1 for tk in tokens if tk.user == u.name)
        table.add_row(u.name, u.role, created, state, str(sessions.get(u.name, 0)), str(n_tokens))
    out.print(table)


def _change(done: str, fn: Callable[[AccountStore, str], object], db: str | None) -> None:
    with opened(db) as (store, settings):
        try:
            fn(AccountStore(store), settings.actor)
        except accounts.AccountError as exc:
            raise CliError(str(exc)) from None
    out.print(done, markup=False, highlight=False)


@user_app.command("disable")
def user_disable(name: NameArg, db: DbOption = None) -> None:
    """Disable a user: their sessions end and their API tokens are deleted at once."""
    _change(
        f"user {name} disabled; sessions ended, tokens revoked",
        lambda acc, by: accounts.set_disabled(acc, name, True, by, now()),
        db,
    )


@user_app.command("enable")
def user_enable(name: NameArg, db: DbOption = None) -> None:
    """Enable a disabled user again (old sessions and tokens stay ended)."""
    _change(
        f"user {name} enabled",
        lambda acc, by: accounts.set_disabled(acc, name, False, by, now()),
        db,
    )


@user_app.command("reset-password")
def user_reset_password(
    name: NameArg, password: PasswordOption = None, db: DbOption = None
) -> None:
    """Give a user a new password; their sessions end."""
    secret = _password(password)
    _change(
        f"password of {name} reset; sessions ended",
        lambda acc, by: accounts.reset_password(acc, name, secret, by, now()),
        db,
    )


@token_app.command("add")
def token_add(
    name: Annotated[str, typer.Argument(help="The user the token acts for.")],
    label: Annotated[str, typer.Option(help="What the token is for.")] = "script",
    expires_days: Annotated[
        int, typer.Option(help="Days the token is valid (1 to 3650).")
    ] = accounts.TOKEN_DAYS,
    db: DbOption = None,
) -> None:
    """Create an API token (shown once) for scripts acting as a user."""
    with opened(db) as (store, settings):
        acc = AccountStore(store)
        user = acc.user(name)
        if user is None:
            raise CliError(f"no user {name!r}")
        try:
            token = accounts.new_api_token(acc, user, label, now(), expires_days, settings.actor)
        except accounts.AccountError as exc:
            raise CliError(str(exc)) from None
    out.print(token, markup=False, highlight=False)


@token_app.command("list")
def token_list(
    user: Annotated[str | None, typer.Option(help="Only this user's tokens.")] = None,
    db: DbOption = None,
) -> None:
    """List API tokens (their ids, never the tokens): user, label, made, expires."""
    with opened(db) as (store, _):
        tokens = AccountStore(store).tokens(user)
    at = now()
    table = Table()
    for col in ("id", "user", "label", "created", "expires"):
        table.add_column(col)
    for tk in tokens:
        expires = f"{tk.expires_at:%Y-%m-%d}" + (" (expired)" if tk.expires_at <= at else "")
        table.add_row(tk.id, tk.user, tk.label, f"{tk.created_at:%Y-%m-%d}", expires)
    out.print(table)


@token_app.command("revoke")
def token_revoke(
    token_id: Annotated[str, typer.Argument(help="The token's id, as `token list` shows it.")],
    db: DbOption = None,
) -> None:
    """Revoke an API token at once."""
    _change(
        f"token {token_id} revoked",
        lambda acc, by: accounts.revoke_token(acc, token_id, by, now()),
        db,
    )
