"""Names of the canonical event-log columns, shared by importers, engine and storage."""

from __future__ import annotations

from typing import Literal

CASE = "case_id"
ACTIVITY = "activity"
TIMESTAMP = "timestamp"
RESOURCE = "resource"
UNIT = "unit"
LIFECYCLE = "lifecycle"
COST = "cost"

# Derived at ingest, so analyses never need to sort or regroup:
CASE_START = "case_start"  # True on the first event of each case
VARIANT = "variant"  # the case's variant number, 0 = most frequent, on every event

REQUIRED = (CASE, ACTIVITY, TIMESTAMP)
OPTIONAL = (RESOURCE, UNIT, LIFECYCLE, COST)
TIME_UNIT: Literal["us"] = "us"  # timestamps are stored as microseconds since the epoch, UTC
