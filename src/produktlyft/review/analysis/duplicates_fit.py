"""Fitting the duplicate model's weights to labelled pairs: the evaluation sets, the demo's
planted pairs, or an organisation's confirmed and rejected suggestions. A small logistic
regression over the signals of the blocked candidate pairs; the threshold is the probability
that gives the best F1 on the pairs it was fitted on."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

import numpy as np
from scipy.optimize import minimize

from produktlyft.review.analysis.duplicates import (
    AGAINST,
    FREE,
    SIGNALS,
    DuplicateSettings,
    SystemFeatures,
    build_features,
    candidate_pairs,
    score_pairs,
)

Pair = tuple[str, str]
REGULARISATION = 1.0  # as sklearn's C: small data, keep the weights modest
FOLDS = 5  # for the held-out probabilities the threshold is chosen on


def _key(a: str, b: str) -> Pair:
    return (a, b) if a <= b else (b, a)


def labelled_signals(
    features: SystemFeatures,
    duplicates: Iterable[Sequence[str]],
    settings: DuplicateSettings,
    not_duplicates: Iterable[Sequence[str]] = (),
    only_labelled: bool = False,
) -> tuple[np.ndarray, np.ndarray]:
    """Signals of the candidate pairs (and of every labelled pair) with 1 for a duplicate.
    With `only_labelled`, only the pairs named in either list (an analyst's decisions)."""
    matrices = build_features(features, settings)
    position = {sid: i for i, sid in enumerate(matrices.ids)}
    positive = {_key(str(p[0]), str(p[1])) for p in duplicates}
    negative = {_key(str(p[0]), str(p[1])) for p in not_duplicates}
    pairs: set[tuple[int, int]] = set()
    if not only_labelled:
        pairs = {(int(i), int(j)) for i, j in candidate_pairs(matrices, settings)}
    for a, b in positive | negative:
        if a in position and b in position:
            pairs.add(tuple(sorted((position[a], position[b]))))  # type: ignore[arg-type]  # two ints
    ordered = np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)
    ids = matrices.ids
    labels = np.array([_key(ids[i], ids[j]) in positive for i, j in ordered], dtype=int)
    return score_pairs(matrices, ordered), labels


def _bounds() -> list[tuple[float | None, float | None]]:
    """Evidence for a duplicate may only raise the score and evidence against only lower it:
    with a few dozen labelled pairs an unconstrained fit flips signs on correlated signals
    (a shared capability "against" a duplicate), which then fails on the next inventory."""
    bounds: list[tuple[float | None, float | None]] = []
    for name in SIGNALS:
        bounds.append(
            (None, None) if name in FREE else (None, 0.0) if name in AGAINST else (0.0, None)
        )
    return [*bounds, (None, None)]  # the intercept is free


def _signed_logistic(
    signals: np.ndarray, labels: np.ndarray, sample_weight: np.ndarray | None
) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression with classes balanced and signs bounded (_bounds)."""
    weight = np.ones(len(labels)) if sample_weight is None else np.asarray(sample_weight, float)
    for value in (0, 1):  # balanced: each class weighs the same in total
        chosen = labels == value
        weight = np.where(chosen, weight * len(labels) / (2.0 * weight[chosen].sum()), weight)
    design = np.column_stack([signals, np.ones(len(labels))])
    penalty = np.append(np.full(signals.shape[1], 1.0 / REGULARISATION), 0.0)

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        logit = design @ theta
        probability = 1.0 / (1.0 + np.exp(-np.clip(logit, -30, 30)))
        # log(1 + e^z) - y z, written stably
        value = weight @ (np.logaddexp(0.0, logit) - labels * logit)
        gradient = design.T @ (weight * (probability - labels))
        return float(value + 0.5 * penalty @ theta**2), gradient + penalty * theta

    start = np.zeros(design.shape[1])
    found = minimize(loss, start, jac=True, method="L-BFGS-B", bounds=_bounds())
    return found.x[:-1], float(found.x[-1])


def _probability(signals: np.ndarray, coef: np.ndarray, intercept: float) -> np.ndarray:
    out: np.ndarray = 1.0 / (1.0 + np.exp(-np.clip(signals @ coef + intercept, -30, 30)))
    return out


def _held_out(
    signals: np.ndarray, labels: np.ndarray, sample_weight: np.ndarray | None
) -> np.ndarray:
    """Each pair's probability from a model fitted without its fold: the threshold is chosen
    on these, since probabilities of the pairs a model was fitted on are too confident (the
    best threshold on them sat at the top of the range and lost half the recall elsewhere)."""
    if min(int(labels.sum()), int(len(labels) - labels.sum())) < FOLDS:
        coef, intercept = _signed_logistic(signals, labels, sample_weight)
        return _probability(signals, coef, intercept)  # too few to hold any out
    fold = np.zeros(len(labels), dtype=int)
    for value in (0, 1):  # stratified, every FOLDS-th pair of each class in turn
        members = np.flatnonzero(labels == value)
        fold[members] = np.arange(len(members)) % FOLDS
    out = np.zeros(len(labels))
    for k in range(FOLDS):
        train = fold != k
        weight = None if sample_weight is None else sample_weight[train]
        coef, intercept = _signed_logistic(signals[train], labels[train], weight)
        out[~train] = _probability(signals[~train], coef, intercept)
    return out


def _best_threshold(probability: np.ndarray, labels: np.ndarray) -> float:
    """The probability cut with the best F1 (the lowest of equals)."""
    best, threshold = -1.0, 0.5
    for candidate in np.arange(0.3, 0.995, 0.01):
        chosen = probability >= candidate
        tp = float((chosen & (labels == 1)).sum())
        f1 = 2 * tp / (chosen.sum() + labels.sum()) if chosen.sum() + labels.sum() else 0.0
        if f1 > best:
            best, threshold = f1, float(candidate)
    return threshold


def fit_weights(
    signals: np.ndarray,
    labels: np.ndarray,
    settings: DuplicateSettings,
    sample_weight: np.ndarray | None = None,
) -> DuplicateSettings:
    """Settings with weights, intercept and threshold fitted to the labelled signals."""
    if len(set(labels.tolist())) < 2:
        return settings  # nothing to learn from one class
    coef, intercept = _signed_logistic(signals, labels, sample_weight)
    threshold = _best_threshold(_held_out(signals, labels, sample_weight), labels)
    return replace(
        settings,
        model="signals",
        weights=tuple(round(float(w), 3) for w in coef),
        intercept=round(float(intercept), 3),
        threshold=round(threshold, 2),
    )


def fit_settings(
    features: SystemFeatures | Sequence[SystemFeatures],
    duplicates: Iterable[Sequence[str]],
    settings: DuplicateSettings,
) -> DuplicateSettings:
    """Weights fitted on one or several inventories and their duplicate pairs."""
    many = [features] if isinstance(features, SystemFeatures) else list(features)
    truth = [tuple(p) for p in duplicates]
    parts = [labelled_signals(f, truth, settings) for f in many]
    signals = np.vstack([p[0] for p in parts])
    labels = np.concatenate([p[1] for p in parts])
    # each inventory counts the same, however many candidate pairs its blocking yields
    weight = np.concatenate([np.full(len(p[1]), len(signals) / len(p[1])) for p in parts])
    return fit_weights(signals, labels, settings, weight)
