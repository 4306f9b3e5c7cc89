"""The roadmap's use cases: initiatives (proposed from the review, edited, imported), the teams
and budgets the plan respects, the plan itself with its phases, and what-if comparisons.

Every change to initiatives is checked as a whole portfolio before anything is written (a
dependency loop, an unknown team, a deadline before the earliest start), in one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.db import UnitOfWork
from produktlyft.kernel.errors import InvalidInput, Issue, NotFound, wording
from produktlyft.kernel.files.base import ImportLimits
from produktlyft.roadmap.analysis.plan_input import (
    WhatIf,
    quarter_phases,
    validate,
)
from produktlyft.roadmap.analysis.propose import Rules, propose
from produktlyft.roadmap.exporters import write_csv, write_json, write_xlsx
from produktlyft.roadmap.importers import initiative_from_fields, read_initiatives
from produktlyft.roadmap.model import (
    Budget,
    Initiative,
    Phase,
    PlanningTeam,
    RoadmapSettings,
    SavedPlan,
)
from produktlyft.roadmap.planning import (
    DEFAULT_TIME_LIMIT,
    Comparison,
    PlanInput,
    PlanView,
    latest_plan,
    plan,
    plan_input,
    plan_start,
    plan_view,
    teams_of,
    what_if,
)
from produktlyft.roadmap.repository import RoadmapRepository
from produktlyft.roadmap.silos import (
    InitiativeInterop,
    SiloFindings,
    TouchedSystem,
    initiative_interop,
    set_target_interfaces,
    silo_findings,
    silo_warnings,
    system_names,
)

# what the entry points use: the use cases here and those planning and the silo check offer
__all__ = [
    "DEFAULT_TIME_LIMIT",
    "EXPORT_FORMATS",
    "OBJECTIVES",
    "Comparison",
    "DemoRoadmap",
    "InitiativeInterop",
    "PlanInput",
    "PlanView",
    "Proposal",
    "SiloFindings",
    "TouchedSystem",
    "WhatIf",
    "create_initiative",
    "delete_initiative",
    "export_initiatives",
    "get_initiative",
    "import_initiatives",
    "initiative_from_form",
    "initiative_interop",
    "latest_plan",
    "list_budgets",
    "list_initiatives",
    "list_phases",
    "list_planning_teams",
    "load_demo_roadmap",
    "plan",
    "plan_input",
    "plan_start",
    "plan_view",
    "propose_initiatives",
    "roadmap_settings",
    "save_initiatives",
    "set_budgets",
    "set_settings",
    "set_target_interfaces",
    "set_teams",
    "silo_findings",
    "silo_warnings",
    "system_names",
    "update_initiative",
    "what_if",
]

OBJECTIVES = ("cost-of-delay", "makespan")


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


def list_planning_teams(ctx: ServiceContext) -> list[PlanningTeam]:
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        return teams_of(uow)


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


def list_phases(ctx: ServiceContext) -> list[Phase]:
    """The latest saved plan by quarter of delivery; [] before the first plan."""
    plan = latest_plan(ctx)
    if plan is None:
        return []
    costs = {i.id: i.cost_sek for i in list_initiatives(ctx)}
    return quarter_phases(plan.items, costs, plan.plan_start)


# --- changing --------------------------------------------------------------------------------
def _check(uow: UnitOfWork, initiatives: Sequence[Initiative]) -> None:
    issues = validate(initiatives, [t.id for t in teams_of(uow)])
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


def set_derived_cost_of_delay(
    ctx: ServiceContext, initiative_id: str, per_week: float, basis: dict[str, str]
) -> Initiative | None:
    """Plan an initiative with a cost of delay another area worked out (the business case's
    benefit profile), unless a person set one by hand (a figure without a basis). None when
    the initiative no longer exists."""
    ctx.actor.require(Permission.EDIT)
    ctx.database.require_current()
    with ctx.database.unit_of_work() as uow:
        repo = uow.repo(RoadmapRepository)
        current = repo.initiative(initiative_id)
        if current is None:
            return None
        if not current.cost_of_delay_basis and current.cost_of_delay_sek_per_week > 0:
            return current  # set by hand: a person's figure wins
        updated = current.model_copy(
            update={"cost_of_delay_sek_per_week": per_week, "cost_of_delay_basis": basis}
        )
        repo.update_checked(updated, current.row_version or 1, ctx.actor.name, ctx.now())
    return get_initiative(ctx, initiative_id)


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
