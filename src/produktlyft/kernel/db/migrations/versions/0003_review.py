"""review schema: runs, results, duplicates and decisions, evidence, profile weights

Revision ID: 0003_review
Revises: 0002_web
Create Date: 2026-11-27 13:40:15.701304
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_review"
down_revision = "0002_web"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "duplicate_decisions",
        sa.Column("system_a", sa.String(length=200), nullable=False),
        sa.Column("system_b", sa.String(length=200), nullable=False),
        sa.Column("decision", sa.String(length=10), nullable=False),
        sa.Column("decided_by", sa.String(length=200), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("system_a", "system_b", name="pk_duplicate_decisions"),
    )
    op.create_table(
        "profile_weights",
        sa.Column("profile", sa.String(length=40), nullable=False),
        sa.Column("indicator", sa.String(length=60), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.Column("changed_by", sa.String(length=200), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("profile", "indicator", name="pk_profile_weights"),
    )
    op.create_table(
        "review_evidence",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("system_id", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("location", sa.Text(), nullable=False),
        sa.Column("stored_path", sa.Text(), nullable=True),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("attached_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attached_by", sa.String(length=200), nullable=False),
        sa.Column("facts", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_evidence")),
        sa.UniqueConstraint("system_id", "kind", name="uq_review_evidence_system_kind"),
    )
    with op.batch_alter_table("review_evidence", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_review_evidence_system_id"), ["system_id"], unique=False
        )

    op.create_table(
        "review_runs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("profile", sa.String(length=40), nullable=False),
        sa.Column("lang", sa.String(length=5), nullable=False),
        sa.Column("reference_date", sa.Date(), nullable=False),
        sa.Column("eol_snapshot", sa.Date(), nullable=False),
        sa.Column("weights", sa.JSON(), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_runs")),
    )
    with op.batch_alter_table("review_runs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_runs_started_at"), ["started_at"], unique=False)

    op.create_table(
        "review_duplicates",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("system_a", sa.String(length=200), nullable=False),
        sa.Column("system_b", sa.String(length=200), nullable=False),
        sa.Column("name_a", sa.Text(), nullable=False),
        sa.Column("name_b", sa.Text(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("layers", sa.JSON(), nullable=False),
        sa.Column("layer_scores", sa.JSON(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("cluster", sa.Integer(), nullable=False),
        sa.Column("confirmed", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["review_runs.id"],
            name=op.f("fk_review_duplicates_run_id_review_runs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_review_duplicates")),
    )
    with op.batch_alter_table("review_duplicates", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_duplicates_run_id"), ["run_id"], unique=False)

    op.create_table(
        "review_results",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("system_id", sa.String(length=200), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("condition", sa.String(length=100), nullable=True),
        sa.Column("health", sa.Float(), nullable=True),
        sa.Column("band", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("rank_min", sa.Integer(), nullable=False),
        sa.Column("rank_max", sa.Integer(), nullable=False),
        sa.Column("stable", sa.Boolean(), nullable=False),
        sa.Column("factors", sa.JSON(), nullable=False),
        sa.Column("annual_cost", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["review_runs.id"],
            name=op.f("fk_review_results_run_id_review_runs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_review_results")),
    )
    with op.batch_alter_table("review_results", schema=None) as batch_op:
        batch_op.create_index("ix_review_results_run_rank", ["run_id", "rank"], unique=False)
        batch_op.create_index("ix_review_results_system", ["system_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("review_results", schema=None) as batch_op:
        batch_op.drop_index("ix_review_results_system")
        batch_op.drop_index("ix_review_results_run_rank")

    op.drop_table("review_results")
    with op.batch_alter_table("review_duplicates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_duplicates_run_id"))

    op.drop_table("review_duplicates")
    with op.batch_alter_table("review_runs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_runs_started_at"))

    op.drop_table("review_runs")
    with op.batch_alter_table("review_evidence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_evidence_system_id"))

    op.drop_table("review_evidence")
    op.drop_table("profile_weights")
    op.drop_table("duplicate_decisions")
