"""The roadmap's use cases: initiatives (proposed from the review, edited, imported), the teams
and budgets the plan respects, the plan itself with its phases, and what-if comparisons.

Every change to initiatives is checked as a whole portfolio before anything is written (a
dependency loop, an unknown team, a deadline before the earliest start), in one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from produktlyft.inventory.model import Team
from produktlyft.inventory.repository import InventoryRepository
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.db import UnitOfWork
from produktlyft.kernel.errors import InvalidInput, Issue, NotFound, wording
from produktlyft.kernel.files.base import ImportLimits
from produktlyft.roadmap.analysis import schedule

# re-exported: the pages ask for a what-if through the service, not the analysis
from produktlyft.roadmap.analysis.plan_input import WhatIf as WhatIf  # noqa: PLC0414
from produktlyft.roadmap.analysis.plan_input import (
    budget_use,
    build_problem,
    cost_of_delay_total,
    cumulative_cost_of_delay,
    monday_on_or_after,
    quarter_phases,
    validate,
)
from produktlyft.roadmap.analysis.propose import Rules, propose
from produktlyft.roadmap.exporters import write_csv, write_json, write_xlsx
from produktlyft.roadmap.importers import initiative_from_fields, read_initiatives
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

OBJECTIVES = ("cost-of-delay", "makespan")
DEFAULT_TIME_LIMIT = 10.0


# --- reading ---------------------------------------------------------------------------------
def list_initiatives(ctx: ServiceContext) -> list[Initiative]:
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        return uow.repo(RoadmapRepository).initiatives()


def get_initiative(ctx: ServiceContext, initiative_id: str) -> Initiative:
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        found = uow.repo(RoadmapRepository).initiative(initiative_id)
    if found is None:
        raise NotFound(f"no initiative with id '{initiative_id}'")
    return found


def _teams(uow: UnitOfWork) -> list[PlanningTeam]:
    """The inventory's teams (one initiative at a time unless set), with what was set for the
    plan; teams set for the plan only (partners) come after."""
    stored = {t.id: t for t in uow.repo(RoadmapRepository).teams()}
    inventory = [t for t in uow.repo(InventoryRepository).load("teams") if isinstance(t, Team)]
    teams = [
        stored.pop(t.id) if t.id in stored else PlanningTeam(id=t.id, name=t.name)
        for t in inventory
    ]
    return teams + sorted(stored.values(), key=lambda t: t.id)


def list_planning_teams(ctx: ServiceContext) -> list[PlanningTeam]:
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        return _teams(uow)


def list_budgets(ctx: ServiceContext) -> list[Budget]:
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        return uow.repo(RoadmapRepository).budgets()


def roadmap_settings(ctx: ServiceContext) -> RoadmapSettings:
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        return uow.repo(RoadmapRepository).settings()


def plan_start(ctx: ServiceContext, settings: RoadmapSettings) -> date:
    return settings.plan_start or monday_on_or_after(ctx.today())


def latest_plan(ctx: ServiceContext) -> SavedPlan | None:
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        return uow.repo(RoadmapRepository).latest_plan()


def list_phases(ctx: ServiceContext) -> list[Phase]:
    """The latest saved plan by quarter of delivery; [] before the first plan."""
    plan = latest_plan(ctx)
    if plan is None:
        return []
    costs = {i.id: i.cost_sek for i in list_initiatives(ctx)}
    return quarter_phases(plan.items, costs, plan.plan_start)


# --- changing --------------------------------------------------------------------------------
def _check(uow: UnitOfWork, initiatives: Sequence[Initiative]) -> None:
    issues = validate(initiatives, [t.id for t in _teams(uow)])
    if issues:
        raise InvalidInput(issues)


def _write(ctx: ServiceContext, changed: Sequence[Initiative], removed: Sequence[str] = ()) -> None:
    """Check the portfolio as it would be after the change, then write it; all or nothing."""
    with ctx.database.unit_of_work() as uow:
        repo = uow.repo(RoadmapRepository)
        current = {i.id: i for i in repo.initiatives()}
        after = {**current, **{i.id: i for i in changed}}
        for key in removed:
            after.pop(key, None)
        _check(uow, list(after.values()))
        known = [i for i in changed if i.id in current]
        repo.insert([i for i in changed if i.id not in current], ctx.actor.name, ctx.now())
        repo.replace(known, ctx.actor.name, ctx.now())
        if removed:
            repo.delete(list(removed))


def create_initiative(ctx: ServiceContext, initiative: Initiative) -> Initiative:
    ctx.actor.require(Permission.EDIT)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        if uow.repo(RoadmapRepository).initiative(initiative.id) is not None:
            raise InvalidInput(
                [
                    Issue.worded(
                        wording("an initiative with id '{id}' exists already", id=initiative.id),
                        element=initiative.id,
                        column="id",
                    )
                ]
            )
    _write(ctx, [initiative])
    return get_initiative(ctx, initiative.id)


def update_initiative(ctx: ServiceContext, initiative: Initiative) -> Initiative:
    """Save an edit made on the version in `initiative.row_version` (Conflict if someone else
    saved since)."""
    ctx.actor.require(Permission.EDIT)
    ctx.database.require_current()
    with ctx.database.unit_of_work() as uow:
        repo = uow.repo(RoadmapRepository)
        current = {i.id: i for i in repo.initiatives()}
        if initiative.id not in current:
            raise NotFound(f"no initiative with id '{initiative.id}'")
        _check(uow, list({**current, initiative.id: initiative}.values()))
        expected = initiative.row_version or current[initiative.id].row_version or 1
        repo.update_checked(initiative, expected, ctx.actor.name, ctx.now())
    return get_initiative(ctx, initiative.id)


def delete_initiative(ctx: ServiceContext, initiative_id: str) -> None:
    """Delete one; refused while another initiative depends on it."""
    ctx.actor.require(Permission.EDIT)
    get_initiative(ctx, initiative_id)
    _write(ctx, [], [initiative_id])


def save_initiatives(ctx: ServiceContext, initiatives: Sequence[Initiative]) -> tuple[int, int]:
    """Upsert many (an import): (created, updated); checked as a whole, all or nothing."""
    ctx.actor.require(Permission.IMPORT)
    ctx.database.require_current()
    known = {i.id for i in list_initiatives(ctx)}
    _write(ctx, initiatives)
    updated = sum(1 for i in initiatives if i.id in known)
    return len(initiatives) - updated, updated


def set_teams(ctx: ServiceContext, teams: Sequence[PlanningTeam]) -> None:
    ctx.actor.require(Permission.ORGANISE)
    ctx.database.require_current()
    with ctx.database.unit_of_work() as uow:
        uow.repo(RoadmapRepository).set_teams(teams, ctx.actor.name, ctx.now())


def set_budgets(ctx: ServiceContext, budgets: Sequence[Budget]) -> None:
    ctx.actor.require(Permission.ORGANISE)
    ctx.database.require_current()
    with ctx.database.unit_of_work() as uow:
        uow.repo(RoadmapRepository).set_budgets(budgets, ctx.actor.name, ctx.now())


def set_settings(ctx: ServiceContext, settings: RoadmapSettings) -> None:
    ctx.actor.require(Permission.ORGANISE)
    ctx.database.require_current()
    with ctx.database.unit_of_work() as uow:
        uow.repo(RoadmapRepository).set_settings(settings, ctx.actor.name, ctx.now())


# --- files -----------------------------------------------------------------------------------
EXPORT_FORMATS = ("xlsx", "csv", "json")


def import_initiatives(ctx: ServiceContext, path: Path) -> tuple[int, int]:
    """A CSV or .xlsx of initiatives (the export's columns): all rows or none; (created,
    updated). Known ids are overwritten."""
    ctx.actor.require(Permission.IMPORT)
    limits = ImportLimits(
        ctx.settings.max_import_bytes,
        ctx.settings.max_unpacked_bytes,
        ctx.settings.max_issues_per_file,
    )
    initiatives = read_initiatives(path, limits)
    try:
        return save_initiatives(ctx, initiatives)
    except InvalidInput as invalid:
        # the portfolio check names the initiative; say which file it came from too
        raise InvalidInput(
            [i.model_copy(update={"file": path.name}) for i in invalid.issues]
        ) from None


def export_initiatives(ctx: ServiceContext, fmt: str, path: Path) -> int:
    """Write every initiative (and, in a workbook, the latest plan); how many."""
    ctx.actor.require(Permission.READ)
    initiatives = list_initiatives(ctx)
    if fmt == "json":
        write_json(initiatives, path)
    elif fmt == "csv":
        write_csv(initiatives, path)
    elif fmt == "xlsx":
        write_xlsx(initiatives, latest_plan(ctx), path)
    else:
        raise InvalidInput(
            [
                Issue.worded(
                    wording("unknown format '{value}'; use xlsx, csv or json", value=fmt),
                    column="format",
                )
            ]
        )
    return len(initiatives)


def initiative_from_form(fields: dict[str, str], current: Initiative | None = None) -> Initiative:
    """An initiative from the web form's fields; a field the form does not show (the cost of
    delay basis, the source) is kept from the current version. InvalidInput names each wrong
    field."""
    where = fields.get("id") or (current.id if current else "") or "?"
    if current is not None:
        fields = {**fields, "id": current.id}
    made = initiative_from_fields(fields, where)
    if current is None:
        return made
    keep: dict[str, object] = {"source": current.source, "row_version": current.row_version}
    if made.cost_of_delay_sek_per_week == current.cost_of_delay_sek_per_week:
        keep["cost_of_delay_basis"] = current.cost_of_delay_basis  # unchanged: still derived
    return made.model_copy(update=keep)


# --- proposing -------------------------------------------------------------------------------
@dataclass
class Proposal:
    created: list[Initiative] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # already proposed (maybe edited): untouched


def propose_initiatives(ctx: ServiceContext, rules: Rules | None = None) -> Proposal:
    """Draft initiatives from the latest review; a finding proposed before (even if its
    initiative was edited since) is not proposed again."""
    ctx.actor.require(Permission.EDIT)
    from produktlyft.roadmap.proposals import gather_findings

    settings = roadmap_settings(ctx)
    rules = rules or Rules(citizen_day_sek=settings.citizen_day_sek)
    drafts = propose(gather_findings(ctx), ctx.today(), rules)
    result = Proposal()
    with ctx.database.unit_of_work() as uow:
        repo = uow.repo(RoadmapRepository)
        sources = repo.sources()
        ids = {i.id for i in repo.initiatives()}
        for draft in drafts:
            source = (draft.source.kind, draft.source.key) if draft.source else None
            if draft.id in ids or (source and source in sources):
                result.kept.append(draft.id)
            else:
                result.created.append(draft)
        repo.insert(result.created, ctx.actor.name, ctx.now())
    return result


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
            teams=_teams(uow),
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


# --- the demo --------------------------------------------------------------------------------
@dataclass
class DemoRoadmap:
    proposed: int
    teams: int
    plan: SavedPlan


DEMO_YEARS = 3  # budget years the demo sets from the plan's start


def load_demo_roadmap(ctx: ServiceContext, time_limit: float = 5.0) -> DemoRoadmap:
    """Propose from the demo's review, let each inventory team carry one initiative at a time
    (the first by id two), set a yearly budget that pays for the portfolio over about two and
    a half years, and plan. Idempotent: proposing again adds nothing and the settings are the
    same; a new plan is saved each time."""
    ctx.actor.require(Permission.ORGANISE)
    proposal = propose_initiatives(ctx)
    teams = list_planning_teams(ctx)
    by_size = sorted(teams, key=lambda t: t.id)  # the first team gets two slots
    if by_size:
        set_teams(
            ctx,
            [
                t.model_copy(update={"capacity_per_week": 2 if i == 0 else 1})
                for i, t in enumerate(by_size)
            ],
        )
    start = plan_start(ctx, roadmap_settings(ctx))
    total = sum(i.cost_sek for i in list_initiatives(ctx))
    yearly = round(total / 2.5, -5) if total else 0.0
    set_budgets(ctx, [Budget(year=start.year + n, limit_sek=yearly) for n in range(DEMO_YEARS)])
    saved = plan(ctx, "cost-of-delay", time_limit)
    return DemoRoadmap(proposed=len(proposal.created), teams=len(teams), plan=saved)


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
