"""Regression with AR(1) errors: ρ recovered by REML, the same series always gives the same
interval, and the bootstrap-t quantile widens the interval when the noise carries over."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

from produktlyft.pilots.analysis import ar1


def _noise(rho: float, n: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    out = np.empty(n)
    out[0] = rng.normal() / math.sqrt(1 - rho**2)
    for t in range(1, n):
        out[t] = rho * out[t - 1] + rng.normal()
    return out


def _level_shift(n: int) -> tuple[np.ndarray, np.ndarray]:
    post = (np.arange(n) >= n // 2).astype(float)
    return np.column_stack([np.ones(n), post]), np.array([0.0, 1.0])


def test_rho_and_effect_are_recovered_on_a_long_series() -> None:
    design, weights = _level_shift(300)
    y = 3.0 + 2.0 * design[:, 1] + _noise(0.6, 300, 2)
    found = ar1.fit(design, y, weights)
    assert found.rho == pytest.approx(0.6, abs=0.15)
    assert abs(found.effect - 2.0) < 3 * found.se
    # with 300 points ρ is known well: the bootstrap quantile is close to the normal one
    assert found.quantile == pytest.approx(1.96, abs=0.15)


def test_the_same_series_gives_the_same_interval() -> None:
    design, weights = _level_shift(40)
    y = _noise(0.3, 40, 2)
    assert ar1.fit(design, y, weights) == ar1.fit(design, y.copy(), weights)


def test_on_a_short_autocorrelated_series_the_quantile_exceeds_the_t_quantile() -> None:
    design, weights = _level_shift(30)
    found = ar1.fit(design, _noise(0.5, 30, 3) + 1.0 * design[:, 1], weights)
    assert found.rho > 0
    assert found.quantile > stats.t.ppf(0.975, 30 - 2)  # ρ's own uncertainty is counted
    assert 0 < found.p_value <= 1
