"""Conversion between domain records and table rows.

Column names equal field names, except that provenance becomes `prov_*` columns, lifecycle dates
become `internal_*` / `vendor_*` columns, and list relations live in link tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Table

from produktlyft.inventory import tables as t
from produktlyft.inventory.model import ENTITY_TYPES, LifecycleDates, Provenance, Record

ENTITY_TABLES: dict[str, Table] = {
    "units": t.units,
    "capabilities": t.capabilities,
    "technologies": t.technologies,
    "data_objects": t.data_objects,
    "systems": t.systems,
    "integrations": t.integrations,
    "contracts": t.contracts,
    "teams": t.teams,
}

PROVENANCE_COLUMNS = {
    "source": "prov_source",
    "location": "prov_location",
    "imported_at": "prov_imported_at",
    "changed_by": "prov_changed_by",
    "changed_at": "prov_changed_at",
}

DATE_GROUPS = {"internal_dates": "internal", "vendor_dates": "vendor"}
PHASES = tuple(LifecycleDates.model_fields)


@dataclass(frozen=True)
class LinkTable:
    """A list field of a record stored as rows of a link table.

    `owner_column` points back at the record; `columns` are the item's fields. A list of plain
    ids (`plain_ids`) has one column.
    """

    field: str
    table: Table
    owner_column: str
    columns: tuple[str, ...]
    plain_ids: bool = False


LINKS: dict[str, tuple[LinkTable, ...]] = {
    "systems": (
        LinkTable(
            "capabilities", t.system_capabilities, "system_id", ("capability_id", "unit_id", "fit")
        ),
        LinkTable(
            "technology_ids", t.system_technologies, "system_id", ("technology_id",), plain_ids=True
        ),
        LinkTable("data_uses", t.data_uses, "system_id", ("data_object_id", "access")),
    ),
    "contracts": (
        LinkTable("system_ids", t.contract_systems, "contract_id", ("system_id",), plain_ids=True),
    ),
    "teams": (LinkTable("system_ids", t.team_systems, "team_id", ("system_id",), plain_ids=True),),
}


@cache  # called per field of every record read: 10,000 systems make it hot
def _link_fields(entity: str) -> frozenset[str]:
    return frozenset(link.field for link in LINKS.get(entity, ()))


def record_to_row(entity: str, record: Record) -> dict[str, Any]:
    """The entity table's row for a record; link-table items come from `record_to_links`."""
    data = record.model_dump(mode="python", exclude=set(_link_fields(entity)) | {"provenance"})
    row: dict[str, Any] = {}
    for field, value in data.items():
        if field in DATE_GROUPS:
            for phase in PHASES:
                row[f"{DATE_GROUPS[field]}_{phase}"] = value[phase]
        elif field == "row_version":
            continue
        else:
            row[field] = value
    provenance = record.provenance or Provenance()
    for field, column in PROVENANCE_COLUMNS.items():
        row[column] = getattr(provenance, field)
    return row


def record_to_links(entity: str, record: Record) -> dict[str, list[dict[str, Any]]]:
    """Rows of each link table for one record, in list order."""
    links = {}
    for link in LINKS.get(entity, ()):
        items = getattr(record, link.field)
        rows = []
        for position, item in enumerate(items):
            if link.plain_ids:
                values = {link.columns[0]: item}
            else:
                values = {column: getattr(item, column) for column in link.columns}
            rows.append({link.owner_column: record.id, "position": position, **values})
        links[link.table.name] = rows
    return links


@cache
def _columns_of(entity: str) -> tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...]:
    """Per field of an entity's record read from its row: the field, how it is read ("plain",
    "dates", "provenance") and, for the grouped ones, its (name, column) pairs. Worked out once,
    not per field of each of 30,000 rows (inventory loading in a large review)."""
    plan: list[tuple[str, str, tuple[tuple[str, str], ...]]] = []
    for field in ENTITY_TYPES[entity].model_fields:
        if field in DATE_GROUPS:
            pairs = tuple((phase, f"{DATE_GROUPS[field]}_{phase}") for phase in PHASES)
            plan.append((field, "dates", pairs))
        elif field == "provenance":
            plan.append((field, "provenance", tuple(PROVENANCE_COLUMNS.items())))
        elif field not in _link_fields(entity):
            plan.append((field, "plain", ()))
    return tuple(plan)


def row_to_record(
    entity: str, row: dict[str, Any], links: dict[str, list[dict[str, Any]]] | None = None
) -> Record:
    """Rebuild a record from its row and its link rows (already ordered by position)."""
    data: dict[str, Any] = {}
    for field, kind, pairs in _columns_of(entity):
        if kind == "plain":
            if field in row:
                data[field] = row[field]
        elif kind == "dates":
            data[field] = {name: row[column] for name, column in pairs}
        else:  # provenance: validated with the record, absent when every column is empty
            values = {name: row[column] for name, column in pairs}
            data[field] = values if any(values.values()) else None
    for link in LINKS.get(entity, ()):
        items = (links or {}).get(link.table.name, [])
        if link.plain_ids:
            data[link.field] = [item[link.columns[0]] for item in items]
        else:
            data[link.field] = [{column: item[column] for column in link.columns} for item in items]
    return ENTITY_TYPES[entity].model_validate(data)
