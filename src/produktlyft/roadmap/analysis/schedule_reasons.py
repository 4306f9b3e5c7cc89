"""Why each job sits where it does, read off a finished plan by checking which constraint has
no slack, in this order:
1. `pinned`: a what-if pin holds it later than it could otherwise start;
2. `starts_at_release`: it starts at its earliest start and no predecessor holds it;
3. `waits_for_predecessor`: it starts as soon as its latest predecessor (plus lag) allows;
4. `deadline_bound`: it finishes exactly at its deadline, or its deadline puts it before team
   work with a higher cost of delay;
5. `waits_for_budget`: its team could have started it earlier, in a budget year already spent;
6. `ordered_by_cost_of_delay`: its team is busy earlier with jobs that have a higher cost of
   delay per week of work (WSJF) — the plan puts them first;
7. `waits_for_team`: its team is busy earlier (or away) with other jobs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from produktlyft.roadmap.analysis.schedule import (
    DEADLINE_BOUND,
    ORDERED_BY_COST_OF_DELAY,
    PINNED,
    STARTS_AT_RELEASE,
    WAITS_FOR_BUDGET,
    WAITS_FOR_PREDECESSOR,
    WAITS_FOR_TEAM,
    ScheduledJob,
)
from produktlyft.roadmap.analysis.schedule_prep import Prepared, year_of


def _wsjf(p: Prepared, item: ScheduledJob) -> float:
    spec = p.problem.jobs[p.index[item.job]]
    return spec.cost_of_delay_per_week / max(item.finish_week - item.start_week, 1)


def _held_by_deadline(p: Prepared, item: ScheduledJob, by_job: dict[str, ScheduledJob]) -> bool:
    """It finishes at its deadline, or goes before team work with a higher cost of delay."""
    if item.finish_week == p.problem.jobs[p.index[item.job]].deadline_week:
        return True
    return any(
        other.team == item.team
        and other.start_week >= item.finish_week
        and _wsjf(p, other) > _wsjf(p, item)
        for other in by_job.values()
    )


def _spent(p: Prepared, items: Sequence[ScheduledJob]) -> list[float]:
    spent = [0.0] * len(p.problem.budgets)
    for item in items:
        year = year_of(p.problem.budgets, item.start_week)
        if year is not None:
            spent[year] += p.problem.jobs[p.index[item.job]].cost_sek
    return spent


def _reason(
    p: Prepared, item: ScheduledJob, by_job: dict[str, ScheduledJob], spent: list[float]
) -> tuple[str, dict[str, str]]:
    number = p.index[item.job]
    spec = p.problem.jobs[number]
    ready, blocker, lag = spec.release_week, "", 0
    for pred, pred_lag in p.preds[number]:
        done = by_job[p.problem.jobs[pred].id].finish_week + pred_lag
        if done > ready or (done == ready and blocker):
            ready, blocker, lag = done, p.problem.jobs[pred].id, pred_lag
    pin = spec.pin_window
    if pin and item.start_week == pin[0] and ready < pin[0]:
        return PINNED, {"first_week": str(pin[0]), "end_week": str(pin[1])}
    if item.start_week <= ready and not blocker:
        return STARTS_AT_RELEASE, {"week": str(item.start_week)}
    if item.start_week <= ready:
        return WAITS_FOR_PREDECESSOR, {"predecessor": blocker, "lag_weeks": str(lag)}
    if spec.deadline_week is not None and _held_by_deadline(p, item, by_job):
        return DEADLINE_BOUND, {"deadline_week": str(spec.deadline_week)}
    earliest = max(ready, pin[0]) if pin else ready
    year = year_of(p.problem.budgets, earliest)
    if year is not None and year != year_of(p.problem.budgets, item.start_week):
        limit = p.problem.budgets[year].limit_sek
        if spent[year] + spec.cost_sek > limit + 1e-6:
            return WAITS_FOR_BUDGET, {"year": p.problem.budgets[year].year}
    busy = [
        other
        for other in by_job.values()
        if other.team == item.team
        and other.job != item.job
        and other.start_week < item.start_week
        and other.finish_week > earliest
    ]
    names = ", ".join(other.job for other in sorted(busy, key=lambda o: o.start_week))
    if busy and all(_wsjf(p, other) > _wsjf(p, item) for other in busy):
        rank = 1 + sum(_wsjf(p, other) > _wsjf(p, item) for other in by_job.values())
        return ORDERED_BY_COST_OF_DELAY, {
            "behind": names,
            "team": item.team,
            "rank": str(rank),  # by cost of delay per week of work, 1 = most urgent
            "of": str(len(by_job)),
        }
    return WAITS_FOR_TEAM, {"team": item.team, "busy_with": names}


def explain(p: Prepared, items: Sequence[ScheduledJob]) -> list[ScheduledJob]:
    """The items with `reason_code` and `reason_params` filled in."""
    by_job = {item.job: item for item in items}
    spent = _spent(p, items)
    out = []
    for item in items:
        code, params = _reason(p, item, by_job, spent)
        out.append(replace(item, reason_code=code, reason_params=params))
    return out
