"""Tables of the procurement area: saved contract slices and the register fields procurement
keeps for an inventory contract (keyed by the contract's id; the inventory is not changed)."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Date, Float, String, Table, Text

from produktlyft.inventory.tables import ID
from produktlyft.kernel.db.schema import metadata

procurement_slices = Table(
    "procurement_slices",
    metadata,
    Column("slice", String(ID), primary_key=True),
    Column("need", Text, nullable=False),
    Column("phase_id", String(ID), index=True),
    Column("start", Date, nullable=False),
    Column("end", Date, nullable=False),
    Column("data", Text, nullable=False),  # the whole slice as JSON, as the model reads it
    Column("origin", Text, nullable=False),  # the file it came from, or "phase:<id>"
    Column("saved_by", String(200), nullable=False),
    Column("saved_on", Date, nullable=False),
)

procurement_contract_terms = Table(
    "procurement_contract_terms",
    metadata,
    Column("contract_id", String(ID), primary_key=True),
    Column("options_value_sek", Float),
    Column("extension_months", Float),
    Column("notice_months", Float),
    Column("exit_clause", Boolean),
    Column("data_return_format", Text),
    Column("code_ownership", String(20)),
    Column("system_ids", Text, nullable=False),  # JSON list of system ids
    Column("route", String(20)),
    Column("saved_by", String(200), nullable=False),
    Column("saved_on", Date, nullable=False),
)
