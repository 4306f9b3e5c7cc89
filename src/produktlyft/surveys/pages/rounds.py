"""Survey rounds in the web app: the list, a new round, a round's results, a group's own
history, readiness, and the organiser's links and closing."""

from __future__ import annotations

from datetime import date

from fastapi import Form, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import InvalidInput, Issue
from produktlyft.kernel.i18n import N_
from produktlyft.kernel.web.deps import PageContext, render
from produktlyft.kernel.web.navigation import NavEntry
from produktlyft.kernel.web.security import needs, page_router
from produktlyft.surveys import presenter
from produktlyft.surveys.model import current_instruments
from produktlyft.surveys.services.exports import links_csv, links_sheet
from produktlyft.surveys.services.readiness import readiness_view
from produktlyft.surveys.services.rounds import (
    close_round,
    create_round,
    generate_links,
    list_rounds,
)
from produktlyft.surveys.services.views import group_page, round_page

router = page_router()
nav = (NavEntry(N_("Surveys"), "/surveys", Permission.READ, order=70),)


@router.get("/surveys")
@needs(Permission.READ)
def rounds_page(request: Request, ctx: ServiceContext = PageContext) -> Response:
    return render(
        request,
        "surveys/list.html",
        rounds=list_rounds(ctx),
        can_organise=ctx.actor.can(Permission.ORGANISE),
        instrument_names=lambda refs: presenter.instrument_names(refs, request.state.lang),
    )


def _new_form(
    request: Request, values: dict[str, object], issues: list[Issue], status: int = 200
) -> Response:
    lang = request.state.lang
    instruments = [(code, inst.name.get(lang)) for code, inst in current_instruments().items()]
    return render(
        request,
        "surveys/new.html",
        status_code=status,
        instruments=instruments,
        values=values,
        issues=issues,
    )


@router.get("/surveys/new")
@needs(Permission.ORGANISE)
def new_round_page(request: Request, ctx: ServiceContext = PageContext) -> Response:
    ctx.actor.require(Permission.ORGANISE)
    return _new_form(request, {"instruments": ["westrum", "psych-safety"], "min_group": ""}, [])


def _day(text: str, field: str) -> date | None:
    if not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(
            [Issue(message=f"'{text}' is not a date written YYYY-MM-DD", column=field)]
        ) from None


@router.post("/surveys/new")
@needs(Permission.ORGANISE)
async def create_round_submit(request: Request, ctx: ServiceContext = PageContext) -> Response:
    form = await request.form()
    values: dict[str, object] = {
        "title": str(form.get("title", "")),
        "teams": str(form.get("teams", "")),
        "opens": str(form.get("opens", "")),
        "closes": str(form.get("closes", "")),
        "min_group": str(form.get("min_group", "")),
        "instruments": [str(v) for v in form.getlist("instruments")],
    }
    try:
        closes = _day(str(values["closes"]), "close")
        if closes is None:
            raise InvalidInput([Issue(message="give the closing day", column="close")])
        minimum = str(values["min_group"]).strip()
        created = await run_in_threadpool(
            create_round,
            ctx,
            instruments=list(values["instruments"]),  # type: ignore[call-overload]
            groups=[line for line in str(values["teams"]).splitlines() if line.strip()],
            closes_on=closes,
            opens_on=_day(str(values["opens"]), "opens"),
            min_group=int(minimum) if minimum.isdigit() else None,
            title=str(values["title"]).strip() or None,
        )
    except InvalidInput as invalid:
        return _new_form(request, values, invalid.issues, status=400)
    return RedirectResponse(f"/surveys/{created.round.id}", status_code=303)


@router.get("/surveys/{round_id}")
@needs(Permission.READ)
def round_results(request: Request, round_id: str, ctx: ServiceContext = PageContext) -> Response:
    view = round_page(ctx, round_id, request.state.lang)
    return render(
        request,
        "surveys/round.html",
        view=view,
        charts=presenter.round_charts(view.report, request.state.lang),
        r=view.report,
        can_organise=ctx.actor.can(Permission.ORGANISE),
        has_readiness=any(i.code == "readiness" for i in view.report.instruments),
    )


@router.get("/surveys/{round_id}/groups/{node_id:path}")
@needs(Permission.READ)
def group_history(
    request: Request, round_id: str, node_id: str, ctx: ServiceContext = PageContext
) -> Response:
    view = group_page(ctx, node_id, request.state.lang)
    charts = presenter.group_charts(view.trend, request.state.lang)
    return render(request, "surveys/group.html", view=view, charts=charts, round_id=round_id)


@router.get("/surveys/{round_id}/readiness")
@needs(Permission.READ)
def readiness_page(request: Request, round_id: str, ctx: ServiceContext = PageContext) -> Response:
    return render(
        request,
        "surveys/readiness.html",
        view=readiness_view(ctx, round_id, request.state.lang),
        round_id=round_id,
    )


@router.post("/surveys/{round_id}/links")
@needs(Permission.ORGANISE)
def make_links(
    request: Request,
    round_id: str,
    group: str = Form(...),
    count: int = Form(...),
    kind: str = Form("sheet"),
    ctx: ServiceContext = PageContext,
) -> Response:
    batch = generate_links(ctx, round_id, group, count)
    base = ctx.settings.public_base_url or str(request.base_url).rstrip("/")
    name = f"links-{round_id}-{batch.group.node_id.replace(':', '-').replace('/', '-')}"
    if kind == "csv":
        return Response(
            links_csv(batch, base),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
        )
    html = links_sheet(batch, base, request.state.lang)
    return Response(
        html,
        media_type="text/html; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}.html"'},
    )


@router.post("/surveys/{round_id}/close")
@needs(Permission.ORGANISE)
def close_submit(request: Request, round_id: str, ctx: ServiceContext = PageContext) -> Response:
    close_round(ctx, round_id)
    return RedirectResponse(f"/surveys/{round_id}", status_code=303)
