"""duplicate pairs keep the function, product, evidence against and survivor that placed them,
and an organisation's re-fitted duplicate weights are kept (ADR 0023)

Revision ID: 0017_duplicate_feedback
Revises: 0016_wins
Create Date: 2026-12-02 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017_duplicate_feedback"
down_revision = "0016_wins"
branch_labels = None
depends_on = None

NEW_COLUMNS = (
    ("function", sa.String(200)),
    ("function_words", sa.JSON()),
    ("product", sa.Text()),
    ("against", sa.JSON()),
    ("survivor", sa.String(200)),
)


def upgrade() -> None:
    with op.batch_alter_table("review_duplicates") as batch:
        for name, kind in NEW_COLUMNS:
            batch.add_column(sa.Column(name, kind, nullable=True))
    op.create_table(
        "duplicate_weights",
        sa.Column("key", sa.String(20), primary_key=True),
        sa.Column("weights", sa.JSON(), nullable=False),
        sa.Column("intercept", sa.Float(), nullable=False),
        sa.Column("threshold", sa.Float(), nullable=False),
        sa.Column("pairs", sa.Integer(), nullable=False),
        sa.Column("fitted_by", sa.String(200), nullable=False),
        sa.Column("fitted_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("duplicate_weights")
    with op.batch_alter_table("review_duplicates") as batch:
        for name, _ in reversed(NEW_COLUMNS):
            batch.drop_column(name)
