"""The week-by-week load of every team and budget year while a plan is built job by job: where
the next job can start at the earliest. Used by the serial heuristic and by the compaction that
follows the solver."""

from __future__ import annotations

from produktlyft.roadmap.analysis.schedule import Mode, Problem
from produktlyft.roadmap.analysis.schedule_prep import year_of

_EPSILON = 1e-6  # kronor: rounding in sums of float costs must not refuse a job


class Board:
    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        self.capacity = {r.id: r.capacity for r in problem.resources}
        self.load: dict[str, list[int]] = {r.id: [] for r in problem.resources}
        self.away: dict[str, tuple[tuple[int, int], ...]] = {
            r.id: r.unavailable for r in problem.resources
        }
        self.spent = [0.0] * len(problem.budgets)

    def _used(self, resource: str, week: int) -> int:
        load = self.load[resource]
        return load[week] if week < len(load) else 0

    def _blocked_until(self, mode: Mode, start: int) -> int | None:
        """None when the mode fits from `start`, else the first week worth trying next."""
        end = start + mode.duration_weeks
        for resource, demand in ((mode.team, mode.demand), *mode.also_uses):
            if demand == 0:
                continue
            for away_start, away_end in self.away[resource]:
                if away_start < end and start < away_end and away_end > away_start:
                    return away_end
            limit = self.capacity[resource] - demand
            for week in range(start, end):
                if self._used(resource, week) > limit:
                    return week + 1
        return None

    def _budget_allows(self, week: int, cost: float) -> int | None:
        """None when the year of `week` can pay `cost`, else the first week of the next year."""
        year = year_of(self.problem.budgets, week)
        if year is None or cost <= 0:
            return None
        budget = self.problem.budgets[year]
        if self.spent[year] + cost <= budget.limit_sek + _EPSILON:
            return None
        return budget.end_week

    def earliest(self, mode: Mode, start: int, cost: float, *, budget: bool = True) -> int:
        """The first week at or after `start` where the mode's teams and the budget allow it."""
        week = start
        while True:
            nxt = self._blocked_until(mode, week)
            if nxt is None and budget:
                nxt = self._budget_allows(week, cost)
            if nxt is None:
                return week
            week = max(nxt, week + 1)

    def place(self, mode: Mode, start: int, cost: float) -> None:
        end = start + mode.duration_weeks
        for resource, demand in ((mode.team, mode.demand), *mode.also_uses):
            load = self.load[resource]
            if len(load) < end:
                load.extend([0] * (end - len(load)))
            for week in range(start, end):
                load[week] += demand
        year = year_of(self.problem.budgets, start)
        if year is not None:
            self.spent[year] += cost
