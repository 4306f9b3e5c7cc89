"""The whole schema: importing this module registers every table on the shared metadata.

Each area keeps its tables in its own module; add one import line here for a new one, so that
migrations and test clean-up see it.
"""

from __future__ import annotations

from produktlyft.storage import (
    decision_tables,
    review_tables,
    survey_tables,
    tables,
    web_tables,
    workflow_tables,
)
from produktlyft.storage.tables import metadata

__all__ = [
    "decision_tables", "metadata", "review_tables", "survey_tables", "tables", "web_tables",
    "workflow_tables",
]
