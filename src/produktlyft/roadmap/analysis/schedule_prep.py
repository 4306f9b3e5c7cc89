"""What every planner needs before placing anything: indexed jobs, usable modes, dependency
order, earliest starts and latest finishes, the horizon, and the conflicts that can be seen
without searching (a loop, an impossible deadline, a job no team can do, a job dearer than any
budget year)."""

from __future__ import annotations

from dataclasses import dataclass

from produktlyft.roadmap.analysis.schedule import (
    COST_EXCEEDS_BUDGET,
    DEADLINE_BEFORE_RELEASE,
    DEADLINE_UNREACHABLE,
    DEPENDENCY_LOOP,
    NO_FEASIBLE_TEAM,
    PIN_UNREACHABLE,
    UNKNOWN_JOB,
    Conflict,
    Mode,
    Problem,
    YearBudget,
)


@dataclass
class Prepared:
    problem: Problem
    index: dict[str, int]
    modes: list[list[Mode]]  # the modes whose teams exist and are big enough
    preds: list[list[tuple[int, int]]]  # per job: (predecessor index, lag)
    succs: list[list[tuple[int, int]]]
    order: list[int]  # a topological order (all jobs when there is no loop)
    earliest_start: list[int]  # from releases, pins and predecessor chains (shortest modes)
    chain: list[int | None]  # the predecessor that sets the earliest start
    latest_finish: list[int]  # from deadlines and successors, within the horizon
    horizon: int
    capacity: dict[str, int]
    conflicts: list[Conflict]

    def min_duration(self, job: int) -> int:
        return min((m.duration_weeks for m in self.modes[job]), default=0)


def year_of(budgets: tuple[YearBudget, ...], week: int) -> int | None:
    """The index of the budget year that holds `week`, None when no year does."""
    for number, budget in enumerate(budgets):
        if budget.start_week <= week < budget.end_week:
            return number
    return None


def _usable(mode: Mode, capacity: dict[str, int]) -> bool:
    uses = ((mode.team, mode.demand), *mode.also_uses)
    return all(resource in capacity and demand <= capacity[resource] for resource, demand in uses)


def _find_cycle(succs: list[list[tuple[int, int]]]) -> list[int] | None:
    """One dependency cycle as a list of job indexes (first repeated at the end), or None."""
    state = [0] * len(succs)  # 0 unseen, 1 on the path, 2 done
    for root in range(len(succs)):
        if state[root]:
            continue
        path: list[int] = [root]
        todo: list[list[int]] = [[s for s, _ in succs[root]]]
        state[root] = 1
        while todo:
            if not todo[-1]:
                state[path.pop()] = 2
                todo.pop()
                continue
            nxt = todo[-1].pop()
            if state[nxt] == 1:
                return [*path[path.index(nxt) :], nxt]
            if state[nxt] == 0:
                state[nxt] = 1
                path.append(nxt)
                todo.append([s for s, _ in succs[nxt]])
    return None


def _topological(succs: list[list[tuple[int, int]]], count: int) -> list[int]:
    indegree = [0] * count
    for edges in succs:
        for target, _ in edges:
            indegree[target] += 1
    ready = [job for job in range(count) if indegree[job] == 0]
    order: list[int] = []
    while ready:
        job = ready.pop(0)
        order.append(job)
        for target, _ in succs[job]:
            indegree[target] -= 1
            if indegree[target] == 0:
                ready.append(target)
    return order


def default_horizon(problem: Problem, modes: list[list[Mode]]) -> int:
    """Long enough for the jobs one after another after every release, away period and budget
    year: a serial order always fits."""
    starts = [job.release_week for job in problem.jobs]
    starts += [job.pin_window[0] for job in problem.jobs if job.pin_window]
    starts += [end for r in problem.resources for _, end in r.unavailable]
    starts += [budget.end_week for budget in problem.budgets]
    work = sum(max((m.duration_weeks for m in options), default=0) for options in modes)
    lags = sum(p.lag_weeks for p in problem.precedences)
    return max(starts, default=0) + work + lags + 1


