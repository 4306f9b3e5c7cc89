"""an initiative states what its target does to the open interfaces of the systems it touches
(improves, keeps, drops, not stated) and which open standards it names (issue 11, no new silos)

Revision ID: 0018_initiative_interfaces
Revises: 0017_duplicate_feedback
Create Date: 2026-12-02 19:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018_initiative_interfaces"
down_revision = "0017_duplicate_feedback"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("roadmap_initiatives") as batch:
        batch.add_column(
            sa.Column(
                "target_interfaces",
                sa.String(20),
                nullable=False,
                server_default="not_stated",
            )
        )
        batch.add_column(sa.Column("target_standards", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("roadmap_initiatives") as batch:
        batch.drop_column("target_standards")
        batch.drop_column("target_interfaces")
