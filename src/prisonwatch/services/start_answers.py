"""Answers saved when a server stops, served at its next start while the ledger loads.

Loading the derived ledger at 100,000 persons and 1,000,000 events takes tens of seconds even
from a snapshot (`services/snapshot.py`: unpickling a million events), so a server that has
just started would keep its first visitors waiting. A server with a snapshot file therefore
also remembers the last answers it gave to the most asked requests (the statistics), each as
the exact bytes it sent, and writes them beside the snapshot when it stops. At the next start
such an answer is sent again, at once, while the ledger loads in the background, but only
while the store is exactly as it was when the answers were saved:

- the same code: a hash of every module of the package (any change to how an answer is
  computed or shown makes the file useless, never wrong);
- the same audit chain and head: the store's last audit entry is the saved one, with the same
  chain hash, asked again before every answer sent from the file. A single write since, of any
  kind (a protection change above all), and the file is never used again by this process;
- the same rows: a fingerprint of the store, the number of rows of every table an answer is
  made from and each person's id and protection (a write that bypassed the audit log, such as
  a bulk load or a hand-made UPDATE of a protection, changes it);
- the same month: live public figures read month-precise (protected) persons' records as
  known at the end of the month before the server's day (`services.known`, `View.through`),
  so on the 1st of a month they take in the month just ended with no write at all. Answers
  are saved with the month they were made for (the first day of the server's month,
  `Ledger.public_month`) and are sent only in that month: a start after the month turned
  never sends last month's answers.

Answers are kept per viewer class (public or analyst), so a public request is only ever sent
an answer made for the public (through the public projection of the time). The file is JSON
(strings only, nothing is run when it is read), written whole to a file beside it and renamed.
Anything else (no file, unreadable, another format, code, chain or store) is ignored with a
log line: requests are then answered by computing, as without the file.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from prisonwatch.core.organisations import organisations
from prisonwatch.services.snapshot import audit_hash
from prisonwatch.storage import tables as t
from prisonwatch.storage.sql import SqlStore

log = logging.getLogger("prisonwatch.snapshot")

FORMAT = 2
"""The layout of an answers file; raised when it changes."""

MAX_ANSWERS = 64
"""Answers a server keeps for the next start (the most recently computed)."""

COUNTED = (
    t.sources,
    t.persons,
    t.person_names,
    t.events,
    t.deals,
    t.concessions,
    t.observations,
    t.record_sources,
    t.revisions,
    t.revised_names,
    t.clearances,
    t.public_ids,
    t.audit,
)
"""Tables whose row counts are part of the store's fingerprint."""


def path_for(snapshot: Path) -> Path:
    """Where the answers of a server with this snapshot file are kept."""
    return snapshot.with_name(snapshot.name + ".answers.json")


def code_stamp() -> str:
    """A hash of the source of every module of the package (answers are made by the web
    layer, the services and the core together) and of the organisation identities in use (a
    user's aliases file can change them between runs)."""
    return f"{_source_stamp()}-{organisations().fingerprint()[:16]}"


@cache
def _source_stamp() -> str:
    digest = hashlib.sha256(f"{FORMAT}".encode())
    root = Path(str(resources.files("prisonwatch")))
    for path in sorted(root.rglob("*.py")):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def fingerprint(store: SqlStore) -> str:
    """The row count of every table answers are made from, and every person's id and stored
    protection: what a write outside the audit log would change."""

    def q(conn: Any) -> str:
        digest = hashlib.sha256()
        for table in COUNTED:
            n = conn.execute(select(func.count()).select_from(table)).scalar_one()
            digest.update(f"{table.name}={n};".encode())
        rows = conn.execute(select(t.persons.c.id, t.persons.c.protection).order_by(t.persons.c.id))
        for pid, protection in rows:
            digest.update(f"{pid}\x1f{protection}\x1e".encode())
        return digest.hexdigest()

    found: str = store._read(q)
    return found


def head(store: SqlStore) -> int:
    """The store's last audit entry (0 when the log is empty)."""

    def q(conn: Any) -> int:
        return int(conn.execute(select(func.coalesce(func.max(t.audit.c.id), 0))).scalar_one())

    found: int = store._read(q)
    return found


ANSWER_NEUTRAL = ("session", "password", "login_attempt")
"""Audit entries no saved answer depends on: logins, logouts and ended sessions, passwords
set, failed login attempts. They are chained (`audit verify` compares sessions, password
hashes and failures with them), so every login moves the log's head; the answers of a store
logged into since are still its answers."""


def answer_head(store: SqlStore) -> int:
    """The store's last audit entry that can change an answer (0 when there is none)."""

    def q(conn: Any) -> int:
        last = select(func.coalesce(func.max(t.audit.c.id), 0)).where(
            t.audit.c.record_kind.not_in(ANSWER_NEUTRAL)
        )
        return int(conn.execute(last).scalar_one())

    found: int = store._read(q)
    return found


@dataclass(frozen=True, slots=True)
class Saved:
    """Answers (request key to the bytes sent, as text) the store gave at audit entry
    `version` in the month beginning on `month`."""

    version: int
    month: date
    answers: dict[str, str] = field(default_factory=dict)


def save(path: Path, store: SqlStore, version: int, answers: dict[str, str], month: date) -> bool:
    """Write `answers`, made at audit entry `version` for the month beginning on `month`,
    when the store is still at that entry, but for entries that change no answer
    (`ANSWER_NEUTRAL`: a login since); else nothing: they are already out of date. True when
    written."""
    if not answers or answer_head(store) > version:
        return False
    chain = audit_hash(store, version)
    rows = fingerprint(store)
    if chain is None or answer_head(store) > version:
        return False  # a write came meanwhile: the fingerprint may be of a later store
    body = {
        "format": FORMAT,
        "code": code_stamp(),
        "version": version,
        "month": month.isoformat(),
        "head_hash": chain,
        "fingerprint": rows,
        "answers": answers,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(body, f, ensure_ascii=False)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def load(path: Path, store: SqlStore, month: date) -> Saved | None:
    """The saved answers when the file is whole, made by this code, for the month beginning
    on `month` (the server's now), at the store's current audit head, from a store with the
    same rows; else None, with the reason in the log."""
    if not path.exists():
        return None
    try:
        body = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        log.warning("saved answers %s ignored: unreadable (%s)", path, exc)
        return None
    answers = body.get("answers") if isinstance(body, dict) else None
    if (
        not isinstance(body, dict)
        or body.get("format") != FORMAT
        or not isinstance(body.get("version"), int)
        or not isinstance(body.get("head_hash"), str)
        or not isinstance(answers, dict)
        or not all(isinstance(k, str) and isinstance(v, str) for k, v in answers.items())
    ):
        log.warning("saved answers %s ignored: not a file of this format", path)
        return None
    if body.get("code") != code_stamp():
        log.warning("saved answers %s ignored: made by other code", path)
        return None
    if body.get("month") != month.isoformat():
        log.warning(
            "saved answers %s ignored: made for another month (%s), and the public figures "
            "of this month take in the protected persons' records of the last",
            path,
            str(body.get("month"))[:10],
        )
        return None
    version: int = body["version"]
    if answer_head(store) > version or audit_hash(store, version) != body["head_hash"]:
        log.warning(
            "saved answers %s ignored: the store's audit log is not at entry %d as saved "
            "(written to since, another or a rewritten store)",
            path,
            version,
        )
        return None
    if fingerprint(store) != body.get("fingerprint"):
        log.warning(
            "saved answers %s ignored: the store's rows differ from those they were made "
            "from (a change outside the audit log)",
            path,
        )
        return None
    return Saved(version, month, answers)
