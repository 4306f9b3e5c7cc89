"""Fitting the duplicate model's weights (duplicates_fit): which signal separates, signs kept
on their sides, signals held at zero, and the cut chosen as the model meets a new inventory."""

from __future__ import annotations

import numpy as np

from produktlyft.review.analysis.duplicates import AGAINST, SIGNALS, UNWEIGHED, signals_model
from produktlyft.review.analysis.duplicates_fit import _for_threshold, _held_out, fit_weights


def test_logistic_refit_learns_which_signal_separates() -> None:
    rng = np.random.default_rng(1)
    signals = rng.random((200, len(SIGNALS)))
    labels = (signals[:, 2] > 0.6).astype(int)
    fitted = fit_weights(signals, labels, signals_model())
    assert fitted.model == "signals"
    assert max(range(len(SIGNALS)), key=lambda i: fitted.weights[i]) == 2


def test_the_fit_does_not_depend_on_the_order_the_inventories_come_in() -> None:
    # the held-out folds the threshold is chosen on were counted across the stacked
    # inventories, so kommun + region and region + kommun gave cuts of 0.84 and 0.90
    rng = np.random.default_rng(7)
    signals = rng.random((300, len(SIGNALS)))
    labels = ((signals[:, 2] + 0.3 * rng.random(300)) > 0.8).astype(int)
    groups = np.repeat([0, 1], [170, 130])
    swapped = np.concatenate([np.arange(170, 300), np.arange(170)])
    one = fit_weights(signals, labels, signals_model(), groups=groups)
    other = fit_weights(
        signals[swapped], labels[swapped], signals_model(), groups=1 - groups[swapped]
    )
    assert one.threshold == other.threshold
    assert np.allclose(one.weights, other.weights, atol=0.002)


def test_with_three_inventories_the_cut_is_chosen_on_each_scored_without_it() -> None:
    # folds mixed each inventory's pairs into the model that scored them, so the cut fitted
    # organisations the model had seen; an inventory's own labels must not move the scores
    # the cut is chosen on
    rng = np.random.default_rng(11)
    signals = rng.random((450, len(SIGNALS)))
    labels = ((signals[:, 3] + 0.3 * rng.random(450)) > 0.8).astype(int)
    groups = np.repeat([0, 1, 2], 150)
    relabelled = labels.copy()
    relabelled[groups == 2] = ((signals[groups == 2, 2]) > 0.7).astype(int)
    held = _for_threshold(signals, labels, None, groups)
    other = _for_threshold(signals, relabelled, None, groups)
    assert np.allclose(held[groups == 2], other[groups == 2])
    assert not np.allclose(held[groups == 0], other[groups == 0])
    # with two inventories, stratified folds as before
    two = groups < 2
    assert np.allclose(
        _for_threshold(signals[two], labels[two], None, groups[two]),
        _held_out(signals[two], labels[two], None, groups[two]),
    )


def test_the_fit_keeps_evidence_for_and_against_on_their_sides() -> None:
    rng = np.random.default_rng(7)
    signals = rng.random((200, len(SIGNALS)))
    labels = (signals[:, SIGNALS.index("function")] > 0.5).astype(int)
    # a signal for that happens to go with non-duplicates, one against that goes with them
    signals[:, SIGNALS.index("capabilities")] = 1 - labels * 0.8
    signals[:, SIGNALS.index("linked")] = labels * 0.9
    fitted = fit_weights(signals, labels, signals_model())
    weights = dict(zip(SIGNALS, fitted.weights, strict=True))
    assert weights["function"] > 0 and weights["capabilities"] >= 0 and weights["linked"] <= 0
    assert all(weights[name] <= 0 for name in AGAINST)


def test_the_fit_leaves_unweighed_signals_at_zero() -> None:
    # a signal that fires on a handful of pairs gets no weight, however well it separates them
    rng = np.random.default_rng(11)
    signals = rng.random((200, len(SIGNALS)))
    labels = (signals[:, SIGNALS.index("function")] > 0.5).astype(int)
    signals[:, SIGNALS.index("product_same")] = labels * (rng.random(200) < 0.05)
    fitted = fit_weights(signals, labels, signals_model())
    weights = dict(zip(SIGNALS, fitted.weights, strict=True))
    assert weights["function"] > 0
    assert all(weights[name] == 0 for name in UNWEIGHED)
    assert all(signals_model().weights[SIGNALS.index(name)] == 0 for name in UNWEIGHED)
