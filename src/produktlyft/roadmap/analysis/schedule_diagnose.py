"""Which constraints conflict, when CP-SAT says the plan is infeasible.

The model is rebuilt with deadlines, pins, budget years and the horizon switched on by
assumption literals; CP-SAT returns a set of them that cannot all hold
(`SufficientAssumptionsForInfeasibility`), which we shrink by dropping one at a time while the
rest stay infeasible (within a time budget), and word as conflicts: deadlines against team
capacity, budgets too small for the deadlines, a pin, a horizon.
"""

from __future__ import annotations

import time

from ortools.sat.python import cp_model

from produktlyft.roadmap.analysis.schedule import (
    BUDGET_TOO_SMALL,
    DEADLINES_VS_CAPACITY,
    HORIZON_TOO_SHORT,
    NO_PLAN_IN_TIME,
    Conflict,
)
from produktlyft.roadmap.analysis.schedule_model import Built, build
from produktlyft.roadmap.analysis.schedule_prep import Prepared


def _assume(built: Built, literals: list[int]) -> None:
    built.model.clear_assumptions()
    built.model.add_assumptions([built.literals[index] for index in literals])


def _infeasible(built: Built, literals: list[int], seconds: float) -> bool | None:
    """True when infeasible under `literals`, False when feasible, None when unknown."""
    _assume(built, literals)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(seconds, 0.05)
    solver.parameters.num_workers = 1  # the core comes from the sequential search
    solver.parameters.random_seed = 0
    status = solver.solve(built.model)
    if status == cp_model.INFEASIBLE:
        return True
    if status in (cp_model.FEASIBLE, cp_model.OPTIMAL):
        return False
    return None


def _core(built: Built, literals: list[int], seconds: float) -> list[int] | None:
    _assume(built, literals)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = 0
    if solver.solve(built.model) != cp_model.INFEASIBLE:
        return None
    return list(solver.sufficient_assumptions_for_infeasibility()) or list(literals)


def conflicting(p: Prepared, time_limit_s: float) -> list[Conflict]:
    deadline = time.perf_counter() + max(time_limit_s, 1.0)
    built = build(p, "makespan", assume=True)
    # feasibility is the question, not the best plan (the method is untyped in ortools 9.15)
    built.model.clear_objective()  # type: ignore[no-untyped-call]
    literals = sorted(built.assumptions)
    core = _core(built, literals, max(time_limit_s / 2, 0.5))
    if core is None:
        return [Conflict(NO_PLAN_IN_TIME, {"time_limit_s": f"{time_limit_s:g}"})]
    for literal in list(core):
        left = deadline - time.perf_counter()
        if left <= 0 or len(core) == 1:
            break
        rest = [other for other in core if other != literal]
        if _infeasible(built, rest, min(left, 2.0)):
            core = rest
    return _word(p, [built.assumptions[literal] for literal in core])


def _word(p: Prepared, parts: list[tuple[str, str]]) -> list[Conflict]:
    deadlines = sorted(key for kind, key in parts if kind == "deadline")
    pins = sorted(key for kind, key in parts if kind == "pin")
    years = sorted(key for kind, key in parts if kind == "budget")
    jobs = [*deadlines, *pins]
    teams = sorted({m.team for job in jobs for m in p.modes[p.index[job]]})
    found: list[Conflict] = []
    if years:
        found.append(
            Conflict(BUDGET_TOO_SMALL, {"years": ", ".join(years), "jobs": ", ".join(jobs)})
        )
    elif jobs:
        found.append(
            Conflict(
                DEADLINES_VS_CAPACITY,
                {
                    "jobs": ", ".join(deadlines),
                    "pinned": ", ".join(pins),
                    "teams": ", ".join(teams),
                },
            )
        )
    for key in sorted({key for kind, key in parts if kind == "horizon"}):
        found.append(Conflict(HORIZON_TOO_SHORT, {"horizon_weeks": key}))
    return found
