"""The whole schema: importing this module registers every table on the shared metadata.

Each area keeps its tables in its own module; add one import line here for a new one, so that
migrations and test clean-up see it.
"""

from __future__ import annotations

from produktlyft.accounts import tables as web_tables
from produktlyft.decisions import tables as decision_tables
from produktlyft.inventory import tables
from produktlyft.inventory.tables import metadata
from produktlyft.review import tables as review_tables
from produktlyft.surveys import tables as survey_tables
from produktlyft.workflows import tables as workflow_tables

__all__ = [
    "decision_tables",
    "metadata",
    "review_tables",
    "survey_tables",
    "tables",
    "web_tables",
    "workflow_tables",
]
