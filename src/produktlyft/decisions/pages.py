"""The decision register and the decision-rights matrix in the web app."""

from __future__ import annotations

import tempfile
from pathlib import Path

from fastapi import File, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from produktlyft.decisions.model import DecisionKind, DecisionLevel
from produktlyft.decisions.service import (
    decision_report,
    import_decisions,
    import_rights,
    rights_matrix,
)
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import InvalidInput
from produktlyft.kernel.i18n import N_
from produktlyft.kernel.web.deps import PageContext, render
from produktlyft.kernel.web.navigation import NavEntry
from produktlyft.kernel.web.security import needs, page_router

router = page_router()
nav = (NavEntry(N_("Decisions"), "/decisions", Permission.READ, order=75),)


@router.get("/decisions")
@needs(Permission.READ)
def register_page(
    request: Request, days: int = 90, team: str | None = None, ctx: ServiceContext = PageContext
) -> Response:
    report = decision_report(ctx, undecided_after_days=max(days, 1), team=team or None)
    return render(
        request,
        "decisions/register.html",
        report=report,
        levels=list(DecisionLevel),
        can_organise=ctx.actor.can(Permission.ORGANISE),
        issues=[],
    )


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
            report = decision_report(ctx)
            return render(
                request,
                "decisions/register.html",
                status_code=400,
                report=report,
                levels=list(DecisionLevel),
                can_organise=True,
                issues=invalid.issues,
            )
    return RedirectResponse(
        "/decisions/rights" if what == "rights" else "/decisions", status_code=303
    )
