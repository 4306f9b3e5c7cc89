"""The engines that run the event-log analyses' SQL: DuckDB in process, or Spark (PySpark in
local mode, or a Spark cluster through a Spark Connect URL). The analysis side stays pure: it
writes the SQL and turns rows into tables (`analysis/sql.py`, `analysis/log_tables.py`); what
is here opens connections and sessions, which is I/O.

The Spark session is costly to start (a JVM), so one is kept per process and reused; its
settings keep it small (`spark.sql.shuffle.partitions`, no web UI).
"""

from __future__ import annotations

import os
import shutil
import threading
import uuid
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from produktlyft.kernel.errors import ProduktlyftError
from produktlyft.workflows.analysis.log_tables import Rows, Runner

POLARS, DUCKDB, SPARK = "polars", "duckdb", "spark"
ENGINES = (POLARS, DUCKDB, SPARK)


class EngineUnavailable(ProduktlyftError):
    """The chosen engine cannot run here (unknown, or PySpark or Java missing)."""


@dataclass(frozen=True)
class SparkOptions:
    """Where Spark runs: a Spark Connect URL (`sc://host:15002`), or else a master URL
    (`local[2]`, `spark://host:7077`) for a session started by this process."""

    master: str = "local[2]"
    remote: str | None = None
    shuffle_partitions: int = 2


@dataclass(frozen=True)
class SqlEngine:
    """An engine ready to run the analyses: its SQL dialect, the name under which it sees the
    event table, and the function that runs one query."""

    dialect: str
    table: str
    run: Runner


def check_engine(name: str) -> str:
    if name not in ENGINES:
        raise EngineUnavailable(f"unknown engine '{name}'; choose one of {', '.join(ENGINES)}")
    return name


@contextmanager
def open_engine(name: str, parquet: Path, options: SparkOptions) -> Iterator[SqlEngine]:
    """The SQL engine `name` (duckdb or spark) reading the event table in `parquet`."""
    if check_engine(name) == SPARK:
        with spark_runner(parquet, options) as engine:
            yield engine
    elif name == DUCKDB:
        with duckdb_runner(parquet) as engine:
            yield engine
    else:
        raise EngineUnavailable(f"the {name} engine does not run SQL")


@contextmanager
def duckdb_runner(parquet: Path) -> Iterator[SqlEngine]:
    """Runs the queries with DuckDB over the event table `events` read from `parquet`."""
    import duckdb

    with duckdb.connect() as connection:
        connection.execute("SET TimeZone = 'UTC'")
        literal = str(parquet).replace("'", "''")
        connection.execute(f"create view events as select * from read_parquet('{literal}')")

        def run(sql: str) -> Rows:
            cursor = connection.execute(sql)
            columns = [column[0] for column in cursor.description or ()]
            return columns, cursor.fetchall()

        yield SqlEngine(DUCKDB, "events", run)


@contextmanager
def spark_runner(parquet: Path, options: SparkOptions) -> Iterator[SqlEngine]:
    """Runs the queries with Spark over `parquet`, registered as a temporary view of its own
    (so analyses in one process do not see each other's). The file must be readable where
    Spark runs (shared storage on a cluster)."""
    session = spark_session(options)
    view = f"events_{uuid.uuid4().hex}"
    try:
        session.read.parquet(str(parquet.resolve())).createOrReplaceTempView(view)
    except Exception as error:  # e.g. a cluster that does not see the file
        raise EngineUnavailable(
            f"Spark could not read {parquet.resolve()}: {_first_line(error)}; on a cluster the "
            "data folder must be on storage every Spark node reads at the same path"
        ) from error

    def run(sql: str) -> Rows:
        try:
            frame = session.sql(sql)
            return list(frame.columns), [tuple(row) for row in frame.collect()]
        except Exception as error:  # a cluster that fails (lost executors, no memory)
            where = options.remote or options.master
            raise EngineUnavailable(f"Spark at {where} failed: {_first_line(error)}") from error

    try:
        yield SqlEngine(SPARK, view, run)
    finally:
        session.catalog.dropTempView(view)


_SESSIONS: dict[SparkOptions, Any] = {}
_LOCK = threading.Lock()


def spark_session(options: SparkOptions) -> Any:
    """The process's Spark session for these options, started on first use."""
    with _LOCK:
        if options not in _SESSIONS:
            _SESSIONS[options] = _start_spark(options)
        return _SESSIONS[options]


def _start_spark(options: SparkOptions) -> Any:
    try:
        from pyspark.sql import SparkSession
    except ImportError as error:
        raise EngineUnavailable(
            "the spark engine needs PySpark: pip install 'produktlyft[spark]'"
        ) from error
    builder = SparkSession.builder.appName("produktlyft")
    if options.remote:
        builder = builder.remote(options.remote)
    else:
        if java_runtime() is None:
            raise EngineUnavailable(
                "the spark engine needs a Java runtime (17 or later): install "
                "openjdk-17-jre-headless, or set JAVA_HOME"
            )
        builder = (
            builder.master(options.master)
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.shuffle.partitions", str(options.shuffle_partitions))
        )
    builder = builder.config("spark.sql.session.timeZone", "UTC")
    try:
        with warnings.catch_warnings():
            # PySpark warns about the pandas release it finds; the engine never uses pandas
            warnings.filterwarnings("ignore", "PySpark does not yet fully support pandas")
            session = builder.getOrCreate()
    except Exception as error:  # any failure to start is the user's set-up to fix
        where = options.remote or options.master
        raise EngineUnavailable(
            f"Spark could not start at {where}: {_first_line(error)}"
        ) from error
    if not options.remote:
        session.sparkContext.setLogLevel("ERROR")
    return session


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def java_runtime() -> str | None:
    """The `java` Spark will start: JAVA_HOME's, or the first on the PATH."""
    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").exists():
        return str(Path(home) / "bin" / "java")
    return shutil.which("java")


def stop_spark() -> None:
    """Stop the process's Spark sessions (the tests' session fixture does, at the end)."""
    with _LOCK:
        for session in _SESSIONS.values():
            session.stop()
        _SESSIONS.clear()
