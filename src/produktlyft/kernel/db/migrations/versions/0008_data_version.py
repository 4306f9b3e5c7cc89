"""a data-version counter per area, raised by every inventory write, that page caches compare

Revision ID: 0007_data_version
Revises: 0006_reviewweb
The file is numbered in the one sequence of files; the revision id keeps the name
existing databases already record in alembic_version.
Create Date: 2026-11-27 17:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_data_version"
down_revision = "0006_reviewweb"
branch_labels = None
depends_on = None


def upgrade() -> None:
    versions = op.create_table(
        "data_versions",
        sa.Column("area", sa.String(40), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("area", name=op.f("pk_data_versions")),
    )
    op.bulk_insert(versions, [{"area": "inventory", "version": 0}])


def downgrade() -> None:
    op.drop_table("data_versions")
