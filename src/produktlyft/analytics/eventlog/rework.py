"""Rework: activities a case goes through more than once, and loops back to earlier steps.

The time a repeat adds to a case is measured from the first to the last time the case passes
the activity: the stretch the case spends going round the loop.
"""

from __future__ import annotations

import polars as pl

from produktlyft.analytics.eventlog.view import MICROSECONDS, LogView

DAY = 86_400.0


def _names(view: LogView, codes: pl.Expr) -> pl.Expr:
    return pl.lit(pl.Series(view.activities, dtype=pl.String)).gather(codes)


def _occurrences(view: LogView) -> pl.DataFrame:
    """Each event's case number, activity, time and which time the case passes it (0 = first)."""
    return pl.DataFrame({
        "case": view.cases, "code": view.codes, "at": view.stamps,
    }).with_columns(occurrence=pl.int_range(pl.len(), dtype=pl.Int32).over("case", "code"))


def repeats_per_case(view: LogView) -> pl.DataFrame:
    """One row per (case, activity) passed more than once: times passed and days added."""
    occurrences = _occurrences(view)
    return (occurrences.group_by("case", "code")
            .agg(times=pl.len(), added_days=(pl.col("at").max() - pl.col("at").min())
                 / MICROSECONDS / DAY)
            .filter(pl.col("times") > 1)
            .with_columns(_names(view, pl.col("code")).alias("activity")))


def rework(view: LogView) -> pl.DataFrame:
    """Per activity: cases that repeat it, their share of all cases, the extra executions and
    the median and total days the repeats add, most affected cases first."""
    per_case = repeats_per_case(view)
    n_cases = max(view.n_cases, 1)
    return (per_case.group_by("activity")
            .agg(cases=pl.len(), extra_executions=(pl.col("times") - 1).sum(),
                 median_added_days=pl.col("added_days").median(),
                 total_added_days=pl.col("added_days").sum())
            .with_columns(share_of_cases=pl.col("cases") / n_cases)
            .sort(["cases", "activity"], descending=[True, False]))


def loops_back(view: LogView) -> pl.DataFrame:
    """Edges that return to an activity the case has already passed (a loop back), other than
    an activity following itself, with how many cases do it."""
    occurrences = _occurrences(view)
    n = view.events.height
    mask = pl.Series(view.has_next)
    source = occurrences.slice(0, n - 1).filter(mask)
    target = occurrences.slice(1, n - 1).filter(mask)
    back = pl.DataFrame({"case": source["case"], "source": source["code"],
                         "target": target["code"], "occurrence": target["occurrence"]})
    back = back.filter((pl.col("occurrence") > 0) & (pl.col("source") != pl.col("target")))
    return (back.group_by("source", "target").agg(count=pl.len(), cases=pl.col("case").n_unique())
            .with_columns(_names(view, pl.col("source")).alias("source"),
                          _names(view, pl.col("target")).alias("target"),
                          share_of_cases=pl.col("cases") / max(view.n_cases, 1))
            .sort("cases", descending=True))
