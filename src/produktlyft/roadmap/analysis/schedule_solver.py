"""Placeholder: the CP-SAT model lands in the next commit."""

from __future__ import annotations

from produktlyft.roadmap.analysis.schedule import Objective, Problem, Solution


def solve_problem(
    problem: Problem,
    objective: Objective,
    time_limit_s: float,
    workers: int,
    *,
    seed: int,
    reasons: bool,
) -> Solution:
    raise NotImplementedError
