"""review names conflicts

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 15:21:12.656958
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "choices",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("conflict", sa.Text(), nullable=False),
        sa.Column("chosen", sa.String(length=80), nullable=False),
        sa.Column("chosen_by", sa.Text(), nullable=False),
        sa.Column("chosen_at", sa.DateTime(), nullable=False),
        sa.Column("why", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_choices")),
    )
    with op.batch_alter_table("choices", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_choices_conflict"), ["conflict"], unique=False)

    op.create_table(
        "extractions",
        sa.Column("source_id", sa.String(length=80), nullable=False),
        sa.Column("extractor_version", sa.String(length=200), nullable=False),
        sa.Column("output", sa.JSON(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_extractions_source_id_sources")
        ),
        sa.PrimaryKeyConstraint("source_id", "extractor_version", name=op.f("pk_extractions")),
    )
    op.create_table(
        "judgements",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("name_key", sa.Text(), nullable=False),
        sa.Column("person_id", sa.String(length=80), nullable=False),
        sa.Column("verdict", sa.String(length=16), nullable=False),
        sa.Column("decided_by", sa.Text(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name=op.f("fk_judgements_person_id_persons")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_judgements")),
    )
    with op.batch_alter_table("judgements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_judgements_name_key"), ["name_key"], unique=False)

    op.create_table(
        "name_queue",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("claim_id", sa.String(length=80), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("candidates", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("person_id", sa.String(length=80), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_name_queue_claim_id_claims")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_name_queue")),
    )
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.add_column(sa.Column("superseded_by", sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column("confidence_note", sa.Text(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_claims_review_status"), ["review_status"], unique=False
        )

    with op.batch_alter_table("deals", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reported_returned", sa.Integer(), nullable=True))

    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.add_column(sa.Column("merged_into", sa.String(length=80), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("deals", schema=None) as batch_op:
        batch_op.drop_column("reported_returned")

    with op.batch_alter_table("deals", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reported_returned", sa.Integer(), nullable=True))

    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.drop_column("merged_into")

    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claims_review_status"))
        batch_op.drop_column("confidence_note")
        batch_op.drop_column("superseded_by")

    op.drop_table("name_queue")
    with op.batch_alter_table("judgements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_judgements_name_key"))

    op.drop_table("judgements")
    op.drop_table("extractions")
    with op.batch_alter_table("choices", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_choices_conflict"))

    op.drop_table("choices")
