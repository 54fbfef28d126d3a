"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-29 14:43:13.327490
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "audit",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("record_kind", sa.String(length=16), nullable=False),
        sa.Column("record_id", sa.String(length=80), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit")),
    )
    with op.batch_alter_table("audit", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_audit_record_kind_record_id"), ["record_kind", "record_id"], unique=False
        )

    op.create_table(
        "deals",
        sa.Column("id", sa.String(length=80), nullable=False),
        sa.Column("date_earliest", sa.Date(), nullable=False),
        sa.Column("date_latest", sa.Date(), nullable=False),
        sa.Column("date_precision", sa.String(length=16), nullable=False),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("parties", sa.JSON(), nullable=False),
        sa.Column("mediator", sa.Text(), nullable=True),
        sa.Column("reported_released", sa.Integer(), nullable=True),
        sa.Column("reported_political_prisoners", sa.Integer(), nullable=True),
        sa.Column("figures_by", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deals")),
    )
    op.create_table(
        "observations",
        sa.Column("id", sa.String(length=80), nullable=False),
        sa.Column("metric", sa.String(length=32), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("qualifier", sa.String(length=16), nullable=False),
        sa.Column("period_earliest", sa.Date(), nullable=False),
        sa.Column("period_latest", sa.Date(), nullable=False),
        sa.Column("period_precision", sa.String(length=16), nullable=False),
        sa.Column("organisation", sa.Text(), nullable=True),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("claim_id", sa.String(length=80), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_observations")),
    )
    op.create_table(
        "persons",
        sa.Column("id", sa.String(length=80), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("gender", sa.String(length=16), nullable=False),
        sa.Column("region", sa.Text(), nullable=True),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("protection", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_persons")),
    )
    op.create_table(
        "sources",
        sa.Column("id", sa.String(length=80), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("publisher", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("language", sa.String(length=16), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sources")),
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.String(length=80), nullable=False),
        sa.Column("source_id", sa.String(length=80), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("qualifier", sa.String(length=16), nullable=False),
        sa.Column("population", sa.Text(), nullable=False),
        sa.Column("when_earliest", sa.Date(), nullable=True),
        sa.Column("when_latest", sa.Date(), nullable=True),
        sa.Column("when_precision", sa.String(length=16), nullable=True),
        sa.Column("evidence_start", sa.Integer(), nullable=False),
        sa.Column("evidence_end", sa.Integer(), nullable=False),
        sa.Column("evidence_text", sa.Text(), nullable=False),
        sa.Column("extractor", sa.Text(), nullable=False),
        sa.Column("extractor_version", sa.Text(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("persons", sa.JSON(), nullable=False),
        sa.Column("agent", sa.Text(), nullable=True),
        sa.Column("attributed_to", sa.Text(), nullable=True),
        sa.Column("mechanism", sa.String(length=32), nullable=True),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("part_of", sa.String(length=80), nullable=True),
        sa.Column("review_status", sa.String(length=16), nullable=False),
        sa.Column("reviewer", sa.Text(), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(), nullable=True),
        sa.Column("review_note", sa.Text(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_claims_source_id_sources")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
    )
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claims_source_id"), ["source_id"], unique=False)

    op.create_table(
        "concessions",
        sa.Column("deal_id", sa.String(length=80), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("by", sa.Text(), nullable=False),
        sa.Column("what", sa.String(length=64), nullable=False),
        sa.Column("target", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["deal_id"], ["deals.id"], name=op.f("fk_concessions_deal_id_deals")
        ),
        sa.PrimaryKeyConstraint("deal_id", "position", name=op.f("pk_concessions")),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.String(length=80), nullable=False),
        sa.Column("person_id", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("date_earliest", sa.Date(), nullable=False),
        sa.Column("date_latest", sa.Date(), nullable=False),
        sa.Column("date_precision", sa.String(length=16), nullable=False),
        sa.Column("mechanism", sa.String(length=32), nullable=True),
        sa.Column("organisation", sa.Text(), nullable=True),
        sa.Column("deal_id", sa.String(length=80), nullable=True),
        sa.Column("place", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.Text(), nullable=False),
        sa.Column("supersedes", sa.String(length=80), nullable=True),
        sa.Column("void", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["deal_id"], ["deals.id"], name=op.f("fk_events_deal_id_deals")),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name=op.f("fk_events_person_id_persons")
        ),
        sa.ForeignKeyConstraint(
            ["supersedes"], ["events.id"], name=op.f("fk_events_supersedes_events")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_deal_id"), ["deal_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_recorded_at"), ["recorded_at"], unique=False)

    op.create_table(
        "person_names",
        sa.Column("person_id", sa.String(length=80), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name=op.f("fk_person_names_person_id_persons")
        ),
        sa.PrimaryKeyConstraint("person_id", "position", name=op.f("pk_person_names")),
    )
    with op.batch_alter_table("person_names", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_names_key"), ["key"], unique=False)

    op.create_table(
        "record_sources",
        sa.Column("record_kind", sa.String(length=16), nullable=False),
        sa.Column("record_id", sa.String(length=80), nullable=False),
        sa.Column("source_id", sa.String(length=80), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_record_sources_source_id_sources")
        ),
        sa.PrimaryKeyConstraint(
            "record_kind", "record_id", "source_id", name=op.f("pk_record_sources")
        ),
    )
    with op.batch_alter_table("record_sources", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_record_sources_source_id"), ["source_id"], unique=False
        )

    op.create_table(
        "record_claims",
        sa.Column("record_kind", sa.String(length=16), nullable=False),
        sa.Column("record_id", sa.String(length=80), nullable=False),
        sa.Column("claim_id", sa.String(length=80), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_record_claims_claim_id_claims")
        ),
        sa.PrimaryKeyConstraint(
            "record_kind", "record_id", "claim_id", name=op.f("pk_record_claims")
        ),
    )
    with op.batch_alter_table("record_claims", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_record_claims_claim_id"), ["claim_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("record_claims", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_record_claims_claim_id"))

    op.drop_table("record_claims")
    with op.batch_alter_table("record_sources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_record_sources_source_id"))

    op.drop_table("record_sources")
    with op.batch_alter_table("person_names", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_names_key"))

    op.drop_table("person_names")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_recorded_at"))
        batch_op.drop_index(batch_op.f("ix_events_person_id"))
        batch_op.drop_index(batch_op.f("ix_events_deal_id"))

    op.drop_table("events")
    op.drop_table("concessions")
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claims_source_id"))

    op.drop_table("claims")
    op.drop_table("sources")
    op.drop_table("persons")
    op.drop_table("observations")
    op.drop_table("deals")
    with op.batch_alter_table("audit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_record_kind_record_id"))

    op.drop_table("audit")