def prepare(problem: Problem) -> Prepared:
    conflicts: list[Conflict] = []
    index = {job.id: number for number, job in enumerate(problem.jobs)}
    capacity = {r.id: r.capacity for r in problem.resources}
    modes = [[m for m in job.modes if _usable(m, capacity)] for job in problem.jobs]
    for job, options in zip(problem.jobs, modes, strict=True):
        if not options:
            teams = ", ".join(m.team for m in job.modes)
            conflicts.append(Conflict(NO_FEASIBLE_TEAM, {"job": job.id, "teams": teams}))
    count = len(problem.jobs)
    preds: list[list[tuple[int, int]]] = [[] for _ in range(count)]
    succs: list[list[tuple[int, int]]] = [[] for _ in range(count)]
    for link in problem.precedences:
        for name in (link.before, link.after):
            if name not in index:
                conflicts.append(Conflict(UNKNOWN_JOB, {"job": name}))
        if link.before in index and link.after in index:
            before, after = index[link.before], index[link.after]
            preds[after].append((before, link.lag_weeks))
            succs[before].append((after, link.lag_weeks))
    cycle = _find_cycle(succs)
    if cycle is not None:
        names = " → ".join(problem.jobs[job].id for job in cycle)
        conflicts.append(Conflict(DEPENDENCY_LOOP, {"cycle": names}))
    horizon = problem.horizon_weeks or default_horizon(problem, modes)
    prepared = Prepared(
        problem=problem,
        index=index,
        modes=modes,
        preds=preds,
        succs=succs,
        order=_topological(succs, count),
        earliest_start=[job.release_week for job in problem.jobs],
        chain=[None] * count,
        latest_finish=[horizon] * count,
        horizon=horizon,
        capacity=capacity,
        conflicts=conflicts,
    )
    if cycle is None:
        _forward(prepared)
        _backward(prepared)
        conflicts.extend(_static_conflicts(prepared))
    return prepared


def _forward(p: Prepared) -> None:
    for job in p.order:
        pin = p.problem.jobs[job].pin_window
        best = max(p.problem.jobs[job].release_week, pin[0] if pin else 0)
        for pred, lag in p.preds[job]:
            ready = p.earliest_start[pred] + p.min_duration(pred) + lag
            if ready > best:
                best, p.chain[job] = ready, pred
        p.earliest_start[job] = best


def tighten(p: Prepared, horizon: int) -> None:
    """Shrink the horizon (to a known plan's makespan) and recompute the latest finishes."""
    p.horizon = horizon
    _backward(p)


def _backward(p: Prepared) -> None:
    for job in reversed(p.order):
        deadline = p.problem.jobs[job].deadline_week
        latest = min(p.horizon, deadline) if deadline is not None else p.horizon
        for succ, lag in p.succs[job]:
            latest = min(latest, p.latest_finish[succ] - p.min_duration(succ) - lag)
        p.latest_finish[job] = latest


def _chain_text(p: Prepared, job: int) -> str:
    names: list[str] = []
    at: int | None = job
    while at is not None:
        names.append(p.problem.jobs[at].id)
        at = p.chain[at]
    return " → ".join(reversed(names))


def _static_conflicts(p: Prepared) -> list[Conflict]:
    found: list[Conflict] = []
    largest = max((b.limit_sek for b in p.problem.budgets), default=None)
    for number, job in enumerate(p.problem.jobs):
        if not p.modes[number]:
            continue
        duration = p.min_duration(number)
        early_finish = p.earliest_start[number] + duration
        if job.deadline_week is not None and job.release_week + duration > job.deadline_week:
            found.append(
                Conflict(
                    DEADLINE_BEFORE_RELEASE,
                    {
                        "job": job.id,
                        "release_week": str(job.release_week),
                        "duration": str(duration),
                        "deadline_week": str(job.deadline_week),
                    },
                )
            )
        elif job.deadline_week is not None and early_finish > job.deadline_week:
            found.append(
                Conflict(
                    DEADLINE_UNREACHABLE,
                    {
                        "job": job.id,
                        "deadline_week": str(job.deadline_week),
                        "earliest_finish": str(early_finish),
                        "chain": _chain_text(p, number),
                    },
                )
            )
        if job.pin_window and p.earliest_start[number] >= job.pin_window[1]:
            found.append(
                Conflict(
                    PIN_UNREACHABLE,
                    {
                        "job": job.id,
                        "first_week": str(job.pin_window[0]),
                        "end_week": str(job.pin_window[1]),
                        "earliest_start": str(p.earliest_start[number]),
                    },
                )
            )
        if largest is not None and job.cost_sek > largest and _always_budgeted(p, number):
            found.append(
                Conflict(
                    COST_EXCEEDS_BUDGET,
                    {
                        "job": job.id,
                        "cost_sek": f"{job.cost_sek:.0f}",
                        "largest_budget_sek": f"{largest:.0f}",
                    },
                )
            )
    return found


def _always_budgeted(p: Prepared, job: int) -> bool:
    """True when every week the job could start in lies in some budget year."""
    first = p.earliest_start[job]
    last = p.latest_finish[job] - p.min_duration(job)
    covered = sorted((b.start_week, b.end_week) for b in p.problem.budgets)
    week = first
    for start, end in covered:
        if start > week:
            break
        week = max(week, end)
    return week > last
