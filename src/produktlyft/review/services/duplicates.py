"""Analysts' decisions on suggested duplicates. Keyed by the unordered pair of system ids, so a
decision holds across re-runs and re-imports: a rejected pair is never suggested again."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

from produktlyft.inventory.repository import InventoryRepository
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import NotFound, ProduktlyftError
from produktlyft.review.analysis.duplicates import (
    SIGNALS,
    DuplicateSettings,
    padded_weights,
    signals_model,
    with_embedding,
)
from produktlyft.review.analysis.duplicates_embedding import EmbeddingUnavailable, load_embedder
from produktlyft.review.analysis.duplicates_fit import fit_to_decisions
from produktlyft.review.analysis.duplicates_signals import load_vocabulary
from produktlyft.review.analysis.duplicates_user_products import user_product_problems
from produktlyft.review.analysis.review import duplicate_features
from produktlyft.review.model import Decision, DuplicateDecision, DuplicateWeights, pair_key
from produktlyft.review.repository import ReviewRepository

MIN_EACH = 3  # confirmed and rejected pairs needed, each, before weights are re-fitted


def decide_duplicate(
    ctx: ServiceContext, a: str, b: str, decision: Decision | str, note: str | None = None
) -> DuplicateDecision:
    ctx.actor.require(Permission.ANALYSE)
    ctx.database.require_current()
    if a == b:
        raise ProduktlyftError("a system cannot duplicate itself; give two different ids")
    choice = Decision(decision)
    with ctx.database.unit_of_work() as uow:
        unknown = {a, b} - uow.repo(InventoryRepository).ids_among("systems", [a, b])
        if unknown:
            raise NotFound(f"no system with id {', '.join(repr(u) for u in sorted(unknown))}")
        first, second = pair_key(a, b)
        made = DuplicateDecision(first, second, choice, ctx.actor.name, ctx.now(), note)
        uow.repo(ReviewRepository).decide(made)
    return made


def list_decisions(ctx: ServiceContext) -> list[DuplicateDecision]:
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        return uow.repo(ReviewRepository).decisions()


def duplicate_settings(ctx: ServiceContext, products: Path | None = None) -> DuplicateSettings:
    """The settings a review uses: the shipped ones, with this organisation's re-fitted
    weights for the signals model when there are any, and the user's product catalogue
    (`products`, else the `product_catalogue` setting) checked and in use."""
    settings = shipped_settings(ctx, products)
    with ctx.database.reading() as uow:
        fitted = uow.repo(ReviewRepository).duplicate_weights()
    return with_decisions(settings, fitted)


def with_decisions(
    settings: DuplicateSettings, fitted: DuplicateWeights | None
) -> DuplicateSettings:
    """`settings` with an organisation's re-fit applied: an adjustment of the trees' score, or
    the logistic model's own weights; the settings unchanged where the re-fit does not fit
    them (fitted for the trees where none are in use, or before the signals changed)."""
    if fitted is not None and fitted.model == "trees":
        if settings.trees is None or len(fitted.weights) != len(SIGNALS):
            return settings
        return replace(
            settings, adjustment=tuple(fitted.weights), adjustment_intercept=fitted.intercept
        )
    weights = padded_weights(fitted.weights) if fitted is not None else None
    if fitted is None or weights is None:
        # none, or fitted before the signals changed: the shipped weights until a new refit
        return settings
    # a re-fit is a logistic model: the decisions adjust its weights, not the shipped trees
    return replace(
        settings,
        weights=weights,
        intercept=fitted.intercept,
        threshold=fitted.threshold,
        trees=None,
    )


def shipped_settings(ctx: ServiceContext, products: Path | None = None) -> DuplicateSettings:
    """The shipped settings with the user's product catalogue (`products`, else the
    `product_catalogue` setting) and the embedding model checked and in use."""
    catalogue = products or ctx.settings.product_catalogue
    return with_embedding(
        DuplicateSettings(
            user_products=checked_catalogue(catalogue) if catalogue is not None else None
        ),
        checked_embedding(ctx.settings.duplicate_embedding_model),
    )


def checked_embedding(path: Path | None) -> Path | None:
    """The configured embedding model, once it is known to load; otherwise a clear error
    naming the setting and the file (and nothing is reviewed)."""
    if path is None:
        return None
    try:
        load_embedder(path.resolve())
    except EmbeddingUnavailable as error:
        raise ProduktlyftError(f"duplicate_embedding_model: {error}") from None
    return path.resolve()


def checked_catalogue(path: Path) -> Path:
    """`path`, once it is known to be a usable product catalogue; otherwise a clear error
    naming the file, the entry and the field (and nothing is reviewed)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "not UTF-8 text"
        raise ProduktlyftError(f"{path}: cannot read the product catalogue ({reason})") from None
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        raise ProduktlyftError(
            f"{path}: the product catalogue is not JSON (line {error.lineno}, column "
            f"{error.colno}: {error.msg})"
        ) from None
    problems = user_product_problems(raw, load_vocabulary().functions)
    if problems:
        more = f"; and {len(problems) - 10} more" if len(problems) > 10 else ""
        raise ProduktlyftError(f"{path}: {'; '.join(problems[:10])}{more}")
    return path.resolve()


