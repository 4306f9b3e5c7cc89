"""The cut of one inventory's list by expected F1 (analysis/duplicates_cut)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from produktlyft.review.analysis.duplicates import (
    FITTED_CALIBRATION,
    DuplicateSettings,
    cut_rule,
    cutoff,
    find_duplicates,
    signals_model,
)
from produktlyft.review.analysis.duplicates_cut import (
    CHANCE_FLOOR,
    chance,
    expected_f1_cut,
    fit_calibration,
)
from tests.support.duplicates import named_systems

SHIPPED = FITTED_CALIBRATION


def _best_by_brute_force(probability: np.ndarray, calibration: tuple[float, float]) -> float:
    """The expected F1 of every list that keeps the top k pairs, the best of them."""
    q = chance(probability, calibration)
    total = q.sum()
    best = 0.0
    for cut in np.unique(probability):
        kept = probability >= cut
        if chance(np.array([cut]), calibration)[0] >= CHANCE_FLOOR:
            best = max(best, 2 * q[kept].sum() / (kept.sum() + total))
    return best


def test_the_cut_keeps_the_list_with_the_best_expected_f1() -> None:
    rng = np.random.default_rng(7)
    for _ in range(20):
        probability = 1 / (1 + np.exp(-rng.normal(2.0, 2.0, size=60)))
        cut = expected_f1_cut(probability, SHIPPED)
        q = chance(probability, SHIPPED)
        kept = probability >= cut
        got = 2 * q[kept].sum() / (kept.sum() + q.sum()) if kept.any() else 0.0
        assert abs(got - _best_by_brute_force(probability, SHIPPED)) < 1e-9


def test_a_list_the_model_is_unsure_of_is_cut_lower_than_one_it_is_sure_of() -> None:
    # the same pair at 0.955 (a chance of about 0.37) is left out beside forty sure twins,
    # where it would lower the expected precision more than it adds recall, and listed beside
    # twenty likely ones, where recall is what the list lacks: the fixed cut treated both alike
    sure = np.array([0.995] * 40 + [0.955] + [0.2] * 40)
    unsure = np.array([0.97] * 20 + [0.955] + [0.2] * 40)
    assert expected_f1_cut(unsure, SHIPPED) <= 0.955 < expected_f1_cut(sure, SHIPPED)


def test_an_inventory_without_likely_twins_gets_no_suggestion() -> None:
    probability = np.array([0.6, 0.5, 0.3, 0.1])
    assert (probability < expected_f1_cut(probability, SHIPPED)).all()
    assert chance(np.array([expected_f1_cut(np.array([]), SHIPPED)]), SHIPPED)[0] >= (
        CHANCE_FLOOR - 1e-9
    )


def test_a_cut_never_falls_between_equal_scores() -> None:
    probability = np.array([0.99, 0.97, 0.97, 0.97, 0.2])
    cut = expected_f1_cut(probability, SHIPPED)
    assert len({bool(p >= cut) for p in probability[1:4]}) == 1


def test_the_calibration_is_recovered_from_labels_drawn_by_it() -> None:
    rng = np.random.default_rng(3)
    probability = 1 / (1 + np.exp(-rng.normal(0.0, 3.0, size=20_000)))
    labels = rng.random(20_000) < chance(probability, (1.2, -4.0))
    slope, offset = fit_calibration(probability, labels)
    assert abs(slope - 1.2) < 0.1 and abs(offset + 4.0) < 0.25


def test_the_review_cuts_where_the_inventory_says_and_reports_that_cut() -> None:
    features = named_systems(
        ["Heroma", "Visma Personec P", "Bygglov", "Ärendehantering"],
        [
            "Personal- och lönesystem.",
            "Lönesystem och personaladministration.",
            "Handläggning av bygglov.",
            "Ärendehantering för bygglov och anmälningar.",
        ],
    )
    calibrated = replace(signals_model(), calibration=FITTED_CALIBRATION)
    found = find_duplicates(features, calibrated)
    assert found.threshold != DuplicateSettings().threshold
    assert found.cut_by == cut_rule(calibrated) == "expected_f1"
    assert all(p.score >= found.threshold for p in found.pairs)
    # the shipped settings cut at their fixed threshold, and say so
    fixed = find_duplicates(features, signals_model())
    assert fixed.threshold == cutoff(signals_model()) == DuplicateSettings().threshold
    assert fixed.cut_by == "fixed"
