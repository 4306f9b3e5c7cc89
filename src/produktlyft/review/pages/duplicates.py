"""The review's duplicate suggestions: groups and pairs with their layers, reasons and yearly
cost, and the analysts' confirm / reject decisions, which persist across runs."""

from __future__ import annotations

import re
from typing import Literal
from urllib.parse import urlencode

from fastapi import Form, Request
from fastapi.responses import RedirectResponse, Response

from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.i18n import N_
from produktlyft.kernel.web.deps import PageContext, render
from produktlyft.kernel.web.navigation import NavEntry
from produktlyft.kernel.web.params import page_param
from produktlyft.kernel.web.security import needs, page_router
from produktlyft.review.model import Decision
from produktlyft.review.presenter import charts, wording
from produktlyft.review.services.duplicates import (
    decide_duplicate,
    learning,
    refit_weights,
    reset_weights,
)
from produktlyft.review.services.views import duplicates

router = page_router()
nav = (
    NavEntry(N_("Duplicates"), "/review/duplicates", Permission.READ, order=4, parent="/review"),
)
LAYER_LABELS = {
    "capabilities": N_("shared capabilities"),
    "data_integrations": N_("shared data and integrations"),
    "text": N_("similar names and descriptions"),
    "function": N_("same function"),
    "product": N_("same product"),
    "embedding": N_("close in meaning"),
    "embedding_function": N_("same function by meaning"),
    "text_grams": N_("shared parts of words"),
}
GROUPS_PER_PAGE = 20
_ANCHOR = re.compile(r"^pair-\d{1,6}-\d{1,4}$")


@router.get("/review/duplicates")
@needs(Permission.READ)
def duplicates_page(request: Request, ctx: ServiceContext = PageContext) -> Response:
    page = page_param(request.query_params.get("page"))
    lang = request.state.lang
    view = duplicates(ctx, page, GROUPS_PER_PAGE)
    done = request.session.pop("duplicate_decided", None)
    weights_done = request.session.pop("duplicate_weights", None)
    if done and view:
        names = {i: n for d, a, b in view.decisions for i, n in ((d.system_a, a), (d.system_b, b))}
        done = {**done, "a": names.get(done["a"], done["a"]), "b": names.get(done["b"], done["b"])}
    chart = (
        charts.remembered(
            ctx.caches,
            "group costs",
            view.key,
            lang,
            lambda: charts.group_cost_chart([(g.name, g.cost) for g in view.dearest], lang),
        )
        if view
        else None
    )
    return render(
        request,
        "review/duplicates.html",
        view=view,
        chart=chart,
        reason=lambda pair: wording.duplicate_reason(pair, view.run.lang if view else lang, lang),
        page_number=page,
        layer_labels=LAYER_LABELS,
        function_name=lambda function_id: wording.function_name(function_id, lang),
        against_word=lambda code: wording.against_word(code, lang),
        done=done,
        weights_done=weights_done,
        learned=learning(ctx) if view else None,
        signal_word=lambda name: wording.signal_word(name, lang),
        can_analyse=ctx.actor.can(Permission.ANALYSE),
    )


@router.post("/review/duplicates")
@needs(Permission.ANALYSE)
def decide(
    request: Request,
    a: str = Form(...),
    b: str = Form(...),
    decision: Decision = Form(...),
    note: str = Form(""),
    page: str = Form("1"),
    anchor: str = Form(""),
    ctx: ServiceContext = PageContext,
) -> Response:
    made = decide_duplicate(ctx, a, b, decision, note.strip()[:500] or None)
    # said once on the next page, where the pair then shows the decision it carries
    request.session["duplicate_decided"] = {
        "decision": made.decision.value,
        "a": made.system_a,
        "b": made.system_b,
    }
    target = "/review/duplicates?" + urlencode({"page": page_param(page)})
    if _ANCHOR.match(anchor):
        target += "#" + anchor
    return RedirectResponse(target, status_code=303)


@router.post("/review/duplicates/weights")
@needs(Permission.ANALYSE)
def learn(
    request: Request,
    action: Literal["refit", "reset"] = Form(...),
    ctx: ServiceContext = PageContext,
) -> Response:
    """Re-fit the weights to the decisions taken, or go back to the shipped ones; said once on
    the page, whose next review uses them."""
    if action == "refit":
        made = refit_weights(ctx)
        request.session["duplicate_weights"] = {"action": "refit", "pairs": made.pairs}
    else:
        reset_weights(ctx)
        request.session["duplicate_weights"] = {"action": "reset", "pairs": 0}
    return RedirectResponse("/review/duplicates#learning-heading", status_code=303)
