"""Import: upload a file, see a dry-run preview with every problem by row, then confirm."""

from __future__ import annotations

from fastapi import File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from produktlyft.inventory.services.export import TEMPLATE_MEDIA, template_download
from produktlyft.inventory.services.imports import import_files
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import InvalidInput, Severity
from produktlyft.kernel.i18n import N_
from produktlyft.kernel.uploads import discard, stage_upload, staged_file
from produktlyft.kernel.web.deps import PageContext, render
from produktlyft.kernel.web.navigation import NavEntry
from produktlyft.kernel.web.security import needs, page_router

router = page_router()
nav = (NavEntry(N_("Import"), "/import", Permission.IMPORT, order=60),)
ENTITY_LABELS = {
    "units": N_("Units"),
    "capabilities": N_("Capabilities"),
    "technologies": N_("Technologies"),
    "data_objects": N_("Data objects"),
    "systems": N_("Systems"),
    "integrations": N_("Integrations"),
    "contracts": N_("Contracts"),
    "teams": N_("Teams"),
}


@router.get("/import")
@needs(Permission.IMPORT)
def import_form(request: Request, ctx: ServiceContext = PageContext) -> Response:
    ctx.actor.require(Permission.IMPORT)
    return render(request, "imports/upload.html", error=None)


@router.get("/import/template")
@needs(Permission.READ)
def download_template(
    request: Request,
    format: str = "xlsx",
    lang: str | None = None,
    ctx: ServiceContext = PageContext,
) -> Response:
    """The empty import template with its instructions, as xlsx or as a zip of CSV files."""
    ctx.actor.require(Permission.READ)
    if format not in TEMPLATE_MEDIA or (lang is not None and lang not in ("sv", "en")):
        return Response(status_code=404)
    name, content = template_download(format, lang or request.state.lang)
    return Response(
        content,
        media_type=TEMPLATE_MEDIA[format],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.post("/import")
@needs(Permission.IMPORT)
async def preview(
    request: Request, file: UploadFile = File(...), ctx: ServiceContext = PageContext
) -> Response:
    ctx.actor.require(Permission.IMPORT)
    content = await file.read(ctx.settings.max_import_bytes + 1)
    if not file.filename or not content:
        return render(request, "imports/upload.html", status_code=422, error="empty")
    key, path = stage_upload(ctx, file.filename, content)
    try:
        report = import_files(ctx, [path], dry_run=True)
    except InvalidInput as invalid:
        discard(ctx, key)
        errors = [i for i in invalid.issues if i.severity is Severity.ERROR]
        warnings = [i for i in invalid.issues if i.severity is Severity.WARNING]
        return render(
            request,
            "imports/preview.html",
            status_code=422,
            report=None,
            errors=errors,
            warnings=warnings,
            summary=invalid.summary,
            filename=path.name,
            key=None,
            labels=ENTITY_LABELS,
        )
    request.session["import_key"] = key
    return render(
        request,
        "imports/preview.html",
        report=report,
        errors=[],
        warnings=report.warnings,
        summary=None,
        filename=path.name,
        key=key,
        labels=ENTITY_LABELS,
    )


@router.post("/import/confirm")
@needs(Permission.IMPORT)
def confirm(request: Request, key: str = Form(...), ctx: ServiceContext = PageContext) -> Response:
    path = staged_file(ctx, key)
    if request.session.get("import_key") != key:  # only the session that uploaded it
        return RedirectResponse("/import", status_code=303)
    report = import_files(ctx, [path], dry_run=False)
    discard(ctx, key)
    request.session.pop("import_key", None)
    return render(
        request, "imports/done.html", report=report, filename=path.name, labels=ENTITY_LABELS
    )
