"""A real log cut short, imported through the use case and the CLI on SQLite and PostgreSQL:
refused with the place where it ends, and nothing stored (the .xes.gz cut at half its bytes
used to import 3,951 of its 8,577 events without a word)."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.db import Database
from produktlyft.kernel.errors import InvalidInput
from produktlyft.workflows.services.logs import ImportOptions, import_event_log, list_event_logs
from tests.conftest import make_context


@pytest.fixture
def receipt(test_data: Path) -> Path:
    return test_data / "eventlogs" / "receipt.xes.gz"


@pytest.fixture
def cut_gzip(receipt: Path, tmp_path: Path) -> Path:
    packed = receipt.read_bytes()
    path = tmp_path / "in" / "receipt-cut.xes.gz"
    path.parent.mkdir()
    path.write_bytes(packed[: len(packed) // 2])
    return path


@pytest.fixture
def cut_plain(receipt: Path, tmp_path: Path) -> tuple[Path, int]:
    """The XML cut inside an event of a trace in its second half, and the line it ends on."""
    data = gzip.decompress(receipt.read_bytes())
    at = data.index(b"<event>", data.index(b"<trace>", len(data) // 2)) + 40
    path = tmp_path / "in" / "receipt-cut.xes"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data[:at])
    return path, data[:at].count(b"\n") + 1


def _nothing_stored(ctx: ServiceContext, data_dir: Path) -> None:
    assert list_event_logs(ctx) == []
    left = [p for p in data_dir.rglob("*") if p.is_file()] if data_dir.exists() else []
    assert left == []


@pytest.mark.parametrize("engine", ["r4pm", "streaming"])
def test_a_cut_gzip_is_refused_and_nothing_stored(
    database: Database,
    tmp_path: Path,
    cut_gzip: Path,
    engine: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if engine == "streaming":  # as where r4pm is not installed
        monkeypatch.setattr("produktlyft.workflows.importers.xes.read_xes_r4pm", lambda _: None)
    else:
        pytest.importorskip("r4pm")
    ctx = make_context(database, data_dir=tmp_path / "data")
    with pytest.raises(InvalidInput) as error:
        import_event_log(ctx, cut_gzip, ImportOptions(name="kvitto"))
    message = str(error.value)
    assert message.startswith("the XES file cannot be read; nothing was imported")
    assert "receipt-cut.xes.gz: the compressed file ends unexpectedly at line" in message
    assert "the XES document is incomplete" in message
    _nothing_stored(ctx, tmp_path / "data")


def test_a_cut_plain_xes_is_refused_naming_the_line(
    database: Database, tmp_path: Path, cut_plain: tuple[Path, int]
) -> None:
    path, line = cut_plain
    ctx = make_context(database, data_dir=tmp_path / "data")
    with pytest.raises(InvalidInput) as error:
        import_event_log(ctx, path, ImportOptions(name="kvitto"))
    assert (
        f"receipt-cut.xes: the file ends unexpectedly at line {line}: the XES document is "
        "incomplete" in str(error.value)
    )
    _nothing_stored(ctx, tmp_path / "data")


def test_the_cli_exits_1_with_the_message_and_stores_nothing(
    tmp_path: Path, cut_gzip: Path, cut_plain: tuple[Path, int]
) -> None:
    """`produktlyft workflows import` as a user runs it, in its own process."""
    database = f"sqlite:///{tmp_path / 'cli.db'}"
    environment = {**os.environ, "PRODUKTLYFT_DATA_DIR": str(tmp_path / "data"), "COLUMNS": "200"}

    def produktlyft(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "produktlyft", "--database", database, *args],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            env=environment,
        )

    assert produktlyft("init").returncode == 0
    for path, expected in (
        (cut_gzip, "the compressed file ends unexpectedly at line"),
        (cut_plain[0], f"the file ends unexpectedly at line {cut_plain[1]}"),
    ):
        result = produktlyft("workflows", "import", str(path), "--name", "kvitto")
        assert result.returncode == 1, result.stderr
        errors = " ".join(result.stderr.split())  # the console may wrap long lines
        assert "the XES file cannot be read; nothing was imported" in errors
        assert expected in errors and "the XES document is incomplete" in errors
        assert "Traceback" not in result.stderr
    listed = produktlyft("workflows", "list")
    assert listed.returncode == 0 and "kvitto" not in listed.stdout
    assert not (tmp_path / "data" / "eventlogs").exists() or not any(
        p.is_file() for p in (tmp_path / "data" / "eventlogs").rglob("*")
    )


def test_csv_and_parquet_cut_short_store_nothing(
    database: Database, tmp_path: Path, test_data: Path
) -> None:
    ctx = make_context(database, data_dir=tmp_path / "data")
    logs = test_data / "eventlogs"
    text = (logs / "receipt.csv").read_bytes()
    csv_cut = tmp_path / "receipt-cut.csv"
    csv_cut.write_bytes(text[: text.index(b"\n", len(text) // 2) + 60])
    with pytest.raises(InvalidInput) as error:
        import_event_log(ctx, csv_cut, ImportOptions(name="kvitto"))
    assert "1 row(s) cannot be parsed" in str(error.value)
    assert "the file may be cut short" in str(error.value)
    whole = tmp_path / "sepsis.parquet"  # a real log as Parquet, written by polars
    pl.read_csv(logs / "sepsis.csv", infer_schema=False).write_parquet(whole)
    parquet = whole.read_bytes()
    parquet_cut = tmp_path / "sepsis-cut.parquet"
    parquet_cut.write_bytes(parquet[: len(parquet) // 2])
    with pytest.raises(InvalidInput) as error:
        import_event_log(ctx, parquet_cut, ImportOptions(name="sepsis"))
    assert "its closing Parquet footer is missing, so the file is cut short" in str(error.value)
    _nothing_stored(ctx, tmp_path / "data")
