"""Run the event-log analyses' Spark SQL dialect on PySpark (local mode) and compare every
query's answer with DuckDB's on the same log.

PySpark is not a dependency of produktlyft (a 450 MB download and a JVM), so this check is a
script, not part of `make test`:

    pip install pyspark          # needs Java 17
    python tools/check_spark_sql.py tests/data/eventlogs/receipt.xes.gz

It prints one line per query and exits with 1 if any answer differs.
"""

from __future__ import annotations

import math
import sys
import tempfile
from pathlib import Path

from produktlyft.workflows.analysis import canonicalise
from produktlyft.workflows.analysis.sql import QUERIES, query, run_duckdb, sql_table
from produktlyft.workflows.analysis.view import LogView
from produktlyft.workflows.importers.common import ColumnMapping
from produktlyft.workflows.importers.xes import read_eventlog_xes


def same(left: list[tuple[object, ...]], right: list[tuple[object, ...]]) -> bool:
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


def main(path: Path) -> int:
    from pyspark.sql import SparkSession

    view = LogView.of(canonicalise(read_eventlog_xes(path, ColumnMapping()).frame))
    with tempfile.TemporaryDirectory() as folder:
        table = Path(folder) / "events.parquet"
        sql_table(view).write_parquet(table)
        spark = (
            SparkSession.builder.master("local[1]")
            .appName("produktlyft-check")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.ui.enabled", "false")
            .getOrCreate()
        )
        failures = 0
        try:
            spark.read.parquet(str(table)).createOrReplaceTempView("events")
            for name in QUERIES:
                rows = [tuple(row) for row in spark.sql(query(name, "spark")).collect()]
                ok = same(rows, run_duckdb(name, table))
                failures += not ok
                print(f"{name}: {'same' if ok else 'DIFFERENT'} ({len(rows)} rows)")
        finally:
            spark.stop()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
