"""public projection: review clearances and stored public ids (pseudonyms)

Revision ID: 0005
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "clearances",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("target_id", sa.String(length=80), nullable=False),
        sa.Column("cleared_by", sa.Text(), nullable=False),
        sa.Column("cleared_at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clearances")),
    )
    with op.batch_alter_table("clearances", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_clearances_kind_target_id"), ["kind", "target_id"], unique=False
        )
    op.create_table(
        "public_ids",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("record_id", sa.String(length=80), nullable=False),
        sa.Column("public_id", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "record_id", name=op.f("pk_public_ids")),
        sa.UniqueConstraint("public_id", name=op.f("uq_public_ids_public_id")),
    )


def downgrade() -> None:
    op.drop_table("public_ids")
    with op.batch_alter_table("clearances", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_clearances_kind_target_id"))
    op.drop_table("clearances")
