"""custody details on events: articles, sentence, term end, court, detention place, health

Revision ID: 0009
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0003"
branch_labels = None
depends_on = None

_COLUMNS = (
    ("articles", sa.JSON()),
    ("sentence_months", sa.Integer()),
    ("term_ends", sa.Date()),
    ("court", sa.Text()),
    ("detention_place", sa.Text()),
    ("health", sa.Text()),
)


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        for name, type_ in _COLUMNS:
            batch.add_column(sa.Column(name, type_, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        for name, _ in reversed(_COLUMNS):
            batch.drop_column(name)
