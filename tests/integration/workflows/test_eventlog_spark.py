"""The Spark tier (`make spark`, and `.ci/run`): `workflows analyse --engine spark` on PySpark
in local mode gives the polars engine's JSON answer on two real logs, field by field.

One small Spark session (local[2], two shuffle partitions, no web UI) serves the whole test
session. Without PySpark or Java these tests skip outside CI and fail under CI=true."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from produktlyft.kernel.db import Database
from produktlyft.workflows import engines
from tests.conftest import make_context, missing_component
from tests.integration.workflows.same_answer import assert_same
from tests.integration.workflows.test_eventlog_engines import answer, import_log

pytestmark = [pytest.mark.spark, pytest.mark.slow]

LOGS = ("receipt.xes.gz", "sepsis.csv")


@pytest.fixture(scope="session")
def spark() -> Iterator[None]:
    """The session's Spark, started once (the engine keeps it per process) and stopped at
    the end."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        missing_component("PySpark is not installed (pip install 'produktlyft[spark]')")
    if engines.java_runtime() is None:
        missing_component("no Java runtime for Spark (apt-get install openjdk-17-jre-headless)")
    engines.spark_session(engines.SparkOptions())
    yield
    engines.stop_spark()


@pytest.mark.parametrize("log", LOGS)
def test_spark_gives_the_polars_answer(
    spark: None, sqlite_database: Database, tmp_path: Path, test_data: Path, log: str
) -> None:
    ctx = make_context(sqlite_database, data_dir=tmp_path / "data")
    name = import_log(ctx, test_data, log)
    polars = answer(ctx, name, "polars")
    assert_same(answer(ctx, name, "spark"), polars)
    assert polars["dfg"] and polars["variants"] and polars["rework"] and polars["loops_back"]


def test_the_cli_writes_the_spark_answer(
    spark: None,
    sqlite_database: Database,
    tmp_path: Path,
    test_data: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from produktlyft.bootstrap import cli_app
    from produktlyft.kernel.cli.state import STATE

    ctx = make_context(sqlite_database, data_dir=tmp_path / "data")
    monkeypatch.setattr(STATE, "_context", ctx)
    name = import_log(ctx, test_data, "receipt.xes.gz")
    out = tmp_path / "spark.json"
    args = ["workflows", "analyse", name, "--engine", "spark", "--json", str(out), "--lang", "en"]
    done = CliRunner().invoke(cli_app(), args)
    assert done.exit_code == 0, done.output
    written = json.loads(out.read_text(encoding="utf-8"))
    assert_same(written, answer(ctx, name, "polars"))
    assert written["cases"] == 1434
