"""Tables of the roadmap: initiatives, the teams as the plan sees them, yearly budgets, the
roadmap's settings and the saved plans.

Lists that belong to one initiative (its teams, dependencies, systems, capabilities) are kept
as JSON in its row: they are read and written whole with the initiative, never queried inside,
and the optimistic lock (`row_version`) then covers them too.
"""

from __future__ import annotations

from sqlalchemy import JSON, Column, Date, DateTime, Float, Index, Integer, String, Table, Text

from produktlyft.inventory.tables import ID
from produktlyft.kernel.db.schema import metadata

roadmap_initiatives = Table(
    "roadmap_initiatives",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(40), nullable=False),
    Column("description", Text),
    Column("effort_weeks", Float, nullable=False),
    Column("sourcing", String(20), nullable=False),
    Column("teams", JSON, nullable=False),
    Column("cost_sek", Float, nullable=False),
    Column("cost_of_delay_sek_per_week", Float, nullable=False),
    Column("cost_of_delay_basis", JSON, nullable=False),
    Column("dependencies", JSON, nullable=False),
    Column("earliest_start", Date),
    Column("deadline", Date),
    Column("deadline_reason", Text),
    Column("system_ids", JSON, nullable=False),
    Column("capability_ids", JSON, nullable=False),
    Column("target_interfaces", String(20), nullable=False, server_default="not_stated"),
    Column("target_standards", Text),
    Column("source_kind", String(40)),
    Column("source_key", Text),
    Column("source_run_id", String(40)),
    Column("changed_by", String(200), nullable=False),
    Column("changed_at", DateTime(timezone=True), nullable=False),
    Column("row_version", Integer, nullable=False, default=1),
)
# re-proposing looks drafts up by the finding they came from
Index("ix_roadmap_initiatives_source_kind", roadmap_initiatives.c.source_kind)

roadmap_teams = Table(
    "roadmap_teams",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("name", Text, nullable=False),
    Column("sourcing", String(20), nullable=False),
    Column("capacity_per_week", Integer, nullable=False),
    Column("unavailable", JSON, nullable=False),
    Column("set_by", String(200), nullable=False),
    Column("set_at", DateTime(timezone=True), nullable=False),
)

roadmap_budgets = Table(
    "roadmap_budgets",
    metadata,
    Column("year", Integer, primary_key=True, autoincrement=False),
    Column("limit_sek", Float, nullable=False),
    Column("set_by", String(200), nullable=False),
    Column("set_at", DateTime(timezone=True), nullable=False),
)

roadmap_settings = Table(
    "roadmap_settings",
    metadata,
    Column("key", String(80), primary_key=True),
    Column("value", Text, nullable=False),
    Column("set_by", String(200), nullable=False),
    Column("set_at", DateTime(timezone=True), nullable=False),
)

roadmap_plans = Table(
    "roadmap_plans",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("created_by", String(200), nullable=False),
    Column("plan_start", Date, nullable=False),
    Column("objective", String(40), nullable=False),
    Column("status", String(20), nullable=False),
    Column("objective_value", Float),
    Column("lower_bound", Float),
    Column("gap", Float),
    Column("time_limit", Float),
    Column("items", JSON, nullable=False),
    Column("conflicts", JSON, nullable=False),
)
