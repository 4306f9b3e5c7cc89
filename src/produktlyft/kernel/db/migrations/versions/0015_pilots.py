"""pilots: registrations, amendments, uploaded series and evaluations

Revision ID: 0015_pilots
Revises: 0014_outcomes
Create Date: 2026-12-02 10:05:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015_pilots"
down_revision = "0014_outcomes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pilots",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("hypothesis", sa.Text(), nullable=False),
        sa.Column("metric", sa.String(length=200), nullable=False),
        sa.Column("pilot_team", sa.String(length=200), nullable=False),
        sa.Column("comparison_teams", sa.JSON(), nullable=False),
        sa.Column("pre_start", sa.Date(), nullable=False),
        sa.Column("pre_end", sa.Date(), nullable=False),
        sa.Column("post_start", sa.Date(), nullable=False),
        sa.Column("post_end", sa.Date(), nullable=False),
        sa.Column("min_effect", sa.Float(), nullable=False),
        sa.Column("direction", sa.String(length=20), nullable=False),
        sa.Column("events", sa.JSON(), nullable=False),
        sa.Column("registered_by", sa.String(length=200), nullable=False),
        sa.Column("registered_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pilots")),
    )
    op.create_table(
        "pilot_amendments",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("pilot_id", sa.String(length=200), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by", sa.String(length=200), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("old", sa.Text(), nullable=False),
        sa.Column("new", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_pilot_amendments")),
    )
    with op.batch_alter_table("pilot_amendments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_pilot_amendments_pilot_id"), ["pilot_id"], unique=False
        )
    op.create_table(
        "pilot_series",
        sa.Column("pilot_id", sa.String(length=200), nullable=False),
        sa.Column("team", sa.String(length=200), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("pilot_id", "team", "period_start", name=op.f("pk_pilot_series")),
    )
    op.create_table(
        "pilot_evaluations",
        sa.Column("pilot_id", sa.String(length=200), nullable=False),
        sa.Column("evaluated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("pilot_id", name=op.f("pk_pilot_evaluations")),
    )


def downgrade() -> None:
    op.drop_table("pilot_evaluations")
    op.drop_table("pilot_series")
    with op.batch_alter_table("pilot_amendments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pilot_amendments_pilot_id"))
    op.drop_table("pilot_amendments")
    op.drop_table("pilots")
