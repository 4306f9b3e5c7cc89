"""A stand-in for the CP-SAT planner while `roadmap.analysis.schedule.solve` is a placeholder:
a serial schedule in the given order (earliest start per team, predecessors and lags), so the
roadmap's own use cases can be tested end to end. Used only when the real solver is missing."""

from __future__ import annotations

import pytest

from produktlyft.roadmap.analysis import schedule


def _serial(
    problem: schedule.Problem,
    objective: schedule.Objective = "cost-of-delay",
    *_: object,
    **__: object,
) -> schedule.Solution:
    free = {r.id: 0 for r in problem.resources}
    done: dict[str, int] = {}
    items = []
    pending = list(problem.jobs)
    while pending:
        job = next(
            j
            for j in pending
            if all(p.before in done for p in problem.precedences if p.after == j.id)
        )
        pending.remove(job)
        mode = min(job.modes, key=lambda m: free[m.team])
        ready = max(
            [job.release_week, free[mode.team]]
            + [done[p.before] + p.lag_weeks for p in problem.precedences if p.after == job.id]
        )
        finish = ready + mode.duration_weeks
        free[mode.team], done[job.id] = finish, finish
        items.append(
            schedule.ScheduledJob(
                job.id, mode.team, ready, finish, "starts_at_release", {"week": str(ready)}
            )
        )
    value = sum(j.cost_of_delay_per_week * done[j.id] for j in problem.jobs)
    return schedule.Solution("feasible", objective, value, None, None, tuple(items))


def real_solver_works() -> bool:
    tiny = schedule.Problem(
        jobs=(schedule.Job("a", (schedule.Mode("t", 1),)),), resources=(schedule.Resource("t"),)
    )
    try:
        schedule.solve(tiny, "makespan", 1.0)
    except NotImplementedError:
        return False
    return True


def use_stand_in_if_needed(monkeypatch: pytest.MonkeyPatch) -> None:
    if not real_solver_works():
        monkeypatch.setattr(schedule, "solve", _serial)
        monkeypatch.setattr(schedule, "serial_schedule", _serial)
