"""outcomes: deployments, incidents, services and their KPI values, key results, settings

Revision ID: 0014_outcomes
Revises: 0013_procurement
Create Date: 2026-12-02 09:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_outcomes"
down_revision = "0013_procurement"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outcome_deployments",
        sa.Column("team", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("environment", sa.String(length=200), nullable=False),
        sa.Column("deployed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("committed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("failed", sa.Boolean(), nullable=False),
        sa.Column("rework", sa.Boolean(), nullable=False),
        sa.Column("ref", sa.String(length=200), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("imported_by", sa.String(length=200), nullable=False),
        sa.Column("imported_on", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("team", "id", name=op.f("pk_outcome_deployments")),
    )
    with op.batch_alter_table("outcome_deployments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_outcome_deployments_deployed_at"), ["deployed_at"], unique=False
        )
    op.create_table(
        "outcome_incidents",
        sa.Column("team", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deployment_id", sa.String(length=200), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("imported_by", sa.String(length=200), nullable=False),
        sa.Column("imported_on", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("team", "id", name=op.f("pk_outcome_incidents")),
    )
    op.create_table(
        "outcome_services",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("event_log", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outcome_services")),
    )
    op.create_table(
        "outcome_kpi_values",
        sa.Column("service_id", sa.String(length=200), nullable=False),
        sa.Column("kpi", sa.String(length=40), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.Column("recorded_on", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint(
            "service_id", "kpi", "period_start", name=op.f("pk_outcome_kpi_values")
        ),
    )
    op.create_table(
        "outcome_key_results",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("team", sa.String(length=200), nullable=False),
        sa.Column("quarter", sa.String(length=7), nullable=False),
        sa.Column("objective", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("metric", sa.String(length=400), nullable=True),
        sa.Column("baseline", sa.Float(), nullable=True),
        sa.Column("target", sa.Float(), nullable=True),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("verdict", sa.String(length=20), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.Column("recorded_on", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outcome_key_results")),
    )
    with op.batch_alter_table("outcome_key_results", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outcome_key_results_team"), ["team"], unique=False)
    op.create_table(
        "outcome_settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_outcome_settings")),
    )


def downgrade() -> None:
    op.drop_table("outcome_settings")
    with op.batch_alter_table("outcome_key_results", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outcome_key_results_team"))
    op.drop_table("outcome_key_results")
    op.drop_table("outcome_kpi_values")
    op.drop_table("outcome_services")
    op.drop_table("outcome_incidents")
    with op.batch_alter_table("outcome_deployments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outcome_deployments_deployed_at"))
    op.drop_table("outcome_deployments")
