"""An event log imported onto a full disk is the operator's to fix, not a bug (issue 15).

polars reports a Parquet write the system refused as a ComputeError ("... (os error 28)"), so
the CLI said "Internal error ... This is a bug" and exited 2, and the web import page said
"internal error". The CLI runs here with a real file-size limit (RLIMIT_FSIZE) smaller than the
stored log, where the write fails as on a full disk (EFBIG instead of ENOSPC); the web job with
polars failing as it does on a full disk.
"""

from __future__ import annotations

import os
import resource
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from produktlyft.kernel.db import Database
from produktlyft.workflows.files import write_parquet
from produktlyft.workflows.services import jobs
from produktlyft.workflows.services.logs import ImportOptions, list_event_logs
from tests.conftest import ROOT, make_context

RECEIPT = ROOT / "src" / "produktlyft" / "demo" / "data" / "receipt.xes.gz"


def _file_size_limit(limit: int) -> Callable[[], None]:
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of the signal
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def produktlyft(
    tmp_path: Path, *args: str, preexec: Callable[[], None] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "PRODUKTLYFT_DATA_DIR": str(tmp_path / "data"),
    }
    database = f"sqlite:///{tmp_path / 'db' / 'workflows.db'}"
    return subprocess.run(
        [sys.executable, "-m", "produktlyft", "--database", database, *args],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=600,
        preexec_fn=preexec,
    )


def test_an_event_log_on_a_full_disk_names_the_file_and_stores_nothing(tmp_path: Path) -> None:
    assert produktlyft(tmp_path, "init").returncode == 0
    # the stored events take about 170 KB; the database is only read before the files are
    # written, and SQLite's 32 KB shared-memory file fits under the limit
    limit = _file_size_limit(100_000)
    done = produktlyft(tmp_path, "workflows", "import", str(RECEIPT), "--name", "r", preexec=limit)
    message = done.stderr.strip()
    assert done.returncode == 1, message
    assert message.startswith("Error: cannot write ") and "\n" not in message, message
    assert str(tmp_path / "data" / "eventlogs") in message and "File too large" in message
    with sqlite3.connect(tmp_path / "db" / "workflows.db") as connection:
        assert connection.execute("SELECT count(*) FROM event_logs").fetchone() == (0,)
    assert [p for p in (tmp_path / "data").rglob("*") if p.is_file()] == []


def _full_disk(*_: object, **__: object) -> None:
    raise pl.exceptions.ComputeError(
        "parquet: File out of specification: underlying IO error: "
        "No space left on device (os error 28)"
    )


def test_a_refused_parquet_write_is_the_os_error_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pl.DataFrame, "write_parquet", _full_disk)
    with pytest.raises(OSError, match="No space left on device") as raised:
        write_parquet(pl.DataFrame({"a": [1]}), tmp_path / "x.parquet")
    assert raised.value.errno == 28 and raised.value.filename == str(tmp_path / "x.parquet")


def test_any_other_polars_error_stays_what_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object, **__: object) -> None:
        raise pl.exceptions.ComputeError("a schema mismatch")

    monkeypatch.setattr(pl.DataFrame, "write_parquet", broken)
    with pytest.raises(pl.exceptions.ComputeError):
        write_parquet(pl.DataFrame({"a": [1]}), tmp_path / "x.parquet")


def test_the_web_import_job_says_the_disk_is_full_not_internal_error(
    sqlite_database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = make_context(sqlite_database, data_dir=tmp_path / "data")
    staged = tmp_path / "upload" / RECEIPT.name
    staged.parent.mkdir()
    staged.write_bytes(RECEIPT.read_bytes())
    monkeypatch.setattr(pl.DataFrame, "write_parquet", _full_disk)
    job = jobs.ImportJob(id="j", owner="t", file=staged.name)
    jobs._run(ctx, job, staged, ImportOptions(name="r"))
    assert job.done and job.log_name is None
    assert "internal error" not in str(job.error), job.error
    assert "full" in str(job.error), job.error
    assert list_event_logs(ctx) == []
