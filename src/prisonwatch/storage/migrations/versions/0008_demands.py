"""demand lists: demands, the names they carry, decisions on unsure names, voids

Revision ID: 0008
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "demands",
        sa.Column("id", sa.String(length=80), nullable=False),
        sa.Column("by", sa.Text(), nullable=False),
        sa.Column("of_party", sa.Text()),
        sa.Column("country", sa.String(length=8)),
        sa.Column("made_earliest", sa.Date(), nullable=False),
        sa.Column("made_latest", sa.Date(), nullable=False),
        sa.Column("made_precision", sa.String(length=16), nullable=False),
        sa.Column("count", sa.Integer()),
        sa.Column("qualifier", sa.String(length=16), nullable=False),
        sa.Column("claim_id", sa.String(length=80)),
        sa.Column("note", sa.Text()),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_demands")),
    )
    op.create_table(
        "demand_names",
        sa.Column("demand_id", sa.String(length=80), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("person_id", sa.String(length=80)),
        sa.Column("candidates", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text()),
        sa.ForeignKeyConstraint(
            ["demand_id"], ["demands.id"], name=op.f("fk_demand_names_demand_id_demands")
        ),
        sa.PrimaryKeyConstraint("demand_id", "position", name=op.f("pk_demand_names")),
    )
    op.create_table(
        "demand_decisions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("demand_id", sa.String(length=80), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.String(length=80)),
        sa.Column("decided_by", sa.Text(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.Column("why", sa.Text()),
        sa.ForeignKeyConstraint(
            ["demand_id"], ["demands.id"], name=op.f("fk_demand_decisions_demand_id_demands")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_demand_decisions")),
    )
    op.create_index(
        op.f("ix_demand_decisions_demand_id"), "demand_decisions", ["demand_id"], unique=False
    )
    op.create_table(
        "demand_voids",
        sa.Column("demand_id", sa.String(length=80), nullable=False),
        sa.Column("voided_by", sa.Text(), nullable=False),
        sa.Column("voided_at", sa.DateTime(), nullable=False),
        sa.Column("why", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["demand_id"], ["demands.id"], name=op.f("fk_demand_voids_demand_id_demands")
        ),
        sa.PrimaryKeyConstraint("demand_id", name=op.f("pk_demand_voids")),
    )


def downgrade() -> None:
    op.drop_table("demand_voids")
    op.drop_index(op.f("ix_demand_decisions_demand_id"), table_name="demand_decisions")
    op.drop_table("demand_decisions")
    op.drop_table("demand_names")
    op.drop_table("demands")
