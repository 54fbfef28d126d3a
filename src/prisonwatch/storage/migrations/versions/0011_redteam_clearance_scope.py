"""clearances say what they vouch for: the text's hash and the protected persons it names

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = ("0005",)  # the clearances table


def upgrade() -> None:
    with op.batch_alter_table("clearances", schema=None) as batch_op:
        batch_op.add_column(sa.Column("text_hash", sa.String(64)))
        batch_op.add_column(sa.Column("named", sa.JSON()))


def downgrade() -> None:
    with op.batch_alter_table("clearances", schema=None) as batch_op:
        batch_op.drop_column("named")
        batch_op.drop_column("text_hash")
