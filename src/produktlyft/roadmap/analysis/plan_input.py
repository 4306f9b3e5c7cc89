"""From stored initiatives, teams and budgets to the solver's `Problem`, and back to dates.

Pure: the service reads storage and calls these. Weeks count from the plan's start (week 0,
a Monday). An earliest start rounds up to the week it falls in or after; a deadline rounds
down to the last whole week before it, so a plan that meets the week meets the date.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from produktlyft.kernel.errors import Issue, Wording, wording
from produktlyft.roadmap.analysis.schedule import (
    Job,
    Mode,
    Precedence,
    Problem,
    Resource,
    YearBudget,
)
from produktlyft.roadmap.model import (
    Budget,
    Initiative,
    Phase,
    PlanItem,
    PlanningTeam,
    Sourcing,
)


def monday_on_or_after(day: date) -> date:
    return day + timedelta(days=(7 - day.weekday()) % 7)


def week_of(start: date, day: date, *, up: bool) -> int:
    days = (day - start).days
    return math.ceil(days / 7) if up else math.floor(days / 7)


def week_start(start: date, week: int) -> date:
    return start + timedelta(weeks=week)


def quarter_of(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def quarter_window(start: date, quarter: str) -> tuple[int, int]:
    """The weeks `[first, end)` whose Monday falls in the quarter "2027-Q2"."""
    year, q = quarter.split("-Q")
    first_day = date(int(year), 3 * (int(q) - 1) + 1, 1)
    end_day = date(int(year) + (q == "4"), 1 if q == "4" else 3 * int(q) + 1, 1)
    return max(0, week_of(start, first_day, up=True)), max(0, week_of(start, end_day, up=True))


# --- validation ------------------------------------------------------------------------------
def _issue(initiative: str, column: str, message: Wording) -> Issue:
    return Issue.worded(message, element=initiative, column=column)


def _loop(initiatives: Sequence[Initiative]) -> list[str] | None:
    """One dependency loop as initiative ids (first repeated at the end), or None."""
    after = {i.id: [d.predecessor for d in i.dependencies] for i in initiatives}
    state: dict[str, int] = {}  # 1 = on the path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in after.get(node, []):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt in after and nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(after):
        if node not in state and (found := visit(node)):
            return found
    return None


def validate(initiatives: Sequence[Initiative], team_ids: Iterable[str]) -> list[Issue]:
    """What makes a portfolio unplannable by a person's mistake: an unknown team or
    predecessor, a deadline before the earliest start, effort that is not positive, and a
    dependency loop. Each issue names the initiative (element) and field (column)."""
    teams = set(team_ids)
    ids = {i.id for i in initiatives}
    issues: list[Issue] = []
    for item in initiatives:
        if item.effort_weeks <= 0:
            issues.append(
                _issue(item.id, "effort_weeks", wording("the effort must be more than 0 weeks"))
            )
        for team in item.teams:
            if team not in teams:
                issues.append(_issue(item.id, "teams", wording("unknown team '{team}'", team=team)))
        for dep in item.dependencies:
            if dep.predecessor not in ids:
                issues.append(
                    _issue(
                        item.id,
                        "dependencies",
                        wording(
                            "depends on '{predecessor}', which is not an initiative",
                            predecessor=dep.predecessor,
                        ),
                    )
                )
        if item.deadline and item.earliest_start and item.deadline < item.earliest_start:
            issues.append(
                _issue(
                    item.id,
                    "deadline",
                    wording(
                        "the deadline {deadline} is before the earliest start {start}",
                        deadline=item.deadline.isoformat(),
                        start=item.earliest_start.isoformat(),
                    ),
                )
            )
    loop = _loop(initiatives)
    if loop:
        issues.append(
            _issue(
                loop[0], "dependencies", wording("dependency loop: {loop}", loop=" → ".join(loop))
            )
        )
    return issues


# --- the problem -----------------------------------------------------------------------------
@dataclass(frozen=True)
class WhatIf:
    """Changes to try without saving: extra teams, budgets raised to a limit, deadlines moved,
    initiatives pinned to start in a quarter ("2027-Q2")."""

    add_teams: tuple[PlanningTeam, ...] = ()
    budgets: Mapping[int, float] = field(default_factory=dict)
    deadlines: Mapping[str, date] = field(default_factory=dict)
    pins: Mapping[str, str] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (self.add_teams or self.budgets or self.deadlines or self.pins)


def _modes(item: Initiative, teams: Sequence[PlanningTeam]) -> tuple[Mode, ...]:
    duration = max(1, math.ceil(item.effort_weeks))
    if item.teams:
        chosen = [t for t in teams if t.id in item.teams]
    else:
        # no team named: any team of the sourcing asked for
        chosen = [
            t for t in teams if item.sourcing is Sourcing.EITHER or t.sourcing is item.sourcing
        ]
    return tuple(Mode(team=t.id, duration_weeks=duration) for t in chosen)


def _job(item: Initiative, teams: Sequence[PlanningTeam], start: date, pin: str | None) -> Job:
    release = max(0, week_of(start, item.earliest_start, up=True)) if item.earliest_start else 0
    deadline = week_of(start, item.deadline, up=False) if item.deadline else None
    return Job(
        id=item.id,
        modes=_modes(item, teams),
        cost_sek=item.cost_sek,
        cost_of_delay_per_week=item.cost_of_delay_sek_per_week,
        release_week=release,
        deadline_week=None if deadline is None else max(0, deadline),
        pin_window=quarter_window(start, pin) if pin else None,
    )


def _resource(team: PlanningTeam, start: date) -> Resource:
    away = tuple(
        (max(0, week_of(start, u.start, up=False)), max(0, week_of(start, u.end, up=True) + 1))
        for u in team.unavailable
        if u.end >= start
    )
    return Resource(id=team.id, capacity=team.capacity_per_week, unavailable=away)


def _budgets(budgets: Sequence[Budget], start: date) -> tuple[YearBudget, ...]:
    years = []
    for budget in sorted(budgets, key=lambda b: b.year):
        first = max(0, week_of(start, date(budget.year, 1, 1), up=True))
        end = week_of(start, date(budget.year + 1, 1, 1), up=True)
        if end > first:
            years.append(YearBudget(str(budget.year), first, end, budget.limit_sek))
    return tuple(years)


def build_problem(
    initiatives: Sequence[Initiative],
    teams: Sequence[PlanningTeam],
    budgets: Sequence[Budget],
    start: date,
    what_if: WhatIf | None = None,
) -> Problem:
    change = what_if or WhatIf()
    all_teams = [*teams, *change.add_teams]
    limits = {b.year: b.limit_sek for b in budgets} | dict(change.budgets)
    items = [
        i.model_copy(update={"deadline": change.deadlines[i.id]}) if i.id in change.deadlines else i
        for i in initiatives
    ]
    return Problem(
        jobs=tuple(_job(i, all_teams, start, change.pins.get(i.id)) for i in items),
        resources=tuple(_resource(t, start) for t in all_teams),
        precedences=tuple(
            Precedence(before=d.predecessor, after=i.id, lag_weeks=d.lag_weeks)
            for i in items
            for d in i.dependencies
        ),
        budgets=_budgets([Budget(year=y, limit_sek=v) for y, v in limits.items()], start),
    )


# --- results ---------------------------------------------------------------------------------
def cost_of_delay_total(items: Sequence[PlanItem], weights: Mapping[str, float]) -> float:
    """Σ cost of delay per week × finish week: what waiting for the plan costs, in kronor."""
    return sum(weights.get(i.initiative, 0.0) * i.finish_week for i in items)


def cumulative_cost_of_delay(
    items: Sequence[PlanItem], weights: Mapping[str, float]
) -> list[tuple[int, float]]:
    """(week, kronor lost so far) at every week up to the last finish: each initiative costs
    its weekly cost of delay every week until it is done."""
    last = max((i.finish_week for i in items), default=0)
    finish = {i.initiative: i.finish_week for i in items}
    points, total = [], 0.0
    for week in range(last + 1):
        points.append((week, total))
        total += sum(w for key, w in weights.items() if finish.get(key, 0) > week)
    return points


def budget_use(
    items: Sequence[PlanItem], costs: Mapping[str, float], start: date
) -> dict[int, float]:
    """Kronor committed per budget year: an initiative's cost counts in the year it starts."""
    use: dict[int, float] = {}
    for item in items:
        year = week_start(start, item.start_week).year
        use[year] = use.get(year, 0.0) + costs.get(item.initiative, 0.0)
    return dict(sorted(use.items()))


def quarter_phases(
    items: Sequence[PlanItem], costs: Mapping[str, float], start: date
) -> list[Phase]:
    """The plan by quarter of delivery: an initiative belongs to the quarter of its last week
    of work, and the phase costs what its initiatives cost."""
    grouped: dict[str, list[str]] = {}
    for item in sorted(items, key=lambda i: (i.finish_week, i.initiative)):
        last_day = week_start(start, max(item.start_week, item.finish_week - 1))
        grouped.setdefault(quarter_of(last_day), []).append(item.initiative)
    phases = []
    for key, ids in sorted(grouped.items()):
        year, q = key.split("-Q")
        first = date(int(year), 3 * (int(q) - 1) + 1, 1)
        end = date(int(year) + (q == "4"), 1 if q == "4" else 3 * int(q) + 1, 1)
        phases.append(
            Phase(
                id=key,
                name=key.replace("-", " "),
                start=first,
                end=end - timedelta(days=1),
                initiative_ids=tuple(ids),
                cost_sek=sum(costs.get(i, 0.0) for i in ids),
            )
        )
    return phases
