"""The directly-follows graph: how often one activity follows another within a case, and how
long that takes (mean, median and 90th percentile), plus start and end activities."""

from __future__ import annotations

import numpy as np
import polars as pl

from produktlyft.analytics.eventlog.view import MICROSECONDS, LogView, activity_names


def _named(view: LogView, codes: np.ndarray) -> pl.Series:
    return activity_names(view, codes)


def dfg(view: LogView) -> pl.DataFrame:
    """Edges with `source, target, count, mean_seconds`, most frequent first; counts and means
    are bin counts over the integer edge keys."""
    n = view.n_activities
    counts = np.bincount(view.pair_keys, minlength=n * n + 1)[:n * n]
    totals = np.bincount(view.pair_keys, weights=view.pair_gaps, minlength=n * n + 1)[:n * n]
    present = np.flatnonzero(counts)
    frame = pl.DataFrame({
        "source": _named(view, present // n),
        "target": _named(view, present % n),
        "count": counts[present].astype(np.int64),
        "mean_seconds": totals[present] / counts[present] / MICROSECONDS,
    })
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
        _named(view, keys // n).alias("source"), _named(view, keys % n).alias("target"),
        pl.all().exclude("key"),
    ).sort(["count", "source", "target"], descending=[True, False, False])


def _activity_counts(view: LogView, codes: np.ndarray) -> dict[str, int]:
    counts = np.bincount(codes, minlength=view.n_activities)
    return {view.activities[i]: int(counts[i]) for i in np.flatnonzero(counts)}


def start_activities(view: LogView) -> dict[str, int]:
    return _activity_counts(view, view.codes[view.starts])


def end_activities(view: LogView) -> dict[str, int]:
    return _activity_counts(view, view.codes[view.ends])


def activity_counts(view: LogView) -> dict[str, int]:
    return _activity_counts(view, view.codes)
