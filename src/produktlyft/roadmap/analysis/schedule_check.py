"""An independent check of a plan against its problem: every broken constraint as a sentence.
It shares no code with the planners, so a test can hold them to it."""

from __future__ import annotations

from collections import defaultdict

from produktlyft.roadmap.analysis.schedule import Job, Mode, Problem, ScheduledJob, Solution


def _mode(job: Job, item: ScheduledJob) -> Mode | None:
    for mode in job.modes:
        if mode.team == item.team and item.finish_week - item.start_week == mode.duration_weeks:
            return mode
    return None


def _job_rules(job: Job, item: ScheduledJob, horizon: int | None) -> list[str]:
    found = []
    if item.start_week < job.release_week:
        found.append(f"{job.id} starts at {item.start_week} before its release {job.release_week}")
    if job.deadline_week is not None and item.finish_week > job.deadline_week:
        found.append(f"{job.id} finishes at {item.finish_week} after its deadline")
    if job.pin_window and not job.pin_window[0] <= item.start_week < job.pin_window[1]:
        found.append(f"{job.id} starts at {item.start_week} outside its pin {job.pin_window}")
    if horizon is not None and item.finish_week > horizon:
        found.append(f"{job.id} finishes at {item.finish_week} after the horizon {horizon}")
    return found


def _capacity_rules(problem: Problem, load: dict[tuple[str, int], int]) -> list[str]:
    found = []
    for team in problem.resources:
        away = {w for start, end in team.unavailable for w in range(start, end)}
        for (name, week), used in sorted(load.items()):
            if name == team.id and used and (used > team.capacity or week in away):
                found.append(f"{name} carries {used} in week {week}")
    return found


def _budget_rules(problem: Problem, spent: dict[int, float]) -> list[str]:
    found = []
    for number, total in spent.items():
        budget = problem.budgets[number]
        if total > budget.limit_sek + 1e-6:
            found.append(f"budget {budget.year} spends {total:.0f} over {budget.limit_sek:.0f}")
    return found


def find_violations(problem: Problem, solution: Solution) -> list[str]:
    found: list[str] = []
    jobs = {job.id: job for job in problem.jobs}
    placed: dict[str, ScheduledJob] = {}
    load: dict[tuple[str, int], int] = defaultdict(int)
    spent: dict[int, float] = defaultdict(float)
    for item in solution.items:
        job = jobs.get(item.job)
        if job is None or item.job in placed:
            found.append(f"{item.job} is unknown or placed twice")
            continue
        placed[item.job] = item
        mode = _mode(job, item)
        if mode is None:
            found.append(f"{item.job} is placed with no matching mode on {item.team}")
            continue
        found.extend(_job_rules(job, item, problem.horizon_weeks))
        for resource, demand in ((mode.team, mode.demand), *mode.also_uses):
            for week in range(item.start_week, item.finish_week):
                load[(resource, week)] += demand
        for number, budget in enumerate(problem.budgets):
            if budget.start_week <= item.start_week < budget.end_week:
                spent[number] += job.cost_sek
    found.extend(f"{name} is not placed" for name in jobs if name not in placed)
    for link in problem.precedences:
        before, after = placed.get(link.before), placed.get(link.after)
        if before and after and after.start_week < before.finish_week + link.lag_weeks:
            found.append(f"{link.after} starts before {link.before} finishes (+{link.lag_weeks})")
    found.extend(_capacity_rules(problem, load))
    found.extend(_budget_rules(problem, spent))
    return found
