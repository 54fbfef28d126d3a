"""public ids given are audited: an entry for each public id stored before they were

Public ids (withheld persons' pseudonyms, their events' ids, the key of record ids) are now
written to the audit chain when given (`sql.public_id_entry`), and `audit verify` checks the
stored ones against it. The ones a store already holds get their entry here, in the order of
kind and record id, by "migration 0012", so that a store that verified before still verifies.
Nothing else changes; downgrading leaves the entries (the chain is append-only).

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from prisonwatch.storage import audit
from prisonwatch.storage.sql import public_id_entry

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = ("0004", "0005")  # the audit chain and the public_ids table

_public_ids = sa.table(
    "public_ids",
    sa.column("kind", sa.String),
    sa.column("record_id", sa.String),
    sa.column("public_id", sa.String),
)


def upgrade() -> None:
    conn = op.get_bind()
    c = _public_ids.c
    rows = conn.execute(sa.select(c.kind, c.record_id, c.public_id).order_by(c.kind, c.record_id))
    at = datetime.now(UTC).replace(tzinfo=None)
    entries = [public_id_entry(at, "migration 0012", dict(r._mapping)) for r in rows]
    audit.append(conn, entries)


def downgrade() -> None:
    pass
