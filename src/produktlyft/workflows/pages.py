"""Workflow analysis pages: upload an event log with its column mapping and watch the import,
then the analysis: findings with example timelines, the process map with the user's own edge
filters, variants, and the filters of the log itself. Thin: every figure comes from
services/workflow_analysis.py."""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import quote, urlencode

from fastapi import File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import InvalidInput, wording
from produktlyft.kernel.i18n import N_
from produktlyft.kernel.web.deps import PageContext, render
from produktlyft.kernel.web.navigation import NavEntry
from produktlyft.kernel.web.security import needs, page_router
from produktlyft.workflows import presenter
from produktlyft.workflows.model import ColumnMapping, LogFilter, MapSettings
from produktlyft.workflows.services.analysis import analyse_event_log
from produktlyft.workflows.services.jobs import import_job, stage_eventlog_upload, start_import
from produktlyft.workflows.services.logs import ImportOptions, list_event_logs, system_names

router = page_router()
nav = (NavEntry(N_("Workflows"), "/workflows", Permission.READ, order=45),)
KIND_LABELS = {
    "loop": N_("Loop back"),
    "wait": N_("Waiting"),
    "unit_handoff": N_("Hand-off between units"),
    "person_handoff": N_("Hand-off between people"),
}
TIME_MODES = ("intersecting", "contained", "started", "trim")
EDGE_VIEWS = {  # what the map's arrows can show: the toggle's choices
    "frequency": N_("Frequency"),
    "waiting": N_("Waiting time"),
}


@router.get("/workflows")
@needs(Permission.READ)
def index(request: Request, ctx: ServiceContext = PageContext) -> Response:
    return render(
        request,
        "workflows/index.html",
        logs=list_event_logs(ctx),
        can_import=ctx.actor.can(Permission.IMPORT),
        error=None,
    )


@router.post("/workflows")
@needs(Permission.IMPORT)
def upload(
    request: Request,
    file: UploadFile = File(...),
    name: str = Form(""),
    case: str = Form(""),
    activity: str = Form(""),
    timestamp: str = Form(""),
    resource: str = Form(""),
    unit: str = Form(""),
    timezone: str = Form("UTC"),
    skip_bad_rows: bool = Form(False),
    ctx: ServiceContext = PageContext,
) -> Response:
    try:
        if not file.filename:
            raise InvalidInput([], wording("choose a file to upload"))
        path = stage_eventlog_upload(ctx, file.filename, file.file)
    except InvalidInput as error:
        file.file.close()
        return render(
            request,
            "workflows/index.html",
            status_code=422,
            logs=list_event_logs(ctx),
            can_import=True,
            error=error.summary_wording or error.summary,
        )
    file.file.close()
    mapping = ColumnMapping(
        case=case.strip() or None,
        activity=activity.strip() or None,
        timestamp=timestamp.strip() or None,
        resource=resource.strip() or None,
        unit=unit.strip() or None,
        timezone=timezone.strip() or "UTC",
    )
    job = start_import(
        ctx,
        path,
        ImportOptions(name=name.strip() or None, mapping=mapping, skip_bad_rows=skip_bad_rows),
    )
    return RedirectResponse(f"/workflows/imports/{job.id}", status_code=303)


@router.get("/workflows/imports/{job_id}")
@needs(Permission.IMPORT)
def progress(request: Request, job_id: str, ctx: ServiceContext = PageContext) -> Response:
    job = import_job(ctx, job_id)
    if job.done and job.log_name:
        return RedirectResponse(f"/workflows/logs/{job.log_name}", status_code=303)
    # a job that failed stops here even before it is marked done: reloading it changes nothing
    finished = job.done or job.error is not None
    return render(
        request, "workflows/progress.html", job=job, headers=None if finished else {"Refresh": "1"}
    )


def _instant(value: str | None) -> datetime | None:
    try:
        moment = datetime.fromisoformat(value) if value else None
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment and moment.tzinfo is None else moment


def _number(value: str | None, default: float) -> float:
    try:
        return max(0.0, float(value)) if value else default
    except ValueError:
        return default


def log_filter(request: Request) -> LogFilter:
    """The log filter from the address; values that do not parse are ignored."""
    params = request.query_params
    mode = params.get("mode") if params.get("mode") in TIME_MODES else "intersecting"
    top = params.get("top", "")
    return LogFilter(
        start=_instant(params.get("from")),
        end=_instant(params.get("to")),
        time_mode=mode,  # type: ignore[arg-type]
        top_variants=int(top) if top.isdigit() and int(top) > 0 else None,
        attribute=params.get("attribute") or None,
        values=tuple(v for v in params.getlist("value") if v),
    )


def map_settings(request: Request) -> MapSettings:
    params = request.query_params
    return MapSettings(
        min_activity_share=_number(params.get("acts"), 0.0) / 100,
        min_edge_share=_number(params.get("edges"), 5.0) / 100,
        min_median_seconds=_number(params.get("slow"), 0.0) * 86_400,
        # "duration" is what the map's old select sent: addresses saved with it still work
        label="waiting" if params.get("label") in ("waiting", "duration") else "frequency",
    )


def edge_view_links(request: Request, name: str) -> dict[str, str]:
    """The toggle's addresses: this page with every filter kept and `label` set to each view,
    so the toggle is a plain link and works without JavaScript."""
    kept = [(k, v) for k, v in request.query_params.multi_items() if k != "label"]
    base = f"/workflows/logs/{quote(name, safe='')}"
    return {view: f"{base}?{urlencode([*kept, ('label', view)])}#map" for view in EDGE_VIEWS}


@router.get("/workflows/logs/{name}")
@needs(Permission.READ)
def analysis(request: Request, name: str, ctx: ServiceContext = PageContext) -> Response:
    the_filter, settings = log_filter(request), map_settings(request)
    try:
        result = analyse_event_log(ctx, name, the_filter)
    except InvalidInput as error:
        result, the_filter = analyse_event_log(ctx, name), LogFilter()
        request.state.filter_error = error.summary
    lang = request.state.lang
    process_map = result.process_map(settings)
    title = presenter.page_map_title(result, process_map)
    svg = presenter.process_map_svg(process_map, lang, title, settings.label)
    return render(
        request,
        "workflows/analysis.html",
        result=result,
        filter=the_filter,
        settings=settings,
        process_map=process_map,
        svg=svg,
        legend=presenter.map_legend(settings.label, lang),
        edge_views=EDGE_VIEWS,
        edge_view_links=edge_view_links(request, name),
        kinds=KIND_LABELS,
        system_names=system_names(
            ctx, {s for f in result.findings for s in result.finding_systems(f)}
        ),
        duration=lambda seconds: presenter.duration(seconds, lang),
        finding_title=lambda finding: presenter.finding_title(finding, lang),
        params=request.query_params,
        modes=TIME_MODES,
        filter_error=getattr(request.state, "filter_error", None),
    )
