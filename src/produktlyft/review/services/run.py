"""Run the review (genomlysning), store it, and read it back for the CLI, web and report."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from produktlyft.inventory.model import Inventory
from produktlyft.inventory.repository import InventoryRepository
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import NotFound, ProduktlyftError
from produktlyft.kernel.heap import collector_paused
from produktlyft.review.analysis.duplicates import DuplicateSettings, padded_weights
from produktlyft.review.analysis.endoflife import EolMatch, EolMatcher
from produktlyft.review.analysis.review import ReviewOutcome, run_review
from produktlyft.review.importers.endoflife import open_release_source
from produktlyft.review.model import (
    PROFILES,
    Decision,
    DuplicateWeights,
    Evidence,
    EvidenceKind,
)
from produktlyft.review.presenter.wording import duplicate_sentence, system_sentence
from produktlyft.review.repository import ReviewRepository
from produktlyft.review.results import RankInRun, ReviewRun, RunDetails, SystemResult
from produktlyft.review.services.duplicates import duplicate_settings
from produktlyft.review.services.weights import effective_weights, validate_weights

# The extension point for workflow pain: a provider returns {system_id: pain} (any
# non-negative scale; it is normalised). Pain from several providers is added up.
PainProvider = Callable[[ServiceContext], Mapping[str, float]]


def stored_event_log_pain(ctx: ServiceContext) -> Mapping[str, float]:
    """The default provider: citizen days per year from the findings of every stored event
    log, through the activity-to-system map. Imported late: the event-log engine (polars and
    its analyses) is not needed to start the CLI, and costs nothing while no log is mapped."""
    from produktlyft.workflows.services.analysis import workflow_pain_by_system

    return workflow_pain_by_system(ctx)


WORKFLOW_PAIN_PROVIDERS: list[PainProvider] = [stored_event_log_pain]


def register_workflow_pain(provider: PainProvider) -> None:
    if provider not in WORKFLOW_PAIN_PROVIDERS:
        WORKFLOW_PAIN_PROVIDERS.append(provider)


def _workflow_pain(ctx: ServiceContext) -> dict[str, float]:
    total: dict[str, float] = {}
    for provider in WORKFLOW_PAIN_PROVIDERS:
        for system_id, pain in provider(ctx).items():
            total[system_id] = total.get(system_id, 0.0) + float(pain)
    return total


def match_technologies(
    inventory: Inventory, data_dir: Any, today: date
) -> tuple[dict[str, EolMatch], date]:
    source = open_release_source(data_dir)
    matcher = EolMatcher(source)
    matches = {t.id: matcher.match(t.name, t.version, today) for t in inventory.technologies}
    return matches, source.snapshot_date


def _evidence_facts(evidence: list[Any], today: date) -> tuple[dict[str, Any], dict[str, Any]]:
    """Stored evidence as fact maps; ages are computed against the review's date."""
    sbom: dict[str, Any] = {}
    repo: dict[str, Any] = {}
    for item in evidence:
        facts = dict(item.facts)
        facts["date"] = item.attached_at.date()
        facts["label"] = item.label
        if item.kind is EvidenceKind.SBOM:
            oldest = facts.get("oldest_unapplied_date")
            facts["oldest_unapplied_days"] = (
                (today - date.fromisoformat(oldest)).days if oldest else None
            )
            sbom[item.system_id] = facts
        else:
            last = facts.get("last_commit")
            facts["days_since_commit"] = (
                (today - date.fromisoformat(last[:10])).days if last else None
            )
            repo[item.system_id] = facts
    return sbom, repo


def review(
    ctx: ServiceContext,
    profile: str = "custom",
    *,
    lang: str | None = None,
    today: date | None = None,
    progress: Callable[[str], None] | None = None,
    products: Path | None = None,
) -> tuple[int, ReviewOutcome]:
    """Run the review over the whole inventory, store it as a new run, and return both.
    `products` is a user's product catalogue for this run (else the settings' one)."""
    run, outcome = review_with_run(
        ctx, profile, lang=lang, today=today, progress=progress, products=products
    )
    return run.id, outcome


