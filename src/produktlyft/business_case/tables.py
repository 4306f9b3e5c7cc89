"""Tables of the business cases: the case, its options, their cost and benefit lines per year,
the risks and the benefits-realisation records. Amounts per year are kept as a JSON list
(year 0 = the price base year), as the case reads and writes them whole."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Float,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
)

from produktlyft.inventory.tables import ID
from produktlyft.kernel.db.schema import metadata

CASE_FK = "business_cases.id"

business_cases = Table(
    "business_cases",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("name", Text, nullable=False),
    Column("subject_kind", String(20), nullable=False),
    Column("subject_id", String(ID), nullable=False, index=True),
    Column("country_pack", String(20), nullable=False),
    Column("pack_version", String(40), nullable=False),
    Column("price_base_year", Integer, nullable=False),
    Column("horizon_years", Integer, nullable=False),
    Column("seed", Integer, nullable=False),
    Column("draws", Integer, nullable=False),
    Column("correlation", Float, nullable=False),
    Column("delay_low", Float, nullable=False),
    Column("delay_mode", Float, nullable=False),
    Column("delay_high", Float, nullable=False),
    Column("delay_distribution", String(20), nullable=False),
    Column("optimism_bias", Text, nullable=False),  # JSON: category -> uplift
    Column("preferred_option", String(ID)),
    Column("strategic_case", Text, nullable=False),  # JSON: paragraphs
    Column("non_monetised", Text, nullable=False),  # JSON: texts
    Column("created_by", String(200), nullable=False),
    Column("created_on", Date, nullable=False),
    Column("row_version", Integer, nullable=False, default=1),
)

business_case_options = Table(
    "business_case_options",
    metadata,
    Column("case_id", String(ID), ForeignKey(CASE_FK), primary_key=True),
    Column("id", String(ID), primary_key=True),
    Column("position", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("description", Text),
)

business_case_lines = Table(
    "business_case_lines",
    metadata,
    Column("case_id", String(ID), ForeignKey(CASE_FK), primary_key=True),
    Column("option_id", String(ID), primary_key=True),
    Column("id", String(ID), primary_key=True),
    Column("position", Integer, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("name", Text, nullable=False),
    Column("category", String(40), nullable=False),
    Column("amounts", Text, nullable=False),  # JSON: real prices per year
    Column("low", Float, nullable=False),
    Column("mode", Float, nullable=False),
    Column("high", Float, nullable=False),
    Column("distribution", String(20), nullable=False),
    Column("corr_group", String(80)),
    Column("slips", Boolean, nullable=False),
    Column("basis", Text),
)

business_case_risks = Table(
    "business_case_risks",
    metadata,
    Column("case_id", String(ID), ForeignKey(CASE_FK), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("owner", Text),
    Column("mitigation", Text),
)

business_case_benefits = Table(
    "business_case_benefits",
    metadata,
    Column("case_id", String(ID), ForeignKey(CASE_FK), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("owner", Text),
    Column("measure", Text),
    Column("baseline", Float),
    Column("target", Float),
    Column("unit", String(80)),
    Column("due", Date),
    Column("metric", String(200)),
)
