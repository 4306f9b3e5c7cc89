"""What the review's web pages show, read from the latest stored run: the overview (the same
story as the report's first page, from the same report data), the ranking, the capability ×
condition heatmap, the duplicates with the decisions taken, and one system's evidence.

Reading the whole run and inventory takes seconds at 10,000 systems, so the overview's data
is kept per run, inventory state and language (like the start page's summary); the other
views ask storage for just what they show.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from produktlyft.inventory.browse_repository import BrowseRepository
from produktlyft.inventory.charts import ChartData
from produktlyft.inventory.queries import Page
from produktlyft.inventory.services.dashboard import Chart
from produktlyft.kernel import charts, i18n
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import NotFound
from produktlyft.review.analysis.assessment import fact_items
from produktlyft.review.analysis.facts import FACTS
from produktlyft.review.model import Decision, DuplicateDecision, Evidence, ReviewRun, pair_key
from produktlyft.review.queries import BANDS, RankingQuery, RankingRow
from produktlyft.review.repository import ReviewRepository
from produktlyft.review.services.report_data import ReportData, gather_report_data
from produktlyft.review.services.run import latest_review, preview_review, system_evidence

HEATMAP_CHART_ROWS = 25  # the chart shows the capabilities ranked highest; the table all
# Cell shades of the heatmap, light to dark; text is black on the light three and white on
# the dark two, each at least 4.5:1 (checked in tests/unit/test_review_views.py).
HEATMAP_SHADES = ("#f7fbff", "#c6dbef", "#6baed6", "#2171b5", "#08306b")
LIGHT_TEXT_FROM = 3
BAND_LABELS = {
    "red": i18n.N_("red (health under 4)"),
    "amber": i18n.N_("amber (4–7)"),
    "green": i18n.N_("green (7–10)"),
    "unknown": i18n.N_("cannot be assessed"),
}


def latest_run(ctx: ServiceContext) -> ReviewRun | None:
    """The latest run without its results, or None before the first review."""
    try:
        return latest_review(ctx, with_results=False)
    except NotFound:
        return None


def _chart(title: str, spec: dict[str, Any], rows: list[tuple[str, float]]) -> Chart:
    return Chart(data=ChartData(title=title, spec=spec, rows=rows), svg=charts.to_svg(spec))


# --- the overview ----------------------------------------------------------------------------
@dataclass
class Overview:
    run: ReviewRun
    data: ReportData
    confirmed: int
    rejected: int
    condition_chart: Chart


KEPT_PER_RUN = 8  # each language's overview, heatmap and cost chart of the current run


def review_overview(ctx: ServiceContext, lang: str) -> Overview | None:
    """The latest run's story and figures; None when no review has run yet."""
    ctx.actor.require(Permission.READ)
    run = latest_run(ctx)
    if run is None:
        return None
    with ctx.database.reading() as uow:
        fingerprint = uow.repo(BrowseRepository).fingerprint()
        decisions = uow.repo(ReviewRepository).decisions()
    # one thread gathers; the others wait and reuse it. Kept for the current run and
    # inventory state, in every language; older runs' entries are dropped.
    overviews = ctx.caches.named("review.overviews", KEPT_PER_RUN, one_builder=True)
    cached = overviews.get_or_build(
        ctx.database.url, (run.id, fingerprint), lang, lambda: _build_overview(ctx, run, lang)
    )
    counts = {d: sum(1 for x in decisions if x.decision is d) for d in Decision}
    return replace(cached, confirmed=counts[Decision.CONFIRM], rejected=counts[Decision.REJECT])


