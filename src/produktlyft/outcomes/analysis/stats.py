"""Intervals for the metrics: a seeded percentile bootstrap for medians, Wilson's score
interval for rates, and the exact (Garwood) Poisson interval for counts per week."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from scipy.stats import chi2

Z95 = 1.959963984540054
BOOTSTRAP_RESAMPLES = 2000
_CHUNK = 4_000_000  # resampled values held at once, so memory stays bounded


def median_with_interval(
    values: npt.ArrayLike, *, seed: int = 0, resamples: int = BOOTSTRAP_RESAMPLES
) -> tuple[float, float, float] | None:
    """The median and a 95 % percentile-bootstrap interval (seeded, so reproducible);
    None for no values."""
    data = np.asarray(values, dtype=float)
    data = data[np.isfinite(data)]
    if data.size == 0:
        return None
    median = float(np.median(data))
    if data.size == 1:
        return median, median, median
    rng = np.random.default_rng(seed)
    per_chunk = max(1, _CHUNK // data.size)
    medians = []
    for start in range(0, resamples, per_chunk):
        rows = min(per_chunk, resamples - start)
        picks = rng.integers(0, data.size, size=(rows, data.size))
        medians.append(np.median(data[picks], axis=1))
    low, high = np.quantile(np.concatenate(medians), [0.025, 0.975])
    return median, float(low), float(high)


def wilson(successes: int, trials: int, z: float = Z95) -> tuple[float, float, float] | None:
    """The share and Wilson's score interval; None for no trials."""
    if trials <= 0:
        return None
    share = successes / trials
    denominator = 1 + z * z / trials
    centre = (share + z * z / (2 * trials)) / denominator
    half = z * np.sqrt(share * (1 - share) / trials + z * z / (4 * trials * trials)) / denominator
    return share, max(0.0, float(centre - half)), min(1.0, float(centre + half))


def poisson_rate(count: int, exposure: float) -> tuple[float, float, float] | None:
    """Events per unit of exposure (weeks) with the exact 95 % Poisson interval."""
    if exposure <= 0:
        return None
    low = 0.0 if count == 0 else float(chi2.ppf(0.025, 2 * count)) / 2
    high = float(chi2.ppf(0.975, 2 * count + 2)) / 2
    return count / exposure, low / exposure, high / exposure
