"""The audit trail as a hash chain: every entry carries the hash of the one before it.

An entry's hash is the SHA-256 of its canonical content (`canonical`): its id, time, actor,
action, record kind and id, the record before and after, and the previous entry's hash. So an
entry changed, removed or slipped in behind the application's back breaks the chain at that
point, and `verify` names the first entry where it breaks. The table `audit_head` holds the
newest entry's id and hash and the number of entries, so that removing entries from the end is
noticed too. Rewriting the whole chain from some entry on, hashes and head included, is only
caught against a checkpoint published earlier (`checkpoint`, `verify(..., checkpoint=...)`).

Appends are serialised on the head row: the first statement of an append writes to it, which on
PostgreSQL locks the row until the transaction ends and on SQLite takes the database's write
lock, so the head read next is the one this append extends, whatever other writers do.
"""

from __future__ import annotations

import hashlib
import json
import json.encoder
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Connection,
    DateTime,
    Integer,
    Text,
    bindparam,
    cast,
    column,
    func,
    insert,
    select,
    table,
    update,
)

from prisonwatch.storage import tables as t
from prisonwatch.storage.port import AuditEntry

GENESIS = "0" * 64
_VERIFY_BATCH = 5000
_string = json.encoder.encode_basestring  # a JSON string, as json.dumps(ensure_ascii=False)

# The audit table as text: records before and after are written and read as the exact JSON
# text that was hashed.
_RAW = table(
    "audit",
    column("id", Integer),
    column("at", DateTime),
    column("actor", Text),
    column("action", Text),
    column("record_kind", Text),
    column("record_id", Text),
    column("before", Text),
    column("after", Text),
    column("prev_hash", Text),
    column("hash", Text),
)


@dataclass(frozen=True, slots=True)
class Entry:
    """One change to append: who did what to which record, with the record before and after."""

    at: datetime
    actor: str
    action: str
    kind: str
    record_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class Head:
    """The newest entry: its id, its hash, and how many entries the chain holds."""

    last_id: int
    hash: str
    entries: int


@dataclass(frozen=True, slots=True)
class Break:
    """Where the chain stops holding: the first entry that does not check, and why."""

    entry_id: int | None
    reason: str


@dataclass(frozen=True, slots=True)
class Verdict:
    checked: int
    head: Head
    broken: Break | None

    @property
    def ok(self) -> bool:
        return self.broken is None


def canonical_json(value: Any) -> str | None:
    """A record as stored in the chain: JSON with sorted keys, no spaces, UTF-8 as is.

    The audit table stores exactly this text, so that `verify` hashes what it reads without
    parsing it and writing it again.
    """
    if value is None:
        return None
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _assemble(
    entry_id: int,
    at: str,
    actor: str,
    action: str,
    kind: str,
    record_id: str,
    before: str | None,
    after: str | None,
    prev_hash: str,
) -> bytes:
    """`canonical` from the parts as text: the same bytes as `json.dumps` of the whole object
    with sorted keys (action, actor, after, at, before, id, kind, prev, record_id)."""
    s = _string
    text = (
        f'{{"action":{s(action)},"actor":{s(actor)},"after":{after or "null"},"at":{s(at)},'
        f'"before":{before or "null"},"id":{entry_id},"kind":{s(kind)},"prev":{s(prev_hash)},'
        f'"record_id":{s(record_id)}}}'
    )
    return text.encode("utf-8")


def canonical(
    entry_id: int,
    at: datetime,
    actor: str,
    action: str,
    kind: str,
    record_id: str,
    before: Any,
    after: Any,
    prev_hash: str,
) -> bytes:
    """The bytes an entry's hash is taken over: the JSON object {id, at, actor, action, kind,
    record_id, before, after, prev} with sorted keys, no spaces, UTF-8; `at` in ISO 8601."""
    return _assemble(
        entry_id,
        at.isoformat(),
        actor,
        action,
        kind,
        record_id,
        canonical_json(before),
        canonical_json(after),
        prev_hash,
    )


def entry_hash(*content: Any) -> str:
    return hashlib.sha256(canonical(*content)).hexdigest()


def json_value(conn: Connection, name: str) -> Any:
    """A bound parameter of JSON text, stored as given (not serialised again)."""
    param = bindparam(name, type_=Text)
    return cast(param, JSON) if conn.dialect.name == "postgresql" else param


def _naive_utc(at: datetime) -> datetime:
    return at.astimezone(UTC).replace(tzinfo=None) if at.tzinfo else at