def _build_overview(ctx: ServiceContext, run: ReviewRun, lang: str) -> Overview:
    data = gather_report_data(ctx, lang=lang)
    # keep what the story needs, not the thousands of results with their evidence
    data.run = run if data.run.id == run.id else replace(data.run, systems=[], duplicates=[])
    data.uncertain = [{"system_id": s["system_id"], "name": s["name"]} for s in data.uncertain]
    bands = run.summary.get("bands", {})
    title = i18n.gettext("Systems by condition", lang)
    rows: list[dict[str, Any]] = [
        {"band": b, "label": i18n.gettext(BAND_LABELS[b], lang), "systems": int(bands.get(b, 0))}
        for b in BANDS
    ]
    spec = charts.bar_chart(
        rows,
        category="label",
        value="systems",
        colour="band",
        colour_scale=charts.BAND_COLOURS,
        title=title,
        description=i18n.gettext(
            "How many systems are in each condition band under the review's profile.", lang
        ),
        category_title=i18n.gettext("Condition", lang),
        value_title=i18n.gettext("Systems", lang),
        sort_descending=False,
    )
    return Overview(
        run=run,
        data=data,
        confirmed=0,
        rejected=0,
        condition_chart=_chart(title, spec, [(r["label"], r["systems"]) for r in rows]),
    )


# --- the ranking -----------------------------------------------------------------------------
def ranking(ctx: ServiceContext, query: RankingQuery) -> tuple[ReviewRun | None, Page[RankingRow]]:
    ctx.actor.require(Permission.READ)
    run = latest_run(ctx)
    if run is None:
        return None, Page(items=[], total=0, page=1, per_page=query.per_page)
    with ctx.database.reading() as uow:
        total, rows = uow.repo(ReviewRepository).ranking(run.id, query)
    return run, Page(items=rows, total=total, page=query.page, per_page=query.per_page)


# --- the heatmap -----------------------------------------------------------------------------
@dataclass
class HeatmapRow:
    capability_id: str
    name: str
    rank: int
    counts: dict[str, int]
    priority: float | None
    cost: float | None
    worst_system: str | None


@dataclass
class Heatmap:
    run: ReviewRun
    rows: list[HeatmapRow]
    chart: Chart | None


def heatmap(ctx: ServiceContext, lang: str) -> Heatmap | None:
    """Systems per capability and condition band, from the latest run; None before one."""
    ctx.actor.require(Permission.READ)
    run = latest_run(ctx)
    if run is None:
        return None
    heatmaps = ctx.caches.named("review.heatmaps", KEPT_PER_RUN)
    return heatmaps.get_or_build(ctx.database.url, run.id, lang, lambda: _build_heatmap(run, lang))


def _build_heatmap(run: ReviewRun, lang: str) -> Heatmap:
    counts: dict[str, dict[str, int]] = {}
    for cell in run.details.get("heatmap", []):
        counts.setdefault(cell["capability_id"], {})[str(cell["band"])] = int(cell["systems"])
    rows = [
        HeatmapRow(
            capability_id=c["capability_id"],
            name=c.get("capability") or c["capability_id"],
            rank=int(c["rank"]),
            counts={b: counts.get(c["capability_id"], {}).get(b, 0) for b in BANDS},
            priority=c.get("priority"),
            cost=c.get("cost"),
            worst_system=c.get("worst_system"),
        )
        for c in sorted(run.details.get("capabilities", []), key=lambda c: c["rank"])
    ]
    if not rows:
        return Heatmap(run=run, rows=[], chart=None)
    shown = rows[:HEATMAP_CHART_ROWS]
    top = max((n for r in shown for n in r.counts.values()), default=0) or 1
    cells = [
        {
            "capability": r.name,
            "band": i18n.gettext(BAND_LABELS[b], lang),
            "systems": r.counts[b],
            "shade": shade(r.counts[b], top),
        }
        for r in shown
        for b in BANDS
    ]
    title = i18n.gettext("Capabilities by the condition of their systems", lang)
    spec = charts.heatmap(
        cells,
        x="band",
        y="capability",
        value="systems",
        title=title,
        description=i18n.gettext(
            "Each cell counts the systems supporting a capability that "
            "are in a condition band; the number is written in the cell.",
            lang,
        ),
        x_title=i18n.gettext("Condition", lang),
        y_title=i18n.gettext("Capability", lang),
        x_order=[i18n.gettext(BAND_LABELS[b], lang) for b in BANDS],
        y_order=[r.name for r in shown],
        shade="shade",
        shades=HEATMAP_SHADES,
        light_text_from=LIGHT_TEXT_FROM,
        width=420,
    )
    return Heatmap(run=run, rows=rows, chart=_chart(title, spec, []))


