"""`workflows analyse --engine`: DuckDB gives the polars engine's JSON answer on two real logs,
field by field; an unknown engine, filters on an SQL engine, and Spark without PySpark or Java
are one-line user errors (exit 1). Spark's own answers are in test_eventlog_spark.py."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.db import Database
from produktlyft.kernel.errors import InvalidInput, ProduktlyftError
from produktlyft.workflows import engines
from produktlyft.workflows.model import ColumnMapping
from produktlyft.workflows.presenter import analysis_json
from produktlyft.workflows.services.analysis import analyse_event_log
from produktlyft.workflows.services.logs import ImportOptions, event_log_files, import_event_log
from tests.conftest import make_context
from tests.integration.workflows.same_answer import assert_same

LOGS = ("receipt.xes.gz", "sepsis.csv")
Analyse = Callable[..., Result]  # `workflows analyse receipt.xes.gz` with more arguments


def import_log(ctx: ServiceContext, test_data: Path, name: str) -> str:
    options = ImportOptions(name=name, mapping=ColumnMapping())
    return import_event_log(ctx, test_data / "eventlogs" / name, options).name


def answer(ctx: ServiceContext, name: str, engine: str) -> dict[str, object]:
    result = analyse_event_log(ctx, name, engine=engine)
    data: dict[str, object] = json.loads(json.dumps(analysis_json(result, "en"), default=str))
    return data


@pytest.mark.parametrize("log", LOGS)
def test_duckdb_gives_the_polars_answer(
    sqlite_database: Database, tmp_path: Path, test_data: Path, log: str
) -> None:
    ctx = make_context(sqlite_database, data_dir=tmp_path / "data")
    name = import_log(ctx, test_data, log)
    polars = answer(ctx, name, "polars")
    duckdb = answer(ctx, name, "duckdb")
    assert_same(duckdb, polars)
    assert polars["rework"] and polars["loops_back"] and polars["unit_handoffs"] is not None
    # the event table the SQL engines read is kept beside the stored log, and reused
    stored = event_log_files(ctx).root
    assert len(list(stored.glob("*/events_sql.parquet"))) == 1
    assert_same(answer(ctx, name, "duckdb"), polars)


def test_duckdb_gives_the_polars_answer_on_a_log_without_edges(
    sqlite_database: Database, tmp_path: Path
) -> None:
    """One case of one event: no edges, no rework, no hand-offs (empty tables, zero times)."""
    ctx = make_context(sqlite_database, data_dir=tmp_path / "data")
    one = tmp_path / "one.csv"
    one.write_text("case,activity,timestamp\nc1,A,2024-01-01T10:00:00\n", encoding="utf-8")
    import_event_log(ctx, one, ImportOptions(name="one", mapping=ColumnMapping()))
    polars = answer(ctx, "one", "polars")
    assert polars["dfg"] == [] and polars["cases"] == 1
    assert_same(answer(ctx, "one", "duckdb"), polars)


@pytest.fixture
def cli(
    sqlite_database: Database, tmp_path: Path, test_data: Path, monkeypatch: pytest.MonkeyPatch
) -> Analyse:
    from produktlyft.bootstrap import cli_app
    from produktlyft.kernel.cli.state import STATE

    ctx = make_context(sqlite_database, data_dir=tmp_path / "data")
    monkeypatch.setattr(STATE, "_context", ctx)
    import_log(ctx, test_data, "receipt.xes.gz")
    app = cli_app()

    def analyse(*args: str) -> Result:
        return CliRunner().invoke(app, ["workflows", "analyse", "receipt.xes.gz", *args])

    return analyse


def user_error(done: Result) -> str:
    """The message of a user error: exit code 1, one line (the shell prints it alone)."""
    assert done.exit_code == 1, done.output
    assert isinstance(done.exception, ProduktlyftError), done.exception
    message = str(done.exception)
    assert len(message.splitlines()) == 1, message
    return message


def test_the_cli_writes_the_same_json_with_each_engine(cli: Analyse, tmp_path: Path) -> None:
    written = {}
    for engine in ("polars", "duckdb"):
        out = tmp_path / f"{engine}.json"
        done = cli("--engine", engine, "--json", str(out), "--lang", "en")
        assert done.exit_code == 0, done.output
        written[engine] = json.loads(out.read_text(encoding="utf-8"))
    assert_same(written["duckdb"], written["polars"])


def test_an_unknown_engine_is_a_one_line_error(cli: Analyse) -> None:
    done = cli("--engine", "hadoop")
    assert "unknown engine 'hadoop'; choose one of polars, duckdb, spark" in user_error(done)


def test_filters_need_the_polars_engine(cli: Analyse) -> None:
    done = cli("--engine", "duckdb", "--top-variants", "1")
    assert done.exit_code == 1 and isinstance(done.exception, InvalidInput)
    assert "filter with the polars engine" in str(done.exception)


def test_spark_without_pyspark_is_a_one_line_error(
    cli: Analyse, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engines, "_SESSIONS", {})
    monkeypatch.setitem(sys.modules, "pyspark", None)  # import pyspark now fails
    monkeypatch.setitem(sys.modules, "pyspark.sql", None)
    done = cli("--engine", "spark")
    assert "needs PySpark: pip install 'produktlyft[spark]'" in user_error(done)


def test_spark_without_java_is_a_one_line_error(
    cli: Analyse, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("pyspark", reason="the Java check runs once PySpark imports")
    monkeypatch.setattr(engines, "_SESSIONS", {})
    monkeypatch.setattr(engines, "java_runtime", lambda: None)
    done = cli("--engine", "spark")
    assert "needs a Java runtime (17 or later)" in user_error(done)


def test_the_shell_prints_one_line_and_exits_1_without_java(
    tmp_path: Path, test_data: Path
) -> None:
    """Through the real command line: no Java on the PATH and no JAVA_HOME (or no PySpark)."""
    env = {
        "PRODUKTLYFT_DATABASE_URL": f"sqlite:///{tmp_path / 'p.db'}",
        "PATH": str(tmp_path),  # an empty folder: no java
        "PYTHONPATH": os.pathsep.join(sys.path),
        "HOME": str(tmp_path),
    }

    def shell(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "produktlyft", *args]
        return subprocess.run(command, env=env, capture_output=True, text=True, check=False)

    assert shell("init").returncode == 0
    log = str(test_data / "eventlogs" / "receipt.xes.gz")
    assert shell("workflows", "import", log, "--name", "r").returncode == 0
    done = shell("workflows", "analyse", "r", "--engine", "spark")
    assert done.returncode == 1, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: the spark engine needs"), done.stderr
    unknown = shell("workflows", "analyse", "r", "--engine", "hadoop")
    assert unknown.returncode == 1
    assert unknown.stderr.strip() == (
        "Error: unknown engine 'hadoop'; choose one of polars, duckdb, spark"
    )
