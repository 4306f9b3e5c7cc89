"""review results and duplicate pairs keep their reasons as codes with parameters, worded when
shown in the reader's language; the worded text stays for runs stored before

Revision ID: 0009_review_reasons
Revises: 0007_data_version
Create Date: 2026-12-05 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_review_reasons"
down_revision = "0007_data_version"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # nullable: runs stored before this revision have only the worded reason
    for table in ("review_results", "review_duplicates"):
        op.add_column(table, sa.Column("reasons", sa.JSON(), nullable=True))


def downgrade() -> None:
    for table in ("review_results", "review_duplicates"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("reasons")
