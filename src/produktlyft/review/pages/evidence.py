"""One system's evidence: its place in the ranking and why, every profile's view of it, every
fact with source, date and value (missing ones shown as missing), the SBOM and repository
attached to it with forms to attach them, and its rank over past runs."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import InvalidInput, NotFound, PermissionDenied, ProduktlyftError
from produktlyft.kernel.i18n import N_
from produktlyft.kernel.web.deps import PageContext, render, service_context
from produktlyft.kernel.web.security import needs, page_router
from produktlyft.review.model import Band
from produktlyft.review.presenter import facts, wording
from produktlyft.review.services.evidence import attach_repo_url, attach_sbom_upload
from produktlyft.review.services.views import evidence_of, latest_run

router = page_router()
TIME_LABELS = {
    "tolerate": N_("Tolerate"),
    "invest": N_("Invest"),
    "migrate": N_("Migrate"),
    "eliminate": N_("Eliminate"),
}
RAG_LABELS = {  # the MoJ rating: the condition bands' colours, and neglect
    **{band.value: band.label for band in (Band.RED, Band.AMBER, Band.GREEN)},
    "neglect": N_("intentional neglect (retirement planned)"),
    "unknown": N_("cannot be rated"),
}
MOJ_LABELS = {"people": N_("People"), "technology": N_("Technology"), "atrophy": N_("Atrophy")}
DANISH_LABELS = {
    "business_support": N_("Business support"),
    "technical_condition": N_("Technical condition"),
    "documentation_knowledge": N_("Documentation and knowledge"),
    "economy": N_("Economy"),
    "contracts_sourcing": N_("Contracts and sourcing"),
    "security": N_("Security"),
}
CONDITION_LABELS = {"sufficient": N_("sufficient"), "insufficient": N_("insufficient")}
ATTACHED = {
    "sbom": N_("The SBOM is attached."),
    "repo": N_("The repository is measured and attached."),
}


def _page(
    request: Request,
    system_id: str,
    status: int = 200,
    error: Any = None,
    attached: str | None = None,
) -> Response:
    ctx = service_context(request)
    run = latest_run(ctx)
    view = evidence_of(ctx, system_id) if run is not None else None
    lang = request.state.lang
    return render(
        request,
        "review/evidence.html",
        status_code=status,
        view=view,
        system_id=system_id,
        error=error,
        attached=ATTACHED.get(attached or ""),
        fact_label=lambda key: wording.fact_label(key, lang),
        fact_value=lambda item: facts.fact_value(item, lang),
        source_label=lambda item: facts.source_label(item, lang),
        reason=lambda result: wording.system_reason(result, view.run.lang if view else lang, lang),
        band_labels=wording.BAND_SCALES,
        time_labels=TIME_LABELS,
        rag_labels=RAG_LABELS,
        moj_labels=MOJ_LABELS,
        danish_labels=DANISH_LABELS,
        condition_labels=CONDITION_LABELS,
        can_attach=ctx.actor.can(Permission.IMPORT),
        can_analyse=ctx.actor.can(Permission.ANALYSE),
    )


@router.get("/review/systems/{system_id:path}")
@needs(Permission.READ)
def evidence_page(request: Request, system_id: str) -> Response:
    return _page(request, system_id, attached=request.query_params.get("attached"))


def _attached(system_id: str, kind: str) -> Response:
    return RedirectResponse(
        f"/review/systems/{quote(system_id)}?attached={kind}#attachments-heading", status_code=303
    )


def _failed(request: Request, system_id: str, error: ProduktlyftError) -> Response:
    issues = error.issues if isinstance(error, InvalidInput) else []
    detail = error.summary if isinstance(error, InvalidInput) else str(error)
    return _page(
        request,
        system_id,
        status=422,
        error={"detail": detail, "issues": [i.message for i in issues]},
    )


@router.post("/review/attach/sbom")
@needs(Permission.IMPORT)
async def attach_sbom(
    request: Request,
    system_id: str = Form(...),
    file: UploadFile = File(...),
    ctx: ServiceContext = PageContext,
) -> Response:
    ctx.actor.require(Permission.IMPORT)  # before looking at what was sent
    content = await file.read(ctx.settings.max_import_bytes + 1)
    try:
        if not content:
            raise InvalidInput([], "choose an SBOM file (CycloneDX JSON or XML) to attach")
        attach_sbom_upload(ctx, system_id, file.filename or "sbom.json", content)
    except (PermissionDenied, NotFound):
        raise
    except ProduktlyftError as error:
        return _failed(request, system_id, error)
    return _attached(system_id, "sbom")


@router.post("/review/attach/repo")
@needs(Permission.IMPORT)
def attach_repo(
    request: Request,
    system_id: str = Form(...),
    url: str = Form(""),
    ctx: ServiceContext = PageContext,
) -> Response:
    ctx.actor.require(Permission.IMPORT)
    try:
        attach_repo_url(ctx, system_id, url)
    except (PermissionDenied, NotFound):
        raise
    except ProduktlyftError as error:
        return _failed(request, system_id, error)
    return _attached(system_id, "repo")
