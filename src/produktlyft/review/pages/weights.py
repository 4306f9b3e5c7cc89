"""The weights editor: the custom profile's indicator weights and the ranking's input weights.

Without JavaScript the form posts to the preview, which shows the re-ranked systems; with it,
the preview updates as a weight changes (htmx). Saving stores the weights and runs the review
with them, so the stored ranking follows.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import RedirectResponse, Response

from produktlyft.kernel import i18n
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.i18n import N_
from produktlyft.kernel.web.deps import PageContext, render, service_context
from produktlyft.kernel.web.navigation import NavEntry
from produktlyft.kernel.web.security import needs, page_router
from produktlyft.review.presenter import wording
from produktlyft.review.queries import RankingQuery
from produktlyft.review.services.jobs import start_review
from produktlyft.review.services.views import preview_weights, ranking
from produktlyft.review.services.weights import DEFAULTS, set_weights, show_weights

router = page_router()
nav = (NavEntry(N_("Weights"), "/review/weights", Permission.READ, order=5, parent="/review"),)
IMPACT_LABELS = {
    "condition": N_("Need for action (the profile's condition)"),
    "criticality": N_("Criticality"),
    "cost": N_("Yearly cost"),
    "users": N_("Users"),
    "lock_in": N_("Contract lock-in"),
    "workflow_pain": N_("Workflow pain (from the workflow analysis)"),
}
GROUPS = ("custom", "impact")
PREVIEW_ROWS = 25

Weights = dict[str, dict[str, float]]


def _labels(lang: str) -> dict[str, dict[str, str]]:
    return {
        "custom": {k: wording.fact_label(k, lang) for k in DEFAULTS["custom"]},
        "impact": {k: i18n.gettext(IMPACT_LABELS[k], lang) for k in DEFAULTS["impact"]},
    }


async def read_weights(request: Request) -> tuple[Weights, dict[str, str], dict[str, str]]:
    """The weights from the form: values as typed, parsed weights, and a message per field
    that is not a number from 0 to 100 (or a group whose weights are all zero)."""
    form = await request.form()
    typed: dict[str, str] = {}
    parsed: Weights = {group: {} for group in GROUPS}
    errors: dict[str, str] = {}
    for group in GROUPS:
        for key in DEFAULTS[group]:
            name = f"{group}.{key}"
            raw = form.get(name)
            text = raw.strip() if isinstance(raw, str) else ""
            typed[name] = text
            try:
                value = float(text.replace(",", ".").replace("\u2212", "-"))
            except ValueError:
                value = -1.0
            if not 0 <= value <= 100:
                errors[name] = N_("Give a number from 0 to 100.")
            else:
                parsed[group][key] = value
        if not errors and not any(parsed[group].values()):
            errors[f"{group}.{next(iter(DEFAULTS[group]))}"] = N_(
                "At least one weight in the group must be above zero."
            )
    return parsed, typed, errors


def _render(
    request: Request,
    weights: Weights,
    typed: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    preview: Any = None,
    status: int = 200,
) -> Response:
    ctx = service_context(request)
    lang = request.state.lang
    current = None
    run_lang = lang
    if preview is None:
        run, page = ranking(ctx, RankingQuery(per_page=PREVIEW_ROWS))
        current = {"run": run, "rows": page.items}
        run_lang = run.lang if run else lang
    shown = typed or {
        f"{g}.{k}": i18n.format_number(v, lang, 1) for g in GROUPS for k, v in weights[g].items()
    }
    return render(
        request,
        "review/weights.html",
        status_code=status,
        weights=weights,
        typed=shown,
        errors=errors or {},
        preview=preview,
        current=current,
        defaults=DEFAULTS,
        groups=GROUPS,
        labels=_labels(lang),
        band_labels=wording.BAND_SCALES,
        reason=lambda row: wording.system_reason(row, run_lang, lang),
        can_analyse=ctx.actor.can(Permission.ANALYSE),
    )


@router.get("/review/weights")
@needs(Permission.READ)
def weights_page(request: Request, ctx: ServiceContext = PageContext) -> Response:
    return _render(request, show_weights(ctx))


@router.post("/review/weights/preview")
@needs(Permission.ANALYSE)
async def preview(request: Request, ctx: ServiceContext = PageContext) -> Response:
    ctx.actor.require(Permission.ANALYSE)  # before reading what was sent
    weights, typed, errors = await read_weights(request)
    # htmx swaps only successful answers, so it gets the form with its errors as 200
    failed = 200 if request.headers.get("hx-request") else 422
    if errors:
        return _render(request, weights, typed, errors, status=failed)
    found = preview_weights(ctx, weights["custom"], weights["impact"], PREVIEW_ROWS)
    return _render(request, weights, typed, preview=found)


@router.post("/review/weights")
@needs(Permission.ANALYSE)
async def save(request: Request, ctx: ServiceContext = PageContext) -> Response:
    ctx.actor.require(Permission.ANALYSE)
    weights, typed, errors = await read_weights(request)
    if errors:
        return _render(request, weights, typed, errors, status=422)
    set_weights(ctx, weights, "web form")
    start_review(ctx, "custom", request.state.lang)
    return RedirectResponse("/review/run", status_code=303)
