"""Fitting the duplicate detector's trees (duplicates_trees) to labelled inventories: the
shipped model (bench/duplicates_eval.py --fit-shipped) and the cross-fits of the evaluation.

In two stages, as the logistic fit: the logistic model over the other signals is fitted first
(`fit_settings`), and its weights rank each system's pairs for the best match; then monotone
gradient-boosted trees are fitted over every signal, each inventory weighing the same and the
two classes alike. Their calibration (the chance that a pair is a twin, duplicates_cut) is
fitted on each inventory's pairs scored by trees fitted without it: the way the model meets
a new organisation. Uses scikit-learn's HistGradientBoostingClassifier to fit; the fitted
trees are kept as node arrays, so a review needs only NumPy."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

from produktlyft.review.analysis.duplicates import (
    AGAINST,
    FREE,
    SIGNALS,
    UNWEIGHED,
    DuplicateSettings,
    SystemFeatures,
)
from produktlyft.review.analysis.duplicates_cut import fit_calibration, sigmoid
from produktlyft.review.analysis.duplicates_fit import (
    _best_threshold,
    fit_settings,
    labelled_signals,
    per_entry,
)
from produktlyft.review.analysis.duplicates_trees import LEAF, TreeModel, from_nodes
from produktlyft.review.analysis.duplicates_word_pairs import WordPairs

# measured on the ten evaluation sets, each fitted on the other nine (ADR 0023, twenty-fifth
# and twenty-sixth looks): more rounds or larger leaves changed F1 by less than 0.01
ROUNDS, LEARNING_RATE, LEAVES, MIN_LEAF, L2 = 150, 0.05, 8, 20, 1.0


def directions() -> list[int]:
    """Each signal's monotonic constraint: +1 for evidence for a twin, -1 against, 0 where it
    may speak either way (FREE) or is not weighed (UNWEIGHED: held at 0 in every fit)."""
    return [
        0 if name in FREE or name in UNWEIGHED else -1 if name in AGAINST else 1 for name in SIGNALS
    ]


def boosted(signals: np.ndarray, labels: np.ndarray, weight: np.ndarray) -> TreeModel:
    """Monotone boosted trees, the two classes weighing alike in total."""
    balanced = weight.astype(float).copy()
    for value in (0, 1):
        chosen = labels == value
        balanced[chosen] *= len(labels) / (2.0 * balanced[chosen].sum())
    unweighed = [SIGNALS.index(name) for name in UNWEIGHED]
    usable = signals.copy()
    usable[:, unweighed] = 0.0  # as every fit: too rare to carry over (ADR 0023)
    model = HistGradientBoostingClassifier(
        max_iter=ROUNDS,
        learning_rate=LEARNING_RATE,
        max_leaf_nodes=LEAVES,
        min_samples_leaf=MIN_LEAF,
        l2_regularization=L2,
        monotonic_cst=directions(),
        early_stopping=False,
        random_state=0,
    )
    model.fit(usable, labels, sample_weight=balanced)
    return from_sklearn(model)


def from_sklearn(model: HistGradientBoostingClassifier) -> TreeModel:
    """The node arrays of a fitted classifier (its leaf values already carry the learning
    rate; a pair goes left where its signal is at most the threshold)."""
    trees = []
    for (predictor,) in model._predictors:  # the fitted trees; no public API
        nodes = predictor.nodes
        leaf = nodes["is_leaf"].astype(bool)
        own = np.arange(len(nodes))
        trees.append(
            {
                "feature": np.where(leaf, LEAF, nodes["feature_idx"]).tolist(),
                "threshold": np.where(leaf, 0.0, nodes["num_threshold"]).tolist(),
                "left": np.where(leaf, own, nodes["left"]).tolist(),
                "right": np.where(leaf, own, nodes["right"]).tolist(),
                "value": np.where(leaf, nodes["value"], 0.0).tolist(),
            }
        )
    baseline = float(np.ravel(model._baseline_prediction)[0])  # as above
    return from_nodes(SIGNALS, baseline, trees)


def fit_trees(
    features: Sequence[SystemFeatures],
    duplicates: Iterable[Sequence[str]],
    settings: DuplicateSettings,
    calibrate_on: Sequence[bool] | None = None,
    word_pairs: Sequence[WordPairs | None] | None = None,
) -> DuplicateSettings:
    """Settings with the stage-one logistic weights, the trees, the fixed threshold and the
    calibration fitted to the inventories and their duplicate pairs. Each entry of `features`
    weighs the same; an inventory listed twice (the same object) counts twice and is held out
    whole. `calibrate_on` says which entries the calibration and threshold are fitted on (all
    by default): the demo, whose generator makes its pairs unlike an organisation's, is fitted
    on but does not say what a score means elsewhere. `word_pairs`, one per entry, gives each
    its learnt word pairs fitted without it (`fit_settings`)."""
    truth = [tuple(p) for p in duplicates]
    stage = fit_settings(features, truth, replace(settings, trees=None), word_pairs)
    signals, labels, groups, entry = _stacked(
        features, truth, per_entry(stage, features, word_pairs)
    )
    if len(set(labels.tolist())) < 2:
        return stage
    counts = np.bincount(entry)
    weight = np.asarray(len(labels) / counts[entry], dtype=float)
    trees = boosted(signals, labels, weight)
    held = _held_out(signals, labels, weight, groups)
    chosen = np.ones(len(labels), dtype=bool)
    if calibrate_on is not None:
        chosen = np.asarray(calibrate_on, dtype=bool)[entry]
    return replace(
        stage,
        trees=trees,
        threshold=round(_best_threshold(held[chosen], labels[chosen]), 4),
        calibration=fit_calibration(held[chosen], labels[chosen]),
    )


def _stacked(
    features: Sequence[SystemFeatures],
    truth: list[tuple[str, ...]],
    stages: Sequence[DuplicateSettings],
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Every entry's signals and labels; for each row the inventory it came from (an
    inventory listed twice is one group) and its entry in the list."""
    first: dict[int, int] = {}
    parts, labels, groups, entries = [], [], [], []
    for k, (one, stage) in enumerate(zip(features, stages, strict=True)):
        group = first.setdefault(id(one), len(first))
        signals, labelled = labelled_signals(one, truth, stage)
        parts.append(signals)
        labels.append(labelled)
        groups.append(np.full(len(labelled), group))
        entries.append(np.full(len(labelled), k))
    return (
        np.vstack(parts),
        np.concatenate(labels),
        np.concatenate(groups),
        np.concatenate(entries),
    )


def _held_out(
    signals: np.ndarray, labels: np.ndarray, weight: np.ndarray, groups: np.ndarray
) -> np.ndarray:
    """Each pair's probability from trees fitted without its inventory (with fewer than two
    inventories, or one class left, from the trees fitted on all: too few to hold one out)."""
    out = np.zeros(len(labels))
    names = sorted(set(groups.tolist()))
    for name in names:
        train = groups != name
        if len(names) < 2 or len(set(labels[train].tolist())) < 2:
            train = np.ones(len(labels), dtype=bool)
        trees = boosted(signals[train], labels[train], weight[train])
        out[groups == name] = probability(trees.logit(signals[groups == name]))
    return out


def probability(logit: np.ndarray) -> np.ndarray:
    return sigmoid(logit)
