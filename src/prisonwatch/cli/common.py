"""What every command shares: the typer app, consoles, options, errors, the database."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Annotated

import typer
from rich.console import Console

from prisonwatch.core.dates import DateError, parse_day
from prisonwatch.core.organisations import OrganisationFileError
from prisonwatch.services import organisation_names
from prisonwatch.services.settings import Settings
from prisonwatch.storage.sql import SqlStore

app = typer.Typer(
    help="prisonwatch: an honest, sourced ledger of political imprisonment.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
#: Wide enough for a table when the answer goes to a file or a pipe rather than a terminal.
PIPE_WIDTH = 200


def _width() -> int | None:
    """The terminal's width (rich reads it, or $COLUMNS); a fixed width for pipes and files."""
    if os.environ.get("COLUMNS") or sys.stdout.isatty():
        return None
    return PIPE_WIDTH


#: Answers at the terminal's width; tables fold their cells to fit it.
out = Console(soft_wrap=False, width=_width())
#: Errors stay on one line whatever the width, so scripts and readers see them whole.
err = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database: a SQLite file path or any SQLAlchemy URL "
        "(default: $PRISONWATCH_DB, else prisonwatch.db).",
    ),
]
#: The output formats a command offers. Each command's `--format` help is made from the same
#: tuple its `check_format` accepts, so the help never offers a format the command refuses
#: (`match --help` offered csv, which `match` did not write).
TABLE_JSON_CSV = ("table", "json", "csv")
TABLE_JSON = ("table", "json")
JSON_ONLY = ("json",)
EXPORT_FORMATS = ("json", "csv", "ftm")


def _formats_help(formats: tuple[str, ...]) -> str:
    if len(formats) == 1:
        return f"{formats[0]} (the only format)."
    return f"{', '.join(formats[:-1])} or {formats[-1]}."


FormatOption = Annotated[str, typer.Option("--format", help=_formats_help(TABLE_JSON_CSV))]
TableJsonFormat = Annotated[str, typer.Option("--format", help=_formats_help(TABLE_JSON))]
JsonFormat = Annotated[str, typer.Option("--format", help=_formats_help(JSON_ONLY))]
ExportFormat = Annotated[str, typer.Option("--format", help=_formats_help(EXPORT_FORMATS))]


class CliError(Exception):
    """Stop with a message on stderr and an exit status."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return parse_day(value)
    except DateError as exc:
        raise CliError(f"{option}: {exc}") from None


def check_format(value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise CliError(f"--format: unknown format {value!r} (expected {', '.join(allowed)})")
    return value


@contextmanager
def opened(db: str | None, migrate: bool = True) -> Iterator[tuple[SqlStore, Settings]]:
    settings = Settings.from_env(db=db)
    try:
        organisation_names.apply(settings.org_aliases)
    except OrganisationFileError as exc:
        raise CliError(str(exc)) from None
    store = SqlStore(settings.db_url)
    try:
        if migrate:
            store.migrate()
        yield store, settings
    finally:
        store.close()
