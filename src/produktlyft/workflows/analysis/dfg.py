"""The directly-follows graph: how often one activity follows another within a case, and how
long that takes (mean, median and 90th percentile), plus start and end activities."""

from __future__ import annotations

import numpy as np
import polars as pl

from produktlyft.workflows.analysis.columns import ACTIVITY, CASE_START, TIMESTAMP
from produktlyft.workflows.analysis.view import MICROSECONDS, LogView, activity_names


def _named(view: LogView, codes: np.ndarray) -> pl.Series:
    return activity_names(view, codes)


def edge_totals(events: pl.DataFrame, n_activities: int) -> pl.DataFrame:
    """Per edge key (source code * n + target code): count and total microseconds. One fused,
    multi-threaded pass: each row beside the next, rows whose next row starts a case dropped,
    then a group-by on a small integer key."""
    code = pl.col(ACTIVITY).to_physical().cast(pl.UInt32)
    return (
        events.lazy()
        .select(
            key=code * n_activities + code.shift(-1),
            gap=pl.col(TIMESTAMP).to_physical().diff().shift(-1),
            edge=~pl.col(CASE_START).shift(-1, fill_value=True),
        )
        .filter(pl.col("edge"))
        .group_by("key")
        .agg(count=pl.len(), total=pl.col("gap").sum())
        .collect()
    )


def dfg(view: LogView) -> pl.DataFrame:
    """Edges with `source, target, count, mean_seconds`, most frequent first."""
    n = view.n_activities
    totals = edge_totals(view.events, n)
    keys = totals["key"].to_numpy()
    frame = pl.DataFrame(
        {
            "source": _named(view, keys // n),
            "target": _named(view, keys % n),
            "count": totals["count"].cast(pl.Int64),
            "mean_seconds": totals["total"].cast(pl.Float64) / totals["count"] / MICROSECONDS,
        }
    )
    return frame.sort(["count", "source", "target"], descending=[True, False, False])


def dfg_performance(view: LogView) -> pl.DataFrame:
    """Edges with count, total, mean, median, P90, min and max seconds (median and P90 by
    linear interpolation, as numpy and pandas compute them)."""
    n = view.n_activities
    seconds = view.gaps.astype(np.float64) / MICROSECONDS
    edges = pl.DataFrame({"key": view.edge_keys, "gap": seconds})
    stats = edges.group_by("key").agg(
        count=pl.len(),
        total_seconds=pl.col("gap").sum(),
        mean_seconds=pl.col("gap").mean(),
        median_seconds=pl.col("gap").median(),
        p90_seconds=pl.col("gap").quantile(0.9, interpolation="linear"),
        min_seconds=pl.col("gap").min(),
        max_seconds=pl.col("gap").max(),
    )
    keys = stats["key"].to_numpy()
    return stats.select(
        _named(view, keys // n).alias("source"),
        _named(view, keys % n).alias("target"),
        pl.all().exclude("key"),
    ).sort(["count", "source", "target"], descending=[True, False, False])


def _activity_counts(view: LogView, codes: np.ndarray) -> dict[str, int]:
    counts = np.bincount(codes, minlength=view.n_activities)
    return {view.activities[i]: int(counts[i]) for i in np.flatnonzero(counts)}


def start_activities(view: LogView) -> dict[str, int]:
    return _activity_counts(view, view.codes[view.first_rows])


def end_activities(view: LogView) -> dict[str, int]:
    return _activity_counts(view, view.codes[view.last_rows])


def activity_counts(view: LogView) -> dict[str, int]:
    return _activity_counts(view, view.codes)
