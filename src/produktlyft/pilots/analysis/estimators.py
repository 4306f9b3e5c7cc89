"""The estimators a pilot is evaluated with (pure: numpy, scipy and statsmodels only).

- `did`: difference-in-differences of the pilot team against the mean of the comparison teams.
  With one pilot team, cluster-robust errors (and the wild-cluster bootstrap) rest on a single
  treated cluster and over-reject (MacKinnon & Webb 2017), so the interval comes from time
  instead: the pilot-minus-comparison series regressed on a post dummy. In a balanced panel its
  coefficient equals the two-way fixed-effects β3.
- `permutation_p`: a placebo test over teams (each comparison team in turn treated as the pilot).
- `segmented`: the interrupted time series y = b0 + b1·t + b2·D + b3·(t−T0)·D; the effect is the
  mean gap over the post window, b2 + b3·mean(t−T0). On the pilot-minus-comparison series it is
  the controlled version.
- `pre_trend`: the slope of the pre-period gap, to check that trends were parallel.
- `median_change`: the change of the pilot team's median with a bootstrap percentile interval.

Errors: `"ar1"` (the default) fits the regression by GLS with AR(1) errors, ρ by restricted
maximum likelihood, and takes the interval's quantile from a parametric bootstrap of the t
statistic (`ar1.py` says why). `"glsar"` is the earlier choice (statsmodels GLSAR, iterated
Cochrane–Orcutt, t quantile on n−k−1 degrees of freedom) and `"newey_west"` OLS with Newey–West
(HAC) errors; both cover the true effect too rarely on series of the length pilots have
(bench/pilot_coverage.py prints all three), so they are kept only for comparison. ADR 0021.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import statsmodels.api as sm
from numpy.typing import NDArray
from scipy import stats

from produktlyft.pilots.analysis import ar1

Floats = NDArray[np.float64]
LEVEL = 0.95


@dataclass(frozen=True)
class Estimate:
    effect: float
    ci_low: float
    ci_high: float
    p_value: float


def hac_lags(n: int) -> int:
    """Newey and West's (1994) rule of thumb, floor(4·(n/100)^(2/9)), at least one lag."""
    lags: float = 4 * (n / 100) ** (2 / 9)
    return max(1, math.floor(lags))


def _contrast(design: Floats, y: Floats, weights: Floats, errors: str) -> Estimate:
    """A linear combination of the coefficients with its 95 % interval."""
    if errors == "ar1":
        found = ar1.fit(design, y, weights, LEVEL)
        half = found.quantile * found.se
        return Estimate(found.effect, found.effect - half, found.effect + half, found.p_value)
    if errors == "newey_west":
        fit = sm.OLS(y, design).fit(
            cov_type="HAC", cov_kwds={"maxlags": hac_lags(len(y)), "use_correction": True}
        )
        df = max(len(y) - design.shape[1], 1)
    elif errors == "glsar":
        fit = sm.GLSAR(y, design, rho=1).iterative_fit(maxiter=10)
        df = max(len(y) - design.shape[1] - 1, 1)
    else:
        raise ValueError(f"errors are 'ar1', 'glsar' or 'newey_west', not '{errors}'")
    params = np.asarray(fit.params, dtype=float)
    cov = np.asarray(fit.cov_params(), dtype=float)
    effect = float(weights @ params)
    se = math.sqrt(max(float(weights @ cov @ weights), 0.0))
    quantile = float(stats.t.ppf(0.5 + LEVEL / 2, df))
    p_value = 1.0 if se == 0 else float(2 * stats.t.sf(abs(effect) / se, df))
    return Estimate(effect, effect - quantile * se, effect + quantile * se, p_value)


def did(gap: Sequence[float], post: Sequence[bool], errors: str = "ar1") -> Estimate:
    """DiD on the gap series (pilot minus comparison mean): the mean post gap minus the mean
    pre gap."""
    y = np.asarray(gap, dtype=float)
    d = np.asarray(post, dtype=float)
    design = np.column_stack([np.ones_like(y), d])
    return _contrast(design, y, np.array([0.0, 1.0]), errors)


def segmented(values: Sequence[float], post: Sequence[bool], errors: str = "ar1") -> Estimate:
    """Segmented regression; the effect is the mean departure from the pre trend after T0."""
    y = np.asarray(values, dtype=float)
    d = np.asarray(post, dtype=float)
    t = np.arange(len(y), dtype=float)
    start = float(np.argmax(d > 0))
    since = (t - start) * d
    design = np.column_stack([np.ones_like(y), t, d, since])
    mean_since = float(since[d > 0].mean())
    return _contrast(design, y, np.array([0.0, 0.0, 1.0, mean_since]), errors)


def pre_trend(gap: Sequence[float], errors: str = "ar1") -> Estimate:
    """The slope per period of the pre-period gap: near zero when trends were parallel."""
    y = np.asarray(gap, dtype=float)
    t = np.arange(len(y), dtype=float)
    design = np.column_stack([np.ones_like(y), t])
    return _contrast(design, y, np.array([0.0, 1.0]), errors)


def _row_means(values: Floats) -> Floats:
    """Each row's mean over the values it has (NaN where a team has none; NaN for an empty
    row), without numpy's warning for empty rows."""
    present = ~np.isnan(values)
    counts = present.sum(axis=1)
    sums = np.where(present, values, 0.0).sum(axis=1)
    return np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)


def did_statistic(treated: Floats, controls: Floats, post: Floats) -> float:
    """The DiD point estimate of one team against the mean of others (rows: periods); periods
    where the team or all the others have no value are left out. NaN if a side is empty."""
    gap = treated - _row_means(controls)
    seen = ~np.isnan(gap)
    before, after = gap[seen & (post == 0)], gap[seen & (post > 0)]
    if len(before) == 0 or len(after) == 0:
        return math.nan
    return float(after.mean() - before.mean())


def permutation_p(pilot: Sequence[float], comparison: Floats, post: Sequence[bool]) -> float:
    """Placebo-in-space p-value: the share of teams (the pilot included) whose DiD against the
    remaining comparison teams is at least as large in absolute value as the pilot's. A team
    whose placebo DiD cannot be computed (no value on one side) is left out of the count."""
    d = np.asarray(post, dtype=float)
    actual = abs(did_statistic(np.asarray(pilot, dtype=float), comparison, d))
    as_large = teams = 1  # the pilot itself
    for j in range(int(comparison.shape[1])):
        others = np.delete(comparison, j, axis=1)
        placebo = did_statistic(comparison[:, j], others, d)
        if math.isnan(placebo):
            continue
        teams += 1
        as_large += abs(placebo) >= actual - 1e-12
    return as_large / teams


def median_change(
    before: Sequence[float], after: Sequence[float], seed: int = 20261202
) -> Estimate | None:
    """The post median minus the pre median with a 95 % bootstrap percentile interval (the
    percentile method, since BCa fails on the ties that periodic medians have)."""
    pre = np.asarray(before, dtype=float)
    post = np.asarray(after, dtype=float)
    if len(pre) < 3 or len(post) < 3:
        return None

    def statistic(a: Floats, b: Floats, axis: int) -> Floats:
        return np.asarray(np.median(a, axis=axis) - np.median(b, axis=axis), dtype=float)

    result = stats.bootstrap(
        (post, pre),
        statistic,
        n_resamples=2000,
        confidence_level=LEVEL,
        method="percentile",
        vectorized=True,
        random_state=np.random.default_rng(seed),
    )
    effect = float(np.median(post) - np.median(pre))
    low, high = float(result.confidence_interval.low), float(result.confidence_interval.high)
    return Estimate(effect, low, high, math.nan)
