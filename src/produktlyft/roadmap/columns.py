"""The columns of the initiatives' file format, shared by the import and the export (which the
layer contract keeps apart): field names as headers, lists separated by ";"."""

from __future__ import annotations

SEPARATOR = ";"
COLUMNS = (
    "id",
    "name",
    "kind",
    "description",
    "effort_weeks",
    "sourcing",
    "teams",
    "cost_sek",
    "cost_of_delay_sek_per_week",
    "cost_of_delay_basis",
    "dependencies",
    "earliest_start",
    "deadline",
    "deadline_reason",
    "system_ids",
    "capability_ids",
    "target_interfaces",
    "target_standards",
    "source_kind",
    "source_key",
    "source_run_id",
)
LISTS = {"teams", "system_ids", "capability_ids"}
NUMBERS = {"effort_weeks", "cost_sek", "cost_of_delay_sek_per_week"}
