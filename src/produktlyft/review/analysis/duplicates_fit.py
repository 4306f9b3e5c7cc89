"""Fitting the duplicate model's weights to labelled pairs: the evaluation sets, the demo's
planted pairs, or an organisation's confirmed and rejected suggestions. A small logistic
regression over the signals of the blocked candidate pairs; the threshold is the probability
that gives the best F1 on held-out folds of those pairs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

import numpy as np
from scipy.optimize import minimize

from produktlyft.review.analysis.duplicates import (
    AGAINST,
    FREE,
    MATCHES,
    SIGNALS,
    UNWEIGHED,
    DuplicateSettings,
    FeatureMatrices,
    SystemFeatures,
    build_features,
    candidate_pairs,
    combine,
    score_pairs,
    uses_group,
    with_best_match,
)
from produktlyft.review.analysis.duplicates_cut import fit_calibration, sigmoid
from produktlyft.review.analysis.duplicates_cut import logit as to_logit
from produktlyft.review.analysis.duplicates_match import fill_matches
from produktlyft.review.analysis.duplicates_word_pairs import PairWords, WordPairs, pair_words

Pair = tuple[str, str]
REGULARISATION = 1.0  # as sklearn's C: small data, keep the weights modest
FOLDS = 5  # for the held-out probabilities the threshold is chosen on
# with this many inventories or more, the threshold is chosen on each inventory's pairs scored
# by a model fitted on the others: the way the model meets a new organisation
INVENTORIES_HELD_OUT = 3


def _key(a: str, b: str) -> Pair:
    return (a, b) if a <= b else (b, a)


def per_entry(
    settings: DuplicateSettings,
    features: Sequence[SystemFeatures],
    word_pairs: Sequence[WordPairs | None] | None,
) -> list[DuplicateSettings]:
    """Per inventory, `settings` with its own learnt word pairs where they are given."""
    if word_pairs is None:
        return [settings] * len(features)
    return [replace(settings, word_pairs=w) for w in word_pairs]


def labelled_word_pairs(
    features: SystemFeatures, duplicates: Iterable[Sequence[str]], settings: DuplicateSettings
) -> tuple[list[PairWords], np.ndarray]:
    """The word pairs of the candidate and labelled pairs (as `labelled_signals` takes them)
    and 1 for a twin: what `fit_word_pairs` learns from."""
    settings = replace(settings, word_pairs=None)
    matrices = build_features(features, settings)
    pairs, _, labels, _ = _labelled(features, duplicates, settings, score=False, matrices=matrices)
    tokens = matrices.token_lists
    return [pair_words(tokens[i], tokens[j]) for i, j in pairs], labels


def labelled_signals(
    features: SystemFeatures,
    duplicates: Iterable[Sequence[str]],
    settings: DuplicateSettings,
    not_duplicates: Iterable[Sequence[str]] = (),
    only_labelled: bool = False,
) -> tuple[np.ndarray, np.ndarray]:
    """Signals of the candidate pairs (and of every labelled pair) with 1 for a duplicate.
    With `only_labelled`, only the pairs named in either list (an analyst's decisions). The
    best match is ranked among all of them by the weights of `settings`."""
    pairs, signals, labels, named = _labelled(features, duplicates, settings, not_duplicates)
    signals = with_best_match(pairs, signals, settings)
    if only_labelled:
        return signals[named], labels[named]
    return signals, labels


def _labelled(
    features: SystemFeatures,
    duplicates: Iterable[Sequence[str]],
    settings: DuplicateSettings,
    not_duplicates: Iterable[Sequence[str]] = (),
    score: bool = True,
    matrices: FeatureMatrices | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The candidate and labelled pairs, their signals (best match not yet filled in; none
    without `score`), 1 for a duplicate, and whether each pair is labelled. `matrices`, where
    the caller has built them already, saves building them again."""
    matrices = matrices or build_features(features, settings)
    position = {sid: i for i, sid in enumerate(matrices.ids)}
    positive = {_key(str(p[0]), str(p[1])) for p in duplicates}
    negative = {_key(str(p[0]), str(p[1])) for p in not_duplicates}
    pairs = {(int(i), int(j)) for i, j in candidate_pairs(matrices, settings)}
    for a, b in positive | negative:
        if a in position and b in position:
            pairs.add(tuple(sorted((position[a], position[b]))))  # type: ignore[arg-type]  # two ints
    ordered = np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)
    ids = matrices.ids
    keys = [_key(ids[i], ids[j]) for i, j in ordered]
    labels = np.array([k in positive for k in keys], dtype=int)
    named = np.array([k in positive or k in negative for k in keys], dtype=bool)
    signals = score_pairs(matrices, ordered) if score else np.zeros((len(ordered), 0))
    return ordered, signals, labels, named


