"""wins: the wins log

Revision ID: 0016_wins
Revises: 0015_pilots
Create Date: 2026-12-02 10:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016_wins"
down_revision = "0015_pilots"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "wins",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("what_changed", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("team", sa.String(length=200), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("source_ref", sa.String(length=200), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("decided_by", sa.String(length=200), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_wins")),
    )
    with op.batch_alter_table("wins", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_wins_day"), ["day"], unique=False)
        batch_op.create_index(batch_op.f("ix_wins_status"), ["status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("wins", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_wins_status"))
        batch_op.drop_index(batch_op.f("ix_wins_day"))
    op.drop_table("wins")
