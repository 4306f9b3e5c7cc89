"""What the review's web pages show, read from the latest stored run: the overview (the same
story as the report's first page, from the same report data), the ranking, the capability ×
condition heatmap, the duplicates with the decisions taken, and one system's evidence.

Reading the whole run and inventory takes seconds at 10,000 systems, so the overview's data
is kept per run and inventory state (like the start page's summary); the other
views ask storage for just what they show. Nothing here is worded: the pages word the typed
data through `review.presenter`, which also draws the charts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from produktlyft.inventory.browse_repository import BrowseRepository
from produktlyft.inventory.queries import Page
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import NotFound
from produktlyft.review.analysis.assessment import fact_items
from produktlyft.review.analysis.facts import FACTS
from produktlyft.review.model import Band, Decision, DuplicateDecision, Evidence, pair_key
from produktlyft.review.queries import RankingQuery, RankingRow
from produktlyft.review.repository import ReviewRepository
from produktlyft.review.results import (
    DuplicateCost,
    DuplicatePair,
    EvidenceItem,
    RankInRun,
    ReviewRun,
    SystemResult,
)
from produktlyft.review.services.report_data import ReportData, gather_report_data
from produktlyft.review.services.run import latest_review, preview_review, system_evidence


def latest_run(ctx: ServiceContext) -> ReviewRun | None:
    """The latest run without its results, or None before the first review."""
    try:
        return latest_review(ctx, with_results=False)
    except NotFound:
        return None


# --- the overview ----------------------------------------------------------------------------
@dataclass
class Overview:
    run: ReviewRun
    data: ReportData
    confirmed: int
    rejected: int
    key: tuple[str, int]  # the database and run: what the overview's chart is drawn from


KEPT_PER_RUN = 2  # the current run's overview (and the one before, while readers move on)


def review_overview(ctx: ServiceContext) -> Overview | None:
    """The latest run's story and figures; None when no review has run yet."""
    ctx.actor.require(Permission.READ)
    run = latest_run(ctx)
    if run is None:
        return None
    with ctx.database.reading() as uow:
        fingerprint = uow.repo(BrowseRepository).fingerprint()
        decisions = uow.repo(ReviewRepository).decisions()
    # one thread gathers; the others wait and reuse it. Kept for the current run and
    # inventory state; older runs' entries are dropped.
    overviews = ctx.caches.named("review.overviews", KEPT_PER_RUN, one_builder=True)
    cached = overviews.get_or_build(
        ctx.database.url, (run.id, fingerprint), "overview", lambda: _build_overview(ctx, run)
    )
    counts = {d: sum(1 for x in decisions if x.decision is d) for d in Decision}
    return replace(cached, confirmed=counts[Decision.CONFIRM], rejected=counts[Decision.REJECT])


def _build_overview(ctx: ServiceContext, run: ReviewRun) -> Overview:
    data = gather_report_data(ctx)
    # keep what the story needs, not the thousands of results with their evidence
    data.run = (
        run
        if data.run.id == run.id
        else data.run.model_copy(update={"systems": [], "duplicates": []})
    )
    data.uncertain = [
        SystemResult(system_id=s.system_id, name=s.name, rank=s.rank) for s in data.uncertain
    ]
    return Overview(run=run, data=data, confirmed=0, rejected=0, key=(ctx.database.url, run.id))


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
    counts: dict[Band, int]
    priority: float | None
    cost: float | None
    worst_system: str | None


@dataclass
class Heatmap:
    run: ReviewRun
    rows: list[HeatmapRow]
    key: tuple[str, int]  # the database and run: what the heatmap's chart is drawn from


def heatmap(ctx: ServiceContext) -> Heatmap | None:
    """Systems per capability and condition band, from the latest run; None before one."""
    ctx.actor.require(Permission.READ)
    run = latest_run(ctx)
    if run is None:
        return None
    counts: dict[str, dict[Band, int]] = {}
    for cell in run.details.heatmap:
        counts.setdefault(cell.capability_id, {})[cell.band] = cell.systems
    rows = [
        HeatmapRow(
            capability_id=c.capability_id,
            name=c.name,
            rank=c.rank,
            counts={b: counts.get(c.capability_id, {}).get(b, 0) for b in Band},
            priority=c.priority,
            cost=c.cost,
            worst_system=c.worst_system,
        )
        for c in sorted(run.details.capabilities, key=lambda c: c.rank)
    ]
    return Heatmap(run=run, rows=rows, key=(ctx.database.url, run.id))


# --- the duplicates --------------------------------------------------------------------------
@dataclass
class Pair:
    suggested: DuplicatePair
    decision: DuplicateDecision | None = None


