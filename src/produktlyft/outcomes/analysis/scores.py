"""DORA 2025's 0–10 scores and the government benchmark from the reference note.

DORA 2025 asks for each throughput metric in six answer categories and maps them linearly to
0–10 (category 1 → 0, category 6 → 10); percentages map from 0 % → 10 to 100 % → 0. A measured
value is put in the category its answer would have been, then mapped the same way.
"""

from __future__ import annotations

from produktlyft.outcomes.model import Benchmark, Metric

HOUR = 1.0
DAY = 24 * HOUR
WEEK = 7 * DAY
MONTH = 30 * DAY
HALF_YEAR = 182 * DAY

# upper bounds (hours) of categories 6, 5, 4, 3, 2: < 1 hour, < 1 day, < 1 week, < 1 month,
# < 6 months; anything longer is category 1
_TIME_BOUNDS = (HOUR, DAY, WEEK, MONTH, HALF_YEAR)
# lower bounds (deployments per week) of categories 6 … 2: several per working day, about
# daily (each working day), weekly, monthly, half-yearly; fewer is category 1
_FREQUENCY_BOUNDS = (10.0, 5.0, 1.0, 12 / 52, 2 / 52)

BENCHMARKS: dict[Metric, Benchmark] = {
    Metric.LEAD_TIME: Benchmark(government_score=4.8, government_sd=2.6, all_industries_score=5.5),
    Metric.FREQUENCY: Benchmark(government_score=4.3, government_sd=3.0, all_industries_score=4.8),
    Metric.RECOVERY: Benchmark(government_score=7.0, government_sd=2.1, all_industries_score=7.4),
    Metric.CHANGE_FAIL: Benchmark(
        government_score=7.9, government_sd=None, all_industries_score=None, government_raw=0.21
    ),
    Metric.REWORK: Benchmark(
        government_score=7.6, government_sd=None, all_industries_score=None, government_raw=0.24
    ),
}


def _category_score(category: int) -> float:
    return (category - 1) * 2.0


def time_category(hours: float) -> int:
    for index, bound in enumerate(_TIME_BOUNDS):
        if hours < bound:
            return 6 - index
    return 1


def frequency_category(per_week: float) -> int:
    for index, bound in enumerate(_FREQUENCY_BOUNDS):
        if per_week >= bound:
            return 6 - index
    return 1


def score(metric: Metric, value: float | None) -> float | None:
    """DORA 2025's 0–10 score for a measured value (higher is better)."""
    if value is None:
        return None
    if metric.is_rate:
        return round(10.0 * (1.0 - min(max(value, 0.0), 1.0)), 1)
    if metric is Metric.FREQUENCY:
        return _category_score(frequency_category(value))
    return _category_score(time_category(value))
