"""The review (genomlysning): its overview with the leadership report's story, running it,
downloading the report, the capability × condition heatmap and the ranking.

The duplicates, each system's evidence and the weights editor have their own modules
(review_duplicates, review_evidence, review_weights); all share `templates/review/`.
"""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import Form, Request
from fastapi.responses import RedirectResponse, Response

from produktlyft.kernel import i18n
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import NotFound
from produktlyft.kernel.i18n import N_
from produktlyft.kernel.report.build import Report
from produktlyft.kernel.report.sections import ReportContext
from produktlyft.kernel.web.deps import PageContext, render, service_context, web_state
from produktlyft.kernel.web.navigation import NavEntry
from produktlyft.kernel.web.params import enum_param, page_param
from produktlyft.kernel.web.security import needs, page_router
from produktlyft.review.model import PROFILES, Band
from produktlyft.review.presenter import charts, wording
from produktlyft.review.presenter.story import report_words, summary
from produktlyft.review.queries import RankingQuery, RankingSort
from produktlyft.review.report_frame import with_report_data
from produktlyft.review.services.jobs import STEPS, review_job, start_review
from produktlyft.review.services.views import (
    Overview,
    heatmap,
    latest_run,
    ranking,
    review_overview,
)

router = page_router()
nav = (
    NavEntry(N_("Review"), "/review", Permission.READ, order=55),
    NavEntry(N_("Summary"), "/review", Permission.READ, order=1, parent="/review"),
    NavEntry(N_("Ranking"), "/review/ranking", Permission.READ, order=2, parent="/review"),
    NavEntry(N_("Heatmap"), "/review/heatmap", Permission.READ, order=3, parent="/review"),
)
PROFILE_LABELS = {
    "custom": N_("Custom: weighted indicators"),
    "time": N_("TIME (tolerate, invest, migrate, eliminate)"),
    "moj": N_("MoJ: people, technology, atrophy (red, amber, green)"),
    "danish": N_("Danish state model: six dimensions"),
}
STEP_LABELS = dict(
    zip(
        STEPS,
        [
            N_("Reading the inventory"),
            N_("Matching end-of-life data"),
            N_("Gathering the facts"),
            N_("Scoring and ranking"),
            N_("Finding duplicates"),
            N_("Capabilities and heatmap"),
            N_("Saving the results"),
        ],
        strict=True,
    )
)
OBSTACLE_LINKS = {
    "unsupported_technology": "/review/ranking?q=end+of+life",
    "duplicates": "/review/duplicates",
    "lock_in": "/contracts",
    "manual_rekeying": "/integrations?kind=manual_rekeying",
}
OBSTACLE_LINK_LABELS = {
    "unsupported_technology": N_("Show the systems whose reason names an end-of-life date"),
    "duplicates": N_("Show the duplicates and decide on them"),
    "lock_in": N_("Show the contracts"),
    "manual_rekeying": N_("Show the manual re-keying"),
}
LANGUAGE_LABELS = {"sv": N_("Swedish"), "en": N_("English")}
REPORT_FORMATS = {"html": "text/html; charset=utf-8", "pdf": "application/pdf"}


def _report(request: Request) -> Report:
    report = web_state(request).report
    if report is None:
        raise NotFound("this app makes no report")
    return report


def _story_context(request: Request, found: Overview) -> ReportContext:
    """The report's context for the overview's story: the overview's data, the areas' lines."""
    rc = _report(request).context(service_context(request), request.state.lang)
    return with_report_data(rc, found.data)


@router.get("/review")
@needs(Permission.READ)
def overview(request: Request, ctx: ServiceContext = PageContext) -> Response:
    lang = request.state.lang
    found = review_overview(ctx)
    story = summary(_story_context(request, found)) if found else None
    chart = (
        charts.remembered(
            ctx.caches,
            "condition",
            found.key,
            lang,
            lambda: charts.condition_chart(found.run.summary.bands, lang),
        )
        if found
        else None
    )
    return render(
        request,
        "review/overview.html",
        overview=found,
        story=story,
        condition_chart=chart,
        job=review_job(ctx),
        profiles=PROFILES,
        profile_labels=PROFILE_LABELS,
        obstacle_links=OBSTACLE_LINKS,
        obstacle_link_labels=OBSTACLE_LINK_LABELS,
        languages=i18n.LANGUAGES,
        language_labels=LANGUAGE_LABELS,
        t=report_words(lang),
        amount=lambda value: wording.amount(float(value or 0.0), lang),
        bands=Band,
        can_analyse=ctx.actor.can(Permission.ANALYSE),
    )