@dataclass
class Cluster:
    number: int
    members: list[tuple[str, str, float | None]]  # id, name, yearly cost
    pairs: list[Pair] = field(default_factory=list)

    @property
    def name(self) -> str:
        return " + ".join(name for _, name, _ in self.members)

    @property
    def cost(self) -> float:
        return sum(c for _, _, c in self.members if c is not None)

    @property
    def freed(self) -> float:
        """Keeping only the dearest system of the group would free the rest."""
        known = [c for _, _, c in self.members if c is not None]
        return sum(known) - max(known, default=0.0)

    @property
    def survivor(self) -> str | None:
        """The name of the system suggested to keep, as the review worked it out."""
        chosen = next((p.suggested.survivor for p in self.pairs if p.suggested.survivor), None)
        return next((name for i, name, _ in self.members if i == chosen), None)

    @property
    def unknown_costs(self) -> int:
        return sum(1 for _, _, c in self.members if c is None)


@dataclass
class Duplicates:
    run: ReviewRun
    clusters: Page[Cluster]
    dearest: list[Cluster]  # every group, dearest first: the cost chart's
    pairs: int
    decisions: list[tuple[DuplicateDecision, str, str]]  # with both systems' names
    cost: DuplicateCost
    key: tuple[str, int]  # the database and run: what the cost chart is drawn from


def duplicates(ctx: ServiceContext, page: int = 1, per_page: int = 20) -> Duplicates | None:
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
        ids = {i for r in rows for i in (r.system_a, r.system_b)}
        ids |= {i for key in decided for i in key}
        brief = uow.repo(ReviewRepository).brief(run.id, sorted(ids))
        names = {
            **uow.repo(BrowseRepository).names("systems", sorted(ids - set(brief))),
            **{k: v.name for k, v in brief.items()},
        }
    groups: dict[int, Cluster] = {}
    for row in rows:
        group = groups.setdefault(row.cluster, Cluster(row.cluster, []))
        group.pairs.append(Pair(row, decided.get(pair_key(row.system_a, row.system_b))))
    for group in groups.values():
        members = dict.fromkeys(
            i for p in group.pairs for i in (p.suggested.system_a, p.suggested.system_b)
        )
        group.members = [
            (i, names.get(i, i), brief[i].annual_cost if i in brief else None) for i in members
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
        dearest=ordered,
        pairs=len(rows),
        decisions=[
            (d, names.get(d.system_a, d.system_a), names.get(d.system_b, d.system_b))
            for d in sorted(decided.values(), key=lambda d: d.decided_at, reverse=True)
        ],
        cost=run.summary.duplicate_cost,
        key=(ctx.database.url, run.id),
    )


# --- one system's evidence -------------------------------------------------------------------
@dataclass
class SystemEvidence:
    run: ReviewRun
    result: SystemResult
    facts: list[EvidenceItem]  # every fact, as of the run
    used: set[str]  # the facts the score read
    profiles: dict[str, Any] | None  # every profile's view; None in runs from before it
    attachments: list[Evidence]
    history: list[RankInRun]


def evidence_of(ctx: ServiceContext, system_id: str) -> SystemEvidence:
    run, result, attachments, history = system_evidence(ctx, system_id)
    if result.assessment:
        facts = [
            EvidenceItem.model_validate(item)
            for item in fact_items(result.assessment, run.eol_snapshot)
        ]
    else:  # a run stored before assessments: the facts its profile read
        facts = [e for e in result.evidence if e.fact in FACTS]
    return SystemEvidence(
        run=run,
        result=result,
        facts=facts,
        used={e.fact for e in result.evidence},
        profiles=(result.assessment or {}).get("profiles"),
        attachments=attachments,
        history=history,
    )


# --- the weights editor's preview ------------------------------------------------------------
@dataclass
class WeightsPreview:
    systems: list[SystemResult]  # the top of the trial ranking
    before: dict[str, int]  # each system's rank in the latest run, where it had one
    moved: int  # how many systems change place against the latest run
    compared: bool  # False when there is no custom-profile run to compare with
    total: int  # systems ranked


def preview_weights(
    ctx: ServiceContext, custom: Mapping[str, float], impact: Mapping[str, float], top: int = 25
) -> WeightsPreview:
    """The custom profile's ranking with trial weights, computed but not stored, beside each
    system's rank in the latest run (when that run used the custom profile too)."""
    outcome = preview_review(ctx, "custom", custom_weights=custom, impact_weights=impact)
    run = latest_run(ctx)
    compared = run is not None and run.profile == "custom"
    before: dict[str, int] = {}
    if run is not None and compared:
        with ctx.database.reading() as uow:
            ids = [s.system_id for s in outcome.systems]
            before = {k: v.rank for k, v in uow.repo(ReviewRepository).brief(run.id, ids).items()}
    moved = sum(
        1 for s in outcome.systems if s.system_id in before and before[s.system_id] != s.rank
    )
    return WeightsPreview(
        systems=outcome.systems[:top],
        before=before,
        moved=moved,
        compared=compared,
        total=len(outcome.systems),
    )


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
