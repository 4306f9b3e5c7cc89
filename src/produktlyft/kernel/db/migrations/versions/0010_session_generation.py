"""accounts keep a session generation: logout and role changes raise it, and a session signed
in with an older one ends (a copied cookie no longer works after logging out)

Revision ID: 0010_session_generation
Revises: 0009_review_reasons
Create Date: 2026-12-12 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_session_generation"
down_revision = "0009_review_reasons"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # existing accounts start at 0; sessions made before carry no generation and end
    op.add_column(
        "users",
        sa.Column("session_generation", sa.Integer(), nullable=False, server_default="0"),
    )


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("session_generation")