@router.post("/review/run")
@needs(Permission.ANALYSE)
def run_review(
    request: Request, profile: str = Form("custom"), ctx: ServiceContext = PageContext
) -> Response:
    start_review(ctx, profile, request.state.lang)
    return RedirectResponse("/review/run", status_code=303)


@router.get("/review/run")
@needs(Permission.READ)
def run_status(request: Request, ctx: ServiceContext = PageContext) -> Response:
    job = review_job(ctx)
    # htmx polls this page while the run goes on; 286 tells it to stop, after this last swap
    polled = request.headers.get("hx-request") and not (job and job.running)
    return render(
        request,
        "review/run.html",
        status_code=286 if polled else 200,
        job=job,
        steps=STEPS,
        step_labels=STEP_LABELS,
        profile_labels=PROFILE_LABELS,
        can_analyse=ctx.actor.can(Permission.ANALYSE),
    )


@router.get("/review/report")
@needs(Permission.READ)
def report(
    request: Request, format: str = "pdf", lang: str = "sv", ctx: ServiceContext = PageContext
) -> Response:
    if format not in REPORT_FORMATS or lang not in i18n.LANGUAGES:
        raise NotFound("the report comes as html or pdf, in sv or en")
    run = latest_run(ctx)
    if run is None:  # the report service would run a review first; a download must not
        raise NotFound("no review has been run yet")
    content = _report(request).for_download(ctx, lang=lang, fmt=format)
    name = f"genomlysning-{run.reference_date.isoformat()}-{lang}.{format}"
    return Response(
        content,
        media_type=REPORT_FORMATS[format],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/review/heatmap")
@needs(Permission.READ)
def heatmap_page(request: Request, ctx: ServiceContext = PageContext) -> Response:
    lang = request.state.lang
    view = heatmap(ctx)
    chart = (
        charts.remembered(
            ctx.caches, "heatmap", view.key, lang, lambda: charts.capability_grid(view.rows, lang)
        )
        if view
        else None
    )
    return render(
        request,
        "review/heatmap.html",
        view=view,
        chart=chart,
        bands=list(Band),
        band_labels=wording.BAND_SCALES,
        can_analyse=ctx.actor.can(Permission.ANALYSE),
    )


def _whole(value: str | None, low: int, high: int) -> int | None:
    return int(value) if value and value.isdigit() and low <= int(value) <= high else None


def ranking_query(request: Request) -> RankingQuery:
    """The ranking's question from the address: unknown values are ignored, not errors."""
    params = request.query_params
    confidence = _whole(params.get("confidence"), 1, 100)
    return RankingQuery(
        text=(params.get("q") or "").strip()[:200] or None,
        band=enum_param(Band, params.get("band")),
        stable={"yes": True, "no": False}.get(params.get("stable") or ""),
        max_confidence=confidence / 100 if confidence else None,
        sort=enum_param(RankingSort, params.get("sort")) or RankingSort.RANK,
        descending=params.get("dir") == "desc",
        page=page_param(params.get("page")),
        per_page=web_state(request).settings.page_size,
    )


def ranking_address(query: RankingQuery, **changes: object) -> str:
    """The address part for a query with some settings changed; ends with '&' if not empty."""
    values: dict[str, object] = {
        "q": query.text,
        "band": query.band.value if query.band else None,
        "stable": None if query.stable is None else ("yes" if query.stable else "no"),
        "confidence": round(query.max_confidence * 100) if query.max_confidence else None,
        "sort": query.sort.value if query.sort is not RankingSort.RANK else None,
        "dir": "desc" if query.descending else None,
    }
    values.update(changes)
    pairs = [(key, str(value)) for key, value in values.items() if value]
    return urlencode(pairs) + "&" if pairs else ""


@router.get("/review/ranking")
@needs(Permission.READ)
def ranking_page(request: Request, ctx: ServiceContext = PageContext) -> Response:
    query = ranking_query(request)
    run, results = ranking(ctx, query)
    lang = request.state.lang
    return render(
        request,
        "review/ranking.html",
        run=run,
        query=query,
        results=results,
        sorts=RankingSort,
        bands=list(Band),
        band_labels=wording.BAND_SCALES,
        reason=lambda row: wording.system_reason(row, run.lang if run else lang, lang),
        address=ranking_address,
        can_analyse=ctx.actor.can(Permission.ANALYSE),
    )
