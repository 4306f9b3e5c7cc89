"""The outcomes pages: an overview, ONE team's trends (compared with its own past), the
organisation's distributions without team names, services' KPIs, key results, and the
business cases' benefits followed up."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from fastapi import File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import InvalidInput, Issue, NotFound, wording
from produktlyft.kernel.i18n import N_
from produktlyft.kernel.web.deps import PageContext, render
from produktlyft.kernel.web.navigation import NavEntry
from produktlyft.kernel.web.security import needs, page_router
from produktlyft.outcomes.model import Kpi, KpiValue, Metric, OutcomeSettings
from produktlyft.outcomes.presenter.benefits import benefit_views
from produktlyft.outcomes.presenter.views import (
    distribution_panels,
    key_result_views,
    service_views,
    team_panels,
)
from produktlyft.outcomes.service import (
    KeyResultRow,
    benefit_follow_up,
    delivery_teams,
    import_deployments,
    import_incidents,
    import_kpis,
    known_teams,
    list_key_results,
    list_services,
    organisation_distributions,
    outcome_settings,
    record_kpi,
    save_key_results,
    save_settings,
    service_kpis,
    stored_key_results,
    team_trends,
)

router = page_router()
nav = (
    NavEntry(N_("Outcomes"), "/outcomes", Permission.READ, order=80),
    NavEntry(N_("Benefits"), "/outcomes/benefits", Permission.READ, order=3, parent="/outcomes"),
)


def _overview(
    request: Request, ctx: ServiceContext, issues: list[Issue], status: int = 200
) -> Response:
    return render(
        request,
        "outcomes/overview.html",
        status_code=status,
        teams=delivery_teams(ctx),
        settings=outcome_settings(ctx),
        can_import=ctx.actor.can(Permission.IMPORT),
        can_analyse=ctx.actor.can(Permission.ANALYSE),
        issues=issues,
    )


@router.get("/outcomes")
@needs(Permission.READ)
def overview(request: Request, ctx: ServiceContext = PageContext) -> Response:
    return _overview(request, ctx, [])


@router.get("/outcomes/teams/{team}")
@needs(Permission.READ)
def team_page(request: Request, team: str, ctx: ServiceContext = PageContext) -> Response:
    if team not in delivery_teams(ctx):
        raise NotFound(f"no deployments for the team '{team}'")
    trends = team_trends(ctx, team)
    return render(
        request,
        "outcomes/team.html",
        trends=trends,
        panels=team_panels(trends, request.state.lang),
    )


@router.get("/outcomes/organisation")
@needs(Permission.READ)
def organisation_page(request: Request, ctx: ServiceContext = PageContext) -> Response:
    panels = distribution_panels(organisation_distributions(ctx), request.state.lang)
    return render(request, "outcomes/organisation.html", panels=panels)


def _services(
    request: Request, ctx: ServiceContext, issues: list[Issue], status: int = 200
) -> Response:
    return render(
        request,
        "outcomes/services.html",
        status_code=status,
        services=list_services(ctx),
        views=service_views(service_kpis(ctx), request.state.lang),
        kpis=list(Kpi),
        can_edit=ctx.actor.can(Permission.EDIT),
        can_import=ctx.actor.can(Permission.IMPORT),
        issues=issues,
    )


@router.get("/outcomes/services")
@needs(Permission.READ)
def services_page(request: Request, ctx: ServiceContext = PageContext) -> Response:
    return _services(request, ctx, [])


def _number(text: str, field: str) -> float | None:
    if not text.strip():
        return None
    try:
        return float(text.replace(",", ".").replace(" ", "").rstrip("%"))
    except ValueError:
        raise InvalidInput(
            [Issue.worded(wording("'{value}' is not a number", value=text), column=field)]
        ) from None


@router.post("/outcomes/services/values")
@needs(Permission.EDIT)
def enter_kpi(
    request: Request,
    service: str = Form(""),
    kpi: str = Form(""),
    month: str = Form(""),
    value: str = Form(""),
    ctx: ServiceContext = PageContext,
) -> Response:
    try:
        number = _number(value, "value")
        if number is None:
            raise InvalidInput([Issue.worded(wording("give the value"), column="value")])
        chosen = Kpi.parse(kpi)
        if chosen.is_share and number > 1:
            number /= 100
        try:
            start = date.fromisoformat(month + "-01" if len(month) == 7 else month)
        except ValueError:
            raise InvalidInput(
                [Issue.worded(wording("give the month as 2026-03"), column="month")]
            ) from None
        record_kpi(ctx, KpiValue(service_id=service, kpi=chosen, period_start=start, value=number))
    except InvalidInput as invalid:
        return _services(request, ctx, invalid.issues, 400)
    except ValueError as error:
        return _services(request, ctx, [Issue(message=str(error), column="kpi")], 400)
    return RedirectResponse("/outcomes/services", status_code=303)


async def _upload(ctx: ServiceContext, file: UploadFile, default: str) -> tuple[Path, Path]:
    content = await file.read(ctx.settings.max_import_bytes + 1)
    suffix = Path(file.filename or default).suffix.lower()
    if suffix not in (".csv", ".xlsx", ".json"):
        suffix = ".csv"
    folder = Path(tempfile.mkdtemp(prefix="produktlyft-outcomes-"))
    path = folder / f"{Path(file.filename or 'upload').stem}{suffix}"
    path.write_bytes(content)
    return folder, path


def _cleanup(folder: Path) -> None:
    for item in folder.iterdir():
        item.unlink()
    folder.rmdir()


@router.post("/outcomes/import")
@needs(Permission.IMPORT)
async def upload(
    request: Request,
    file: UploadFile = File(...),
    what: str = Form("deployments"),
    team: str = Form(""),
    ctx: ServiceContext = PageContext,
) -> Response:
    folder, path = await _upload(ctx, file, "upload.csv")
    try:
        if what == "kpis":
            await run_in_threadpool(import_kpis, ctx, path)
        elif not team.strip():
            raise InvalidInput([Issue.worded(wording("name the team"), column="team")])
        elif what == "incidents":
            await run_in_threadpool(import_incidents, ctx, path, team)
        else:
            await run_in_threadpool(import_deployments, ctx, path, team)
    except InvalidInput as invalid:
        if what == "kpis":
            return _services(request, ctx, invalid.issues, 400)
        return _overview(request, ctx, invalid.issues, 400)
    finally:
        _cleanup(folder)
    return RedirectResponse("/outcomes/services" if what == "kpis" else "/outcomes", 303)


@router.post("/outcomes/settings")
@needs(Permission.ANALYSE)
def change_settings(
    request: Request,
    production_pattern: str = Form(""),
    incident_window_days: str = Form(""),
    ctx: ServiceContext = PageContext,
) -> Response:
    try:
        days = int(incident_window_days)
        settings = OutcomeSettings(
            production_pattern=production_pattern.strip() or OutcomeSettings().production_pattern,
            incident_window_days=days,
        )
        save_settings(ctx, settings)
    except InvalidInput as invalid:
        return _overview(request, ctx, invalid.issues, 400)
    except ValueError:
        issue = Issue.worded(
            wording("the window is a whole number of days from 1 to 90"),
            column="incident_window_days",
        )
        return _overview(request, ctx, [issue], 400)
    return RedirectResponse("/outcomes", status_code=303)


def _okrs(
    request: Request, ctx: ServiceContext, issues: list[Issue], status: int = 200
) -> Response:
    names = known_teams(ctx)
    services = {s.id: s.name for s in list_services(ctx)}
    views = key_result_views(
        stored_key_results(ctx), list_key_results(ctx), request.state.lang, names, services
    )
    metrics = [(m.value, m.label(request.state.lang)) for m in Metric] + [
        (f"kpi:{s}:{k.value}", f"{k.label(request.state.lang)} ({name})")
        for s, name in services.items()
        for k in Kpi
    ]
    return render(
        request,
        "outcomes/okrs.html",
        status_code=status,
        accepted=[v for v in views if not v.rejected],
        rejected=[v for v in views if v.rejected],
        metrics=metrics,
        teams=names,
        can_edit=ctx.actor.can(Permission.EDIT),
        issues=issues,
    )


@router.get("/outcomes/okrs")
@needs(Permission.READ)
def okrs_page(request: Request, ctx: ServiceContext = PageContext) -> Response:
    return _okrs(request, ctx, [])


@router.get("/outcomes/benefits")
@needs(Permission.READ)
def benefits_page(request: Request, ctx: ServiceContext = PageContext) -> Response:
    """The business cases' benefits and whether each arrived on its bound measure."""
    services = {s.id: s.name for s in list_services(ctx)}
    views = benefit_views(benefit_follow_up(ctx), request.state.lang, services)
    return render(request, "outcomes/benefits.html", benefits=views)


@router.post("/outcomes/okrs")
@needs(Permission.EDIT)
def add_key_result(
    request: Request,
    team: str = Form(""),
    quarter: str = Form(""),
    objective: str = Form(""),
    text: str = Form(""),
    metric: str = Form(""),
    baseline: str = Form(""),
    target: str = Form(""),
    due: str = Form(""),
    ctx: ServiceContext = PageContext,
) -> Response:
    try:
        missing = [f for f, v in (("objective", objective), ("text", text)) if not v.strip()]
        if missing:
            raise InvalidInput(
                [Issue.worded(wording("the field is empty"), column=f) for f in missing]
            )
        try:
            day = date.fromisoformat(due) if due.strip() else None
        except ValueError:
            raise InvalidInput(
                [Issue.worded(wording("give the date as 2026-12-31"), column="due")]
            ) from None
        row = KeyResultRow(
            1,
            objective.strip(),
            text.strip(),
            metric or None,
            _number(baseline, "baseline"),
            _number(target, "target"),
            day,
            team.strip() or None,
            quarter.strip() or None,
        )
        save_key_results(ctx, [row])
    except InvalidInput as invalid:
        return _okrs(request, ctx, invalid.issues, 400)
    return RedirectResponse("/outcomes/okrs", status_code=303)
