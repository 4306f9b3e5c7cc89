"""Reads and writes inventory records; returns domain objects, never rows."""

from __future__ import annotations

import secrets
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, cast

from sqlalchemy import Connection, CursorResult, delete, func, insert, select, update

from produktlyft.inventory import tables as t
from produktlyft.inventory.mapping import (
    ENTITY_TABLES,
    LINKS,
    record_to_links,
    record_to_row,
    row_to_record,
)
from produktlyft.inventory.model import ENTITY_TYPES, Inventory, Record, System
from produktlyft.kernel.errors import Conflict, NotFound

# SQLite allows at most 32766 bound parameters in one statement; stay well below.
_CHUNK = 500


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


INVENTORY_AREA = "inventory"


def _dicts(result: CursorResult[Any]) -> list[dict[str, Any]]:
    """A result's rows as dicts, fetched at once: iterating a result fetches row by row, and
    each mapping is a view to copy (a fifth of loading 10,000 systems with their links)."""
    keys = tuple(result.keys())
    return [dict(zip(keys, row, strict=True)) for row in result.all()]


def raise_data_version(connection: Connection, area: str) -> None:
    """Give the area a new data version in the caller's transaction, so readers in any
    process see the new version exactly when they can see the new data. The version is
    random rather than a count, so a database restored from a backup or created afresh
    never repeats a version that a cache has already seen."""
    versions = t.data_versions
    version = 1 + secrets.randbits(62)
    result = connection.execute(
        update(versions).where(versions.c.area == area).values(version=version)
    )
    if result.rowcount == 0:
        connection.execute(insert(versions).values(area=area, version=version))


def read_data_version(connection: Connection, area: str) -> int:
    versions = t.data_versions
    found = connection.scalar(select(versions.c.version).where(versions.c.area == area))
    return int(found or 0)


class InventoryRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self._version_raised = False

    def _changing(self) -> None:
        # once per transaction: the repository lives as long as its unit of work
        if not self._version_raised:
            raise_data_version(self.connection, INVENTORY_AREA)
            self._version_raised = True

    def ids(self, entity: str) -> set[str]:
        table = ENTITY_TABLES[entity]
        return set(self.connection.scalars(select(table.c.id)))

    def all_ids(self) -> dict[str, set[str]]:
        return {entity: self.ids(entity) for entity in ENTITY_TABLES}

    def count(self, entity: str) -> int:
        table = ENTITY_TABLES[entity]
        return int(self.connection.scalar(select(func.count()).select_from(table)) or 0)

    def counts(self) -> dict[str, int]:
        return {entity: self.count(entity) for entity in ENTITY_TABLES}

    def load(self, entity: str, ids: Iterable[str] | None = None) -> list[Record]:
        """Records of one entity, all of them or those with the given ids, ordered by id."""
        table = ENTITY_TABLES[entity]
        rows: list[dict[str, Any]] = []
        if ids is None:
            rows = _dicts(self.connection.execute(select(table).order_by(table.c.id)))
        else:
            for chunk in _chunks(sorted(set(ids))):
                rows.extend(
                    _dicts(self.connection.execute(select(table).where(table.c.id.in_(chunk))))
                )
            rows.sort(key=lambda row: row["id"])
        links = self._load_links(entity, None if ids is None else [r["id"] for r in rows])
        return [row_to_record(entity, row, links.get(row["id"])) for row in rows]

    def _load_links(
        self, entity: str, owner_ids: list[str] | None
    ) -> dict[str, dict[str, list[dict[str, Any]]]]:
        grouped: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(dict)
        for link in LINKS.get(entity, ()):
            owner = link.table.c[link.owner_column]
            query = select(link.table).order_by(owner, link.table.c.position)
            batches = [None] if owner_ids is None else list(_chunks(owner_ids))
            for chunk in batches:
                statement = query if chunk is None else query.where(owner.in_(chunk))
                for row in _dicts(self.connection.execute(statement)):
                    grouped[row[link.owner_column]].setdefault(link.table.name, []).append(row)
        return grouped

    def systems(self, ids: Iterable[str] | None = None) -> list[System]:
        return cast(list[System], self.load("systems", ids))

    def get(self, entity: str, record_id: str) -> Record:
        found = self.load(entity, [record_id])
        if not found:
            raise NotFound(f"no {entity.removesuffix('s').replace('_', ' ')} with id '{record_id}'")
        return found[0]

    def load_inventory(self) -> Inventory:
        return Inventory(**{entity: self.load(entity) for entity in ENTITY_TYPES})

    def insert(self, entity: str, records: Sequence[Record]) -> None:
        if not records:
            return
        self._changing()
        table = ENTITY_TABLES[entity]
        rows = [{**record_to_row(entity, record), "row_version": 1} for record in records]
        for chunk in _chunks(rows, 200):
            self.connection.execute(insert(table), list(chunk))
        self._write_links(entity, records)

    def replace(self, entity: str, records: Sequence[Record]) -> None:
        """Overwrite records that exist, bumping their version (imports win over edits)."""
        self._changing()
        table = ENTITY_TABLES[entity]
        for record in records:
            row = record_to_row(entity, record)
            row.pop("id")
            self.connection.execute(
                update(table)
                .where(table.c.id == record.id)
                .values(**row, row_version=table.c.row_version + 1)
            )
        self._delete_links(entity, [record.id for record in records])
        self._write_links(entity, records)

    def update_checked(self, entity: str, record: Record, expected_version: int) -> Record:
        """Save one edited record only if nobody saved it since `expected_version` was read."""
        self._changing()
        table = ENTITY_TABLES[entity]
        row = record_to_row(entity, record)
        row.pop("id")
        result = self.connection.execute(
            update(table)
            .where(table.c.id == record.id, table.c.row_version == expected_version)
            .values(**row, row_version=expected_version + 1)
        )
        if result.rowcount != 1:
            if record.id not in self.ids_among(entity, [record.id]):
                raise NotFound(f"no {entity.removesuffix('s')} with id '{record.id}'")
            raise Conflict(f"'{record.id}' was changed by someone else since you opened it")
        self._delete_links(entity, [record.id])
        self._write_links(entity, [record])
        return self.get(entity, record.id)

    def ids_among(self, entity: str, ids: Iterable[str]) -> set[str]:
        table = ENTITY_TABLES[entity]
        found: set[str] = set()
        for chunk in _chunks(sorted(set(ids))):
            found.update(self.connection.scalars(select(table.c.id).where(table.c.id.in_(chunk))))
        return found

    def delete(self, entity: str, ids: Sequence[str]) -> None:
        self._changing()
        table = ENTITY_TABLES[entity]
        self._delete_links(entity, ids)
        for chunk in _chunks(list(ids)):
            self.connection.execute(delete(table).where(table.c.id.in_(chunk)))

    def _delete_links(self, entity: str, owner_ids: Sequence[str]) -> None:
        for link in LINKS.get(entity, ()):
            owner = link.table.c[link.owner_column]
            for chunk in _chunks(list(owner_ids)):
                self.connection.execute(delete(link.table).where(owner.in_(chunk)))

    def _write_links(self, entity: str, records: Sequence[Record]) -> None:
        pending: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for record in records:
            for table_name, rows in record_to_links(entity, record).items():
                pending[table_name].extend(rows)
        for link in LINKS.get(entity, ()):
            rows = pending.get(link.table.name, [])
            for chunk in _chunks(rows, 500):
                self.connection.execute(insert(link.table), list(chunk))

    def ids_from_source(self, entity: str, source: str) -> set[str]:
        table = ENTITY_TABLES[entity]
        return set(self.connection.scalars(select(table.c.id).where(table.c.prov_source == source)))
