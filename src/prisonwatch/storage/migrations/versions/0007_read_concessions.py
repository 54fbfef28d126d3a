"""read concessions: concessions an extractor read in a source, as records of their own

Revision ID: 0007
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "read_concessions",
        sa.Column("id", sa.String(length=80), nullable=False),
        sa.Column("source_id", sa.String(length=80), nullable=False),
        sa.Column("extractor_version", sa.String(length=200), nullable=False),
        sa.Column("by_party", sa.Text(), nullable=True),
        sa.Column("what", sa.String(length=40), nullable=True),
        sa.Column("target", sa.Text(), nullable=True),
        sa.Column("in_return_for", sa.JSON(), nullable=False),
        sa.Column("evidence_start", sa.Integer(), nullable=False),
        sa.Column("evidence_end", sa.Integer(), nullable=False),
        sa.Column("evidence_text", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
            name=op.f("fk_read_concessions_source_id_sources"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_read_concessions")),
    )
    with op.batch_alter_table("read_concessions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_read_concessions_source_id"), ["source_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("read_concessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_read_concessions_source_id"))
    op.drop_table("read_concessions")
