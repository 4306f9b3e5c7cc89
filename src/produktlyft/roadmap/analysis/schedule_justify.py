"""Forward-backward improvement of a plan's makespan (double justification): push every job as
late as it can go without moving the end, in order of finish, then as early as it can go in
order of start, keeping every team. The end never moves later, and gaps left by the first pass
close. A better first plan lets CP-SAT spend its time on the hard part.

Only plans without releases, deadlines, pins, away periods or budgets are justified: mirrored in
time, those would need rules the serial placement does not have.
"""

from __future__ import annotations

from dataclasses import replace

from produktlyft.roadmap.analysis.schedule import ScheduledJob
from produktlyft.roadmap.analysis.schedule_heuristic import place_in_order
from produktlyft.roadmap.analysis.schedule_prep import Prepared


def _plain(p: Prepared) -> bool:
    problem = p.problem
    return (
        not problem.budgets
        and all(not r.unavailable for r in problem.resources)
        and all(
            job.release_week == 0 and job.deadline_week is None and job.pin_window is None
            for job in problem.jobs
        )
    )


def _modes(p: Prepared, items: list[ScheduledJob]) -> dict[int, int]:
    chosen = {}
    for item in items:
        number = p.index[item.job]
        duration = item.finish_week - item.start_week
        chosen[number] = next(
            i
            for i, mode in enumerate(p.modes[number])
            if mode.team == item.team and mode.duration_weeks == duration
        )
    return chosen


def _span(items: list[ScheduledJob]) -> int:
    return max((item.finish_week for item in items), default=0)


def justify(p: Prepared, items: list[ScheduledJob], rounds: int = 3) -> list[ScheduledJob]:
    """The plan after up to `rounds` backward-forward passes, or unchanged when not plain."""
    if not items or not _plain(p):
        return items
    modes = _modes(p, items)
    mirror = replace(p, preds=p.succs, succs=p.preds)
    rank = {job: position for position, job in enumerate(p.order)}  # breaks ties of 0 weeks
    best = items
    for _ in range(rounds):
        by_finish = sorted(best, key=lambda item: (-item.finish_week, -rank[p.index[item.job]]))
        back, _ = place_in_order(mirror, [p.index[item.job] for item in by_finish], modes)
        end = _span(back)
        late = {item.job: end - item.finish_week for item in back}  # start in real time
        order = sorted(range(len(p.modes)), key=lambda j: (late[p.problem.jobs[j].id], rank[j]))
        forward, conflicts = place_in_order(p, order, modes)
        if conflicts or _span(forward) >= _span(best):
            break
        best = forward
    return sorted(best, key=lambda item: p.index[item.job])
