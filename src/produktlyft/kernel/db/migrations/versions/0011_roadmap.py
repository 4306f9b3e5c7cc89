"""the roadmap: initiatives, planning teams, yearly budgets, settings and saved plans

Revision ID: 0011_roadmap
Revises: 0010_session_generation
Create Date: 2026-12-02 09:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_roadmap"
down_revision = "0010_session_generation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "roadmap_initiatives",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("effort_weeks", sa.Float(), nullable=False),
        sa.Column("sourcing", sa.String(length=20), nullable=False),
        sa.Column("teams", sa.JSON(), nullable=False),
        sa.Column("cost_sek", sa.Float(), nullable=False),
        sa.Column("cost_of_delay_sek_per_week", sa.Float(), nullable=False),
        sa.Column("cost_of_delay_basis", sa.JSON(), nullable=False),
        sa.Column("dependencies", sa.JSON(), nullable=False),
        sa.Column("earliest_start", sa.Date(), nullable=True),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("deadline_reason", sa.Text(), nullable=True),
        sa.Column("system_ids", sa.JSON(), nullable=False),
        sa.Column("capability_ids", sa.JSON(), nullable=False),
        sa.Column("source_kind", sa.String(length=40), nullable=True),
        sa.Column("source_key", sa.Text(), nullable=True),
        sa.Column("source_run_id", sa.String(length=40), nullable=True),
        sa.Column("changed_by", sa.String(length=200), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roadmap_initiatives")),
    )
    op.create_index(
        "ix_roadmap_initiatives_source_kind", "roadmap_initiatives", ["source_kind"], unique=False
    )
    op.create_table(
        "roadmap_teams",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("sourcing", sa.String(length=20), nullable=False),
        sa.Column("capacity_per_week", sa.Integer(), nullable=False),
        sa.Column("unavailable", sa.JSON(), nullable=False),
        sa.Column("set_by", sa.String(length=200), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roadmap_teams")),
    )
    op.create_table(
        "roadmap_budgets",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("limit_sek", sa.Float(), nullable=False),
        sa.Column("set_by", sa.String(length=200), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_roadmap_budgets")),
    )
    op.create_table(
        "roadmap_settings",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("set_by", sa.String(length=200), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_roadmap_settings")),
    )
    op.create_table(
        "roadmap_plans",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("plan_start", sa.Date(), nullable=False),
        sa.Column("objective", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("objective_value", sa.Float(), nullable=True),
        sa.Column("lower_bound", sa.Float(), nullable=True),
        sa.Column("gap", sa.Float(), nullable=True),
        sa.Column("time_limit", sa.Float(), nullable=True),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("conflicts", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roadmap_plans")),
    )


def downgrade() -> None:
    op.drop_table("roadmap_plans")
    op.drop_table("roadmap_settings")
    op.drop_table("roadmap_budgets")
    op.drop_table("roadmap_teams")
    op.drop_index("ix_roadmap_initiatives_source_kind", table_name="roadmap_initiatives")
    op.drop_table("roadmap_initiatives")
