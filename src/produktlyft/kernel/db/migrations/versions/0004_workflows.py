"""workflows schema: stored event logs (metadata only) and the activity-to-system mapping

Revision ID: 0004_workflows
Revises: 0003_review
Create Date: 2026-11-27 13:42:43.105627
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_workflows"
down_revision = "0003_review"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "event_logs",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("source_file", sa.Text(), nullable=False),
        sa.Column("source_format", sa.String(length=20), nullable=False),
        sa.Column("stored_file", sa.Text(), nullable=False),
        sa.Column("events", sa.BigInteger(), nullable=False),
        sa.Column("cases", sa.BigInteger(), nullable=False),
        sa.Column("activities", sa.JSON(), nullable=False),
        sa.Column("first_event", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_event", sa.DateTime(timezone=True), nullable=True),
        sa.Column("column_mapping", sa.JSON(), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("timestamp_note", sa.Text(), nullable=False),
        sa.Column("dropped", sa.JSON(), nullable=False),
        sa.Column("bad_rows", sa.JSON(), nullable=False),
        sa.Column("sorted_on_import", sa.Boolean(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("imported_by", sa.String(length=200), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_event_logs")),
        sa.UniqueConstraint("name", name=op.f("uq_event_logs_name")),
    )
    op.create_table(
        "activity_systems",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("activity", sa.String(length=400), nullable=False),
        sa.Column("system_id", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["system_id"],
            ["systems.id"],
            name=op.f("fk_activity_systems_system_id_systems"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_activity_systems")),
        sa.UniqueConstraint("activity", "system_id", name="uq_activity_systems_activity_system"),
    )
    with op.batch_alter_table("activity_systems", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_activity_systems_activity"), ["activity"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_activity_systems_system_id"), ["system_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("activity_systems", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activity_systems_system_id"))
        batch_op.drop_index(batch_op.f("ix_activity_systems_activity"))

    op.drop_table("activity_systems")
    op.drop_table("event_logs")
