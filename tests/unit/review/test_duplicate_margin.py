"""The margin signal: how far a pair's score stands above the best of either system's other
pairs (ADR 0023, thirty-fifth look)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from produktlyft.review.analysis.duplicates import (
    MARGIN,
    MATCHES,
    SIGNALS,
    signals_model,
    with_best_match,
)
from produktlyft.review.analysis.duplicates_cut import sigmoid
from produktlyft.review.analysis.duplicates_match import match_margin


def _brute_margin(pairs: np.ndarray, logits: np.ndarray) -> list[float]:
    """The definition, pair by pair: the gap to the best other pair of either system."""
    out = []
    for k, (i, j) in enumerate(pairs):
        rivals = [
            logits[m] for m, (x, y) in enumerate(pairs) if m != k and {x, y} & {int(i), int(j)}
        ]
        gap = logits[k] - max(rivals) if rivals else np.inf
        out.append(float(sigmoid(np.asarray(gap))))
    return out


def test_a_pair_far_ahead_of_its_rivals_has_a_margin_near_one() -> None:
    # 0-1 is far ahead of 0-2; 2-3 stands alone apart from 0-2
    pairs = np.array([[0, 1], [0, 2], [2, 3]])
    margin = match_margin(pairs, np.array([4.0, -2.0, 1.0]), 4)
    assert margin[0] > 0.99  # six ahead of 0's other pair
    assert margin[1] < 0.01  # six behind 0-1
    assert abs(margin[2] - float(sigmoid(np.asarray(3.0)))) < 1e-12  # three ahead of 0-2


def test_two_pairs_level_with_each_other_both_have_half() -> None:
    pairs = np.array([[0, 1], [0, 2]])
    assert match_margin(pairs, np.array([1.5, 1.5]), 3).tolist() == [0.5, 0.5]


def test_a_pair_without_rivals_has_a_margin_of_one_and_none_is_empty() -> None:
    assert match_margin(np.array([[0, 1]]), np.array([-3.0]), 2).tolist() == [1.0]
    assert match_margin(np.zeros((0, 2), dtype=np.int64), np.zeros(0), 0).shape == (0,)


def test_the_margin_agrees_with_its_definition_on_random_pairs() -> None:
    rng = np.random.default_rng(7)
    for _ in range(30):
        n = int(rng.integers(3, 9))
        every = np.array([(i, j) for i in range(n) for j in range(i + 1, n)])
        pairs = every[rng.random(len(every)) < 0.5]
        if len(pairs) == 0:
            continue
        logits = rng.integers(-3, 4, len(pairs)).astype(float)  # ties on purpose
        assert np.allclose(match_margin(pairs, logits, n), _brute_margin(pairs, logits))


def test_the_margin_is_filled_in_with_the_best_match_from_the_rest_of_the_model() -> None:
    signals = np.zeros((2, len(SIGNALS)))
    signals[:, SIGNALS.index("function")] = [0.9, 0.4]
    signals[:, MARGIN] = [0.0, 1.0]  # an old value is not read back into the score
    weights = tuple(
        2.0 if name == "function" else 5.0 if SIGNALS.index(name) in MATCHES else 0.0
        for name in SIGNALS
    )
    settings = replace(signals_model(), weights=weights)
    filled = with_best_match(np.array([[0, 1], [0, 2]]), signals, settings)
    gap = 2.0 * (0.9 - 0.4)
    assert np.allclose(filled[:, MARGIN], [sigmoid(np.asarray(gap)), sigmoid(np.asarray(-gap))])