def current_weights(ctx: ServiceContext) -> DuplicateWeights | None:
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        return uow.repo(ReviewRepository).duplicate_weights()


def refit_weights(ctx: ServiceContext) -> DuplicateWeights:
    """Re-fit the signals model's weights to the confirmed and rejected pairs (a small
    logistic model) and keep them for this organisation's next reviews."""
    ctx.actor.require(Permission.ANALYSE)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        inventory = uow.repo(InventoryRepository).load_inventory()
        decisions = uow.repo(ReviewRepository).decisions()
    confirmed = [(d.system_a, d.system_b) for d in decisions if d.decision is Decision.CONFIRM]
    rejected = [(d.system_a, d.system_b) for d in decisions if d.decision is Decision.REJECT]
    if min(len(confirmed), len(rejected)) < MIN_EACH:
        raise ProduktlyftError(
            f"re-fitting needs at least {MIN_EACH} confirmed and {MIN_EACH} rejected pairs; "
            f"there are {len(confirmed)} confirmed and {len(rejected)} rejected"
        )
    # the decisions adjust the weights a review uses without any stored ones
    prior = signals_model(shipped_settings(ctx))
    fitted = fit_to_decisions(duplicate_features(inventory), confirmed, rejected, prior)
    trees = fitted.adjustment is not None
    made = DuplicateWeights(
        fitted.adjustment if fitted.adjustment is not None else fitted.weights,
        fitted.adjustment_intercept if trees else fitted.intercept,
        fitted.threshold,
        len(confirmed) + len(rejected),
        ctx.actor.name,
        ctx.now(),
        model="trees" if trees else "logistic",
    )
    with ctx.database.unit_of_work() as uow:
        uow.repo(ReviewRepository).save_duplicate_weights(made)
    return made


@dataclass(frozen=True)
class Learning:
    """What the duplicates page shows of learning from decisions: how many pairs are decided,
    whether that is enough to re-fit, and each signal's weight in use beside the shipped one."""

    confirmed: int
    rejected: int
    fitted: DuplicateWeights | None  # None: the shipped weights are in use
    weights: tuple[tuple[str, float, float], ...]  # signal, in use, shipped
    intercept: tuple[float, float]  # in use, shipped
    needed: int = MIN_EACH
    # the shipped trees score the pairs, and the weights are the decisions' adjustment to
    # their score (0 where none is fitted); else the logistic model's own weights (ADR 0023)
    trees: bool = False

    @property
    def can_refit(self) -> bool:
        return min(self.confirmed, self.rejected) >= self.needed


def learning(ctx: ServiceContext) -> Learning:
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        decisions = uow.repo(ReviewRepository).decisions()
        fitted = uow.repo(ReviewRepository).duplicate_weights()
    # the shipped weights as a review would take them; the model file is not loaded for a page
    base = _shipped(ctx)
    confirmed = sum(d.decision is Decision.CONFIRM for d in decisions)
    rejected = sum(d.decision is Decision.REJECT for d in decisions)
    if base.trees is not None and (fitted is None or fitted.model == "trees"):
        adjusted = with_decisions(base, fitted)
        none = (0.0,) * len(SIGNALS)
        in_use = adjusted.adjustment or none
        return Learning(
            confirmed=confirmed,
            rejected=rejected,
            fitted=fitted if adjusted.adjustment is not None else None,
            weights=tuple(zip(SIGNALS, in_use, none, strict=True)),
            intercept=(adjusted.adjustment_intercept, 0.0),
            trees=True,
        )
    shipped, shipped_intercept = base.weights, base.intercept
    logistic = fitted is not None and fitted.model == "logistic"
    weights = padded_weights(fitted.weights) if fitted is not None and logistic else None
    if fitted is None or weights is None:
        fitted, weights = None, shipped
    return Learning(
        confirmed=confirmed,
        rejected=rejected,
        fitted=fitted,
        weights=tuple(zip(SIGNALS, weights, shipped, strict=True)),
        intercept=(fitted.intercept if fitted else shipped_intercept, shipped_intercept),
    )


def reset_weights(ctx: ServiceContext) -> None:
    """Back to the shipped weights."""
    ctx.actor.require(Permission.ANALYSE)
    ctx.database.require_current()
    with ctx.database.unit_of_work() as uow:
        uow.repo(ReviewRepository).save_duplicate_weights(None)


def signal_names() -> tuple[str, ...]:
    """The signals, in the order of a weights tuple."""
    return SIGNALS


def _shipped(ctx: ServiceContext) -> DuplicateSettings:
    """The shipped settings a review takes: those fitted with the embedding where a model is
    configured (the model file itself is not loaded)."""
    ctx.actor.require(Permission.READ)
    return with_embedding(DuplicateSettings(), ctx.settings.duplicate_embedding_model)


def shipped_tree_count(ctx: ServiceContext) -> int:
    """How many trees the shipped model scores pairs with (0: the logistic weights score)."""
    trees = _shipped(ctx).trees
    return trees.size if trees is not None else 0


def shipped_weights(ctx: ServiceContext) -> tuple[tuple[float, ...], float, float]:
    """The shipped weights, intercept and threshold of the signals model in use."""
    shipped = _shipped(ctx)
    return shipped.weights, shipped.intercept, shipped.threshold
