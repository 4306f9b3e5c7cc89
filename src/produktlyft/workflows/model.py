"""Records about stored event logs. The events themselves live in Parquet, not in SQL."""

from __future__ import annotations

from datetime import datetime
from typing import Any

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
