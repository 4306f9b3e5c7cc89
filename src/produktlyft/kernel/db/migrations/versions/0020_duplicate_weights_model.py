"""an organisation's re-fitted duplicate weights say which model they belong to: the logistic
model's own weights, or an adjustment to the shipped trees' score (ADR 0023, twenty-sixth look)

Revision ID: 0020_duplicate_weights_model
Revises: 0019_list_indexes_cover_name
Create Date: 2026-12-06 01:00:00

Rows stored before hold logistic weights: NULL reads as "logistic".
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020_duplicate_weights_model"
down_revision = "0019_list_indexes_cover_name"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("duplicate_weights") as batch:
        batch.add_column(sa.Column("model", sa.String(20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("duplicate_weights") as batch:
        batch.drop_column("model")
