"""The records of an organisation's IT landscape.

Every record is keyed by an external id, the id its source gave it (a spreadsheet id, an ArchiMate
element id, a Backstage entity reference). Imports upsert by that id, which is what makes re-imports
idempotent. Relations that belong to one side (a system's capabilities, a contract's systems) are
embedded in that side, so one record is one row of the template and one element of the JSON export.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from produktlyft.inventory.vocabularies import (
    AccessibilityStatus,
    Criticality,
    DataAccess,
    DataClassification,
    Direction,
    FunctionalFit,
    Hosting,
    IntegrationKind,
    IpOwner,
    Lifecycle,
    PersonalData,
    TechnicalFit,
    TechnologyKind,
    UnitKind,
)

# Fields that describe where a record came from, not what it says: a re-import that changes only
# these reports the record as unchanged.
META_FIELDS = frozenset({"provenance", "row_version"})


class Provenance(BaseModel):
    """Where a record came from and who touched it last."""

    model_config = ConfigDict(frozen=True)

    source: str | None = None
    location: str | None = None
    imported_at: datetime | None = None
    changed_by: str | None = None
    changed_at: datetime | None = None


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)

    id: str = Field(min_length=1, max_length=200)
    properties: dict[str, str] = Field(default_factory=dict)
    provenance: Provenance | None = None
    # optimistic-locking counter, bumped on every save; None for records not yet stored
    row_version: int | None = None

    def content(self) -> dict[str, Any]:
        """The record's data without provenance, for change detection and round trips."""
        return self.model_dump(mode="json", exclude=set(META_FIELDS))

    def same_content(self, other: Record) -> bool:
        return self.content() == other.content()


class Unit(Record):
    name: str = Field(min_length=1)
    kind: UnitKind | None = None
    parent_id: str | None = None


class LifecycleDates(BaseModel):
    """Dates a system enters each lifecycle phase; vendor and internal plans are kept apart."""

    model_config = ConfigDict(extra="forbid")

    plan: date | None = None
    phase_in: date | None = None
    active: date | None = None
    phase_out: date | None = None
    end_of_life: date | None = None


class CapabilityFit(BaseModel):
    """A system supports a capability, optionally for one organisation unit, with a fit."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    capability_id: str
    unit_id: str | None = None
    fit: FunctionalFit | None = None


class DataUse(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    data_object_id: str
    access: DataAccess | None = None


class System(Record):
    name: str = Field(min_length=1)
    description: str | None = None
    tags: list[str] = Field(default_factory=list)
    owning_unit_id: str | None = None
    system_owner: str | None = None
    technical_owner: str | None = None
    vendor: str | None = None
    lifecycle: Lifecycle | None = None
    internal_dates: LifecycleDates = Field(default_factory=LifecycleDates)
    vendor_dates: LifecycleDates = Field(default_factory=LifecycleDates)
    criticality: Criticality | None = None
    users: int | None = Field(default=None, ge=0)
    hosting: Hosting | None = None
    annual_operating_cost: float | None = Field(default=None, ge=0)
    annual_licence_cost: float | None = Field(default=None, ge=0)
    data_classification: DataClassification | None = None
    personal_data: PersonalData | None = None
    accessibility: AccessibilityStatus | None = None
    civil_servants: float | None = Field(default=None, ge=0)
    contractors: float | None = Field(default=None, ge=0)
    technical_fit: TechnicalFit | None = None
    capabilities: list[CapabilityFit] = Field(default_factory=list)
    technology_ids: list[str] = Field(default_factory=list)
    data_uses: list[DataUse] = Field(default_factory=list)

    @property
    def annual_cost(self) -> float | None:
        """Operating plus licence cost; None when neither is known."""
        if self.annual_operating_cost is None and self.annual_licence_cost is None:
            return None
        return (self.annual_operating_cost or 0.0) + (self.annual_licence_cost or 0.0)


class Capability(Record):
    name: str = Field(min_length=1)
    description: str | None = None
    parent_id: str | None = None


class Technology(Record):
    """A technology component: a product at a version, the link to end-of-life data."""

    name: str = Field(min_length=1)
    version: str | None = None
    vendor: str | None = None
    kind: TechnologyKind | None = None


class Integration(Record):
    source_id: str
    target_id: str
    name: str | None = None
    description: str | None = None
    direction: Direction | None = None
    kind: IntegrationKind | None = None
    open_standard: bool | None = None


class DataObject(Record):
    name: str = Field(min_length=1)
    description: str | None = None
    classification: DataClassification | None = None
    personal_data: PersonalData | None = None


class Contract(Record):
    name: str = Field(min_length=1)
    supplier: str | None = None
    scope: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    extension_options: str | None = None
    latest_end_date: date | None = None
    value: float | None = Field(default=None, ge=0)
    notice_period_months: int | None = Field(default=None, ge=0)
    exit_clause: bool | None = None
    data_return_format: str | None = None
    ip_owner: IpOwner | None = None
    system_ids: list[str] = Field(default_factory=list)


class Team(Record):
    name: str = Field(min_length=1)
    unit_id: str | None = None
    description: str | None = None
    products: list[str] = Field(default_factory=list)
    system_ids: list[str] = Field(default_factory=list)


class Inventory(BaseModel):
    """A whole landscape, or the part of it one import brings."""

    model_config = ConfigDict(extra="forbid")

    units: list[Unit] = Field(default_factory=list)
    systems: list[System] = Field(default_factory=list)
    capabilities: list[Capability] = Field(default_factory=list)
    technologies: list[Technology] = Field(default_factory=list)
    integrations: list[Integration] = Field(default_factory=list)
    data_objects: list[DataObject] = Field(default_factory=list)
    contracts: list[Contract] = Field(default_factory=list)
    teams: list[Team] = Field(default_factory=list)

    def count(self) -> dict[str, int]:
        return {name: len(getattr(self, name)) for name in ENTITY_TYPES}

    def extend(self, other: Inventory) -> None:
        for name in ENTITY_TYPES:
            getattr(self, name).extend(getattr(other, name))

    def records(self, entity: str) -> list[Record]:
        records: list[Record] = getattr(self, entity)
        return records


# Entity name -> record class, in an order where references point backwards where they can.
ENTITY_TYPES: dict[str, type[Record]] = {
    "units": Unit,
    "capabilities": Capability,
    "technologies": Technology,
    "data_objects": DataObject,
    "systems": System,
    "integrations": Integration,
    "contracts": Contract,
    "teams": Team,
}
