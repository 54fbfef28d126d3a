"""the name queue, passwords, sessions and demands' sources audited: entries for those held

`audit verify` now compares the name queue, password hashes, sessions and demands with the
chain (`audit_decisions`, `audit_accounts`), and these are chained when written: a name
queued (`queue`), a password set (`password`, by the sha256 of its hash), a session started and
ended (`session`), a demand's sources (in its `insert` entry). What a store already held when
none of this was chained gets its entry here, by "migration 0013", so that a store that
verified before still verifies: each queued name no entry names, each user's password, each
session, and the sources of each demand whose entry holds none. Nothing else changes;
downgrading leaves the entries (the chain is append-only).

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

from prisonwatch.storage import audit, rows
from prisonwatch.storage import tables as t
from prisonwatch.storage.accounts import password_digest, session_record, token_id

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = ("0004", "0008")  # the audit chain and the demands tables

ACTOR = "migration 0013"


def _recorded(conn: sa.Connection, kind: str) -> set[str]:
    a = t.audit.c
    return set(conn.execute(sa.select(a.record_id).where(a.record_kind == kind)).scalars())


def _entry(at: datetime, action: str, kind: str, rid: str, after: dict[str, Any]) -> audit.Entry:
    return audit.Entry(at, ACTOR, action, kind, rid, None, rows.jsonable(after))


def _queue(conn: sa.Connection, at: datetime) -> list[audit.Entry]:
    known = _recorded(conn, "name")
    q = t.name_queue.c
    columns = [q.id, q.claim_id, q.name, q.candidates, q.status, q.person_id, q.recorded_at]
    return [
        _entry(at, "queue", "name", str(r["id"]), dict(r))
        for r in conn.execute(sa.select(*columns).order_by(q.id)).mappings()
        if str(r["id"]) not in known
    ]


def _passwords(conn: sa.Connection, at: datetime) -> list[audit.Entry]:
    known = _recorded(conn, "password")
    u = t.users.c
    return [
        _entry(at, "set", "password", name, {"sha256": password_digest(password_hash)})
        for name, password_hash in conn.execute(sa.select(u.name, u.password_hash).order_by(u.name))
        if name not in known
    ]


def _sessions(conn: sa.Connection, at: datetime) -> list[audit.Entry]:
    known = _recorded(conn, "session")
    s, u = t.sessions.c, t.users.c
    stmt = (
        sa.select(s.token_hash, u.name, s.created_at, s.expires_at)
        .join_from(t.sessions, t.users, s.user_id == u.id)
        .order_by(s.token_hash)
    )
    return [
        _entry(at, "login", "session", token_id(h), session_record(name, h, made, ends))
        for h, name, made, ends in conn.execute(stmt)
        if token_id(h) not in known
    ]


def _demand_sources(conn: sa.Connection, at: datetime) -> list[audit.Entry]:
    a = t.audit.c
    holding = {
        rid
        for rid, after in conn.execute(
            sa.select(a.record_id, sa.cast(a.after, sa.Text)).where(
                a.record_kind == "demand", a.action.in_(("insert", "sources"))
            )
        )
        if after and '"source_ids":' in after
    }
    rs = t.record_sources.c
    links: dict[str, list[str]] = {}
    for rid, sid in conn.execute(
        sa.select(rs.record_id, rs.source_id)
        .where(rs.record_kind == "demand")
        .order_by(rs.record_id, rs.position)
    ):
        links.setdefault(rid, []).append(sid)
    ids = conn.execute(sa.select(t.demands.c.id).order_by(t.demands.c.id)).scalars()
    return [
        _entry(at, "sources", "demand", did, {"source_ids": links.get(did, [])})
        for did in ids
        if did not in holding
    ]


def upgrade() -> None:
    conn = op.get_bind()
    at = datetime.now(UTC).replace(tzinfo=None)
    entries = _queue(conn, at) + _passwords(conn, at) + _sessions(conn, at)
    audit.append(conn, entries + _demand_sources(conn, at))


def downgrade() -> None:
    pass
