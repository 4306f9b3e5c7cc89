"""Placeholder: the serial schedule lands in the next commit."""

from __future__ import annotations

from produktlyft.roadmap.analysis.schedule import Objective, Priority, Problem, Solution


def serial_plan(problem: Problem, priority: Priority, objective: Objective) -> Solution:
    raise NotImplementedError
