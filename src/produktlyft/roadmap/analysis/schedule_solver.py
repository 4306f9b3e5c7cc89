"""Planning end to end: conflicts seen before solving, the heuristic plans, CP-SAT started from
the best of them, a compaction that only moves jobs earlier, the gap, and the reasons.

Status is "optimal" only when CP-SAT proves it. When the solver stops at its time limit without
a plan of its own, the best heuristic plan is returned as "feasible" with the solver's bound.
"""

from __future__ import annotations

import time
from dataclasses import replace

from ortools.sat.python import cp_model

from produktlyft.roadmap.analysis.schedule import (
    NO_PLAN_IN_TIME,
    Conflict,
    Objective,
    Problem,
    ScheduledJob,
    Solution,
    Status,
)
from produktlyft.roadmap.analysis.schedule_diagnose import conflicting
from produktlyft.roadmap.analysis.schedule_heuristic import (
    FATAL,
    heuristic_plan,
    objective_of,
    place_in_order,
)
from produktlyft.roadmap.analysis.schedule_justify import justify
from produktlyft.roadmap.analysis.schedule_model import Built, build
from produktlyft.roadmap.analysis.schedule_prep import Prepared, prepare, tighten, year_of
from produktlyft.roadmap.analysis.schedule_reasons import explain


def _best_heuristic(p: Prepared, objective: Objective) -> tuple[Solution, Solution | None]:
    """The latest-finish plan (shown when nothing better exists) and the best feasible one."""
    plans = [
        heuristic_plan(p, rule, objective) for rule in ("latest-finish", "wsjf", "given order")
    ]
    feasible = [plan for plan in plans if plan.status == "feasible"]
    best = min(feasible, key=lambda plan: plan.objective_value or 0.0) if feasible else None
    return plans[0], best


def _hint(built: Built, p: Prepared, plan: Solution) -> None:
    """A complete hint (starts, ends, modes, budget years, makespan): CP-SAT then has a first
    plan at once instead of spending seconds completing a partial one."""
    for item in plan.items:
        number = p.index[item.job]
        built.model.add_hint(built.starts[number], item.start_week)
        built.model.add_hint(built.ends[number], item.finish_week)
        year = year_of(p.problem.budgets, item.start_week)
        for index, flag in built.years.get(number, []):
            built.model.add_hint(flag, int(index == year))
        duration = item.finish_week - item.start_week
        taken = False
        for mode, chosen in zip(p.modes[number], built.chosen[number], strict=True):
            this = not taken and mode.team == item.team and mode.duration_weeks == duration
            taken = taken or this
            built.model.add_hint(chosen, int(this))
    if built.span is not None:
        built.model.add_hint(built.span, max(item.finish_week for item in plan.items))


def _read(solver: cp_model.CpSolver, built: Built, p: Prepared) -> list[ScheduledJob]:
    items = []
    for number, spec in enumerate(p.problem.jobs):
        for mode, chosen in zip(p.modes[number], built.chosen[number], strict=True):
            if solver.boolean_value(chosen):
                start = solver.value(built.starts[number])
                items.append(ScheduledJob(spec.id, mode.team, start, start + mode.duration_weeks))
    return items


def _compact(p: Prepared, items: list[ScheduledJob]) -> list[ScheduledJob]:
    """Every job as early as the jobs starting before it allow, same teams: no job finishes
    later, so the objective can only improve (zero-cost-of-delay jobs stop drifting late)."""
    rank = {job: position for position, job in enumerate(p.order)}
    by_job = {item.job: item for item in items}
    order = sorted(
        range(len(items)), key=lambda j: (by_job[p.problem.jobs[j].id].start_week, rank[j])
    )
    modes = {}
    for number, spec in enumerate(p.problem.jobs):
        item = by_job[spec.id]
        duration = item.finish_week - item.start_week
        modes[number] = next(
            i
            for i, mode in enumerate(p.modes[number])
            if mode.team == item.team and mode.duration_weeks == duration
        )
    moved, conflicts = place_in_order(p, order, modes)
    if conflicts or any(
        new.finish_week > by_job[new.job].finish_week for new in moved
    ):  # never expected; keep the solver's plan rather than a worse one
        return items
    moved.sort(key=lambda item: p.index[item.job])
    return moved


