"""Process mining on case-handling event logs: canonical form, metrics, filters and findings.

The engine keeps one canonical table per log (see `canonical.py`): events grouped by case, in
time order within the case with the file order breaking ties, activities integer-coded. Every
metric is then a vectorised pass over that table: the "edge" of an event is the event itself
beside the next event of its case, so directly-follows counts, durations, hand-offs and loops
are plain group-bys or bin counts, never Python loops over rows.
"""

from produktlyft.workflows.analysis.canonical import (
    CanonicalLog,
    DroppedEvents,
    canonicalise,
)
from produktlyft.workflows.analysis.columns import (
    ACTIVITY,
    CASE,
    CASE_START,
    COST,
    LIFECYCLE,
    RESOURCE,
    TIMESTAMP,
    UNIT,
    VARIANT,
)

__all__ = [
    "ACTIVITY",
    "CASE",
    "CASE_START",
    "COST",
    "LIFECYCLE",
    "RESOURCE",
    "TIMESTAMP",
    "UNIT",
    "VARIANT",
    "CanonicalLog",
    "DroppedEvents",
    "canonicalise",
]
