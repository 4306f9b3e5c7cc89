"""procurement: saved contract slices and the contract register's procurement fields

Revision ID: 0013_procurement
Revises: 0012_business_case
Create Date: 2026-12-02 09:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_procurement"
down_revision = "0012_business_case"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "procurement_slices",
        sa.Column("slice", sa.String(length=200), nullable=False),
        sa.Column("need", sa.Text(), nullable=False),
        sa.Column("phase_id", sa.String(length=200), nullable=True),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("saved_by", sa.String(length=200), nullable=False),
        sa.Column("saved_on", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("slice", name=op.f("pk_procurement_slices")),
    )
    with op.batch_alter_table("procurement_slices", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_procurement_slices_phase_id"), ["phase_id"], unique=False
        )
    op.create_table(
        "procurement_contract_terms",
        sa.Column("contract_id", sa.String(length=200), nullable=False),
        sa.Column("options_value_sek", sa.Float(), nullable=True),
        sa.Column("extension_months", sa.Float(), nullable=True),
        sa.Column("notice_months", sa.Float(), nullable=True),
        sa.Column("exit_clause", sa.Boolean(), nullable=True),
        sa.Column("data_return_format", sa.Text(), nullable=True),
        sa.Column("code_ownership", sa.String(length=20), nullable=True),
        sa.Column("system_ids", sa.Text(), nullable=False),
        sa.Column("route", sa.String(length=20), nullable=True),
        sa.Column("saved_by", sa.String(length=200), nullable=False),
        sa.Column("saved_on", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("contract_id", name=op.f("pk_procurement_contract_terms")),
    )


def downgrade() -> None:
    op.drop_table("procurement_contract_terms")
    with op.batch_alter_table("procurement_slices", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_procurement_slices_phase_id"))
    op.drop_table("procurement_slices")
