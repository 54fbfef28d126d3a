"""`prisonwatch`: the command line of the ledger.

Each command parses its arguments, calls one service and formats the answer; the commands live
in the `*_cmds` modules, which register themselves on the shared typer app.
"""

from __future__ import annotations

import sys

import typer

from prisonwatch.cli import (  # noqa: F401  (each module registers its commands)
    audit_cmds,
    demand_cmds,
    edit_cmds,
    extract_cmds,
    ledger_cmds,
    review_cmds,
    web_cmds,
)
from prisonwatch.cli.common import CliError, app, err
from prisonwatch.storage.port import StorageError


def main() -> None:
    """Entry point: every failure becomes one clear line and a non-zero exit, never a traceback.

    Usage errors (an unknown option, a missing one, a value of the wrong type) are one line
    naming the command and the option, with where to find help (exit status 2), not typer's
    box, whose message wraps over several lines; bad input is ours (2); a database that
    cannot be used is 1.
    """
    try:
        code = app(standalone_mode=False)
    except typer.Abort:
        sys.exit(130)
    except typer.TyperException as exc:  # typer's click: a usage error, a bad parameter
        _usage_error(exc)
    except CliError as exc:
        err.print(f"error: {exc}", markup=False, highlight=False)
        sys.exit(exc.code)
    except StorageError as exc:
        err.print(f"error: {exc}", markup=False, highlight=False)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # a bug: one line, never a traceback (bad input never gets here)
        first = (str(exc).splitlines() or [""])[0][:300]
        err.print(
            f"error: unexpected failure: {type(exc).__name__}: {first}",
            markup=False,
            highlight=False,
        )
        sys.exit(1)
    if isinstance(code, int) and code:
        sys.exit(code)


def _usage_error(exc: typer.TyperException) -> None:
    """A usage error as one line: the command, what is wrong, where to find help."""
    ctx = getattr(exc, "ctx", None)
    where = getattr(ctx, "command_path", None) or "prisonwatch"
    message = getattr(exc, "format_message", None)
    said = " ".join((message() if callable(message) else str(exc)).split())
    err.print(f"error: {where}: {said} (see `{where} --help`)", markup=False, highlight=False)
    code = getattr(exc, "exit_code", 2)
    sys.exit(code if isinstance(code, int) and code else 2)
