"""Fitting the duplicate model's weights to labelled pairs: the evaluation sets, the demo's
planted pairs, or an organisation's confirmed and rejected suggestions. A small logistic
regression over the signals of the blocked candidate pairs; the threshold is the probability
that gives the best F1 on the pairs it was fitted on."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

import numpy as np
from sklearn.linear_model import LogisticRegression

from produktlyft.review.analysis.duplicates import (
    DuplicateSettings,
    SystemFeatures,
    build_features,
    candidate_pairs,
    score_pairs,
)

Pair = tuple[str, str]
REGULARISATION = 1.0  # sklearn's C: small data, keep the weights modest


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


def fit_weights(
    signals: np.ndarray,
    labels: np.ndarray,
    settings: DuplicateSettings,
    sample_weight: np.ndarray | None = None,
) -> DuplicateSettings:
    """Settings with weights, intercept and threshold fitted to the labelled signals."""
    if len(set(labels.tolist())) < 2:
        return settings  # nothing to learn from one class
    model = LogisticRegression(C=REGULARISATION, class_weight="balanced", max_iter=1000)
    model.fit(signals, labels, sample_weight=sample_weight)
    probability = model.predict_proba(signals)[:, 1]
    best, threshold = -1.0, 0.5
    for candidate in np.arange(0.3, 0.96, 0.01):
        chosen = probability >= candidate
        tp = float((chosen & (labels == 1)).sum())
        f1 = 2 * tp / (chosen.sum() + labels.sum()) if chosen.sum() + labels.sum() else 0.0
        if f1 > best:
            best, threshold = f1, float(candidate)
    return replace(
        settings,
        model="signals",
        weights=tuple(round(float(w), 3) for w in model.coef_[0]),
        intercept=round(float(model.intercept_[0]), 3),
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
