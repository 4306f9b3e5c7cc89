"""Case-handling time per month from a workflow's cases, and which way is better for each
metric (for telling whether a key result was achieved)."""

from __future__ import annotations

import polars as pl

from produktlyft.outcomes.model import Kpi, Metric, SeriesPoint

DAY_SECONDS = 86_400.0
LOWER_IS_BETTER = {
    Metric.LEAD_TIME.value,
    Metric.RECOVERY.value,
    Metric.CHANGE_FAIL.value,
    Metric.REWORK.value,
    Kpi.COST.value,
    Kpi.HANDLING_TIME.value,
    Kpi.AVOIDABLE_CONTACT.value,
    Kpi.ACCESSIBILITY.value,
}


def monthly_case_handling(cases: pl.DataFrame) -> list[SeriesPoint]:
    """Median case-handling time in days per month the cases finished (`end`,
    `duration_seconds`, as the workflows area's case table has them)."""
    if cases.is_empty():
        return []
    grouped = (
        cases.group_by(pl.col("end").dt.truncate("1mo").alias("month"))
        .agg(
            (pl.col("duration_seconds").median() / DAY_SECONDS).alias("days"),
            pl.len().alias("n"),
        )
        .sort("month")
    )
    return [
        SeriesPoint(period_start=month.date(), value=float(days), count=int(n))
        for month, days, n in grouped.iter_rows()
    ]


def achieved(
    metric_key: str | None, baseline: float | None, target: float | None, current: float | None
) -> bool | None:
    """Whether the current value reached the target, in the direction that is better: the
    baseline's side decides when there is one, else the metric's known direction."""
    if current is None or target is None:
        return None
    if baseline is not None and baseline != target:
        lower = target < baseline
    else:
        lower = (metric_key or "").rsplit(":", 1)[-1] in LOWER_IS_BETTER
    return current <= target if lower else current >= target
