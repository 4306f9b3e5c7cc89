"""Planning: the solver's problem from what is stored, the saved plan, what-if comparisons and
what the plan page shows. The service offers these (`roadmap.service`); they read storage
through the repository themselves so that the service can use them without a cycle."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from produktlyft.inventory.model import Team
from produktlyft.inventory.repository import InventoryRepository
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.db import UnitOfWork
from produktlyft.kernel.errors import InvalidInput, Issue, wording
from produktlyft.roadmap.analysis import schedule
from produktlyft.roadmap.analysis.plan_input import (
    WhatIf,
    budget_use,
    build_problem,
    cost_of_delay_total,
    cumulative_cost_of_delay,
    monday_on_or_after,
    quarter_phases,
    validate,
)
from produktlyft.roadmap.model import (
    Budget,
    Conflict,
    Initiative,
    Phase,
    PlanItem,
    PlanningTeam,
    RoadmapSettings,
    SavedPlan,
)
from produktlyft.roadmap.repository import RoadmapRepository

DEFAULT_TIME_LIMIT = 10.0


def teams_of(uow: UnitOfWork) -> list[PlanningTeam]:
    """The inventory's teams (one initiative at a time unless set), with what was set for the
    plan; teams set for the plan only (partners) come after."""
    stored = {t.id: t for t in uow.repo(RoadmapRepository).teams()}
    inventory = [t for t in uow.repo(InventoryRepository).load("teams") if isinstance(t, Team)]
    teams = [
        stored.pop(t.id) if t.id in stored else PlanningTeam(id=t.id, name=t.name)
        for t in inventory
    ]
    return teams + sorted(stored.values(), key=lambda t: t.id)


def plan_start(ctx: ServiceContext, settings: RoadmapSettings) -> date:
    return settings.plan_start or monday_on_or_after(ctx.today())


def latest_plan(ctx: ServiceContext) -> SavedPlan | None:
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        return uow.repo(RoadmapRepository).latest_plan()


# --- planning --------------------------------------------------------------------------------
@dataclass
class PlanInput:
    initiatives: list[Initiative]
    teams: list[PlanningTeam]
    budgets: list[Budget]
    start: date


def plan_input(ctx: ServiceContext) -> PlanInput:
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        repo = uow.repo(RoadmapRepository)
        return PlanInput(
            initiatives=repo.initiatives(),
            teams=teams_of(uow),
            budgets=repo.budgets(),
            start=plan_start(ctx, repo.settings()),
        )


def _objective(objective: str) -> schedule.Objective:
    if objective == "makespan":
        return "makespan"
    if objective == "cost-of-delay":
        return "cost-of-delay"
    raise InvalidInput(
        [
            Issue.worded(
                wording(
                    "unknown objective '{value}'; use cost-of-delay or makespan", value=objective
                ),
                column="objective",
            )
        ]
    )


def to_plan(
    solution: schedule.Solution, data: PlanInput, who: str, ctx: ServiceContext, limit: float
) -> SavedPlan:
    return SavedPlan(
        created_at=ctx.now(),
        created_by=who,
        plan_start=data.start,
        objective=solution.objective,
        status=solution.status,
        objective_value=solution.objective_value,
        lower_bound=solution.lower_bound,
        gap=solution.gap,
        time_limit=limit,
        items=[
            PlanItem(
                initiative=s.job,
                team=s.team,
                start_week=s.start_week,
                finish_week=s.finish_week,
                reason=s.reason_code,
                reason_params=dict(s.reason_params),
            )
            for s in solution.items
        ],
        conflicts=[Conflict(code=c.code, params=dict(c.params)) for c in solution.conflicts],
    )


def _solve(
    ctx: ServiceContext, data: PlanInput, objective: str, time_limit: float, change: WhatIf
) -> SavedPlan:
    goal = _objective(objective)
    issues = validate(data.initiatives, [t.id for t in [*data.teams, *change.add_teams]])
    if issues:
        raise InvalidInput(issues)
    problem = build_problem(data.initiatives, data.teams, data.budgets, data.start, change)
    solution = schedule.solve(problem, goal, time_limit)
    return to_plan(solution, data, ctx.actor.name, ctx, time_limit)


def plan(
    ctx: ServiceContext, objective: str = "cost-of-delay", time_limit: float = DEFAULT_TIME_LIMIT
) -> SavedPlan:
    """Plan every initiative with CP-SAT and keep the plan (infeasible plans are kept too,
    with their conflicts, so the page can say what to change)."""
    ctx.actor.require(Permission.ANALYSE)
    result = _solve(ctx, plan_input(ctx), objective, time_limit, WhatIf())
    with ctx.database.unit_of_work() as uow:
        result.id = uow.repo(RoadmapRepository).save_plan(result)
    return result


@dataclass
class Comparison:
    current: SavedPlan
    alternative: SavedPlan
    current_cost_of_delay: float
    alternative_cost_of_delay: float

    @property
    def difference(self) -> float:
        return self.alternative_cost_of_delay - self.current_cost_of_delay


def what_if(
    ctx: ServiceContext,
    changes: WhatIf,
    *,
    objective: str = "cost-of-delay",
    time_limit: float = DEFAULT_TIME_LIMIT,
) -> Comparison:
    """The plan as it is and with the changes, side by side, with their cost-of-delay totals;
    nothing is saved. The current plan is the latest saved one when there is one."""
    ctx.actor.require(Permission.READ)
    data = plan_input(ctx)
    unknown = sorted(
        (set(changes.pins) | set(changes.deadlines)) - {i.id for i in data.initiatives}
    )
    if unknown:
        raise InvalidInput(
            [
                Issue.worded(wording("no initiative with id '{id}'", id=key), element=key)
                for key in unknown
            ]
        )
    current = latest_plan(ctx) or _solve(ctx, data, objective, time_limit, WhatIf())
    alternative = _solve(ctx, data, current.objective, time_limit, changes)
    weights = {i.id: i.cost_of_delay_sek_per_week for i in data.initiatives}
    return Comparison(
        current=current,
        alternative=alternative,
        current_cost_of_delay=cost_of_delay_total(current.items, weights),
        alternative_cost_of_delay=cost_of_delay_total(alternative.items, weights),
    )


# --- what the plan page shows ---------------------------------------------------------------
@dataclass
class PlanView:
    plan: SavedPlan
    initiatives: dict[str, Initiative]
    teams: dict[str, PlanningTeam]
    budgets: list[Budget]
    # (week, kronor lost so far) for the plan, WSJF order and the order initiatives are listed in
    curves: dict[str, list[tuple[int, float]]]
    totals: dict[str, float]  # the same three as cost-of-delay totals
    budget_use: dict[int, float]
    phases: list[Phase]

    def name(self, initiative_id: str) -> str:
        found = self.initiatives.get(initiative_id)
        return found.name if found else initiative_id

    def team_name(self, team_id: str) -> str:
        found = self.teams.get(team_id)
        return found.name if found else team_id


def _items(solution: schedule.Solution) -> list[PlanItem]:
    return [
        PlanItem(
            initiative=s.job,
            team=s.team,
            start_week=s.start_week,
            finish_week=s.finish_week,
            reason=s.reason_code,
        )
        for s in solution.items
    ]


def plan_view(ctx: ServiceContext) -> PlanView | None:
    """The latest saved plan with its baselines (WSJF order and the listed order, both as
    serial schedules of the same problem), budget use per year and phases; None before the
    first plan."""
    saved = latest_plan(ctx)
    if saved is None:
        return None
    data = plan_input(ctx)
    weights = {i.id: i.cost_of_delay_sek_per_week for i in data.initiatives}
    costs = {i.id: i.cost_sek for i in data.initiatives}
    plans = {"plan": saved.items}
    if not validate(data.initiatives, [t.id for t in data.teams]):
        problem = build_problem(data.initiatives, data.teams, data.budgets, saved.plan_start)
        plans["wsjf"] = _items(schedule.serial_schedule(problem, "wsjf"))
        plans["current"] = _items(schedule.serial_schedule(problem, "given order"))
    return PlanView(
        plan=saved,
        initiatives={i.id: i for i in data.initiatives},
        teams={t.id: t for t in data.teams},
        budgets=data.budgets,
        curves={k: cumulative_cost_of_delay(v, weights) for k, v in plans.items()},
        totals={k: cost_of_delay_total(v, weights) for k, v in plans.items()},
        budget_use=budget_use(saved.items, costs, saved.plan_start),
        phases=quarter_phases(saved.items, costs, saved.plan_start),
    )
