"""Tables of the outcomes area: deployments, incidents, services and their KPI values, key
results, and the area's settings. Times are stored in UTC."""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, Date, DateTime, Float, String, Table, Text

from produktlyft.inventory.tables import ID
from produktlyft.kernel.db.schema import metadata

outcome_deployments = Table(
    "outcome_deployments",
    metadata,
    Column("team", String(ID), primary_key=True),
    Column("id", String(ID), primary_key=True),
    Column("environment", String(200), nullable=False),
    Column("deployed_at", DateTime(timezone=True), nullable=False, index=True),
    Column("committed_at", DateTime(timezone=True)),
    Column("failed", Boolean, nullable=False),
    Column("rework", Boolean, nullable=False),
    Column("ref", String(200)),
    Column("source", Text),
    Column("imported_by", String(200), nullable=False),
    Column("imported_on", Date, nullable=False),
)

outcome_incidents = Table(
    "outcome_incidents",
    metadata,
    Column("team", String(ID), primary_key=True),
    Column("id", String(ID), primary_key=True),
    Column("opened_at", DateTime(timezone=True), nullable=False),
    Column("resolved_at", DateTime(timezone=True)),
    Column("deployment_id", String(ID)),
    Column("source", Text),
    Column("imported_by", String(200), nullable=False),
    Column("imported_on", Date, nullable=False),
)

outcome_services = Table(
    "outcome_services",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("name", Text, nullable=False),
    Column("event_log", String(200)),
)

outcome_kpi_values = Table(
    "outcome_kpi_values",
    metadata,
    Column("service_id", String(ID), primary_key=True),
    Column("kpi", String(40), primary_key=True),
    Column("period_start", Date, primary_key=True),
    Column("value", Float, nullable=False),
    Column("source", Text),
    Column("recorded_by", String(200), nullable=False),
    Column("recorded_on", Date, nullable=False),
)

outcome_key_results = Table(
    "outcome_key_results",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("team", String(ID), nullable=False, index=True),
    Column("quarter", String(7), nullable=False),
    Column("objective", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("metric", String(400)),
    Column("baseline", Float),
    Column("target", Float),
    Column("due", Date),
    Column("verdict", String(20), nullable=False),
    Column("reasons", JSON, nullable=False),
    Column("recorded_by", String(200), nullable=False),
    Column("recorded_on", Date, nullable=False),
)

outcome_settings = Table(
    "outcome_settings",
    metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text, nullable=False),
)
