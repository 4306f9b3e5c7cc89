"""Questions people ask when browsing the inventory, and the rows that answer them.

These are plain records so that storage can answer them in SQL (filter, sort and page in the
database, fast at tens of thousands of systems) and entry points can render them.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from produktlyft.inventory.vocabularies import (
    Criticality,
    Direction,
    Hosting,
    IntegrationKind,
    Lifecycle,
)

T = TypeVar("T")

# The last page anyone may ask for: its offset, times the largest page, still fits the
# databases' 64-bit integers (a larger one is refused, not sent to the database)
MAX_PAGE = 999_999


class SystemSort(StrEnum):
    NAME = "name"
    UNIT = "unit"
    OWNER = "owner"
    CRITICALITY = "criticality"
    LIFECYCLE = "lifecycle"
    HOSTING = "hosting"
    COST = "cost"


class MissingFact(StrEnum):
    """The data-quality facts of analytics.data_quality, as a list filter."""

    OWNER = "owner"
    CRITICALITY = "criticality"
    LIFECYCLE = "lifecycle"
    COST = "cost"
    ANY = "any"  # any of them: the systems that are not complete


class SystemQuery(BaseModel):
    model_config = ConfigDict(frozen=True)

    text: str | None = Field(default=None, max_length=200)
    unit_id: str | None = None
    criticality: Criticality | None = None
    lifecycle: Lifecycle | None = None
    hosting: Hosting | None = None
    capability_id: str | None = None
    missing: MissingFact | None = None
    sort: SystemSort = SystemSort.NAME
    descending: bool = False
    page: int = Field(default=1, ge=1, le=MAX_PAGE)
    per_page: int = Field(default=50, ge=1, le=500)


class SystemRow(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    unit_id: str | None = None
    unit_name: str | None = None
    system_owner: str | None = None
    vendor: str | None = None
    criticality: Criticality | None = None
    lifecycle: Lifecycle | None = None
    hosting: Hosting | None = None
    annual_cost: float | None = None


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int
    page: int = 1
    per_page: int = 50

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


class Option(BaseModel):
    """An id and the name to show for it, for filters and pickers."""

    model_config = ConfigDict(frozen=True)

    id: str
    name: str


class IntegrationRow(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    name: str | None = None
    source_id: str
    source_name: str
    target_id: str
    target_name: str
    kind: IntegrationKind | None = None
    direction: Direction | None = None
    open_standard: bool | None = None

    @property
    def manual(self) -> bool:
        return self.kind is IntegrationKind.MANUAL_REKEYING


class IntegrationQuery(BaseModel):
    model_config = ConfigDict(frozen=True)

    system_id: str | None = None
    kind: IntegrationKind | None = None
    page: int = Field(default=1, ge=1, le=MAX_PAGE)
    per_page: int = Field(default=50, ge=1, le=1000)


class ContractRow(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    supplier: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    latest_end_date: date | None = None
    notice_period_months: int | None = None
    value: float | None = None
    systems: list[Option] = Field(default_factory=list)


class CapabilityNode(BaseModel):
    """One capability in the map, with its children and (a sample of) its systems."""

    id: str
    name: str
    description: str | None = None
    system_count: int = 0
    systems: list[Option] = Field(default_factory=list)
    children: list[CapabilityNode] = Field(default_factory=list)


class Fingerprint(BaseModel):
    """Changes whenever inventory data changes; keys caches of expensive summaries."""

    model_config = ConfigDict(frozen=True)

    version: int