def _bounds() -> list[tuple[float | None, float | None]]:
    """Evidence for a duplicate may only raise the score and evidence against only lower it:
    with a few dozen labelled pairs an unconstrained fit flips signs on correlated signals
    (a shared capability "against" a duplicate), which then fails on the next inventory."""
    bounds: list[tuple[float | None, float | None]] = []
    for name in SIGNALS:
        if name in UNWEIGHED:
            bounds.append((0.0, 0.0))
        elif name in FREE:
            bounds.append((None, None))
        else:
            bounds.append((None, 0.0) if name in AGAINST else (0.0, None))
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
        probability = sigmoid(logit)
        # log(1 + e^z) - y z, written stably
        value = weight @ (np.logaddexp(0.0, logit) - labels * logit)
        gradient = design.T @ (weight * (probability - labels))
        return float(value + 0.5 * penalty @ theta**2), gradient + penalty * theta

    start = np.zeros(design.shape[1])
    found = minimize(loss, start, jac=True, method="L-BFGS-B", bounds=_bounds())
    return found.x[:-1], float(found.x[-1])


def _probability(signals: np.ndarray, coef: np.ndarray, intercept: float) -> np.ndarray:
    return sigmoid(signals @ coef + intercept)


def _held_out(
    signals: np.ndarray,
    labels: np.ndarray,
    sample_weight: np.ndarray | None,
    groups: np.ndarray | None = None,
) -> np.ndarray:
    """Each pair's probability from a model fitted without its fold: the threshold is chosen
    on these, since probabilities of the pairs a model was fitted on are too confident (the
    best threshold on them sat at the top of the range and lost half the recall elsewhere)."""
    if min(int(labels.sum()), int(len(labels) - labels.sum())) < FOLDS:
        coef, intercept = _signed_logistic(signals, labels, sample_weight)
        return _probability(signals, coef, intercept)  # too few to hold any out
    fold = _folds(labels, np.zeros(len(labels), dtype=int) if groups is None else groups)
    out = np.zeros(len(labels))
    for k in range(FOLDS):
        train = fold != k
        weight = None if sample_weight is None else sample_weight[train]
        coef, intercept = _signed_logistic(signals[train], labels[train], weight)
        out[~train] = _probability(signals[~train], coef, intercept)
    return out


def _for_threshold(
    signals: np.ndarray,
    labels: np.ndarray,
    sample_weight: np.ndarray | None,
    groups: np.ndarray | None,
) -> np.ndarray:
    """The held-out probabilities the threshold is chosen on: by whole inventory where there
    are INVENTORIES_HELD_OUT or more, by stratified folds otherwise. Folds mix each inventory's
    pairs into the model that scores them, so the cut fitted an organisation the model had
    seen; held out by inventory it fits one it has not (four sets cross-fitted 0.789 -> 0.815
    F1; with two fitting inventories, one model fitted on a single set is too noisy)."""
    names = np.unique(groups) if groups is not None else np.array([])
    if groups is None or len(names) < INVENTORIES_HELD_OUT:
        return _held_out(signals, labels, sample_weight, groups)
    out = np.zeros(len(labels))
    for name in names:
        train = groups != name
        if len(set(labels[train].tolist())) < 2:
            return _held_out(signals, labels, sample_weight, groups)
        weight = None if sample_weight is None else sample_weight[train]
        coef, intercept = _signed_logistic(signals[train], labels[train], weight)
        out[~train] = _probability(signals[~train], coef, intercept)
    return out