def review_with_run(
    ctx: ServiceContext,
    profile: str = "custom",
    *,
    lang: str | None = None,
    today: date | None = None,
    progress: Callable[[str], None] | None = None,
    products: Path | None = None,
) -> tuple[ReviewRun, ReviewOutcome]:
    """As `review`, also returning the stored run as it is in memory: for writing the JSON
    document without reading thousands of results back from the database.

    `lang` is the run's language: its reasons are stored as codes, worded again whenever they
    are shown, and also as text in this language (what the ranking's search and the JSON
    document read)."""
    with collector_paused():  # a fifth of a large review's time otherwise (kernel.heap)
        outcome, weights = _compute(ctx, profile, today=today, progress=progress, products=products)
        (progress or (lambda _: None))("saving")
        run = _run(ctx, outcome, weights, lang or ctx.settings.default_language)
        with ctx.database.unit_of_work() as uow:
            run.id = uow.repo(ReviewRepository).save_run(run)
    return run, outcome


def preview_review(
    ctx: ServiceContext,
    profile: str = "custom",
    *,
    custom_weights: Mapping[str, float] | None = None,
    impact_weights: Mapping[str, float] | None = None,
    today: date | None = None,
) -> ReviewOutcome:
    """The review with trial weights, computed but not stored: for a weights editor whose
    ranking updates as the weights change, before anyone saves them."""
    trial: dict[str, dict[str, Any]] = {}
    if custom_weights:
        trial["custom"] = dict(custom_weights)
    if impact_weights:
        trial["impact"] = dict(impact_weights)
    validate_weights(trial, "trial weights")
    with collector_paused():
        outcome, _ = _compute(ctx, profile, today=today, trial=trial)
    return outcome


def _compute(
    ctx: ServiceContext,
    profile: str,
    *,
    today: date | None,
    progress: Callable[[str], None] | None = None,
    trial: Mapping[str, Mapping[str, float]] | None = None,
    products: Path | None = None,
) -> tuple[ReviewOutcome, dict[str, dict[str, float]]]:
    ctx.actor.require(Permission.ANALYSE)
    if profile not in PROFILES:
        raise ProduktlyftError(f"unknown profile '{profile}'; choose one of {', '.join(PROFILES)}")
    ctx.database.require_current()
    # checked before anything is computed: a broken catalogue stops the run with its reason
    duplicates = duplicate_settings(ctx, products)
    step = progress or (lambda _: None)
    today = today or ctx.now().date()
    step("loading")
    with ctx.database.reading() as uow:
        inventory = uow.repo(InventoryRepository).load_inventory()
        decisions = uow.repo(ReviewRepository).decisions()
        evidence = uow.repo(ReviewRepository).evidence()
        weights = effective_weights(uow.repo(ReviewRepository))
        adjusted = uow.repo(ReviewRepository).duplicate_weights()
    for name, values in (trial or {}).items():
        weights[name] = {**weights[name], **values}
    if not inventory.systems:
        raise ProduktlyftError("the inventory has no systems to review; import some first")
    step("end of life")
    matches, snapshot = match_technologies(inventory, ctx.settings.resolved_data_dir(), today)
    sbom, repo = _evidence_facts(evidence, today)
    outcome = run_review(
        inventory,
        matches,
        today=today,
        eol_snapshot=snapshot,
        profile=profile,
        custom_weights=weights["custom"],
        impact_weights=weights["impact"],
        sbom_facts=sbom,
        repo_facts=repo,
        rejected=[(d.system_a, d.system_b) for d in decisions if d.decision is Decision.REJECT],
        confirmed=[(d.system_a, d.system_b) for d in decisions if d.decision is Decision.CONFIRM],
        workflow_pain=_workflow_pain(ctx) or None,
        duplicate_settings=duplicates,
        progress=step,
    )
    signals = outcome.summary.duplicate_model == "signals"
    if signals and adjusted is not None and _ran_with(duplicates, adjusted):
        # the signals model ran with this organisation's weights (the report says so)
        outcome.summary.duplicate_weights_pairs = adjusted.pairs
    return outcome, weights


