"""`prisonwatch`: the command line of the ledger.

Each command parses its arguments, calls one service and formats the answer; the commands live
in the `*_cmds` modules, which register themselves on the shared typer app.
"""

from __future__ import annotations

import sys

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

    Usage errors are typer's own (exit status 2); bad input is ours (2); a database that
    cannot be used is 1.
    """
    try:
        app()
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