def _lock_head(conn: Connection) -> Head:
    """The head, held against other appends until this transaction ends."""
    conn.execute(
        update(t.audit_head).where(t.audit_head.c.id == 1).values(entries=t.audit_head.c.entries)
    )
    row = conn.execute(select(t.audit_head).where(t.audit_head.c.id == 1)).first()
    if row is None:  # a database whose migration did not create the head row
        conn.execute(insert(t.audit_head).values(id=1, last_id=0, hash=GENESIS, entries=0))
        return Head(0, GENESIS, 0)
    return Head(row.last_id, row.hash, row.entries)


def append(conn: Connection, entries: Sequence[Entry]) -> None:
    """Append entries to the chain inside the caller's transaction (written or rolled back
    with the change they record)."""
    if not entries:
        return
    head = _lock_head(conn)
    top = conn.execute(select(func.coalesce(func.max(t.audit.c.id), 0))).scalar_one()
    next_id, prev = max(head.last_id, int(top)) + 1, head.hash
    values = []
    for e in entries:
        at = _naive_utc(e.at)
        before, after = canonical_json(e.before), canonical_json(e.after)
        content = (next_id, at.isoformat(), e.actor, e.action, e.kind, e.record_id)
        digest = hashlib.sha256(_assemble(*content, before, after, prev)).hexdigest()
        values.append(
            {
                "id": next_id,
                "at": at,
                "actor": e.actor,
                "action": e.action,
                "record_kind": e.kind,
                "record_id": e.record_id,
                "j_before": before,
                "j_after": after,
                "prev_hash": prev,
                "hash": digest,
            }
        )
        next_id, prev = next_id + 1, digest
    stmt = insert(_RAW).values(
        before=json_value(conn, "j_before"), after=json_value(conn, "j_after")
    )
    conn.execute(stmt, values)
    conn.execute(
        update(t.audit_head)
        .where(t.audit_head.c.id == 1)
        .values(last_id=next_id - 1, hash=prev, entries=head.entries + len(values))
    )


def head(conn: Connection) -> Head:
    row = conn.execute(select(t.audit_head).where(t.audit_head.c.id == 1)).first()
    return Head(row.last_id, row.hash, row.entries) if row else Head(0, GENESIS, 0)


def _stream(conn: Connection) -> Iterator[Sequence[Any]]:
    """The chain in id order, a batch at a time (a server-side cursor on PostgreSQL)."""
    c = _RAW.c
    before, after = cast(c.before, Text).label("before"), cast(c.after, Text).label("after")
    cols = [c.id, c.at, c.actor, c.action, c.record_kind, c.record_id, before, after]
    stmt = select(*cols, c.prev_hash, c.hash).order_by(c.id)
    result = conn.execution_options(stream_results=True, yield_per=_VERIFY_BATCH).execute(stmt)
    yield from result.partitions()


def verify(conn: Connection, checkpoint: Head | None = None) -> Verdict:
    """Check every link of the chain, streaming it in id order, and the head against its end.

    An entry checks when it names the hash of the entry before it and its own hash is that of
    its content. With a checkpoint published earlier, the entry it names must also still have
    the hash and position it had then.
    """
    recorded = head(conn)
    prev_id: int | None = None
    prev, count = GENESIS, 0
    watch = checkpoint.last_id if checkpoint is not None else None
    seen_checkpoint = checkpoint is None or checkpoint.entries == 0
    sha256, assemble = hashlib.sha256, _assemble
    for part in _stream(conn):
        for row in part:
            rid, at, actor, action, kind, record_id, before, after, prev_hash, digest = row
            content = assemble(
                rid, at.isoformat(), actor, action, kind, record_id, before, after, prev
            )
            if prev_hash != prev:
                return Verdict(count, recorded, _unlinked(row, prev_id))
            if sha256(content).hexdigest() != digest:
                return Verdict(count, recorded, _changed(row))
            prev_id, prev, count = rid, digest, count + 1
            if rid == watch:
                assert checkpoint is not None
                if digest != checkpoint.hash or count != checkpoint.entries:
                    why = f"entry {rid} no longer has the hash and position of the checkpoint"
                    return Verdict(count, recorded, Break(rid, why + ": the chain was rewritten"))
                seen_checkpoint = True
    end = Head(prev_id or 0, prev, count)
    if end != recorded:
        return Verdict(count, recorded, _head_break(end, recorded))
    if not seen_checkpoint:
        assert checkpoint is not None
        why = f"entry {checkpoint.last_id} of the checkpoint is missing: the chain was cut"
        return Verdict(count, recorded, Break(checkpoint.last_id, why))
    return Verdict(count, recorded, None)


