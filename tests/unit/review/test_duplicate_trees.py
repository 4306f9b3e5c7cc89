"""The duplicate detector's trees (duplicates_trees, duplicates_fit_trees): the NumPy walk
scores as scikit-learn does, the stored JSON gives the same scores, each signal keeps its
direction, and a stored model of other signals is refused."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

import numpy as np
import pytest
from sklearn.ensemble import HistGradientBoostingClassifier

from produktlyft.review.analysis.duplicates import (
    AGAINST,
    FREE,
    SIGNALS,
    UNWEIGHED,
    DuplicateSettings,
    combine,
    signals_model,
)
from produktlyft.review.analysis.duplicates_cut import logit
from produktlyft.review.analysis.duplicates_fit import fit_to_decisions
from produktlyft.review.analysis.duplicates_fit_trees import boosted, directions, from_sklearn
from produktlyft.review.analysis.duplicates_trees import CHUNK, read_trees, shipped_trees
from produktlyft.review.analysis.review import duplicate_features
from produktlyft.review.model import DuplicateWeights
from produktlyft.review.services.duplicates import with_decisions
from tests.review_fixtures import organisation


def _signals(rows: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    # few distinct values, as the signals have (0/1 flags, shares of a few words): the fit
    # then places thresholds at the values themselves
    return np.round(rng.random((rows, len(SIGNALS))), 1)


def test_the_walk_scores_as_scikit_learn_and_the_stored_trees_as_the_fitted_ones() -> None:
    # more pairs than one chunk of the walk, and the chunks' boundary inside them
    signals = _signals(2 * CHUNK + 123, 3)
    labels = ((signals[:, 3] + signals[:, 2] - signals[:, 8]) > 0.9).astype(int)
    model = HistGradientBoostingClassifier(max_iter=30, max_leaf_nodes=8, random_state=0)
    model.fit(signals, labels)
    trees = from_sklearn(model)
    # the walk takes as many steps as the deepest tree has levels, no fewer and no more
    assert trees.depth == max(p[0].get_max_depth() for p in model._predictors)
    walked = 1.0 / (1.0 + np.exp(-trees.logit(signals)))
    assert np.allclose(walked, model.predict_proba(signals)[:, 1], atol=1e-12)
    stored = read_trees(trees.to_json(), SIGNALS)
    assert np.allclose(stored.logit(signals), trees.logit(signals), atol=1e-6)


def test_each_signal_keeps_its_direction_in_the_shipped_trees() -> None:
    trees = shipped_trees(SIGNALS)
    assert trees.size > 0
    base = _signals(300, 5)
    for index, direction in enumerate(directions()):
        name = SIGNALS[index]
        raised = base.copy()
        raised[:, index] = np.minimum(raised[:, index] + 0.5, 1.0)
        change = trees.logit(raised) - trees.logit(base)
        if name in AGAINST:
            assert direction == -1 and (change <= 1e-12).all(), name
        elif name in FREE or name in UNWEIGHED:
            assert direction == 0
        else:
            assert direction == 1 and (change >= -1e-12).all(), name
    # a signal no fit may weigh is tested by no tree
    assert not any(trees.uses(SIGNALS.index(name)) for name in UNWEIGHED)


def test_the_fit_ignores_a_signal_held_at_zero_even_where_it_separates() -> None:
    signals = _signals(300, 9)
    product = SIGNALS.index("product_same")
    labels = (signals[:, product] > 0.5).astype(int)
    trees = boosted(signals, labels, np.ones(len(labels)))
    assert not trees.uses(product)


def test_trees_stored_for_other_signals_are_refused_with_the_reason() -> None:
    text = shipped_trees(SIGNALS).to_json()
    stored = json.loads(text)
    stored["signals"] = stored["signals"][:-1]
    with pytest.raises(ValueError, match=r"fitted on the signals .* the detector has"):
        read_trees(json.dumps(stored), SIGNALS)


def test_the_shipped_settings_score_with_the_trees_and_a_refit_with_its_weights() -> None:
    shipped = signals_model()
    assert shipped.trees is not None
    signals = _signals(50, 4)
    assert np.allclose(combine(signals, shipped), 1 / (1 + np.exp(-shipped.trees.logit(signals))))
    logistic = replace(shipped, trees=None)
    assert not np.allclose(combine(signals, shipped), combine(signals, logistic))
    # an analyst's decisions adjust a logistic model whose targets are the trees' scores
    features = duplicate_features(organisation())
    a, b, c, d = features.ids[:4]
    refit = fit_to_decisions(features, [(a, b)], [(c, d)], shipped)
    # the decisions add a term to the trees' logit; the trees and their calibration stay
    assert refit.trees is shipped.trees and refit.calibration == shipped.calibration
    assert refit.adjustment is not None and len(refit.adjustment) == len(SIGNALS)
    shifted = replace(shipped, adjustment=(0.0,) * len(SIGNALS), adjustment_intercept=1.0)
    assert np.allclose(logit(combine(signals, shifted)), logit(combine(signals, shipped)) + 1.0)
    assert DuplicateSettings().trees is shipped.trees  # loaded once


def test_a_refit_applies_to_the_model_it_was_fitted_for() -> None:
    when = datetime(2026, 12, 6, tzinfo=UTC)
    adjustment = DuplicateWeights((0.1,) * len(SIGNALS), -0.2, 0.9, 6, "analyst", when, "trees")
    shipped = signals_model()
    adjusted = with_decisions(shipped, adjustment)
    assert adjusted.trees is shipped.trees and adjusted.adjustment == adjustment.weights
    # fitted for the trees, but none are in use (an embedding model's logistic weights)
    logistic = replace(shipped, trees=None)
    assert with_decisions(logistic, adjustment) == logistic
    # a logistic re-fit (stored before the trees) scores with its own weights, without trees
    older = replace(adjustment, model="logistic")
    refit = with_decisions(shipped, older)
    assert refit.trees is None and refit.weights == older.weights
