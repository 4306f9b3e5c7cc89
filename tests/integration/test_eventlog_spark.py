"""The Spark dialect of the portable SQL, run on PySpark in local mode against DuckDB's answers.

PySpark is deliberately not a dependency (300 MB and a JVM): this test runs where it is
installed (`pip install pyspark`, Java 17) and is skipped elsewhere, CI included.
"""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pytest

from produktlyft.analytics.eventlog import canonicalise
from produktlyft.analytics.eventlog.sql import QUERIES, query, run_duckdb, sql_table
from produktlyft.analytics.eventlog.view import LogView
from produktlyft.importers.eventlog_common import ColumnMapping
from produktlyft.importers.eventlog_xes import read_eventlog_xes

pytestmark = [pytest.mark.shared, pytest.mark.slow]
pyspark_sql = pytest.importorskip("pyspark.sql", reason="PySpark is optional; see the docstring")
if shutil.which("java") is None:
    pytest.skip("PySpark needs Java", allow_module_level=True)


def _same(left: list[tuple[object, ...]], right: list[tuple[object, ...]]) -> bool:
    if len(left) != len(right):
        return False
    for a, b in zip(sorted(left, key=str), sorted(right, key=str), strict=True):
        for x, y in zip(a, b, strict=True):
            if isinstance(x, float) or isinstance(y, float):
                if not math.isclose(float(x), float(y), rel_tol=1e-9, abs_tol=1e-6):  # type: ignore[arg-type]
                    return False
            elif x != y:
                return False
    return True


def test_spark_sql_equals_duckdb_on_the_receipt_log(shared_dir: Path, tmp_path: Path) -> None:
    path = shared_dir / "data" / "eventlogs" / "receipt.xes.gz"
    view = LogView.of(canonicalise(read_eventlog_xes(path, ColumnMapping()).frame))
    table = tmp_path / "events.parquet"
    sql_table(view).write_parquet(table)
    spark = (pyspark_sql.SparkSession.builder.master("local[1]").appName("produktlyft-test")
             .config("spark.sql.session.timeZone", "UTC").config("spark.ui.enabled", "false")
             .getOrCreate())
    try:
        spark.read.parquet(str(table)).createOrReplaceTempView("events")
        for name in QUERIES:
            rows = [tuple(row) for row in spark.sql(query(name, "spark")).collect()]
            assert _same(rows, run_duckdb(name, table)), name
    finally:
        spark.stop()
