"""DORA's five delivery metrics for one team and period, each with a 95 % interval, the 2025
0–10 score and the government benchmark beside it; and a metric's series per month or week.

Definitions (dora.dev, current):
- change lead time: hours from the earliest commit of a change to its production deployment
  (median; percentile-bootstrap interval);
- deployment frequency: production deployments per week (exact Poisson interval);
- failed-deployment recovery time: hours from opening to resolving an incident linked to a
  deployment inside the incident window (median; bootstrap interval);
- change fail rate: the share of deployments that needed immediate intervention, marked so by
  the source or followed by a linked incident (Wilson interval);
- deployment rework rate: the share of deployments that were unplanned, caused by an incident
  (Wilson interval).
Inputs are already production-only and free of duplicates (see `events`).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import polars as pl

from produktlyft.outcomes.analysis.scores import BENCHMARKS, score
from produktlyft.outcomes.analysis.stats import median_with_interval, poisson_rate, wilson
from produktlyft.outcomes.model import Metric, MetricValue, SeriesPoint

HOURS = 3_600_000_000  # microseconds in an hour
_UTC_MIDNIGHT = time(0, 0)


def _value(
    metric: Metric, found: tuple[float, float, float] | None, count: int, method: str
) -> MetricValue:
    value, low, high = found if found is not None else (None, None, None)
    return MetricValue(
        metric=metric,
        value=value,
        ci_low=low,
        ci_high=high,
        count=count,
        score_0_10=score(metric, value),
        benchmark=BENCHMARKS[metric],
        method=method,
    )


def _hours(frame: pl.DataFrame, end: str, start: str) -> pl.Series:
    spans = frame.select(((pl.col(end) - pl.col(start)).dt.total_microseconds() / HOURS).alias("h"))
    return spans["h"].drop_nulls().filter(spans["h"].drop_nulls() >= 0)


def failed_ids(deployments: pl.DataFrame, linked: pl.DataFrame) -> pl.Series:
    """Deployments that failed: marked so, or blamed by an incident inside the window."""
    blamed = linked["linked_deployment"].drop_nulls()
    return deployments.filter(pl.col("failed") | pl.col("id").is_in(blamed.implode()))["id"]


def _between(frame: pl.DataFrame, column: str, start: datetime, end: datetime) -> pl.DataFrame:
    return frame.filter((pl.col(column) >= start) & (pl.col(column) < end))


def metrics(
    deployments: pl.DataFrame,
    linked: pl.DataFrame,
    start: date,
    end: date,
    *,
    seed: int = 0,
) -> dict[Metric, MetricValue]:
    """The five metrics over deployments in [start, end) and the incidents linked to them
    (`linked` comes from `events.link_incidents`)."""
    since, until = _moment(start), _moment(end)
    period = _between(deployments, "deployed_at", since, until)
    ids = period["id"].implode()
    incidents = linked.filter(pl.col("linked_deployment").is_in(ids))
    lead = _hours(period, "deployed_at", "committed_at")
    recovery = _hours(incidents, "resolved_at", "opened_at")
    failed = failed_ids(period, incidents).len()
    reworked = int(period["rework"].sum())
    weeks = (end - start).days / 7
    return {
        Metric.LEAD_TIME: _value(
            Metric.LEAD_TIME,
            median_with_interval(lead.to_numpy(), seed=seed),
            lead.len(),
            "bootstrap-median",
        ),
        Metric.FREQUENCY: _value(
            Metric.FREQUENCY, poisson_rate(period.height, weeks), period.height, "poisson"
        ),
        Metric.RECOVERY: _value(
            Metric.RECOVERY,
            median_with_interval(recovery.to_numpy(), seed=seed + 1),
            recovery.len(),
            "bootstrap-median",
        ),
        Metric.CHANGE_FAIL: _value(
            Metric.CHANGE_FAIL, wilson(failed, period.height), period.height, "wilson"
        ),
        Metric.REWORK: _value(
            Metric.REWORK, wilson(reworked, period.height), period.height, "wilson"
        ),
    }


def _moment(day: date) -> datetime:
    return datetime.combine(day, _UTC_MIDNIGHT, tzinfo=UTC)


def _truncate(period: str) -> str:
    if period not in ("month", "week"):
        raise ValueError(f"a period is 'month' or 'week', not '{period}'")
    return "1mo" if period == "month" else "1w"


def series(
    deployments: pl.DataFrame, linked: pl.DataFrame, metric: Metric, period: str = "month"
) -> list[SeriesPoint]:
    """The metric per calendar month (or ISO week), oldest first; periods without data are
    left out (frequency counts every period from the first deployment to the last)."""
    every = _truncate(period)
    if deployments.is_empty():
        return []
    frame = deployments.with_columns(pl.col("deployed_at").dt.truncate(every).alias("p"))
    if metric is Metric.LEAD_TIME:
        frame = frame.with_columns(
            (
                (pl.col("deployed_at") - pl.col("committed_at")).dt.total_microseconds() / HOURS
            ).alias("v")
        ).filter(pl.col("v") >= 0)
        grouped = frame.group_by("p").agg(pl.col("v").median(), pl.len().alias("n"))
    elif metric is Metric.RECOVERY:
        blamed = linked.join(
            frame.select(pl.col("id").alias("linked_deployment"), "p"), on="linked_deployment"
        ).with_columns(
            ((pl.col("resolved_at") - pl.col("opened_at")).dt.total_microseconds() / HOURS).alias(
                "v"
            )
        )
        grouped = (
            blamed.filter(pl.col("v") >= 0)
            .group_by("p")
            .agg(pl.col("v").median(), pl.len().alias("n"))
        )
    elif metric is Metric.FREQUENCY:
        return _frequency(frame, period)
    else:
        flag = (
            pl.col("id").is_in(failed_ids(frame, linked).implode())
            if metric is Metric.CHANGE_FAIL
            else pl.col("rework")
        )
        grouped = frame.group_by("p").agg(flag.mean().alias("v"), pl.len().alias("n"))
    return [
        SeriesPoint(period_start=row["p"].date(), value=float(row["v"]), count=int(row["n"]))
        for row in grouped.sort("p").iter_rows(named=True)
        if row["v"] is not None
    ]


def _frequency(frame: pl.DataFrame, period: str) -> list[SeriesPoint]:
    counts = dict(frame.group_by("p").len().iter_rows())
    first, last = min(counts), max(counts)
    points = []
    current = first
    while current <= last:
        following = _next(current, period)
        weeks = (following - current).days / 7
        count = int(counts.get(current, 0))
        points.append(SeriesPoint(period_start=current.date(), value=count / weeks, count=count))
        current = following
    return points


def _next(moment: datetime, period: str) -> datetime:
    if period == "week":
        return moment + timedelta(days=7)
    year, month = (moment.year + 1, 1) if moment.month == 12 else (moment.year, moment.month + 1)
    return moment.replace(year=year, month=month, day=1)
