"""The roadmap in the web app: the overview with the plan's status, the initiatives with their
forms, the plan page with its charts, why-here and phases, and what-if side by side."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from produktlyft.interop.model import TargetInterfaces
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import Conflict, InvalidInput, Issue, NotFound, wording
from produktlyft.kernel.i18n import N_
from produktlyft.kernel.web.deps import PageContext, render
from produktlyft.kernel.web.navigation import NavEntry
from produktlyft.kernel.web.security import needs, page_router
from produktlyft.roadmap import presenter
from produktlyft.roadmap.forms import initiative_values, settings_from, what_if_from
from produktlyft.roadmap.model import (
    Initiative,
    InitiativeKind,
    Sourcing,
)
from produktlyft.roadmap.service import (
    create_initiative,
    delete_initiative,
    get_initiative,
    initiative_from_form,
    initiative_interop,
    latest_plan,
    list_budgets,
    list_initiatives,
    list_phases,
    list_planning_teams,
    plan,
    plan_view,
    propose_initiatives,
    roadmap_settings,
    set_budgets,
    set_settings,
    set_teams,
    silo_findings,
    system_names,
    update_initiative,
    what_if,
)

router = page_router()
FIELD_NAMES = {
    "id": N_("Id"),
    "name": N_("Name"),
    "kind": N_("Kind"),
    "description": N_("Description"),
    "effort_weeks": N_("Effort in team-weeks"),
    "sourcing": N_("Who may do it"),
    "teams": N_("Teams that may do it"),
    "cost_sek": N_("Cost in kronor"),
    "cost_of_delay_sek_per_week": N_("Cost of delay in kronor per week"),
    "dependencies": N_("Depends on"),
    "earliest_start": N_("Earliest start"),
    "deadline": N_("Deadline"),
    "deadline_reason": N_("Why the deadline"),
    "system_ids": N_("Systems it touches"),
    "capability_ids": N_("Capabilities it touches"),
    "target_interfaces": N_("What the target does to open interfaces"),
    "target_standards": N_("Open standards the target uses"),
}
nav = (NavEntry(N_("Roadmap"), "/roadmap", Permission.READ, order=57),)
PAGE_TIME_LIMIT = 10.0
FORM_FIELDS = (
    "id",
    "name",
    "kind",
    "description",
    "effort_weeks",
    "sourcing",
    "teams",
    "cost_sek",
    "cost_of_delay_sek_per_week",
    "dependencies",
    "earliest_start",
    "deadline",
    "deadline_reason",
    "system_ids",
    "capability_ids",
    "target_interfaces",
    "target_standards",
)


def _overview(
    request: Request, ctx: ServiceContext, status_code: int = 200, **extra: Any
) -> Response:
    initiatives = list_initiatives(ctx)
    return render(
        request,
        "roadmap/overview.html",
        status_code=status_code,
        initiatives=initiatives,
        saved=latest_plan(ctx),
        phases=list_phases(ctx),
        names={i.id: i.name for i in initiatives},
        basis=lambda i: presenter.basis_text(i.cost_of_delay_basis, request.state.lang),
        status=lambda s: presenter.status_text(s, request.state.lang),
        can_edit=ctx.actor.can(Permission.EDIT),
        can_plan=ctx.actor.can(Permission.ANALYSE),
        can_organise=ctx.actor.can(Permission.ORGANISE),
        teams=list_planning_teams(ctx),
        budgets=list_budgets(ctx),
        settings=roadmap_settings(ctx),
        **{"issues": [], "message": None, **extra},
    )


@router.get("/roadmap")
@needs(Permission.READ)
def overview(request: Request, ctx: ServiceContext = PageContext) -> Response:
    return _overview(request, ctx)


@router.post("/roadmap/propose")
@needs(Permission.EDIT)
async def propose(request: Request, ctx: ServiceContext = PageContext) -> Response:
    try:
        result = await run_in_threadpool(propose_initiatives, ctx)
    except NotFound as missing:
        return _overview(request, ctx, 409, issues=[Issue(message=str(missing))])
    return _overview(request, ctx, proposed=len(result.created), kept=len(result.kept))


@router.post("/roadmap/plan")
@needs(Permission.ANALYSE)
async def make_plan(request: Request, ctx: ServiceContext = PageContext) -> Response:
    form = await request.form()
    objective = str(form.get("objective", "cost-of-delay"))
    try:
        await run_in_threadpool(plan, ctx, objective, PAGE_TIME_LIMIT)
    except InvalidInput as invalid:
        return _overview(request, ctx, 400, issues=invalid.issues)
    return RedirectResponse("/roadmap/plan", status_code=303)


@router.post("/roadmap/settings")
@needs(Permission.ORGANISE)
async def save_settings(request: Request, ctx: ServiceContext = PageContext) -> Response:
    """Team capacities, budgets per year, the plan's start and the citizen-day rate."""
    form = {k: str(v) for k, v in (await request.form()).items() if isinstance(v, str)}
    try:
        teams, budgets, settings = settings_from(form, list_planning_teams(ctx))
    except InvalidInput as invalid:
        return _overview(request, ctx, 400, issues=invalid.issues)
    set_teams(ctx, teams)
    set_budgets(ctx, budgets)
    set_settings(ctx, settings)
    return RedirectResponse("/roadmap", status_code=303)


