"""Rework: activities a case goes through more than once, and loops back to earlier steps.

The time a repeat adds to a case is measured from the first to the last time the case passes
the activity: the stretch the case spends going round the loop.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from produktlyft.workflows.analysis.view import MICROSECONDS, LogView

DAY = 86_400.0


def _names(view: LogView, codes: pl.Expr) -> pl.Expr:
    return pl.lit(pl.Series(view.activities, dtype=pl.String)).gather(codes)


def _case_activity_keys(view: LogView) -> pl.Series:
    """One integer per (case, activity) pair: case number * n_activities + activity code."""
    keys = view.cases.astype(np.int64)
    keys *= view.n_activities
    keys += view.codes
    return pl.Series("key", keys)


def repeats_per_case(view: LogView) -> pl.DataFrame:
    """One row per (case, activity) passed more than once: times passed and days added.
    A group-by on one integer key, as each (case, activity) pair is one number."""
    n = view.n_activities
    per_pair = (
        pl.DataFrame([_case_activity_keys(view), pl.Series("at", view.stamps)])
        .group_by("key")
        .agg(
            times=pl.len(),
            added_days=(pl.col("at").max() - pl.col("at").min()) / MICROSECONDS / DAY,
        )
        .filter(pl.col("times") > 1)
    )
    return per_pair.select(
        (pl.col("key") // n).cast(pl.Int32).alias("case"),
        (pl.col("key") % n).alias("code"),
        "times",
        "added_days",
    ).with_columns(_names(view, pl.col("code")).alias("activity"))


def rework(view: LogView) -> pl.DataFrame:
    """Per activity: cases that repeat it, their share of all cases, the extra executions and
    the median and total days the repeats add, most affected cases first."""
    per_case = repeats_per_case(view)
    n_cases = max(view.n_cases, 1)
    return (
        per_case.group_by("activity")
        .agg(
            cases=pl.len(),
            extra_executions=(pl.col("times") - 1).sum(),
            median_added_days=pl.col("added_days").median(),
            total_added_days=pl.col("added_days").sum(),
        )
        .with_columns(share_of_cases=pl.col("cases") / n_cases)
        .sort(["cases", "activity"], descending=[True, False])
    )


def loops_back(view: LogView) -> pl.DataFrame:
    """Edges that return to an activity the case has already passed (a loop back), other than
    an activity following itself, with how many cases do it."""
    if view.events.height < 2:
        return pl.DataFrame(
            schema={
                "source": pl.String,
                "target": pl.String,
                "count": pl.UInt32,
                "cases": pl.UInt32,
                "share_of_cases": pl.Float64,
            }
        )
    seen_before = ~_case_activity_keys(view).is_first_distinct().to_numpy()
    edge = view.has_next
    back = pl.DataFrame(
        {
            "case": view.cases[1:][edge],
            "source": view.codes[:-1][edge],
            "target": view.codes[1:][edge],
            "again": seen_before[1:][edge],
        }
    )
    back = back.filter(pl.col("again") & (pl.col("source") != pl.col("target")))
    return (
        back.group_by("source", "target")
        .agg(count=pl.len(), cases=pl.col("case").n_unique())
        .with_columns(
            _names(view, pl.col("source")).alias("source"),
            _names(view, pl.col("target")).alias("target"),
            share_of_cases=pl.col("cases") / max(view.n_cases, 1),
        )
        .sort("cases", descending=True)
    )
