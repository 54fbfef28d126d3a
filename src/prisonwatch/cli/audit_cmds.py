"""Commands of the audit trail: verify, checkpoint, log."""

from __future__ import annotations

import json
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from prisonwatch.cli.common import (
    TABLE_JSON,
    CliError,
    DbOption,
    TableJsonFormat,
    app,
    check_format,
    now,
    opened,
    out,
)
from prisonwatch.services import audit_trail
from prisonwatch.storage import audit

audit_app = typer.Typer(help="The audit trail, a hash chain of every change.", no_args_is_help=True)
app.add_typer(audit_app, name="audit")


def _since(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        at = datetime.fromisoformat(value)
    except ValueError:
        raise CliError(
            f"--since: expected a date or time like 2026-11-30 or 2026-11-30T12:00, not {value!r}"
        ) from None
    return at.replace(tzinfo=None) if at.tzinfo is None else at.astimezone().replace(tzinfo=None)


@audit_app.command("verify")
def audit_verify(
    checkpoint: Annotated[
        Path | None,
        typer.Option(
            help="A checkpoint written earlier by `audit checkpoint --out`: "
            "its entry must still be in the chain, unchanged."
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Check every entry of the audit chain; name the first broken one (exit status 2)."""
    expected = None
    if checkpoint is not None:
        try:
            expected = audit_trail.read_checkpoint(
                str(checkpoint), checkpoint.read_text(encoding="utf-8")
            )
        except (OSError, UnicodeDecodeError) as exc:
            raise CliError(f"{checkpoint}: cannot read: {exc}") from None
        except audit_trail.CheckpointError as exc:
            raise CliError(str(exc)) from None
    with opened(db) as (store, _):
        started = time.perf_counter()
        verdict = audit_trail.verify(store, expected)
        took = time.perf_counter() - started
    if verdict.broken is not None:
        raise CliError(
            f"audit chain broken: {verdict.broken.reason} "
            f"(the {verdict.checked} entries before it are intact)"
        )
    h = verdict.head
    out.print(
        f"audit chain intact: {verdict.checked} entries, head {h.hash} (entry {h.last_id}), "
        f"checked in {took:.1f} s",
        highlight=False,
    )


@audit_app.command("checkpoint")
def audit_checkpoint(
    out_file: Annotated[
        Path | None,
        typer.Option(
            "--out", help="Also write the checkpoint to this file (JSON), to publish or timestamp."
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Print the head of the audit chain: the newest entry's hash and the number of entries."""
    with opened(db) as (store, _):
        h = audit_trail.head(store)
    text = audit_trail.checkpoint_text(h, now())
    if out_file is not None:
        try:
            out_file.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise CliError(f"{out_file}: cannot write: {exc}") from None
    out.print(f"head {h.hash}\nentry {h.last_id}\nentries {h.entries}", highlight=False)


@audit_app.command("log")
def audit_log(
    actor: Annotated[str | None, typer.Option(help="Only entries by this actor.")] = None,
    kind: Annotated[
        str | None,
        typer.Option(help="Only entries on this kind of record (claim, event, user, token...)."),
    ] = None,
    record: Annotated[
        str | None, typer.Option(help="Only entries on the record with this id.")
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="Only entries from this date or time on (ISO 8601, UTC).")
    ] = None,
    limit: Annotated[
        int, typer.Option(min=1, max=100_000, help="At most this many entries, newest first.")
    ] = 50,
    format: TableJsonFormat = "table",
    db: DbOption = None,
) -> None:
    """List audit entries, newest first, with filters."""
    fmt = check_format(format, TABLE_JSON)
    f = audit.Filter(actor, kind, record, _since(since), None, limit)
    with opened(db) as (store, _):
        found = audit_trail.log(store, f)
    if fmt == "json":
        data = [
            {
                "id": e.id,
                "at": e.at.isoformat(),
                "actor": e.actor,
                "action": e.action,
                "kind": e.record_kind,
                "record_id": e.record_id,
                "before": e.before,
                "after": e.after,
            }
            for e in found
        ]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    table = Table()
    for col in ("id", "at", "actor", "action", "kind", "record"):
        table.add_column(col)
    for e in found:
        table.add_row(
            str(e.id), f"{e.at:%Y-%m-%d %H:%M:%S}", e.actor, e.action, e.record_kind, e.record_id
        )
    out.print(table)