def _what(row: Sequence[Any]) -> str:
    rid, at, actor, action, kind, record_id = row[:6]
    return f"entry {rid} ({at:%Y-%m-%d %H:%M:%S} {actor} {action} {kind} {record_id})"


def _unlinked(row: Sequence[Any], prev_id: int | None) -> Break:
    after = f"entry {prev_id}" if prev_id is not None else "the start of the chain"
    why = f"does not follow {after}: an entry between them was removed, or this one was inserted"
    return Break(row[0], f"{_what(row)} {why}")


def _changed(row: Sequence[Any]) -> Break:
    why = "does not match its hash: it was changed after it was written, or forged"
    return Break(row[0], f"{_what(row)} {why}")


def _head_break(end: Head, recorded: Head) -> Break:
    if end.entries < recorded.entries:
        why = (
            f"the chain ends at entry {end.last_id} with {end.entries} entries, but the head "
            f"records entry {recorded.last_id} and {recorded.entries}: entries at the end "
            "were removed"
        )
        return Break(recorded.last_id, why)
    why = (
        f"the chain ends at entry {end.last_id} with {end.entries} entries, but the head records "
        f"entry {recorded.last_id} and {recorded.entries}: entries were added behind the "
        "application's back"
    )
    return Break(end.last_id, why)


@dataclass(frozen=True, slots=True)
class Filter:
    """Which entries to list: by actor, record kind, record id, from a time on, older than an id."""

    actor: str | None = None
    kind: str | None = None
    record_id: str | None = None
    since: datetime | None = None
    before_id: int | None = None
    limit: int = 100


def entries(conn: Connection, f: Filter) -> list[AuditEntry]:
    """The newest entries that pass the filter, newest first."""
    stmt = select(t.audit).order_by(t.audit.c.id.desc()).limit(f.limit)
    if f.actor is not None:
        stmt = stmt.where(t.audit.c.actor == f.actor)
    if f.kind is not None:
        stmt = stmt.where(t.audit.c.record_kind == f.kind)
    if f.record_id is not None:
        stmt = stmt.where(t.audit.c.record_id == f.record_id)
    if f.since is not None:
        stmt = stmt.where(t.audit.c.at >= f.since)
    if f.before_id is not None:
        stmt = stmt.where(t.audit.c.id < f.before_id)
    return [
        AuditEntry(r.id, r.at, r.actor, r.action, r.record_kind, r.record_id, r.before, r.after)
        for r in conn.execute(stmt)
    ]


@dataclass(frozen=True, slots=True)
class Change:
    """One audit entry as a change feed reads it: which record of which kind changed, and the
    person ids the record named before and after (an event's owner; a person's own id and the
    person it is merged into), so that derived state can re-fold just those persons."""

    id: int
    kind: str
    record_id: str
    persons: frozenset[str]


_PERSON_FIELDS = ("person_id", "merged_into")


def _persons_named(kind: str, record_id: str, *records: Any) -> frozenset[str]:
    out = {record_id} if kind == "person" else set()
    for r in records:
        if isinstance(r, str):
            r = json.loads(r)
        if isinstance(r, dict):
            out.update(str(r[f]) for f in _PERSON_FIELDS if r.get(f))
    return frozenset(out)


def changes(conn: Connection, after: int, upto: int, limit: int) -> list[Change] | None:
    """The entries with ids in `(after, upto]`, in order; None when there are more than
    `limit` (a bulk write is cheaper to take in by rebuilding than entry by entry). Entries are
    appended under the head lock, so ids are handed out in commit order and no entry at or
    below a version already seen can appear later."""
    c = _RAW.c
    n = conn.execute(
        select(func.count()).select_from(_RAW).where(c.id > after, c.id <= upto)
    ).scalar_one()
    if int(n) > limit:
        return None
    stmt = (
        select(c.id, c.record_kind, c.record_id, cast(c.before, Text), cast(c.after, Text))
        .where(c.id > after, c.id <= upto)
        .order_by(c.id)
    )
    return [
        Change(int(i), str(k), str(r), _persons_named(str(k), str(r), b, a))
        for i, k, r, b, a in conn.execute(stmt)
    ]
