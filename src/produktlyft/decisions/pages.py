"""The decision register and the decision-rights matrix in the web app."""

from __future__ import annotations

import tempfile
from pathlib import Path

from fastapi import File, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from produktlyft.decisions import presenter
from produktlyft.decisions.model import DecisionKind, DecisionLevel, Outcome
from produktlyft.decisions.service import (
    DECISION_FORM_FIELDS,
    add_decision,
    decision_report,
    import_decisions,
    import_rights,
    rights_matrix,
)
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import InvalidInput, Issue
from produktlyft.kernel.i18n import N_
from produktlyft.kernel.web.deps import PageContext, render
from produktlyft.kernel.web.navigation import NavEntry
from produktlyft.kernel.web.security import needs, page_router

router = page_router()
nav = (NavEntry(N_("Decisions"), "/decisions", Permission.READ, order=75),)


def _register(
    request: Request,
    ctx: ServiceContext,
    *,
    days: int = 90,
    team: str | None = None,
    status_code: int = 200,
    issues: list[Issue] | None = None,
    form_issues: list[Issue] | None = None,
    values: dict[str, str] | None = None,
) -> Response:
    report = decision_report(ctx, undecided_after_days=max(days, 1), team=team or None)
    lang = request.state.lang
    return render(
        request,
        "decisions/register.html",
        status_code=status_code,
        report=report,
        figure=presenter.time_to_decision_figure(report, lang) if report.decisions else None,
        levels=list(DecisionLevel),
        kinds=list(DecisionKind),
        outcomes=list(Outcome),
        can_organise=ctx.actor.can(Permission.ORGANISE),
        issues=issues or [],
        form_issues=form_issues or [],
        values=values or {},
        added=request.session.pop("decision_added", None),
    )


@router.get("/decisions")
@needs(Permission.READ)
def register_page(
    request: Request, days: int = 90, team: str | None = None, ctx: ServiceContext = PageContext
) -> Response:
    return _register(request, ctx, days=days, team=team)


@router.post("/decisions/new")
@needs(Permission.ORGANISE)
async def add_one(request: Request, ctx: ServiceContext = PageContext) -> Response:
    form = await request.form()
    values = {name: str(form.get(name) or "") for name in DECISION_FORM_FIELDS}
    try:
        added = await run_in_threadpool(add_decision, ctx, values)
    except InvalidInput as invalid:
        return _register(request, ctx, status_code=400, form_issues=invalid.issues, values=values)
    request.session["decision_added"] = added.title
    return RedirectResponse("/decisions#register", status_code=303)


@router.get("/decisions/rights")
@needs(Permission.READ)
def rights_page(request: Request, ctx: ServiceContext = PageContext) -> Response:
    return render(
        request,
        "decisions/rights.html",
        matrix=rights_matrix(ctx),
        kinds=list(DecisionKind),
        can_organise=ctx.actor.can(Permission.ORGANISE),
    )


@router.post("/decisions/import")
@needs(Permission.ORGANISE)
async def upload(
    request: Request,
    file: UploadFile = File(...),
    what: str = "register",
    ctx: ServiceContext = PageContext,
) -> Response:
    ctx.actor.require(Permission.ORGANISE)
    content = await file.read(ctx.settings.max_import_bytes + 1)
    suffix = Path(file.filename or "upload.csv").suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        suffix = ".csv"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{Path(file.filename or 'upload').stem}{suffix}"
        path.write_bytes(content)
        try:
            if what == "rights":
                await run_in_threadpool(import_rights, ctx, path)
            else:
                await run_in_threadpool(import_decisions, ctx, path)
        except InvalidInput as invalid:
            return _register(request, ctx, status_code=400, issues=invalid.issues)
    return RedirectResponse(
        "/decisions/rights" if what == "rights" else "/decisions", status_code=303
    )
