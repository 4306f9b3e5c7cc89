"""Placeholder: phases land in the next commit."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from produktlyft.roadmap.analysis.schedule import Solution


def quarter_phases(
    solution: Solution, week_start: Callable[[int], date], costs: Mapping[str, float]
) -> list[tuple[str, tuple[str, ...], float]]:
    raise NotImplementedError
