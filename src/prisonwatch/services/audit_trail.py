"""The audit trail for people: check the chain, publish its head, list what was done.

A checkpoint is the head of the chain (newest entry id, its hash, the number of entries) at
some moment. Published (sent to a colleague, posted, timestamped by a third party) it proves
later that the trail up to that entry has not been rewritten since: `verify` with the
checkpoint fails if the entry it names no longer carries the same hash.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from prisonwatch.services import audit_workers
from prisonwatch.storage import audit
from prisonwatch.storage.port import AuditEntry
from prisonwatch.storage.sql import SqlStore

CHECKPOINT_FORMAT = "prisonwatch-audit-checkpoint/1"


class CheckpointError(ValueError):
    """A checkpoint file that cannot be read; the message names the file and the reason."""


def verify(
    store: SqlStore, checkpoint: audit.Head | None = None, workers: int | None = None
) -> audit.Verdict:
    """The verdict on the whole chain and on the records it vouches for
    (`storage.audit_records`: each record as the chain last recorded it); an entry whose time
    cannot even be read (a value written in SQL that is no time) is a broken chain too, not a
    crash. The records are compared in `workers` processes beside the chain (by default one
    per core for a long chain, `audit_workers`); 0 compares them here, after the chain."""
    recorded = head(store)
    records = audit_workers.RecordCheck(
        store, audit_workers.how_many(store, recorded.entries, workers)
    )
    try:
        try:
            verdict: audit.Verdict = store._read(lambda conn: audit.verify(conn, checkpoint))
        except (ValueError, TypeError) as exc:
            broken = audit.Break(None, f"an entry cannot be read ({exc}): it was written in SQL")
            return audit.Verdict(0, recorded, broken)
        if not verdict.ok:
            return verdict
        # an intact chain proves nothing about records changed beside it: compare them with it
        try:
            differs = records.result()
        except (ValueError, TypeError, KeyError) as exc:
            differs = audit.Break(None, f"a record cannot be read ({exc}): it was written in SQL")
    finally:
        records.close()
    return verdict if differs is None else audit.Verdict(verdict.checked, verdict.head, differs)


def head(store: SqlStore) -> audit.Head:
    found: audit.Head = store._read(audit.head)
    return found


def checkpoint_text(h: audit.Head, at: datetime) -> str:
    """The checkpoint as a small JSON document, to publish or timestamp."""
    data = {"format": CHECKPOINT_FORMAT, "at": at.isoformat(timespec="seconds"), **asdict(h)}
    return json.dumps(data, indent=2) + "\n"


def read_checkpoint(name: str, text: str) -> audit.Head:
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CheckpointError(f"{name}:{exc.lineno}: not JSON: {exc.msg}") from None
    if not isinstance(data, dict) or data.get("format") != CHECKPOINT_FORMAT:
        raise CheckpointError(f"{name}: not a checkpoint (format {CHECKPOINT_FORMAT!r})")
    last_id, digest, entries = data.get("last_id"), data.get("hash"), data.get("entries")
    if not isinstance(last_id, int) or not isinstance(entries, int) or last_id < 0:
        raise CheckpointError(f"{name}: last_id and entries: expected whole numbers")
    if not isinstance(digest, str) or len(digest) != 64:
        raise CheckpointError(f"{name}: hash: expected 64 hexadecimal characters")
    return audit.Head(last_id, digest, entries)


def log(store: SqlStore, f: audit.Filter) -> list[AuditEntry]:
    def q(conn: Connection) -> list[AuditEntry]:
        return audit.entries(conn, f)

    found: list[AuditEntry] = store._read(q)
    return found
