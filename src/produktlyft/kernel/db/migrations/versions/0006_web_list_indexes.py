"""web app: indexes for the systems list, and for expiring failed logins

Revision ID: 0006_web_list_indexes
Revises: 0005_surveys
Create Date: 2026-11-27 14:20:00

The systems list sorts by name case-insensitively and pages with LIMIT/OFFSET, alone or after
one of its common filters; with these indexes the database reads one page of rows instead of
sorting every system. Expression indexes work on SQLite (3.9+) and PostgreSQL alike.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_web_list_indexes"
down_revision = "0005_surveys"
branch_labels = None
depends_on = None
# columns the systems list filters on, each indexed together with the name it sorts by
LIST_FILTERS = ("owning_unit_id", "criticality", "lifecycle", "hosting")


def upgrade() -> None:
    op.create_index("ix_systems_lower_name_id", "systems", [sa.text("lower(name)"), "id"])
    for column in LIST_FILTERS:
        op.create_index(
            f"ix_systems_{column}_name", "systems", [column, sa.text("lower(name)"), "id"]
        )
    op.create_index("ix_login_failures_at", "login_failures", ["at"])


def downgrade() -> None:
    op.drop_index("ix_login_failures_at", table_name="login_failures")
    for column in LIST_FILTERS:
        op.drop_index(f"ix_systems_{column}_name", table_name="systems")
    op.drop_index("ix_systems_lower_name_id", table_name="systems")