def _finish(p: Prepared, solution: Solution, began: float, reasons: bool) -> Solution:
    items = explain(p, solution.items) if reasons and solution.items else list(solution.items)
    return replace(solution, items=tuple(items), solve_seconds=time.perf_counter() - began)


def _gap(value: float, bound: float | None, proven: bool) -> float | None:
    if proven:
        return 0.0
    if bound is None:
        return None
    return max(0.0, (value - bound) / value) if value > 0 else 0.0


def solve_problem(
    problem: Problem,
    objective: Objective,
    time_limit_s: float,
    workers: int,
    *,
    seed: int,
    reasons: bool,
) -> Solution:
    began = time.perf_counter()
    p = prepare(problem)
    if any(conflict.code in FATAL for conflict in p.conflicts) or not problem.jobs:
        verdict: Status = "infeasible" if p.conflicts else "optimal"
        value = None if p.conflicts else 0.0
        return Solution(verdict, objective, value, value, value, (), tuple(p.conflicts))
    shown, best = _best_heuristic(p, objective)
    if best is not None and objective == "makespan":
        tight = justify(p, list(best.items))
        span = objective_of(problem, tight, objective)
        if span < (best.objective_value or 0.0):
            best = replace(best, items=tuple(tight), objective_value=span, heuristic_objective=span)
    heuristic_value = best.objective_value if best else None
    if p.conflicts:  # seen without searching: no need to ask the solver
        failed = replace(shown, conflicts=tuple(p.conflicts), heuristic_objective=None)
        return _finish(p, failed, began, reasons)
    if best is not None and objective == "makespan":
        tighten(p, int(heuristic_value or p.horizon))
    built = build(p, objective, at_most=heuristic_value)
    if best is not None:
        _hint(built, p, best)
    solver = cp_model.CpSolver()
    # the limit is for the whole call: leave a tenth for reading, compacting and the reasons
    # (CP-SAT also overruns its own limit a little on a busy machine)
    spent = time.perf_counter() - began
    solver.parameters.max_time_in_seconds = max(0.9 * time_limit_s - spent, 0.1)
    solver.parameters.num_workers = max(workers, 1)
    solver.parameters.random_seed = seed
    outcome = solver.solve(built.model)
    bound = None
    if outcome in (cp_model.OPTIMAL, cp_model.FEASIBLE, cp_model.UNKNOWN):
        bound = solver.best_objective_bound * built.objective_scale
    if outcome in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        items = _compact(p, _read(solver, built, p))
        value = objective_of(problem, items, objective)
        proven = outcome == cp_model.OPTIMAL
        if best is not None and heuristic_value is not None and heuristic_value < value:
            items, value, proven = list(best.items), heuristic_value, False
        lower = value if proven else (min(bound, value) if bound is not None else None)
        plan = Solution(
            "optimal" if proven else "feasible",
            objective,
            value,
            lower,
            _gap(value, lower, proven),
            tuple(items),
            heuristic_objective=heuristic_value,
        )
        return _finish(p, plan, began, reasons)
    if outcome == cp_model.INFEASIBLE:
        left = time_limit_s - (time.perf_counter() - began)
        failed = replace(
            shown,
            conflicts=tuple(conflicting(p, left)),
            heuristic_objective=heuristic_value,
        )
        return _finish(p, failed, began, reasons)
    if best is not None and heuristic_value is not None:
        lower = min(bound, heuristic_value) if bound is not None else None
        kept = replace(best, lower_bound=lower, gap=_gap(heuristic_value, lower, False))
        return _finish(p, kept, began, reasons)
    timed_out = Conflict(NO_PLAN_IN_TIME, {"time_limit_s": f"{time_limit_s:g}"})
    failed = replace(shown, conflicts=(*shown.conflicts, timed_out), heuristic_objective=None)
    return _finish(p, failed, began, reasons)
