"""The serial schedule-generation scheme: an instant plan, the solver's starting point and the
baselines of the cost-of-delay chart.

Jobs are taken one at a time, always the highest-priority job whose predecessors are placed,
and each starts at the earliest week its predecessors (with lag), release, pin, team capacity
and budget year allow, in the mode that finishes first. Priorities:
- "latest-finish": the smallest latest finish from deadlines and successor chains first (the
  classic rule; it serves deadlines and long chains);
- "wsjf": the largest cost of delay per week of duration first (weighted shortest job first);
- "given order": the order of `Problem.jobs` (the organisation's current order).
Deadlines are not enforced while placing: a job that finishes late is reported as a conflict.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import replace

from produktlyft.roadmap.analysis.schedule import (
    DEADLINES_VS_CAPACITY,
    DEPENDENCY_LOOP,
    HORIZON_TOO_SHORT,
    NO_FEASIBLE_TEAM,
    PIN_UNREACHABLE,
    UNKNOWN_JOB,
    Conflict,
    Objective,
    Priority,
    Problem,
    ScheduledJob,
    Solution,
    Status,
)
from produktlyft.roadmap.analysis.schedule_board import Board
from produktlyft.roadmap.analysis.schedule_prep import Prepared, prepare
from produktlyft.roadmap.analysis.schedule_reasons import explain

# Conflicts that leave no plan to show at all: there is no order, or a job has no team.
FATAL = frozenset({DEPENDENCY_LOOP, UNKNOWN_JOB, NO_FEASIBLE_TEAM})


def objective_of(problem: Problem, items: Sequence[ScheduledJob], objective: Objective) -> float:
    if objective == "makespan":
        return float(max((item.finish_week for item in items), default=0))
    weight = {job.id: job.cost_of_delay_per_week for job in problem.jobs}
    return float(sum(weight[item.job] * item.finish_week for item in items))


def _priority_key(p: Prepared, priority: Priority) -> Callable[[int], tuple[float, ...]]:
    def wsjf(job: int) -> float:
        return p.problem.jobs[job].cost_of_delay_per_week / max(p.min_duration(job), 1)

    if priority == "latest-finish":
        return lambda job: (p.latest_finish[job], -wsjf(job), job)
    if priority == "wsjf":
        return lambda job: (-wsjf(job), p.latest_finish[job], job)
    return lambda job: (job,)


def sequence(p: Prepared, key: Callable[[int], tuple[float, ...]]) -> list[int]:
    """Jobs in priority order, each only after all its predecessors."""
    waiting = [len(p.preds[job]) for job in range(len(p.modes))]
    eligible = [job for job, count in enumerate(waiting) if count == 0]
    order: list[int] = []
    while eligible:
        job = min(eligible, key=key)
        eligible.remove(job)
        order.append(job)
        for succ, _ in p.succs[job]:
            waiting[succ] -= 1
            if waiting[succ] == 0:
                eligible.append(succ)
    return order


def place_in_order(
    p: Prepared, order: Sequence[int], fixed_modes: dict[int, int] | None = None
) -> tuple[list[ScheduledJob], list[Conflict]]:
    """Place jobs in `order` at their earliest feasible week; `fixed_modes` keeps a chosen mode
    (by index into the usable modes) instead of taking the one that finishes first."""
    board = Board(p.problem)
    finish: dict[int, int] = {}
    items: list[ScheduledJob] = []
    conflicts: list[Conflict] = []
    for job in order:
        spec = p.problem.jobs[job]
        ready = max([spec.release_week] + [finish[q] + lag for q, lag in p.preds[job]])
        pin = spec.pin_window
        begin = max(ready, pin[0]) if pin else ready
        choices = range(len(p.modes[job]))
        if fixed_modes is not None and job in fixed_modes:
            choices = range(fixed_modes[job], fixed_modes[job] + 1)
        options = []
        for number in choices:
            mode = p.modes[job][number]
            start = board.earliest(mode, begin, spec.cost_sek)
            options.append((start + mode.duration_weeks, start, number))
        end, start, number = min(options)
        mode = p.modes[job][number]
        if pin and start >= pin[1]:
            conflicts.append(
                Conflict(
                    PIN_UNREACHABLE,
                    {
                        "job": spec.id,
                        "first_week": str(pin[0]),
                        "end_week": str(pin[1]),
                        "earliest_start": str(start),
                    },
                )
            )
        if spec.deadline_week is not None and end > spec.deadline_week:
            conflicts.append(
                Conflict(
                    DEADLINES_VS_CAPACITY,
                    {
                        "jobs": spec.id,
                        "teams": mode.team,
                        "deadline_week": str(spec.deadline_week),
                        "finish_week": str(end),
                    },
                )
            )
        board.place(mode, start, spec.cost_sek)
        finish[job] = end
        items.append(ScheduledJob(spec.id, mode.team, start, end))
    late = max((item.finish_week for item in items), default=0)
    if late > p.horizon:
        conflicts.append(Conflict(HORIZON_TOO_SHORT, {"horizon_weeks": str(p.horizon)}))
    return items, conflicts


def heuristic_plan(p: Prepared, priority: Priority, objective: Objective) -> Solution:
    began = time.perf_counter()
    if any(conflict.code in FATAL for conflict in p.conflicts):
        return Solution("infeasible", objective, None, None, None, (), tuple(p.conflicts))
    items, placed = place_in_order(p, sequence(p, _priority_key(p, priority)))
    conflicts = list(p.conflicts) + [c for c in placed if c not in p.conflicts]
    items.sort(key=lambda item: p.index[item.job])
    value = objective_of(p.problem, items, objective)
    status: Status = "infeasible" if conflicts else "feasible"
    return Solution(
        status,
        objective,
        value,
        None,
        None,
        tuple(items),
        tuple(conflicts),
        heuristic_objective=value,
        solve_seconds=time.perf_counter() - began,
    )


def serial_plan(problem: Problem, priority: Priority, objective: Objective) -> Solution:
    """The heuristic plan with its why-here reasons (the instant plan a page shows)."""
    p = prepare(problem)
    plan = heuristic_plan(p, priority, objective)
    return replace(plan, items=tuple(explain(p, plan.items)))