def _folds(labels: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Stratified folds, every FOLDS-th pair of each class in turn, counted within each
    inventory (`groups`): counted across them, a pair's fold, and so the threshold, changed
    with the order the inventories were given in (a cut of 0.84 one way, 0.90 the other)."""
    fold = np.zeros(len(labels), dtype=int)
    for group in np.unique(groups):
        for value in (0, 1):
            members = np.flatnonzero((labels == value) & (groups == group))
            fold[members] = np.arange(len(members)) % FOLDS
    return fold


def _best_threshold(probability: np.ndarray, labels: np.ndarray) -> float:
    """The probability cut with the best F1 (the highest of equals), placed halfway, on the
    logit scale, between the lowest pair it keeps and the highest it drops: the probabilities
    of a good model crowd near 1, where a fixed grid is too coarse to choose between them."""
    logit = to_logit(probability)
    order = np.argsort(-logit)
    hits = np.cumsum(labels[order] == 1)
    kept = np.arange(1, len(order) + 1)
    f1 = 2 * hits / (kept + labels.sum()) if labels.sum() else np.zeros(len(order))
    # only where the next pair scores lower: a cut cannot fall between equal scores
    f1[:-1] = np.where(logit[order][1:] < logit[order][:-1], f1[:-1], -1.0)
    best = int(np.argmax(f1))  # the first of equals: the fewest pairs kept
    low = logit[order][best + 1] if best + 1 < len(order) else logit[order][best] - 1.0
    cut = (logit[order][best] + low) / 2
    return float(sigmoid(np.asarray(cut)))


def fit_weights(
    signals: np.ndarray,
    labels: np.ndarray,
    settings: DuplicateSettings,
    sample_weight: np.ndarray | None = None,
    groups: np.ndarray | None = None,
) -> DuplicateSettings:
    """Settings with weights, intercept, fixed threshold and calibration fitted to the
    labelled signals. Both cuts are chosen on the same held-out probabilities: the threshold
    where their F1 is best, the calibration that turns them into the chance of a twin
    (duplicates_cut), fitted with the classes as they come, not balanced."""
    if len(set(labels.tolist())) < 2:
        return settings  # nothing to learn from one class
    coef, intercept = _signed_logistic(signals, labels, sample_weight)
    held = _for_threshold(signals, labels, sample_weight, groups)
    return replace(
        settings,
        model="signals",
        weights=tuple(round(float(w), 3) for w in coef),
        intercept=round(float(intercept), 3),
        threshold=round(_best_threshold(held, labels), 4),
        calibration=fit_calibration(held, labels),
        trees=None,
    )


def fit_settings(
    features: SystemFeatures | Sequence[SystemFeatures],
    duplicates: Iterable[Sequence[str]],
    settings: DuplicateSettings,
    word_pairs: Sequence[WordPairs | None] | None = None,
) -> DuplicateSettings:
    """Weights fitted on one or several inventories and their duplicate pairs. In two steps:
    the other signals first, whose held-out score ranks each system's pairs for the best
    match (so that the ranks do not come from weights fitted on the same pairs, nor from the
    weights in `settings`); then every signal with the best match filled in. `word_pairs`,
    one per inventory, gives each its learnt word pairs (fitted without it, so that the
    weights do not learn from their in-sample strength); by default those of `settings`."""
    many = [features] if isinstance(features, SystemFeatures) else list(features)
    truth = [tuple(p) for p in duplicates]
    parts = [
        _labelled(f, truth, s)
        for f, s in zip(many, per_entry(settings, many, word_pairs), strict=True)
    ]
    signals = np.vstack([p[1] for p in parts])
    labels = np.concatenate([p[2] for p in parts])
    # each inventory counts the same, however many candidate pairs its blocking yields
    weight = np.concatenate([np.full(len(p[2]), len(signals) / len(p[2])) for p in parts])
    groups = np.concatenate([np.full(len(p[2]), k) for k, p in enumerate(parts)])
    signals[:, MATCHES] = 0.0
    if len(set(labels.tolist())) == 2:
        held = np.clip(_held_out(signals, labels, weight, groups), 1e-9, 1 - 1e-9)
        logits = np.log(held / (1 - held))
        start = 0
        for pairs, *_ in parts:
            stop = start + len(pairs)
            part = signals[start:stop]
            signals[start:stop] = fill_matches(
                part, pairs, logits[start:stop], uses_group(settings)
            )
            start = stop
    return fit_weights(signals, labels, settings, weight, groups)


def fit_to_decisions(
    features: SystemFeatures,
    confirmed: Iterable[Sequence[str]],
    rejected: Iterable[Sequence[str]],
    prior: DuplicateSettings,
) -> DuplicateSettings:
    """Weights adjusted to an organisation's confirmed and rejected pairs, starting from
    `prior` (the weights in use without them) and kept near it.

    An analyst decides the pairs at the top of the list, so the decisions are a skewed sample:
    a model fitted on them alone (as before) took a few rejections near the top for the rule
    and, after 20-40 decisions, suggested pairs of which 8-34 % were duplicates (demo, kommun).
    Here every other candidate pair of the inventory keeps the prior's probability as a soft
    label, the decided pairs get their decision, and the weights are held near the prior's; so
    the model stays calibrated as the prior was and the prior's threshold still holds. Measured
    by bench/duplicates_learning.py.

    Where the prior scores with trees, the trees stay and the decisions fit a logistic term
    added to their logit (`adjustment`), held near none: replacing the trees by a logistic
    model fitted to their scores lost their ranking (ADR 0023, twenty-sixth look)."""
    decided_true = [tuple(p) for p in confirmed]
    decided_false = [tuple(p) for p in rejected]
    pairs, signals, labels, named = _labelled(features, decided_true, prior, decided_false)
    if not named.any():
        return prior
    signals = with_best_match(pairs, signals, prior)
    target = np.where(named, labels, combine(signals, prior))
    if prior.trees is not None:
        # the trees stay; the decisions shift their logit by a logistic term held near none
        start = prior.adjustment or (0.0,) * len(SIGNALS)
        anchor = np.append(np.asarray(start, dtype=float), prior.adjustment_intercept)
        offset = prior.trees.logit(signals)
        coef, intercept = _anchored_logistic(signals, target, anchor, offset)
        return replace(
            prior,
            adjustment=tuple(round(float(w), 3) for w in coef),
            adjustment_intercept=round(float(intercept), 3),
        )
    anchor = np.append(np.asarray(prior.weights, dtype=float), prior.intercept)
    coef, intercept = _anchored_logistic(signals, target, anchor, np.zeros(len(target)))
    return replace(
        prior,
        model="signals",
        weights=tuple(round(float(w), 3) for w in coef),
        intercept=round(float(intercept), 3),
    )


def _anchored_logistic(
    signals: np.ndarray, target: np.ndarray, anchor: np.ndarray, offset: np.ndarray
) -> tuple[np.ndarray, float]:
    """Logistic regression on soft targets with an L2 pull towards `anchor` (weights, then
    intercept), each pair's logit starting from `offset`; signs bounded as in every fit
    (_bounds)."""
    design = np.column_stack([signals, np.ones(len(target))])

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        logit = offset + design @ theta
        probability = sigmoid(logit)
        value = float(np.sum(np.logaddexp(0.0, logit) - target * logit))
        gap = theta - anchor
        gradient = design.T @ (probability - target) + gap / REGULARISATION
        return value + 0.5 * float(gap @ gap) / REGULARISATION, gradient

    found = minimize(loss, anchor, jac=True, method="L-BFGS-B", bounds=_bounds())
    return found.x[:-1], float(found.x[-1])