# --- the forms -------------------------------------------------------------------------------
def _form(
    request: Request,
    ctx: ServiceContext,
    item: Initiative | None,
    values: dict[str, str],
    issues: list[Issue],
    status_code: int = 200,
) -> Response:
    lang = request.state.lang
    systems, silo, evidence = (
        presenter.interop_lines(initiative_interop(ctx, item), lang) if item else ([], [], [])
    )
    return render(
        request,
        "roadmap/initiative.html",
        touched=systems,
        silo=silo,
        silo_evidence=evidence,
        status_code=status_code,
        item=item,
        values=values,
        issues=issues,
        problems={i.column for i in issues if i.column},
        kinds=list(InitiativeKind),
        sourcings=list(Sourcing),
        targets=list(TargetInterfaces),
        teams=list_planning_teams(ctx),
        basis=presenter.basis_text(item.cost_of_delay_basis, lang) if item else None,
        version=str(item.row_version or "") if item else "",
        can_edit=ctx.actor.can(Permission.EDIT),
        field_names=FIELD_NAMES,
    )


async def _posted(request: Request) -> tuple[dict[str, str], str]:
    form = await request.form()
    fields = {k: str(form.get(k, "")) for k in FORM_FIELDS}
    return fields, str(form.get("row_version", ""))


@router.get("/roadmap/initiatives/new")
@needs(Permission.EDIT)
def new_form(request: Request, ctx: ServiceContext = PageContext) -> Response:
    return _form(request, ctx, None, initiative_values(None), [])


@router.post("/roadmap/initiatives/new")
@needs(Permission.EDIT)
async def create(request: Request, ctx: ServiceContext = PageContext) -> Response:
    fields, _ = await _posted(request)
    try:
        made = create_initiative(ctx, initiative_from_form(fields))
    except InvalidInput as invalid:
        return _form(request, ctx, None, fields, invalid.issues, 422)
    return RedirectResponse(f"/roadmap/initiatives/{made.id}?saved=1", status_code=303)


@router.get("/roadmap/initiatives/{initiative_id}")
@needs(Permission.READ)
def edit_form(request: Request, initiative_id: str, ctx: ServiceContext = PageContext) -> Response:
    item = get_initiative(ctx, initiative_id)
    return _form(request, ctx, item, initiative_values(item), [])


