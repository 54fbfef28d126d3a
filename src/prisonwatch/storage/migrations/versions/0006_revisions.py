"""revisions: every change of a record after its first version, and the revised-names index

Revision ID: 0006
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "revisions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("record_id", sa.String(length=80), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=True),
        sa.Column("supersedes", sa.Integer(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("why", sa.Text(), nullable=False),
        sa.Column("void", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_revisions")),
        sa.UniqueConstraint(
            "kind", "record_id", "seq", name=op.f("uq_revisions_kind_record_id_seq")
        ),
    )
    op.create_index(op.f("ix_revisions_kind_at"), "revisions", ["kind", "at"], unique=False)
    op.create_table(
        "revised_names",
        sa.Column("person_id", sa.String(length=80), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("person_id", "position", name=op.f("pk_revised_names")),
    )
    op.create_index(op.f("ix_revised_names_key"), "revised_names", ["key"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_revised_names_key"), table_name="revised_names")
    op.drop_table("revised_names")
    op.drop_index(op.f("ix_revisions_kind_at"), table_name="revisions")
    op.drop_table("revisions")