def shade(count: int, top: int) -> int:
    """Which of the shades a count gets: 0 only for none, then in equal steps up to `top`."""
    if count <= 0:
        return 0
    steps = len(HEATMAP_SHADES) - 1
    return min(steps, 1 + (count - 1) * steps // max(top, 1))


# --- the duplicates --------------------------------------------------------------------------
@dataclass
class Pair:
    a: str
    b: str
    name_a: str
    name_b: str
    score: float
    layers: list[str]
    layer_scores: dict[str, float]
    reason: str
    decision: DuplicateDecision | None = None


@dataclass
class Cluster:
    number: int
    members: list[tuple[str, str, float | None]]  # id, name, yearly cost
    pairs: list[Pair] = field(default_factory=list)

    @property
    def cost(self) -> float:
        return sum(c for _, _, c in self.members if c is not None)

    @property
    def freed(self) -> float:
        """Keeping only the dearest system of the group would free the rest."""
        known = [c for _, _, c in self.members if c is not None]
        return sum(known) - max(known, default=0.0)

    @property
    def unknown_costs(self) -> int:
        return sum(1 for _, _, c in self.members if c is None)


@dataclass
class Duplicates:
    run: ReviewRun
    clusters: Page[Cluster]
    pairs: int
    decisions: list[tuple[DuplicateDecision, str, str]]  # with both systems' names
    cost: dict[str, float]
    chart: Chart | None


def duplicates(
    ctx: ServiceContext, lang: str, page: int = 1, per_page: int = 20
) -> Duplicates | None:
    """The latest run's suggested pairs, grouped by cluster, each with the decision taken on
    it (decisions are kept apart from runs, so they show the moment they are made)."""
    ctx.actor.require(Permission.READ)
    run = latest_run(ctx)
    if run is None:
        return None
    with ctx.database.reading() as uow:
        rows = uow.repo(ReviewRepository).duplicates(run.id)
        decided = {
            pair_key(d.system_a, d.system_b): d for d in uow.repo(ReviewRepository).decisions()
        }
        ids = {i for r in rows for i in (r["system_a"], r["system_b"])}
        ids |= {i for key in decided for i in key}
        brief = uow.repo(ReviewRepository).brief(run.id, sorted(ids))
        names = {
            **uow.repo(BrowseRepository).names("systems", sorted(ids - set(brief))),
            **{k: v["name"] for k, v in brief.items()},
        }
    groups: dict[int, Cluster] = {}
    for row in rows:
        group = groups.setdefault(row["cluster"], Cluster(row["cluster"], []))
        group.pairs.append(
            Pair(
                a=row["system_a"],
                b=row["system_b"],
                name_a=row["name_a"],
                name_b=row["name_b"],
                score=row["score"],
                layers=list(row["layers"]),
                layer_scores=dict(row["layer_scores"]),
                reason=row["reason"],
                decision=decided.get(pair_key(row["system_a"], row["system_b"])),
            )
        )
    for group in groups.values():
        members = dict.fromkeys(i for p in group.pairs for i in (p.a, p.b))
        group.members = [
            (i, names.get(i, i), (brief.get(i) or {}).get("annual_cost")) for i in members
        ]
    ordered = sorted(groups.values(), key=lambda g: (-g.cost, g.number))
    start = (page - 1) * per_page
    return Duplicates(
        run=run,
        clusters=Page(
            items=ordered[start : start + per_page],
            total=len(ordered),
            page=page,
            per_page=per_page,
        ),
        pairs=len(rows),
        decisions=[
            (d, names.get(d.system_a, d.system_a), names.get(d.system_b, d.system_b))
            for d in sorted(decided.values(), key=lambda d: d.decided_at, reverse=True)
        ],
        cost=dict(run.summary.get("duplicate_cost", {})),
        chart=_cost_chart(ctx, run.id, ordered, lang),
    )


def _cost_chart(
    ctx: ServiceContext, run_id: int, clusters: list[Cluster], lang: str
) -> Chart | None:
    """The dearest groups' yearly cost; drawn once per run and language (costs are the
    run's, whatever is decided later)."""
    charts = ctx.caches.named("review.cost_charts", KEPT_PER_RUN)
    return charts.get_or_build(
        ctx.database.url, run_id, lang, lambda: _draw_cost_chart(clusters, lang)
    )


def _draw_cost_chart(clusters: list[Cluster], lang: str) -> Chart | None:
    shown = [c for c in clusters if c.cost][:15]
    if not shown:
        return None
    title = i18n.gettext("Yearly cost of each group of overlapping systems", lang)
    rows: list[dict[str, Any]] = [
        {"group": " + ".join(name for _, name, _ in c.members), "cost": round(c.cost)}
        for c in shown
    ]
    spec = charts.bar_chart(
        rows,
        category="group",
        value="cost",
        title=title,
        description=i18n.gettext(
            "The groups whose systems cost the most each year, in kronor.", lang
        ),
        category_title=i18n.gettext("Group", lang),
        value_title=i18n.gettext("Yearly cost (SEK)", lang),
    )
    return _chart(title, spec, [(r["group"], float(r["cost"])) for r in rows])


# --- one system's evidence -------------------------------------------------------------------
@dataclass
class SystemEvidence:
    run: ReviewRun
    result: dict[str, Any]
    facts: list[dict[str, Any]]  # every fact, as of the run; `used` if the score read it
    profiles: dict[str, Any] | None  # every profile's view; None in runs from before it
    attachments: list[Evidence]
    history: list[dict[str, Any]]


def evidence_of(ctx: ServiceContext, system_id: str) -> SystemEvidence:
    found = system_evidence(ctx, system_id)
    run, result = found["run"], found["result"]
    used = {e["fact"] for e in result["evidence"]}
    assessment = result.get("assessment")
    if assessment:
        facts = fact_items(assessment, run.eol_snapshot)
    else:  # a run stored before assessments: the facts its profile read
        facts = [dict(e) for e in result["evidence"] if e["fact"] in FACTS]
    for item in facts:
        item["used"] = item["fact"] in used
    return SystemEvidence(
        run=run,
        result=result,
        facts=facts,
        profiles=(assessment or {}).get("profiles"),
        attachments=found["attachments"],
        history=found["history"],
    )


def fact_label(key: str, lang: str) -> str:
    spec = FACTS.get(key)
    return spec.label(lang) if spec else key


# --- the weights editor's preview ------------------------------------------------------------
@dataclass
class WeightsPreview:
    rows: list[dict[str, Any]]  # the top of the trial ranking, each with `before`: its rank
    moved: int  # how many systems change place against the latest run
    compared: bool  # False when there is no custom-profile run to compare with
    systems: int


def preview_weights(
    ctx: ServiceContext,
    custom: Mapping[str, float],
    impact: Mapping[str, float],
    lang: str,
    top: int = 25,
) -> WeightsPreview:
    """The custom profile's ranking with trial weights, computed but not stored, beside each
    system's rank in the latest run (when that run used the custom profile too)."""
    outcome = preview_review(ctx, "custom", custom_weights=custom, impact_weights=impact, lang=lang)
    run = latest_run(ctx)
    compared = run is not None and run.profile == "custom"
    before: dict[str, int] = {}
    if run is not None and compared:
        with ctx.database.reading() as uow:
            before = {
                k: v["rank"]
                for k, v in uow.repo(ReviewRepository)
                .brief(run.id, [s.id for s in outcome.systems])
                .items()
            }
    rows = [
        {
            "system_id": s.id,
            "name": s.name,
            "rank": s.rank,
            "score": s.score,
            "confidence": s.confidence,
            "band": s.band,
            "stable": s.stable,
            "rank_min": s.rank_min,
            "rank_max": s.rank_max,
            "reason": s.reason,
            "before": before.get(s.id),
        }
        for s in outcome.systems[:top]
    ]
    moved = sum(1 for s in outcome.systems if s.id in before and before[s.id] != s.rank)
    return WeightsPreview(rows=rows, moved=moved, compared=compared, systems=len(outcome.systems))


def report_version(ctx: ServiceContext) -> str | None:
    """What the leadership report is made from: the latest run and the inventory's state.
    The same version gives the same report, so a made report can be kept and served again."""
    ctx.actor.require(Permission.READ)
    run = latest_run(ctx)
    if run is None:
        return None
    with ctx.database.reading() as uow:
        fingerprint = uow.repo(BrowseRepository).fingerprint()
    return f"{run.id}-{fingerprint.version}"