def _ran_with(settings: DuplicateSettings, adjusted: DuplicateWeights) -> bool:
    """Whether the review's duplicate settings carry the organisation's re-fit."""
    if adjusted.model == "trees":
        return settings.trees is not None and settings.adjustment == tuple(adjusted.weights)
    return settings.trees is None and settings.weights == padded_weights(adjusted.weights)


def _run(
    ctx: ServiceContext,
    outcome: ReviewOutcome,
    weights: Mapping[str, Mapping[str, float]],
    lang: str,
) -> ReviewRun:
    for system in outcome.systems:
        system.reason = system_sentence(system.name, system.reasons or [], lang)
    for pair in outcome.duplicates:
        pair.reason = duplicate_sentence(pair.name_a, pair.name_b, pair.reasons or [], lang)
    return ReviewRun(
        id=0,  # until stored
        started_at=ctx.now(),
        actor=ctx.actor.name,
        profile=outcome.profile,
        lang=lang,
        reference_date=outcome.reference_date,
        eol_snapshot=outcome.eol_snapshot,
        weights={k: dict(v) for k, v in weights.items()},
        summary=outcome.summary,
        details=RunDetails(
            capabilities=outcome.capabilities,
            heatmap=outcome.heatmap,
            technologies=outcome.technologies,
            clusters=outcome.clusters,
        ),
        systems=outcome.systems,
        duplicates=outcome.duplicates,
    )


def latest_review(ctx: ServiceContext, *, with_results: bool = True) -> ReviewRun:
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        run_id = uow.repo(ReviewRepository).latest_run_id()
        run = uow.repo(ReviewRepository).run(run_id, with_results=with_results) if run_id else None
    if run is None:
        raise NotFound("no review has been run yet; run `produktlyft review` first")
    return run


def system_evidence(
    ctx: ServiceContext, system_id: str
) -> tuple[ReviewRun, SystemResult, list[Evidence], list[RankInRun]]:
    """One system's latest result with its evidence, attachments and rank history."""
    run = latest_review(ctx, with_results=False)
    with ctx.database.reading() as uow:
        result = uow.repo(ReviewRepository).result(run.id, system_id)
        if result is None:
            raise NotFound(f"the latest review has no system with id '{system_id}'")
        attachments = uow.repo(ReviewRepository).evidence(system_id)
        history = uow.repo(ReviewRepository).system_history(system_id)
    return run, result, attachments, history


def review_document(run: ReviewRun) -> dict[str, Any]:
    """The JSON written by `produktlyft review --json`."""
    return {
        "format": {"name": "produktlyft-review", "version": 1},
        "run": {
            "id": run.id,
            "started_at": run.started_at.isoformat(),
            "profile": run.profile,
            "reference_date": run.reference_date.isoformat(),
            "eol_snapshot": run.eol_snapshot.isoformat(),
            "lang": run.lang,
            "weights": run.weights,
        },
        "summary": run.summary.model_dump(mode="json"),
        "systems": [
            {
                "id": s.system_id,
                "name": s.name,
                "rank": s.rank,
                "score": s.score,
                "confidence": s.confidence,
                "condition": s.condition,
                "health": s.health,
                "band": s.band.value,
                "reason": s.reason,
                "rank_range": [s.rank_min, s.rank_max],
                "stable": s.stable,
                "judged": s.judged,
                "evidence": [e.model_dump(mode="json") for e in s.evidence],
                "profiles": (s.assessment or {}).get("profiles"),
            }
            for s in run.systems
        ],
        "duplicates": [
            {
                "a": d.system_a,
                "b": d.system_b,
                "score": d.score,
                "layers": d.layers,
                "layer_scores": d.layer_scores,
                "reason": d.reason,
                "cluster": d.cluster,
                "confirmed": d.confirmed,
                "function": d.function,
                "function_words": d.function_words,
                "product": d.product,
                "against": d.against,
                "survivor": d.survivor,
            }
            for d in run.duplicates
        ],
        "capabilities": [c.model_dump(mode="json") for c in run.details.capabilities],
        "technologies": [t.model_dump(mode="json") for t in run.details.technologies],
    }
