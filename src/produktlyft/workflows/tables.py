"""Tables for workflow analysis: metadata of stored event logs, and which inventory systems
support which activities. The events are kept as Parquet files beside the database."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from produktlyft.inventory.tables import ID, _fk
from produktlyft.kernel.db.schema import metadata

event_logs = Table(
    "event_logs",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("source_file", Text, nullable=False),
    Column("source_format", String(20), nullable=False),
    Column("stored_file", Text, nullable=False),
    Column("events", BigInteger, nullable=False),
    Column("cases", BigInteger, nullable=False),
    Column("activities", JSON, nullable=False, default=list),
    Column("first_event", DateTime(timezone=True)),
    Column("last_event", DateTime(timezone=True)),
    Column("column_mapping", JSON, nullable=False, default=dict),
    Column("timezone", String(64), nullable=False),
    Column("timestamp_note", Text, nullable=False, default=""),
    Column("dropped", JSON, nullable=False, default=dict),
    Column("bad_rows", JSON, nullable=False, default=dict),
    Column("sorted_on_import", Boolean, nullable=False, default=False),
    Column("imported_at", DateTime(timezone=True), nullable=False),
    Column("imported_by", String(200), nullable=False),
    Column("size_bytes", BigInteger, nullable=False, default=0),
)

activity_systems = Table(
    "activity_systems",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("activity", String(400), nullable=False, index=True),
    Column("system_id", String(ID), _fk("systems.id", cascade=True), nullable=False, index=True),
    UniqueConstraint("activity", "system_id", name="uq_activity_systems_activity_system"),
)
