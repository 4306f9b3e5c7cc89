"""review results keep every profile's view and every fact per system (the evidence page)

Revision ID: 0006_reviewweb
Revises: 0006_web_list_indexes
The file is numbered in the one sequence of files; the revision id keeps the name
existing databases already record in alembic_version.
Create Date: 2026-12-01 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_reviewweb"
down_revision = "0006_web_list_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # nullable: runs stored before this revision have no assessment, and say so on the page
    op.add_column("review_results", sa.Column("assessment", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("review_results") as batch:
        batch.drop_column("assessment")
