"""Tables of the decision register and the decision-rights matrix."""

from __future__ import annotations

from sqlalchemy import Column, Date, String, Table, Text

from produktlyft.inventory.tables import ID
from produktlyft.kernel.db.schema import metadata

decisions = Table(
    "decisions",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("title", Text, nullable=False),
    Column("description", Text),
    Column("team", String(ID), nullable=False, index=True),
    Column("kind", String(40), nullable=False),
    Column("level", String(20), nullable=False),
    Column("proposed_on", Date, nullable=False),
    Column("decided_on", Date),
    Column("outcome", String(20), nullable=False),
    Column("notes", Text),
    Column("source", Text),
    Column("recorded_by", String(200), nullable=False),
    Column("recorded_on", Date, nullable=False),
)

decision_rights = Table(
    "decision_rights",
    metadata,
    Column("team", String(ID), primary_key=True),
    Column("kind", String(40), primary_key=True),
    Column("level", String(20), nullable=False),
    Column("set_by", String(200), nullable=False),
    Column("set_on", Date, nullable=False),
)