@router.post("/roadmap/initiatives/{initiative_id}")
@needs(Permission.EDIT)
async def save(request: Request, initiative_id: str, ctx: ServiceContext = PageContext) -> Response:
    fields, version = await _posted(request)
    current = get_initiative(ctx, initiative_id)
    try:
        edited = initiative_from_form(fields, current)
        if version.isdigit():
            edited = edited.model_copy(update={"row_version": int(version)})
        update_initiative(ctx, edited)
    except InvalidInput as invalid:
        return _form(request, ctx, current, fields, invalid.issues, 422)
    except Conflict:
        issue = Issue.worded(
            wording("someone else saved this initiative since you opened it; reload to see it"),
            element=initiative_id,
        )
        return _form(request, ctx, current, fields, [issue], 409)
    return RedirectResponse(f"/roadmap/initiatives/{initiative_id}?saved=1", status_code=303)


@router.post("/roadmap/initiatives/{initiative_id}/delete")
@needs(Permission.EDIT)
def delete(request: Request, initiative_id: str, ctx: ServiceContext = PageContext) -> Response:
    try:
        delete_initiative(ctx, initiative_id)
    except InvalidInput as invalid:
        return _form(
            request,
            ctx,
            get_initiative(ctx, initiative_id),
            initiative_values(get_initiative(ctx, initiative_id)),
            invalid.issues,
            409,
        )
    return RedirectResponse("/roadmap", status_code=303)


# --- the plan --------------------------------------------------------------------------------
def _plan_page(request: Request, ctx: ServiceContext, **extra: Any) -> Response:
    lang = request.state.lang
    view = plan_view(ctx)
    context: dict[str, Any] = {
        "view": view,
        "comparison": None,
        "issues": [],
        "teams": list_planning_teams(ctx),
    }
    context["initiatives"] = list_initiatives(ctx)
    names = {i.id: i.name for i in context["initiatives"]}
    found, systems = silo_findings(ctx), system_names(ctx)
    context["silo"] = presenter.silo_texts(found.warnings, systems, lang)
    context["silo_evidence"] = presenter.silo_texts(found.evidence, systems, lang)
    context["initiative_names"] = names
    if view is not None:
        context.update(
            gantt=presenter.gantt_svg(view, lang) if view.plan.items else None,
            gantt_rows=presenter.gantt_rows(view),
            curve=presenter.curve_svg(view, lang),
            curve_totals=[(presenter.curve_label(k, lang), v) for k, v in view.totals.items()],
            budget=presenter.budget_svg(view, lang) if view.budget_use else None,
            budget_rows=presenter.budget_rows(view),
            reason=lambda item: presenter.reason_text(
                item.reason, item.reason_params, lang, view.name, view.team_name
            ),
            conflict=lambda c: presenter.conflict_text(
                c.code, c.params, lang, view.name, view.team_name
            ),
            status=presenter.status_text(view.plan.status, lang),
        )
    context.update(extra)
    status_code = context.pop("status_code", 200)
    return render(request, "roadmap/plan.html", status_code=status_code, **context)


@router.get("/roadmap/plan")
@needs(Permission.READ)
def plan_page(request: Request, ctx: ServiceContext = PageContext) -> Response:
    return _plan_page(request, ctx)


@router.post("/roadmap/what-if")
@needs(Permission.READ)
async def try_what_if(request: Request, ctx: ServiceContext = PageContext) -> Response:
    posted = await request.form()
    form = {k: str(v) for k, v in posted.items() if isinstance(v, str)}
    try:
        changes = what_if_from(form)
        if changes.empty:
            raise InvalidInput([Issue.worded(wording("choose at least one change to try"))])
        result = await run_in_threadpool(lambda: what_if(ctx, changes, time_limit=PAGE_TIME_LIMIT))
    except InvalidInput as invalid:
        return _plan_page(request, ctx, issues=invalid.issues, status_code=400, asked=form)
    lang = request.state.lang
    return _plan_page(
        request,
        ctx,
        comparison=result,
        comparison_rows=presenter.comparison_rows(result, lang),
        asked=form,
    )
