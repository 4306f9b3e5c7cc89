"""Records about stored event logs, and the value types their use cases take: how to read a
file's columns, which part of a log to analyse, what the process map shows, and the progress
callback. The events themselves live in Parquet, not in SQL."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field


class EventLogInfo(BaseModel):
    """What the database keeps about one uploaded event log."""

    name: str
    source_file: str
    source_format: str
    stored_file: str  # the canonical Parquet, relative to the data folder
    events: int
    cases: int
    activities: list[str]
    first_event: datetime | None = None
    last_event: datetime | None = None
    column_mapping: dict[str, str] = Field(default_factory=dict)  # canonical field -> column
    timezone: str = "UTC"  # applied to timestamps without an offset
    timestamp_note: str = ""  # how timestamps were read, in words
    dropped: dict[str, Any] = Field(default_factory=dict)  # events missing a required value
    bad_rows: dict[str, Any] = Field(default_factory=dict)  # rows skipped as unparseable
    sorted_on_import: bool = False
    imported_at: datetime
    imported_by: str
    size_bytes: int = 0


class ActivitySystem(BaseModel):
    """An activity of the event logs, supported by a system of the inventory."""

    activity: str
    system_id: str


# stage name, fraction done (0..1): lets the CLI draw a bar and the web app report progress
Progress = Callable[[str, float], None]


def no_progress(_stage: str, _fraction: float) -> None:
    """The progress callback for callers that do not show progress."""


@dataclass(frozen=True)
class ColumnMapping:
    """Which source column holds each canonical field; None means "recognise it by name"."""

    case: str | None = None
    activity: str | None = None
    timestamp: str | None = None
    resource: str | None = None
    unit: str | None = None
    lifecycle: str | None = None
    cost: str | None = None
    timestamp_format: str | None = None  # strftime-style, for unusual formats
    timezone: str = "UTC"  # applied to timestamps that carry no offset


TimeMode = Literal["contained", "intersecting", "started", "trim"]
AttributeMode = Literal["case", "event"]


@dataclass(frozen=True)
class LogFilter:
    """What to keep. Time mode: `contained` keeps cases wholly inside the window,
    `intersecting` cases with any event in it, `started` cases that began in it, and `trim`
    keeps only the events inside it. Attribute mode `case` keeps cases with at least one event
    carrying one of the values; `event` keeps only those events."""

    start: datetime | None = None
    end: datetime | None = None
    time_mode: TimeMode = "intersecting"
    variants: tuple[int, ...] = ()
    top_variants: int | None = None
    attribute: str | None = None
    values: tuple[str, ...] = ()
    attribute_mode: AttributeMode = "case"

    @property
    def is_empty(self) -> bool:
        return self == LogFilter()


@dataclass(frozen=True)
class MapSettings:
    min_activity_share: float = 0.0  # of the most frequent activity's count
    min_edge_share: float = 0.05  # of the cases
    min_median_seconds: float = 0.0  # show only edges slower than this
    label: str = "frequency"  # or "waiting": what the edges' widths and labels show
