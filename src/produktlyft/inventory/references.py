"""Which fields of which records point at other records, and how to find dangling ones."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Set
from dataclasses import dataclass

from produktlyft.inventory.model import (
    Capability,
    Contract,
    Integration,
    Inventory,
    Record,
    System,
    Team,
    Unit,
)
from produktlyft.kernel.errors import N_, Wording, wording


@dataclass(frozen=True)
class DanglingReference:
    entity: str
    record: Record
    field: str
    target_entity: str
    missing_id: str

    def message(self) -> Wording:
        return wording(_DANGLING[self.target_entity], field=self.field, id=self.missing_id)


# one sentence per kind of target, so that each can be translated whole
_DANGLING = {
    "units": N_(
        "{field} refers to unit '{id}', which is neither in this import nor in the "
        "database; add it or correct the id"
    ),
    "capabilities": N_(
        "{field} refers to capability '{id}', which is neither in this import "
        "nor in the database; add it or correct the id"
    ),
    "systems": N_(
        "{field} refers to system '{id}', which is neither in this import nor in "
        "the database; add it or correct the id"
    ),
    "technologies": N_(
        "{field} refers to technology '{id}', which is neither in this import "
        "nor in the database; add it or correct the id"
    ),
    "data_objects": N_(
        "{field} refers to data object '{id}', which is neither in this import "
        "nor in the database; add it or correct the id"
    ),
}


def _references(entity: str, record: Record) -> Iterator[tuple[str, str, str]]:
    """Yield (field, target entity, id) for every reference the record holds."""
    if isinstance(record, Unit | Capability) and record.parent_id:
        yield "parent_id", entity, record.parent_id
    if isinstance(record, System):
        if record.owning_unit_id:
            yield "owning_unit_id", "units", record.owning_unit_id
        for fit in record.capabilities:
            yield "capabilities", "capabilities", fit.capability_id
            if fit.unit_id:
                yield "capabilities.unit_id", "units", fit.unit_id
        for technology_id in record.technology_ids:
            yield "technology_ids", "technologies", technology_id
        for use in record.data_uses:
            yield "data_uses", "data_objects", use.data_object_id
    if isinstance(record, Integration):
        yield "source_id", "systems", record.source_id
        yield "target_id", "systems", record.target_id
    if isinstance(record, Contract):
        for system_id in record.system_ids:
            yield "system_ids", "systems", system_id
    if isinstance(record, Team):
        if record.unit_id:
            yield "unit_id", "units", record.unit_id
        for system_id in record.system_ids:
            yield "system_ids", "systems", system_id


def find_dangling(
    inventory: Inventory, known: Mapping[str, Set[str]] | None = None
) -> list[DanglingReference]:
    """References to ids found neither in the inventory nor among `known` ids per entity."""
    present: dict[str, set[str]] = {
        entity: {record.id for record in inventory.records(entity)} for entity in inventory.count()
    }
    dangling = []
    for entity in present:
        for record in inventory.records(entity):
            for field, target, target_id in _references(entity, record):
                if target_id in present[target]:
                    continue
                if known is not None and target_id in known.get(target, set()):
                    continue
                dangling.append(DanglingReference(entity, record, field, target, target_id))
    return dangling


def find_cycles(records: list[Unit] | list[Capability]) -> list[str]:
    """Ids of records whose parent chain loops back on itself."""
    parent = {record.id: record.parent_id for record in records}
    looping = []
    for start in parent:
        seen = {start}
        node = parent.get(start)
        while node is not None and node in parent:
            if node in seen:
                looping.append(start)
                break
            seen.add(node)
            node = parent[node]
    return looping
