"""The roadmap area: initiatives from the review, planned by team, budget and cost of delay."""

from __future__ import annotations

from collections.abc import Sequence
from types import ModuleType

from produktlyft.kernel.area import Area


def _tables() -> ModuleType:
    from produktlyft.roadmap import tables

    return tables


def _repositories() -> Sequence[type]:
    from produktlyft.roadmap.repository import RoadmapRepository

    return (RoadmapRepository,)


AREA = Area(name="roadmap", tables=_tables, repositories=_repositories)
