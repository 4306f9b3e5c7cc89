"""Every table of a log's analysis, from either engine: the polars engine over the canonical
log in memory, or the SQL of `sql.py` run by an engine that is handed in (DuckDB here, Spark on
a cluster). Both give the same `LogTables`, so what is shown and written does not depend on
the engine; the tests compare them field by field on real logs.

Running the SQL is I/O and stays outside: `sql_tables` takes a `Runner`, a function that runs
one SQL text and returns its column names and rows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl

from produktlyft.workflows.analysis import cases as case_analysis
from produktlyft.workflows.analysis import dfg as dfg_analysis
from produktlyft.workflows.analysis import rework as rework_analysis
from produktlyft.workflows.analysis import waiting as waiting_analysis
from produktlyft.workflows.analysis.columns import RESOURCE, UNIT
from produktlyft.workflows.analysis.sql import SEPARATOR, query
from produktlyft.workflows.analysis.view import LogView

Rows = tuple[list[str], list[tuple[Any, ...]]]
Runner = Callable[[str], Rows]  # runs one SQL text: column names and rows


@dataclass
class LogTables:
    """The figures and tables of one log (frames are polars DataFrames)."""

    events: int
    cases: int
    dfg: pl.DataFrame
    start_activities: dict[str, int]
    end_activities: dict[str, int]
    activity_counts: dict[str, int]
    variants: pl.DataFrame
    case_durations: pl.DataFrame
    throughput: dict[str, float]
    waiting: pl.DataFrame
    unit_handoffs: pl.DataFrame
    resource_handoffs: pl.DataFrame
    rework: pl.DataFrame
    loops_back: pl.DataFrame
    bottlenecks: pl.DataFrame
    arrivals: pl.DataFrame


def polars_tables(view: LogView) -> LogTables:
    """The tables by the polars engine, from the canonical log in memory."""
    return LogTables(
        events=view.events.height,
        cases=view.n_cases,
        dfg=dfg_analysis.dfg_performance(view),
        start_activities=dfg_analysis.start_activities(view),
        end_activities=dfg_analysis.end_activities(view),
        activity_counts=dfg_analysis.activity_counts(view),
        variants=case_analysis.variant_table(view),
        case_durations=case_analysis.case_durations(view),
        throughput=case_analysis.throughput(view),
        waiting=waiting_analysis.waiting_per_activity(view),
        unit_handoffs=waiting_analysis.handoffs(view, UNIT),
        resource_handoffs=waiting_analysis.handoffs(view, RESOURCE),
        rework=rework_analysis.rework(view),
        loops_back=rework_analysis.loops_back(view),
        bottlenecks=waiting_analysis.bottlenecks(view),
        arrivals=case_analysis.arrivals_and_wip(view, "1w"),
    )


WAIT_COLUMNS = ("count", "total_days", "mean_days", "median_days", "p90_days")


def _frame(rows: Rows, floats: Sequence[str] = ()) -> pl.DataFrame:
    """Rows as a frame; `floats` are cast to Float64 (an engine may give decimals or ints)."""
    columns, values = rows
    schema_overrides = dict.fromkeys(floats, pl.Float64)
    frame = pl.DataFrame(
        [list(row) for row in values],
        schema=columns,
        orient="row",
        schema_overrides=schema_overrides,
    )
    return frame.with_columns(pl.col(c).cast(pl.Float64) for c in floats)


def _counts(rows: Rows) -> dict[str, int]:
    return {str(name): int(count) for name, count in rows[1]}


def sql_tables(run: Runner, dialect: str, table: str = "events") -> LogTables:
    """The tables by an SQL engine: `run` executes the queries of `sql.py` in `dialect` over
    the event table named `table` (see `sql.sql_table`)."""

    def ask(name: str) -> Rows:
        return run(query(name, dialect, table))

    (events, n_cases), *_ = ask("size")[1] or [(0, 0)]
    days = ("total_days", "mean_days", "median_days", "p90_days")
    return LogTables(
        events=int(events),
        cases=int(n_cases),
        dfg=_frame(
            ask("dfg"),
            (
                "total_seconds",
                "mean_seconds",
                "median_seconds",
                "p90_seconds",
                "min_seconds",
                "max_seconds",
            ),
        ),
        start_activities=_counts(ask("start_activities")),
        end_activities=_counts(ask("end_activities")),
        activity_counts=_counts(ask("activity_counts")),
        variants=_variants(ask("variants"), int(n_cases)),
        case_durations=_frame(ask("case_durations"), ("duration_seconds",)),
        throughput=_throughput(ask("throughput")),
        waiting=_frame(ask("waiting"), days),
        unit_handoffs=_frame(ask("unit_handoffs"), days),
        resource_handoffs=_frame(ask("resource_handoffs"), days),
        rework=_shares(
            _frame(ask("rework"), ("median_added_days", "total_added_days")), int(n_cases)
        ),
        loops_back=_shares(_frame(ask("loops_back")), int(n_cases)),
        bottlenecks=_frame(ask("bottlenecks"), (*days, "share_of_waiting")),
        arrivals=_arrivals(ask("arrivals")),
    )


def _shares(frame: pl.DataFrame, n_cases: int) -> pl.DataFrame:
    return frame.with_columns(share_of_cases=pl.col("cases") / max(n_cases, 1))


def _variants(rows: Rows, n_cases: int) -> pl.DataFrame:
    frame = _frame(rows, ("median_duration_seconds",))
    return frame.select(
        pl.col("variant").cast(pl.UInt32),
        pl.col("sequence").str.split(SEPARATOR).alias("activities"),
        pl.col("count").cast(pl.Int64),
        (pl.col("count") / max(n_cases, 1)).alias("share"),
        "median_duration_seconds",
    )


def _throughput(rows: Rows) -> dict[str, float]:
    columns, values = rows
    figures = dict(zip(columns, values[0], strict=True)) if values else {}
    if not figures.get("cases"):  # no cases: the polars engine's zeros
        return {"cases": 0, "mean_days": 0.0, "median_days": 0.0, "p90_days": 0.0, "max_days": 0.0}
    return {name: float(value) for name, value in figures.items()}


def _arrivals(rows: Rows) -> pl.DataFrame:
    frame = _frame(rows, ("period_seconds",))
    return frame.select(
        (pl.col("period_seconds") * 1_000_000)
        .round()
        .cast(pl.Int64)
        .cast(pl.Datetime("us"))
        .dt.replace_time_zone("UTC")
        .alias("period"),
        pl.col("arrivals").cast(pl.UInt32),
        pl.col("completions").cast(pl.UInt32),
    ).with_columns(wip=pl.col("arrivals").cum_sum() - pl.col("completions").cum_sum())
