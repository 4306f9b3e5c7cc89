"""business cases: the case, its options, cost and benefit lines per year, risks and
benefits-realisation records

Revision ID: 0012_business_case
Revises: 0011_roadmap
Create Date: 2026-12-02 09:26:21.968109
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_business_case"
down_revision = "0011_roadmap"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "business_cases",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("subject_kind", sa.String(length=20), nullable=False),
        sa.Column("subject_id", sa.String(length=200), nullable=False),
        sa.Column("country_pack", sa.String(length=20), nullable=False),
        sa.Column("pack_version", sa.String(length=40), nullable=False),
        sa.Column("price_base_year", sa.Integer(), nullable=False),
        sa.Column("horizon_years", sa.Integer(), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("draws", sa.Integer(), nullable=False),
        sa.Column("correlation", sa.Float(), nullable=False),
        sa.Column("delay_low", sa.Float(), nullable=False),
        sa.Column("delay_mode", sa.Float(), nullable=False),
        sa.Column("delay_high", sa.Float(), nullable=False),
        sa.Column("delay_distribution", sa.String(length=20), nullable=False),
        sa.Column("optimism_bias", sa.Text(), nullable=False),
        sa.Column("preferred_option", sa.String(length=200), nullable=True),
        sa.Column("strategic_case", sa.Text(), nullable=False),
        sa.Column("non_monetised", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("created_on", sa.Date(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_business_cases")),
    )
    with op.batch_alter_table("business_cases", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_business_cases_subject_id"), ["subject_id"], unique=False
        )

    op.create_table(
        "business_case_benefits",
        sa.Column("case_id", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("owner", sa.Text(), nullable=True),
        sa.Column("measure", sa.Text(), nullable=True),
        sa.Column("baseline", sa.Float(), nullable=True),
        sa.Column("target", sa.Float(), nullable=True),
        sa.Column("unit", sa.String(length=80), nullable=True),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("metric", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["business_cases.id"],
            name=op.f("fk_business_case_benefits_case_id_business_cases"),
        ),
        sa.PrimaryKeyConstraint("case_id", "position", name=op.f("pk_business_case_benefits")),
    )
    op.create_table(
        "business_case_lines",
        sa.Column("case_id", sa.String(length=200), nullable=False),
        sa.Column("option_id", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("amounts", sa.Text(), nullable=False),
        sa.Column("low", sa.Float(), nullable=False),
        sa.Column("mode", sa.Float(), nullable=False),
        sa.Column("high", sa.Float(), nullable=False),
        sa.Column("distribution", sa.String(length=20), nullable=False),
        sa.Column("corr_group", sa.String(length=80), nullable=True),
        sa.Column("slips", sa.Boolean(), nullable=False),
        sa.Column("basis", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["business_cases.id"],
            name=op.f("fk_business_case_lines_case_id_business_cases"),
        ),
        sa.PrimaryKeyConstraint("case_id", "option_id", "id", name=op.f("pk_business_case_lines")),
    )
    op.create_table(
        "business_case_options",
        sa.Column("case_id", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["business_cases.id"],
            name=op.f("fk_business_case_options_case_id_business_cases"),
        ),
        sa.PrimaryKeyConstraint("case_id", "id", name=op.f("pk_business_case_options")),
    )
    op.create_table(
        "business_case_risks",
        sa.Column("case_id", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("owner", sa.Text(), nullable=True),
        sa.Column("mitigation", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["business_cases.id"],
            name=op.f("fk_business_case_risks_case_id_business_cases"),
        ),
        sa.PrimaryKeyConstraint("case_id", "position", name=op.f("pk_business_case_risks")),
    )


def downgrade() -> None:
    for table in (
        "business_case_risks",
        "business_case_options",
        "business_case_lines",
        "business_case_benefits",
    ):
        op.drop_table(table)
    with op.batch_alter_table("business_cases") as batch_op:
        batch_op.drop_index(batch_op.f("ix_business_cases_subject_id"))
    op.drop_table("business_cases")
