"""The pilots in the web app: the list, and each pilot's registration, evaluation, chart and
survey rounds before and after."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError

from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import InvalidInput, Issue
from produktlyft.kernel.i18n import N_, gettext
from produktlyft.kernel.web.deps import PageContext, render
from produktlyft.kernel.web.navigation import NavEntry
from produktlyft.kernel.web.security import needs, page_router
from produktlyft.pilots.model import Direction, PilotRegistration
from produktlyft.pilots.presenter import (
    effect_text,
    finding_text,
    measure_text,
    series_chart,
    verdict_text,
)
from produktlyft.pilots.service import (
    chart_series,
    evaluate_pilot,
    get_pilot,
    latest_evaluation,
    list_pilots,
    register_pilot,
    registration_issues,
    series_source,
    survey_before_after,
    team_names,
)

router = page_router()
nav = (NavEntry(N_("Pilots"), "/pilots", Permission.READ, order=4, parent="/outcomes"),)


FORM_FIELDS = (
    "id",
    "name",
    "hypothesis",
    "metric",
    "pilot_team",
    "comparison_teams",
    "pre_start",
    "pre_end",
    "post_start",
    "post_end",
    "min_effect",
    "direction",
)


def _list(
    request: Request,
    ctx: ServiceContext,
    values: dict[str, str] | None = None,
    issues: list[Issue] | None = None,
) -> Response:
    pilots = list_pilots(ctx)
    verdicts = {}
    for pilot in pilots:
        evaluation = latest_evaluation(ctx, pilot.id)
        if evaluation is not None:
            verdicts[pilot.id] = verdict_text(evaluation, request.state.lang)
    issues = issues or []
    return render(
        request,
        "pilots/list.html",
        status_code=400 if issues else 200,
        pilots=pilots,
        verdicts=verdicts,
        names=team_names(ctx),
        can_edit=ctx.actor.can(Permission.EDIT),
        directions=list(Direction),
        values=values or {"metric": "uploaded"},
        issues=issues,
        problems={issue.column: issue for issue in issues},
    )


@router.get("/pilots")
@needs(Permission.READ)
def pilots_page(request: Request, ctx: ServiceContext = PageContext) -> Response:
    return _list(request, ctx)


@router.post("/pilots")
@needs(Permission.EDIT)
async def register_page(request: Request, ctx: ServiceContext = PageContext) -> Response:
    """Pre-register from the form; a problem is shown on the form (400), nothing is saved."""
    ctx.actor.require(Permission.EDIT)
    form = await request.form()
    values = {name: str(form.get(name, "")).strip() for name in FORM_FIELDS}
    data: dict[str, object] = {k: v for k, v in values.items() if v}
    data["comparison_teams"] = [
        t.strip() for t in values["comparison_teams"].split(",") if t.strip()
    ]
    try:
        plan = PilotRegistration.model_validate(data)
        register_pilot(ctx, plan)
    except ValidationError as error:
        return _list(request, ctx, values, registration_issues(error))
    except InvalidInput as invalid:
        return _list(request, ctx, values, invalid.issues)
    return RedirectResponse(f"/pilots/{plan.id}", status_code=303)


@router.get("/pilots/{pilot_id}")
@needs(Permission.READ)
def pilot_page(request: Request, pilot_id: str, ctx: ServiceContext = PageContext) -> Response:
    lang = request.state.lang
    pilot = get_pilot(ctx, pilot_id)
    names = team_names(ctx)
    evaluation = latest_evaluation(ctx, pilot_id)
    series = chart_series(ctx, pilot) if evaluation is not None else None
    pilot_name = names.get(pilot.plan.pilot_team, pilot.plan.pilot_team)
    comparison_name = gettext(N_("Comparison teams (mean)"), lang)
    return render(
        request,
        "pilots/pilot.html",
        pilot=pilot,
        names=names,
        locked=pilot.plan.locked(ctx.today()),
        evaluation=evaluation,
        verdict=verdict_text(evaluation, lang) if evaluation else None,
        effect=effect_text(evaluation, lang) if evaluation else None,
        reasons=[finding_text(r, lang) for r in evaluation.reasons] if evaluation else [],
        threats=[finding_text(t, lang) for t in evaluation.threats] if evaluation else [],
        series=series,
        chart=series_chart(series, lang, pilot_name, comparison_name) if series else None,
        pilot_name=pilot_name,
        measure=measure_text(pilot.plan, series_source(ctx, pilot), lang),
        rounds=survey_before_after(ctx, pilot, lang),
        can_analyse=ctx.actor.can(Permission.ANALYSE),
    )


@router.post("/pilots/{pilot_id}/evaluate")
@needs(Permission.ANALYSE)
def evaluate_page(request: Request, pilot_id: str, ctx: ServiceContext = PageContext) -> Response:
    evaluate_pilot(ctx, pilot_id)
    return RedirectResponse(f"/pilots/{pilot_id}", status_code=303)
