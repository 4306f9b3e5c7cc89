"""Waiting: how long cases wait before each activity, at each hand-off between resources or
units, and which steps hold the most waiting (bottlenecks)."""

from __future__ import annotations

import polars as pl

from produktlyft.workflows.analysis.columns import ACTIVITY
from produktlyft.workflows.analysis.view import MICROSECONDS, LogView

DAY = 86_400.0


def _stats(gap: pl.Expr) -> list[pl.Expr]:
    return [
        pl.len().alias("count"),
        (gap.sum() / DAY).alias("total_days"),
        (gap.mean() / DAY).alias("mean_days"),
        (gap.median() / DAY).alias("median_days"),
        (gap.quantile(0.9, "linear") / DAY).alias("p90_days"),
    ]


def edge_frame(view: LogView, columns: tuple[str, ...] = ()) -> pl.DataFrame:
    """One row per edge (an event beside the next event of its case): case number, source and
    target activity, the seconds between them, and any other columns of both events."""
    mask = pl.Series(view.has_next)
    n = view.events.height
    head = view.events.slice(0, n - 1).filter(mask)
    tail = view.events.slice(1, n - 1).filter(mask)
    frame = pl.DataFrame(
        {
            "case": view.cases[:-1][view.has_next],
            "source": head[ACTIVITY].cast(pl.String),
            "target": tail[ACTIVITY].cast(pl.String),
            "seconds": view.gaps / MICROSECONDS,
        }
    )
    return frame.with_columns(
        *[head[c].alias(f"source_{c}") for c in columns],
        *[tail[c].alias(f"target_{c}") for c in columns],
    ).with_columns(*[known(f"{side}_{c}") for c in columns for side in ("source", "target")])


# What logs write where they do not know a resource or unit ("EMPTY" in the 4TU logs):
# read as missing, so no page shows the placeholder as if it were a name.
MISSING_VALUES = ("", "-", "empty", "unknown", "none", "null", "n/a", "na")


def known(column: str) -> pl.Expr:
    """The column as text, with the placeholders of a missing value made null."""
    text = pl.col(column).cast(pl.String)
    missing = text.str.strip_chars().str.to_lowercase().is_in(MISSING_VALUES)
    return pl.when(missing).then(None).otherwise(text).alias(column)


def waiting_per_activity(view: LogView) -> pl.DataFrame:
    """Time from the previous event of the case until each activity, in days."""
    edges = edge_frame(view)
    return (
        edges.group_by(pl.col("target").alias("activity"))
        .agg(*_stats(pl.col("seconds")))
        .sort("total_days", descending=True)
    )


def handoffs(view: LogView, column: str) -> pl.DataFrame:
    """Edges where the work passes from one resource (or unit) to another: count and waiting
    per pair, most total waiting first. Edges where either side is unknown are left out."""
    if column not in view.events.columns:
        return pl.DataFrame()
    edges = edge_frame(view, (column,))
    source, target = pl.col(f"source_{column}"), pl.col(f"target_{column}")
    moved = edges.filter(source.is_not_null() & target.is_not_null() & (source != target))
    return (
        moved.group_by(source.cast(pl.String).alias("from"), target.cast(pl.String).alias("to"))
        .agg(*_stats(pl.col("seconds")), cases=pl.col("case").n_unique())
        .sort("total_days", descending=True)
    )


def bottlenecks(view: LogView, top: int = 10) -> pl.DataFrame:
    """The steps (edges) holding the most waiting, with their share of all waiting."""
    edges = edge_frame(view)
    per_edge = edges.group_by("source", "target").agg(
        *_stats(pl.col("seconds")), cases=pl.col("case").n_unique()
    )
    total = per_edge["total_days"].sum() or 1.0
    return (
        per_edge.with_columns(share_of_waiting=pl.col("total_days") / total)
        .sort("total_days", descending=True)
        .head(top)
    )
