"""Procurement in the web app: the slices and their checks, checking an uploaded file, a
slice's requirements outline, and the delivery forecast."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from fastapi import File, Form, Request, UploadFile
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from produktlyft.kernel import i18n
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import InvalidInput, Issue, NotFound, wording
from produktlyft.kernel.i18n import N_
from produktlyft.kernel.web.deps import PageContext, render
from produktlyft.kernel.web.navigation import NavEntry
from produktlyft.kernel.web.security import needs, page_router
from produktlyft.procurement.presenter import (
    forecast_view,
    outline_document,
    register_rows,
    slice_view,
)
from produktlyft.procurement.service import (
    check_file,
    checked_slices,
    contract_register,
    forecast_file,
    get_slice,
    save_slices_file,
)

router = page_router()
nav = (NavEntry(N_("Procurement"), "/procurement", Permission.READ, order=59),)
SLICE_SUFFIXES = (".csv", ".xlsx", ".json")
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _overview(
    request: Request,
    ctx: ServiceContext,
    *,
    checked: list[dict[str, object]] | None = None,
    issues: list[Issue] | None = None,
    status_code: int = 200,
) -> Response:
    lang = request.state.lang
    return render(
        request,
        "procurement/slices.html",
        status_code=status_code,
        slices=[slice_view(c, lang) for c in checked_slices(ctx)],
        register=register_rows(contract_register(ctx)),
        checked=checked,
        issues=issues or [],
        can_edit=ctx.actor.can(Permission.EDIT),
    )


@router.get("/procurement")
@needs(Permission.READ)
def slices_page(request: Request, ctx: ServiceContext = PageContext) -> Response:
    return _overview(request, ctx)


async def _upload(
    file: UploadFile, ctx: ServiceContext, folder: str, suffixes: tuple[str, ...]
) -> Path:
    content = await file.read(ctx.settings.max_import_bytes + 1)
    name = Path(file.filename or "upload.csv").name
    suffix = Path(name).suffix.lower()
    path = Path(folder) / (name if suffix in suffixes else f"{Path(name).stem}{suffixes[0]}")
    path.write_bytes(content)
    return path


@router.post("/procurement/check")
@needs(Permission.READ)
async def check_upload(
    request: Request,
    file: UploadFile = File(...),
    save: str | None = Form(None),
    ctx: ServiceContext = PageContext,
) -> Response:
    """Check a file's slices; with `save`, keep them too (editors only)."""
    with tempfile.TemporaryDirectory() as folder:
        path = await _upload(file, ctx, folder, SLICE_SUFFIXES)
        try:
            if save:
                ctx.actor.require(Permission.EDIT)
                await run_in_threadpool(save_slices_file, ctx, path)
            results = await run_in_threadpool(check_file, ctx, path)
        except InvalidInput as invalid:
            return _overview(request, ctx, issues=invalid.issues, status_code=400)
    lang = request.state.lang
    return _overview(request, ctx, checked=[slice_view(c, lang) for c in results])


@router.get("/procurement/slices/{name}")
@needs(Permission.READ)
def slice_page(request: Request, name: str, ctx: ServiceContext = PageContext) -> Response:
    view = slice_view(get_slice(ctx, name), request.state.lang)
    return render(request, "procurement/slice.html", item=view)


@router.get("/procurement/slices/{name}/outline.docx")
@needs(Permission.READ)
def outline(
    request: Request, name: str, lang: str = "sv", ctx: ServiceContext = PageContext
) -> Response:
    if lang not in i18n.LANGUAGES:
        raise NotFound("the outline comes in sv or en")
    content = outline_document(get_slice(ctx, name), lang)
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in name)
    return Response(
        content,
        media_type=DOCX,
        headers={"Content-Disposition": f'attachment; filename="kravskiss-{safe}-{lang}.docx"'},
    )


@router.get("/procurement/forecast")
@needs(Permission.READ)
def forecast_page(request: Request, ctx: ServiceContext = PageContext) -> Response:
    return render(request, "procurement/forecast.html", view=None, issues=[], form={})


@router.post("/procurement/forecast")
@needs(Permission.READ)
async def forecast_upload(
    request: Request,
    file: UploadFile = File(...),
    items: int = Form(...),
    date_column: str = Form(""),
    by: str = Form(""),
    ctx: ServiceContext = PageContext,
) -> Response:
    form = {"items": items, "date_column": date_column, "by": by}
    with tempfile.TemporaryDirectory() as folder:
        path = await _upload(file, ctx, folder, (".csv",))
        try:
            try:
                by_day = date.fromisoformat(by) if by.strip() else None
            except ValueError:
                raise InvalidInput(
                    [
                        Issue.worded(
                            wording("'{value}' is not a date (write it as YYYY-MM-DD)", value=by),
                            column="by",
                        )
                    ]
                ) from None
            result = await run_in_threadpool(
                lambda: forecast_file(
                    ctx, path, items, date_column=date_column.strip() or None, by=by_day
                )
            )
        except InvalidInput as invalid:
            return render(
                request,
                "procurement/forecast.html",
                status_code=400,
                view=None,
                issues=invalid.issues,
                form=form,
            )
    view = forecast_view(result, request.state.lang)
    return render(request, "procurement/forecast.html", view=view, issues=[], form=form)
