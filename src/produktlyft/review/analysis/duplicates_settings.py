"""The duplicate detector's signals, their weights and settings: which model runs (the 0005
layers or the signals of 0023), which signals count for or against, the shipped weights, and
weights stored before later signals existed. The computation is in `duplicates`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from produktlyft.review.analysis.duplicates_cut import expected_f1_cut
from produktlyft.review.analysis.duplicates_features import SystemFeatures
from produktlyft.review.analysis.duplicates_trees import (
    SHIPPED_EMBEDDING_TREES,
    TreeModel,
    shipped_trees,
)
from produktlyft.review.analysis.duplicates_word_pairs import WordPairs, shipped_word_pairs

SIGNALS = (
    "capabilities",
    "data_integrations",
    "text",
    "function",
    "product_same",
    "role_same",
    "role_complementary",
    "linked",
    "role_differ",
    "role_and_function",
    "homegrown_and_function",
    "mapped_apart",
    "capability_rarity",
    "satellite_apart",
    "embedding",
    "embedding_function",
    "best_match",
    "group_match",
    "origin_apart",
    "text_grams",
    "word_pairs",
    "text_rarity",
    "match_margin",
)
MATCH = SIGNALS.index("best_match")  # computed from the others' score (duplicates_match)
GROUP = SIGNALS.index("group_match")  # likewise
MARGIN = SIGNALS.index("match_margin")  # likewise
MATCHES = [MATCH, GROUP, MARGIN]
ORIGIN = SIGNALS.index("origin_apart")
GRAMS = SIGNALS.index("text_grams")
WORDS = SIGNALS.index("word_pairs")
RARE_WORD = SIGNALS.index("text_rarity")
EMBEDDING_SIGNALS = ("embedding", "embedding_function")  # added after weights were first stored
# lengths of weights stored before signals were added at the end (the embedding's two, then
# best_match, then group_match, then origin_apart, then text_grams, then word_pairs, then
# text_rarity, then match_margin): read with 0 for the later ones
EARLIER_LENGTHS = (14, 16, 17, 18, 19, 20, 21, 22)
LAYERS = ("capabilities", "data_integrations", "text", "function", "product")
# the embedding signals speak at these: each among the other's two nearest (1/(1+rank)), or
# both nearest in meaning to one function where the roles allow it
MEANING_THRESHOLDS = {"embedding": 1 / 3, "embedding_function": 1e-9}
# text_grams is named in a reason at this where the text layer itself is not: the two share
# parts of words that the stems do not ("skjenkeregister" and "skjenkeløyve"); the text
# layer's own threshold
GRAMS_THRESHOLD = 0.35
AGAINST = (
    "role_complementary",
    "linked",
    "role_differ",
    "mapped_apart",
    "satellite_apart",
)
# signals that may speak for or against, by inventory: the same product is a twin after a
# merger or two modules of one suite; the same role is a twin or two registers of one area
FREE = ("product_same", "role_same")
# signals named in a pair's reason but held at weight 0 by every fit: each is nearly another
# signal or too rare to weigh (ADR 0023, twentieth look). role_complementary fires only on
# pairs where satellite_apart fires too (on every set and the demo), so a fit split the
# evidence between the two by chance; product_same fires on 2-12 candidate pairs of an
# inventory, too few to fit a weight that carries to the next one
UNWEIGHED = ("product_same",)


# the calibration the shipped fit yields for the default model, fitted with the trees on each
# set's pairs scored by trees fitted without it (the demo left out: its generated pairs say
# nothing of what a score means in an organisation): set as `calibration`, it cuts each
# inventory's list where its expected F1 is best instead of at the fixed threshold
FITTED_CALIBRATION: tuple[float, float] = (1.0219, -3.5666)


def _shipped_trees() -> TreeModel | None:
    return shipped_trees(SIGNALS)


@dataclass(frozen=True)
class DuplicateSettings:
    # "layers": the weighted sum of capabilities, data and text (ADR 0005), which needs the
    # functional kind tags the demo carries; "signals": the logistic model over all SIGNALS
    # (ADR 0023); "auto": layers where most systems carry functional tags, signals otherwise
    model: str = "auto"
    layer_weights: tuple[float, float, float] = (0.65, 0.25, 0.10)
    layer_threshold: float = 0.86
    # stage one of the shipped model: logistic weights per signal (SIGNALS order) and intercept,
    # fitted by `fit_settings` on the demo organisation (counting as eight sets) and the twelve
    # labelled evaluation inventories, 7 December 2026 (bench/duplicates_eval.py
    # --fit-shipped), each set's word pairs learnt from the other eleven. They rank each
    # system's pairs for the best match, and an organisation's decisions adjust them
    # (`fit_to_decisions`); the pairs are scored by the `trees` fitted with them. How well that
    # carries to a new organisation is measured by fitting each set on the other eleven (ADR
    # 0023, twenty-seventh, thirtieth and thirty-first looks). word_pairs' weight is large
    # because its values are small: a probability by the word pairs alone, 0.01 where none is
    # learnt
    weights: tuple[float, ...] = (
        0.0,
        1.851,
        0.0,
        1.547,
        0.0,  # product_same: UNWEIGHED
        0.348,
        -3.062,
        -6.085,
        -4.456,
        0.978,
        2.517,
        -4.246,
        0.0,
        -0.927,
        0.0,  # embedding: off unless a model is configured (with_embedding)
        0.0,  # embedding_function: likewise
        2.198,
        0.09,
        0.0,
        1.118,
        19.49,
        0.482,
        4.359,
    )
    intercept: float = -2.763
    # the cut: the probability needed to be suggested, chosen where the held-out list of the
    # fitting inventories had its best F1. With the margin signal (ADR 0023, thirty-fifth look)
    # one such cut carried over to a new organisation better than a cut per inventory
    threshold: float = 0.969
    # the slope and offset that map the model's probability (logit) to the chance that a pair
    # is a twin (duplicates_cut): with them each inventory's list is cut where its expected F1
    # is best, not at `threshold`. None: the fixed cut, shipped since 7 December 2026; the fit
    # still yields one (FITTED_CALIBRATION)
    calibration: tuple[float, float] | None = None
    embedding_model: Path | None = None  # a sentence-embedding model file on disk (optional)
    # the signals model's score: monotone boosted trees over the signals (duplicates_trees),
    # whose best match is ranked by `weights`; None: the logistic model of `weights` itself
    # (with an embedding model, and once an organisation's decisions have re-fitted it)
    trees: TreeModel | None = field(default_factory=_shipped_trees)
    # word pairs learnt from labelled twins (duplicates_word_pairs); None: that signal is 0
    word_pairs: WordPairs | None = field(default_factory=shipped_word_pairs)
    # an organisation's decisions shift the trees' logit by a logistic term over the signals
    # (`fit_to_decisions`): a weight per signal (SIGNALS order) and an intercept; None: as fitted
    adjustment: tuple[float, ...] | None = None
    adjustment_intercept: float = 0.0
    # a signal "speaks" (is named in the reason) at or above this
    layer_thresholds: tuple[float, ...] = (0.5, 0.3, 0.35, 0.4, 1.0)
    distinctive_terms: int = 8  # per system, for text blocking
    max_block: int = 60  # blocks larger than this are too common to block on
    catalogue: bool = True  # use the shipped product catalogue
    user_products: Path | None = None  # a local catalogue overriding the shipped one

    def describe(self) -> str:
        pairs = ", ".join(f"{n} {w:+.2f}" for n, w in zip(SIGNALS, self.weights, strict=True))
        scored = f"; scored by {self.trees.size} trees" if self.trees is not None else ""
        return f"{pairs}; intercept {self.intercept:+.2f}; threshold {self.threshold:.4f}{scored}"


TAGGED_SHARE = 0.5  # "auto" uses the layers model when at least this share carries tags


def resolve_model(features: SystemFeatures, settings: DuplicateSettings) -> DuplicateSettings:
    """Settings with "auto" replaced by the model the inventory suits."""
    if settings.model != "auto":
        return settings
    tagged = sum(1 for row in (features.tags or []) if list(row))
    share = tagged / len(features.ids) if len(features.ids) else 0.0
    return replace(settings, model="layers" if share >= TAGGED_SHARE else "signals")


def cutoff(settings: DuplicateSettings, probability: np.ndarray | None = None) -> float:
    """The score from which pairs are suggested: the layers model's fixed threshold; for the
    signals model, the cut with the best expected F1 of the candidate pairs' `probability`
    where the settings carry a calibration, else the fixed threshold."""
    if settings.model == "layers":
        return settings.layer_threshold
    if settings.calibration is None or probability is None:
        return settings.threshold
    return expected_f1_cut(probability, settings.calibration)


def cut_rule(settings: DuplicateSettings) -> str:
    """How `cutoff` chooses: "expected_f1" for the signals model with a calibration, else
    "fixed"."""
    if settings.model != "layers" and settings.calibration is not None:
        return "expected_f1"
    return "fixed"


def signals_model(settings: DuplicateSettings | None = None) -> DuplicateSettings:
    return replace(settings or DuplicateSettings(), model="signals")


def without_catalogue(settings: DuplicateSettings) -> DuplicateSettings:
    return replace(settings, catalogue=False)


# The shipped settings when an embedding model is in use: fitted the same way as the default
# ones (bench/duplicates_eval.py --fit-shipped with the model), with the embedding's signals
# present: the stage-one weights, and the trees (SHIPPED_EMBEDDING_TREES) that score.
EMBEDDING_WEIGHTS: tuple[float, ...] = (
    0.0,
    1.971,
    0.0,
    1.637,
    0.0,  # product_same: UNWEIGHED
    0.486,
    -3.356,
    -6.208,
    -4.403,
    0.305,
    2.296,
    -4.577,
    0.0,
    -0.762,
    1.107,
    1.533,
    2.025,
    0.0,
    0.0,
    0.831,
    16.185,
    0.453,
    4.421,
)
EMBEDDING_INTERCEPT, EMBEDDING_THRESHOLD = -2.869, 0.9697
# their cut: the fixed threshold, as for the default model. The fit yields a calibration too
# ((1.0117, -3.5229), fitted as FITTED_CALIBRATION), but cross-fitted on the twelve sets the
# fixed cut carried over better with the margin signal (ADR 0023, thirty-fifth look)
EMBEDDING_CALIBRATION: tuple[float, float] | None = None


def with_embedding(settings: DuplicateSettings, model: Path | None) -> DuplicateSettings:
    """`settings` using the embedding model at `model` with the weights fitted for it (or
    unchanged without a model)."""
    if model is None:
        return settings
    return replace(
        settings,
        embedding_model=model,
        weights=EMBEDDING_WEIGHTS,
        intercept=EMBEDDING_INTERCEPT,
        threshold=EMBEDDING_THRESHOLD,
        calibration=EMBEDDING_CALIBRATION,
        # trees of their own, fitted with the embedding's signals: the logistic model that
        # scored here before let the demo's case system, e-service and register of one subject
        # through as twins (precision 0.27), where trees tell them apart by their roles
        trees=shipped_trees(SIGNALS, SHIPPED_EMBEDDING_TREES),
    )


def padded_weights(weights: Sequence[float]) -> tuple[float, ...] | None:
    """Weights stored before the embedding, best-match and group signals existed, with 0 for them;
    None when they do not fit the signals at all."""
    if len(weights) in EARLIER_LENGTHS:
        return (*weights, *(0.0 for _ in range(len(SIGNALS) - len(weights))))
    return tuple(weights) if len(weights) == len(SIGNALS) else None
