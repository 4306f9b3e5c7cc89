"""Tables of the pilots area: registrations, their amendments, uploaded series and the latest
evaluation of each pilot."""

from __future__ import annotations

from sqlalchemy import JSON, Column, Date, DateTime, Float, Integer, String, Table, Text

from produktlyft.inventory.tables import ID
from produktlyft.kernel.db.schema import metadata

pilots = Table(
    "pilots",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("name", Text, nullable=False),
    Column("hypothesis", Text, nullable=False),
    Column("metric", String(ID), nullable=False),
    Column("pilot_team", String(ID), nullable=False),
    Column("comparison_teams", JSON, nullable=False, default=list),
    Column("pre_start", Date, nullable=False),
    Column("pre_end", Date, nullable=False),
    Column("post_start", Date, nullable=False),
    Column("post_end", Date, nullable=False),
    Column("min_effect", Float, nullable=False),
    Column("direction", String(20), nullable=False),
    Column("events", JSON, nullable=False, default=list),
    Column("registered_by", String(ID), nullable=False),
    Column("registered_at", DateTime(timezone=True), nullable=False),
)

pilot_amendments = Table(
    "pilot_amendments",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("pilot_id", String(ID), nullable=False, index=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("by", String(ID), nullable=False),
    Column("field", String(40), nullable=False),
    Column("old", Text, nullable=False),
    Column("new", Text, nullable=False),
    Column("reason", Text, nullable=False),
)

pilot_series = Table(
    "pilot_series",
    metadata,
    Column("pilot_id", String(ID), primary_key=True),
    Column("team", String(ID), primary_key=True),
    Column("period_start", Date, primary_key=True),
    Column("value", Float, nullable=False),
)

pilot_evaluations = Table(
    "pilot_evaluations",
    metadata,
    Column("pilot_id", String(ID), primary_key=True),
    Column("evaluated_at", DateTime(timezone=True), nullable=False),
    Column("document", JSON, nullable=False),  # the Evaluation record as JSON
)
