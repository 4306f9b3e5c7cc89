"""The portable SQL (DuckDB here, Spark SQL on a cluster) gives the polars engine's answers
on the real logs; the polars engine in turn equals pm4py (test_eventlog_pm4py)."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

from produktlyft.workflows.analysis import canonicalise
from produktlyft.workflows.analysis.cases import case_durations, variant_table
from produktlyft.workflows.analysis.dfg import dfg_performance, end_activities, start_activities
from produktlyft.workflows.analysis.sql import SEPARATOR, query, sql_table
from produktlyft.workflows.analysis.view import LogView
from produktlyft.workflows.engines import duckdb_runner
from produktlyft.workflows.importers.csv import read_eventlog_csv
from produktlyft.workflows.importers.parquet import read_eventlog_parquet
from produktlyft.workflows.importers.xes import read_eventlog_xes
from produktlyft.workflows.model import ColumnMapping
from tests.conftest import eventlog_params, eventlog_path

pytest.importorskip("duckdb")


def run_duckdb(name: str, table: Path) -> list[tuple[Any, ...]]:
    with duckdb_runner(table) as engine:
        return engine.run(query(name, "duckdb"))[1]


LOGS = {
    "receipt.xes.gz": read_eventlog_xes,
    "sepsis.csv": read_eventlog_csv,
    "road_traffic_fines.parquet": read_eventlog_parquet,
}


@pytest.fixture(scope="module", params=eventlog_params(LOGS))
def logged(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[LogView, Path]:
    path = eventlog_path(request, request.param)
    view = LogView.of(canonicalise(LOGS[request.param](path, ColumnMapping()).frame))
    table = tmp_path_factory.mktemp("sql") / "events.parquet"
    sql_table(view).write_parquet(table)
    return view, table


def test_sql_dfg_equals_engine(logged: tuple[LogView, Path]) -> None:
    view, table = logged
    ours = {(r["source"], r["target"]): r for r in dfg_performance(view).to_dicts()}
    rows = run_duckdb("dfg", table)
    assert {(source, target) for source, target, *_ in rows} == set(ours)
    for source, target, count, _total, mean, median, *_ in rows:
        assert count == ours[(source, target)]["count"]
        assert math.isclose(
            mean, ours[(source, target)]["mean_seconds"], rel_tol=1e-9, abs_tol=1e-6
        )
        assert math.isclose(
            median, ours[(source, target)]["median_seconds"], rel_tol=1e-9, abs_tol=1e-6
        )


def test_sql_start_end_variants_and_durations_equal_engine(logged: tuple[LogView, Path]) -> None:
    view, table = logged
    assert dict(run_duckdb("start_activities", table)) == start_activities(view)
    assert dict(run_duckdb("end_activities", table)) == end_activities(view)
    variants = {
        SEPARATOR.join(r["activities"]): r["count"]
        for r in variant_table(view, durations=False).to_dicts()
    }
    assert {sequence: count for _, sequence, count, _ in run_duckdb("variants", table)} == variants
    durations = dict(case_durations(view).iter_rows())
    rows = run_duckdb("case_durations", table)
    assert len(rows) == len(durations)
    assert all(math.isclose(seconds, durations[case], abs_tol=1e-6) for case, seconds in rows)


def test_spark_dialect_differs_only_in_the_dialect_expressions() -> None:
    spark = query("dfg", "spark")
    assert "percentile(gap, 0.5)" in spark and "unix_micros(ts)" in spark
    assert "epoch" not in spark and "quantile_cont" not in spark
