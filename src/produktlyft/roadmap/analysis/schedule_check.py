"""Placeholder: the checker lands in the next commit."""

from __future__ import annotations

from produktlyft.roadmap.analysis.schedule import Problem, Solution


def find_violations(problem: Problem, solution: Solution) -> list[str]:
    raise NotImplementedError
