"""The wins log."""

from __future__ import annotations

from sqlalchemy import Column, Date, DateTime, String, Table, Text

from produktlyft.inventory.tables import ID
from produktlyft.kernel.db.schema import metadata

wins = Table(
    "wins",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("title", Text, nullable=False),
    Column("what_changed", Text, nullable=False),
    Column("outcome", Text, nullable=False),
    Column("team", String(ID), nullable=False),
    Column("day", Date, nullable=False, index=True),
    Column("source", String(20), nullable=False),
    Column("source_ref", String(ID)),
    Column("status", String(20), nullable=False, index=True),
    Column("decided_by", String(ID)),
    Column("decided_at", DateTime(timezone=True)),
)
