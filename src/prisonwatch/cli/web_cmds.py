"""Commands of the web app: serve, user, token."""

from __future__ import annotations

import os
from typing import Annotated

import typer

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
    out.print(f"serving {db_url} at http://{host}:{port}/ with {workers} worker(s) (Ctrl-C stops)")
    if workers == 1:
        uvicorn.run(
            create_app(WebSettings.from_env(db_url)), host=host, port=port, log_level="warning"
        )
        return
    # worker processes build their own app from the environment, after the fork
    os.environ["PRISONWATCH_DB"] = db_url
    with opened(db_url):
        pass  # bring the schema up to date once, before the workers start
    uvicorn.run(
        "prisonwatch.web.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
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


@user_app.command("add")
def user_add(
    name: Annotated[str, typer.Argument(help="The user's login name.")],
    role: Annotated[str, typer.Option(help="analyst or admin.")] = "analyst",
    password: Annotated[
        str | None, typer.Option(help="The password (else asked, or $PRISONWATCH_PASSWORD).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Create a user who can log in to the web app."""
    secret = _password(password)
    with opened(db) as (store, _):
        try:
            accounts.add_user(AccountStore(store), name, role, secret, now())
        except accounts.AccountError as exc:
            raise CliError(str(exc)) from None
    out.print(f"user {name} ({role}) created")


@token_app.command("add")
def token_add(
    name: Annotated[str, typer.Argument(help="The user the token acts for.")],
    label: Annotated[str, typer.Option(help="What the token is for.")] = "script",
    db: DbOption = None,
) -> None:
    """Create an API token (shown once) for scripts acting as a user."""
    with opened(db) as (store, _):
        acc = AccountStore(store)
        user = acc.user(name)
        if user is None:
            raise CliError(f"no user {name!r}")
        token = accounts.new_api_token(acc, user, label, now())
    out.print(token)
