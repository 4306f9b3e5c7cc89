"""Business cases in the web app: the list, and one case with its figures, the NPV
distribution, the tornado, a form to edit the ranges and one per benefit (its owner, measure,
baseline, target, due date and the measure the outcomes area follows it on)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from produktlyft.business_case.model import Distribution, Range
from produktlyft.business_case.presenter import (
    distribution_figure,
    headline,
    input_name,
    method_note,
    summary_text,
    switching_rows,
    tornado_figure,
    uplifts,
)
from produktlyft.business_case.service import (
    CaseResult,
    case_analysis,
    export_case,
    list_cases,
    update_benefit,
    update_ranges,
)
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import InvalidInput, Issue, wording
from produktlyft.kernel.i18n import N_
from produktlyft.kernel.web.deps import PageContext, render
from produktlyft.kernel.web.navigation import NavEntry
from produktlyft.kernel.web.security import needs, page_router

router = page_router()
nav = (NavEntry(N_("Business cases"), "/cases", Permission.READ, order=58),)
ENDS = ("low", "mode", "high")


@router.get("/cases")
@needs(Permission.READ)
def cases_page(request: Request, ctx: ServiceContext = PageContext) -> Response:
    return render(request, "business_case/list.html", cases=list_cases(ctx))


def _inputs(result: CaseResult, lang: str) -> list[dict[str, Any]]:
    """The form's rows: each line of the preferred option, then the delay."""
    rows = [
        {"id": line.id, "name": line.name, "range": line.range}
        for line in result.case.option().lines
    ]
    rows.append(
        {"id": "delay", "name": input_name(result.case, "delay", lang), "range": result.case.delay}
    )
    return rows


def _show(
    request: Request,
    result: CaseResult,
    ctx: ServiceContext,
    *,
    issues: list[Issue] | None = None,
    entered: dict[str, str] | None = None,
    benefit: int | None = None,
    status_code: int = 200,
) -> Response:
    lang = request.state.lang
    return render(
        request,
        "business_case/case.html",
        status_code=status_code,
        result=result,
        summary=summary_text(result, lang),
        figures=headline(result, lang),
        distribution=distribution_figure(result, lang),
        tornado=tornado_figure(result, lang),
        switching=switching_rows(result, lang),
        method=method_note(result, lang),
        inputs=_inputs(result, lang),
        uplifts=uplifts(result),
        ends=ENDS,
        distributions=list(Distribution),
        issues=issues or [],
        invalid={issue.column: issue for issue in issues or [] if issue.column},
        entered=entered or {},
        benefit_fields=BENEFIT_FORM,
        edited_benefit=benefit,
        can_edit=ctx.actor.can(Permission.EDIT),
    )


@router.get("/cases/{case_id}")
@needs(Permission.READ)
def case_page(request: Request, case_id: str, ctx: ServiceContext = PageContext) -> Response:
    result = case_analysis(ctx, case_id)
    return _show(request, result, ctx)


def _read_uplifts(
    form: dict[str, str], categories: list[str]
) -> tuple[dict[str, float], list[Issue]]:
    found: dict[str, float] = {}
    issues: list[Issue] = []
    for category in categories:
        field = f"ob.{category}"
        text = form.get(field, "").strip().replace(",", ".")
        try:
            found[category] = float(text)
        except ValueError:
            issues.append(
                Issue.worded(wording(N_("'{value}' is not a number"), value=text), column=field)
            )
    return found, issues


def _read_ranges(form: dict[str, str], ids: list[str]) -> tuple[dict[str, Range], list[Issue]]:
    ranges: dict[str, Range] = {}
    issues: list[Issue] = []
    for input_id in ids:
        values: dict[str, float] = {}
        for end in ENDS:
            field = f"{input_id}.{end}"
            text = form.get(field, "").strip().replace(",", ".")
            try:
                values[end] = float(text)
            except ValueError:
                issues.append(
                    Issue.worded(wording(N_("'{value}' is not a number"), value=text), column=field)
                )
        if len(values) == len(ENDS):
            ranges[input_id] = Range(
                **values,
                distribution=Distribution.parse(
                    form.get(f"{input_id}.distribution") or "triangular"
                ),
            )
    return ranges, issues


@router.post("/cases/{case_id}/ranges")
@needs(Permission.EDIT)
async def edit_ranges(
    request: Request, case_id: str, ctx: ServiceContext = PageContext
) -> Response:
    ctx.actor.require(Permission.EDIT)
    form = {key: str(value) for key, value in (await request.form()).items()}
    result = await run_in_threadpool(case_analysis, ctx, case_id)
    ids = [row["id"] for row in _inputs(result, request.state.lang)]
    ranges, issues = _read_ranges(form, ids)
    bias, more = _read_uplifts(form, [category for category, _ in uplifts(result)])
    issues += more
    try:
        if issues:
            raise InvalidInput(issues)
        version = int(form.get("row_version") or 0) or None
        await run_in_threadpool(
            lambda: update_ranges(ctx, case_id, ranges, optimism_bias=bias, row_version=version)
        )
    except InvalidInput as invalid:
        return _show(request, result, ctx, issues=invalid.issues, entered=form, status_code=422)
    return RedirectResponse(f"/cases/{case_id}", status_code=303)


# the benefit form's fields: (name, label, input type)
BENEFIT_FORM = (
    ("owner", N_("Owner"), "text"),
    ("measure", N_("Measure"), "text"),
    ("baseline", N_("Baseline"), "text"),
    ("target", N_("Target"), "text"),
    ("unit", N_("Unit"), "text"),
    ("due", N_("Due (2027-12-31)"), "date"),
    ("metric", N_("Bound measure (kpi:<service>:<kpi> or team:<team>:<metric>)"), "text"),
)


@router.post("/cases/{case_id}/benefits/{number}")
@needs(Permission.EDIT)
async def edit_benefit(
    request: Request, case_id: str, number: int, ctx: ServiceContext = PageContext
) -> Response:
    """Fill in one benefit's owner, measure, baseline, target, unit, due date and bound
    measure; a bad field is named on the form and nothing is saved."""
    ctx.actor.require(Permission.EDIT)
    form = {key: str(value) for key, value in (await request.form()).items()}
    fields = {name: form.get(name, "") for name, _, _ in BENEFIT_FORM}
    version = int(form.get("row_version") or 0) or None
    try:
        await run_in_threadpool(
            lambda: update_benefit(ctx, case_id, str(number), fields, row_version=version)
        )
    except InvalidInput as invalid:
        result = await run_in_threadpool(case_analysis, ctx, case_id)
        return _show(
            request,
            result,
            ctx,
            issues=invalid.issues,
            entered=form,
            benefit=number,
            status_code=422,
        )
    return RedirectResponse(f"/cases/{case_id}#benefits", status_code=303)


MEDIA = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@router.get("/cases/{case_id}/export.{fmt}")
@needs(Permission.READ)
def download(
    request: Request, case_id: str, fmt: str, ctx: ServiceContext = PageContext
) -> Response:
    if fmt not in MEDIA:
        return Response(status_code=404)
    with tempfile.TemporaryDirectory() as folder:
        path = export_case(ctx, case_id, fmt, Path(folder) / f"{case_id}.{fmt}", request.state.lang)
        content = path.read_bytes()
    return Response(
        content,
        media_type=MEDIA[fmt],
        headers={"Content-Disposition": f'attachment; filename="{case_id}.{fmt}"'},
    )
