"""audit chain, disabled users, token expiry

Chains the audit entries already written (each gets the hash of the one before and of its own
content, in id order, and its records are rewritten as canonical JSON text) so that an existing
database verifies; adds `audit_head`; users can be
disabled; API tokens expire (tokens made before expire 90 days after they were made).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from alembic import op

from prisonwatch.storage.audit import GENESIS, canonical_json, entry_hash, json_value

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_PAGE = 5000
_TOKEN_DAYS = 90

_audit = sa.table(
    "audit",
    sa.column("id", sa.Integer),
    sa.column("at", sa.DateTime),
    sa.column("actor", sa.Text),
    sa.column("action", sa.String),
    sa.column("record_kind", sa.String),
    sa.column("record_id", sa.String),
    sa.column("before", sa.JSON),
    sa.column("after", sa.JSON),
    sa.column("prev_hash", sa.String),
    sa.column("hash", sa.String),
)
_audit_text = sa.table(
    "audit",
    sa.column("id", sa.Integer),
    sa.column("before", sa.Text),
    sa.column("after", sa.Text),
    sa.column("prev_hash", sa.String),
    sa.column("hash", sa.String),
)
_head = sa.table(
    "audit_head",
    sa.column("id", sa.Integer),
    sa.column("last_id", sa.Integer),
    sa.column("hash", sa.String),
    sa.column("entries", sa.Integer),
)
_tokens = sa.table(
    "api_tokens",
    sa.column("token_hash", sa.String),
    sa.column("created_at", sa.DateTime),
    sa.column("expires_at", sa.DateTime),
)


def _chain_existing(conn: sa.Connection) -> tuple[int, str, int]:
    prev, count, last = GENESIS, 0, 0
    while True:
        page = list(
            conn.execute(
                sa.select(_audit).where(_audit.c.id > last).order_by(_audit.c.id).limit(_PAGE)
            )
        )
        if not page:
            return last, prev, count
        changes = []
        for r in page:
            content = (r.id, r.at, r.actor, r.action, r.record_kind, r.record_id)
            digest = entry_hash(*content, r.before, r.after, prev)
            before, after = canonical_json(r.before), canonical_json(r.after)
            changes.append({"rid": r.id, "p": prev, "h": digest, "jb": before, "ja": after})
            prev, count, last = digest, count + 1, r.id
        conn.execute(
            sa.update(_audit_text)
            .where(_audit_text.c.id == sa.bindparam("rid"))
            .values(
                prev_hash=sa.bindparam("p"),
                hash=sa.bindparam("h"),
                before=json_value(conn, "jb"),
                after=json_value(conn, "ja"),
            ),
            changes,
        )


def upgrade() -> None:
    conn = op.get_bind()
    with op.batch_alter_table("audit") as batch:
        batch.add_column(sa.Column("prev_hash", sa.String(64), nullable=True))
        batch.add_column(sa.Column("hash", sa.String(64), nullable=True))
    last, digest, count = _chain_existing(conn)
    with op.batch_alter_table("audit") as batch:
        batch.alter_column("prev_hash", existing_type=sa.String(64), nullable=False)
        batch.alter_column("hash", existing_type=sa.String(64), nullable=False)
    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last_id", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("entries", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_head")),
    )
    conn.execute(sa.insert(_head).values(id=1, last_id=last, hash=digest, entries=count))

    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("disabled_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("api_tokens") as batch:
        batch.add_column(sa.Column("expires_at", sa.DateTime(), nullable=True))
    for token, made in conn.execute(sa.select(_tokens.c.token_hash, _tokens.c.created_at)).all():
        conn.execute(
            sa.update(_tokens)
            .where(_tokens.c.token_hash == token)
            .values(expires_at=made + timedelta(days=_TOKEN_DAYS))
        )
    with op.batch_alter_table("api_tokens") as batch:
        batch.alter_column("expires_at", existing_type=sa.DateTime(), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("api_tokens") as batch:
        batch.drop_column("expires_at")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("disabled_at")
    op.drop_table("audit_head")
    with op.batch_alter_table("audit") as batch:
        batch.drop_column("hash")
        batch.drop_column("prev_hash")
