"""Where one inventory's list of suggested pairs is cut: at the score where the list's expected
F1 is highest, by the model's own probabilities calibrated on inventories held out when it was
fitted. A fixed cut chosen on the fitting inventories carried over unevenly: an organisation
with many twins wants a lower one than an organisation with few, and the scores of its
candidate pairs tell which it is (ADR 0023, twenty-fourth look). Pure.

The signals model is fitted with its two classes weighed alike, so its probabilities are not
the chance that a pair is a twin; a logistic map of their logit (Platt scaling), fitted on
held-out probabilities with the classes as they come, turns them into that chance. The expected
F1 of the top k pairs is then 2 * (their summed chance) / (k + the summed chance of all
candidate pairs), which needs no labels of the inventory at hand."""

from __future__ import annotations

import numpy as np
from scipy.optimize import minimize

# never suggest a pair whose calibrated chance is below this: an inventory without twins would
# otherwise get its best few candidates listed, since some list always has the best expected F1
CHANCE_FLOOR = 0.3
_EDGE = 1e-9


def logit(probability: np.ndarray) -> np.ndarray:
    clipped = np.clip(probability, _EDGE, 1 - _EDGE)
    out: np.ndarray = np.log(clipped / (1 - clipped))
    return out


def sigmoid(z: np.ndarray) -> np.ndarray:
    """The logistic function, clipped so that a steep map or a large logit cannot overflow."""
    out: np.ndarray = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
    return out


def chance(probability: np.ndarray, calibration: tuple[float, float]) -> np.ndarray:
    """The calibrated chance that each pair is a twin (`calibration` = slope, offset)."""
    return _chance_of_logit(logit(probability), calibration)


def _chance_of_logit(z: np.ndarray, calibration: tuple[float, float]) -> np.ndarray:
    slope, offset = calibration
    return sigmoid(slope * z + offset)


def fit_calibration(probability: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """Slope and offset of the logistic map from held-out probabilities to labels (the slope
    kept positive, so that the map keeps the model's order)."""
    z = logit(np.asarray(probability, dtype=float))
    y = np.asarray(labels, dtype=float)

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        value = theta[0] * z + theta[1]
        p = sigmoid(value)
        gradient = np.array([float(((p - y) * z).sum()), float((p - y).sum())])
        return float(np.sum(np.logaddexp(0.0, value) - y * value)), gradient

    found = minimize(loss, np.array([1.0, 0.0]), jac=True, bounds=[(1e-3, None), (None, None)])
    return round(float(found.x[0]), 4), round(float(found.x[1]), 4)


def expected_f1_cut(probability: np.ndarray, calibration: tuple[float, float]) -> float:
    """The probability from which pairs are suggested: halfway, on the logit scale, between
    the lowest pair of the list with the best expected F1 and the highest pair below it (a cut
    never falls between equal scores), and never where the calibrated chance is below
    CHANCE_FLOOR (the floor itself without candidate pairs)."""
    floor = _probability_at(CHANCE_FLOOR, calibration)
    if len(probability) == 0:
        return floor
    z = np.sort(logit(np.asarray(probability, dtype=float)))[::-1]
    q = _chance_of_logit(z, calibration)
    expected = 2.0 * np.cumsum(q) / (np.arange(1, len(q) + 1) + q.sum())
    expected[:-1] = np.where(z[1:] < z[:-1], expected[:-1], -1.0)
    best = int(np.argmax(expected))
    below = z[best + 1] if best + 1 < len(z) else z[best] - 1.0
    cut = float(sigmoid(np.asarray((z[best] + below) / 2)))
    return max(cut, floor)


def _probability_at(target: float, calibration: tuple[float, float]) -> float:
    """The model probability whose calibrated chance is `target`."""
    slope, offset = calibration
    z = (np.log(target / (1 - target)) - offset) / slope
    return float(sigmoid(np.asarray(z)))  # a steep map puts z far out
