"""Per-case figures: throughput times, variants with counts and shares, arrivals and work in
progress over time."""

from __future__ import annotations

import numpy as np
import polars as pl

from produktlyft.workflows.analysis.columns import ACTIVITY, VARIANT
from produktlyft.workflows.analysis.view import MICROSECONDS, LogView, activity_names

DAY = 86_400.0


def case_table(view: LogView) -> pl.DataFrame:
    """One row per case: id, first and last event, number of events, duration, variant."""
    lengths = view.last_rows - view.first_rows + 1
    return pl.DataFrame(
        {
            "case_id": view.case_ids,
            "start": pl.Series(view.case_first).cast(pl.Datetime("us", "UTC")),
            "end": pl.Series(view.case_last).cast(pl.Datetime("us", "UTC")),
            "events": lengths.astype(np.int64),
            "duration_seconds": (view.case_last - view.case_first) / MICROSECONDS,
            "variant": view.case_variants,
        }
    )


def case_durations(view: LogView) -> pl.DataFrame:
    """case_id and duration_seconds (last event minus first event), in canonical case order."""
    return pl.DataFrame(
        {
            "case_id": view.case_ids,
            "duration_seconds": (view.case_last - view.case_first) / MICROSECONDS,
        }
    )


def throughput(view: LogView) -> dict[str, float]:
    """Throughput time of the cases in days: mean, median, P90 and maximum."""
    days = (view.case_last - view.case_first) / MICROSECONDS / DAY
    if len(days) == 0:
        return {"cases": 0, "mean_days": 0.0, "median_days": 0.0, "p90_days": 0.0, "max_days": 0.0}
    return {
        "cases": float(len(days)),
        "mean_days": float(np.mean(days)),
        "median_days": float(np.median(days)),
        "p90_days": float(np.quantile(days, 0.9)),
        "max_days": float(np.max(days)),
    }


def variant_table(view: LogView, *, durations: bool = True) -> pl.DataFrame:
    """Variants with their activity sequence, count, share of cases and (unless `durations`
    is False) median duration, most frequent first. Sequences come from one representative
    case per variant."""
    if view.n_cases == 0:
        return pl.DataFrame(
            schema={
                "variant": pl.UInt32,
                "activities": pl.List(pl.String),
                "count": pl.Int64,
                "share": pl.Float64,
                "median_duration_seconds": pl.Float64,
            }
        )
    per_case = pl.DataFrame(
        {"variant": view.case_variants, "case": np.arange(view.n_cases, dtype=np.int32)}
    )
    median: pl.Expr = pl.lit(None, dtype=pl.Float64)
    if durations:
        per_case = per_case.with_columns(duration=(view.case_last - view.case_first) / MICROSECONDS)
        median = pl.col("duration").median()
    summary = per_case.group_by("variant").agg(
        count=pl.len(), representative=pl.col("case").min(), median_duration_seconds=median
    )
    # the rows of one representative case per variant: a few hundred short runs, gathered
    # directly instead of masking every event
    representative = summary["representative"].to_numpy()
    first, last = view.first_rows[representative], view.last_rows[representative]
    lengths = last - first + 1
    offsets = np.repeat(first - np.concatenate(([0], np.cumsum(lengths)[:-1])), lengths)
    rows = np.arange(int(lengths.sum()), dtype=np.int64) + offsets
    sequences = (
        pl.DataFrame(
            {
                VARIANT: np.repeat(summary[VARIANT].to_numpy(), lengths),
                ACTIVITY: activity_names(view, view.codes[rows]),
            }
        )
        .group_by(VARIANT, maintain_order=True)
        .agg(pl.col(ACTIVITY).alias("activities"))
    )
    return (
        summary.join(sequences, on=VARIANT)
        .with_columns(share=pl.col("count") / view.n_cases)
        .select(
            "variant",
            "activities",
            pl.col("count").cast(pl.Int64),
            "share",
            "median_duration_seconds",
        )
        .sort(["count", "variant"], descending=[True, False])
    )


def arrivals_and_wip(view: LogView, every: str = "1w") -> pl.DataFrame:
    """Cases started and finished per period, and cases open at the end of each period."""

    def per_period(stamps: np.ndarray, name: str) -> pl.DataFrame:
        return (
            pl.DataFrame({"at": pl.Series(stamps).cast(pl.Datetime("us", "UTC"))})
            .group_by(pl.col("at").dt.truncate(every).alias("period"))
            .agg(pl.len().alias(name))
        )

    arrivals = per_period(view.case_first, "arrivals")
    completions = per_period(view.case_last, "completions")
    return (
        arrivals.join(completions, on="period", how="full", coalesce=True)
        .fill_null(0)
        .sort("period")
        .with_columns(wip=(pl.col("arrivals").cum_sum() - pl.col("completions").cum_sum()))
    )
