"""Event logs cut short or broken are refused with the place where they end, never read in part
(r4pm returned the events before a cut, and the CSV reader filled a cut row with nulls)."""

from __future__ import annotations

import gzip
from pathlib import Path

import polars as pl
import pytest

from produktlyft.kernel.errors import InvalidInput
from produktlyft.workflows.importers.csv import read_eventlog_csv
from produktlyft.workflows.importers.parquet import read_eventlog_parquet
from produktlyft.workflows.importers.xes import read_eventlog_xes
from produktlyft.workflows.model import ColumnMapping

TRACE = """  <trace><string key="concept:name" value="c{n}"/>
    <event><string key="concept:name" value="Ansökan"/>
      <date key="time:timestamp" value="2024-03-01T09:00:00.000+01:00"/></event>
    <event><string key="concept:name" value="Beslut"/>
      <date key="time:timestamp" value="2024-03-04T10:30:00.000+01:00"/></event>
  </trace>
"""
XES = (
    '<?xml version="1.0" encoding="UTF-8" ?>\n<log xes.version="1.0" '
    'xmlns="http://www.xes-standard.org/">\n'
    + "".join(TRACE.format(n=n) for n in range(200))
    + "</log>\n"
).encode()
ENGINES = ["auto", "streaming"]


def _message(error: pytest.ExceptionInfo[InvalidInput]) -> str:
    return str(error.value)


def _cut_mid_trace(data: bytes) -> tuple[bytes, int]:
    """The document up to the middle of a trace in its second half, and its last line."""
    at = data.index(b"<event>", data.index(b"<trace>", len(data) // 2)) + 20
    return data[:at], data[:at].count(b"\n") + 1


@pytest.mark.parametrize("engine", ENGINES)
def test_a_gzip_cut_at_half_is_refused(tmp_path: Path, engine: str) -> None:
    packed = gzip.compress(XES)
    path = tmp_path / "cut.xes.gz"
    path.write_bytes(packed[: len(packed) // 2])
    with pytest.raises(InvalidInput) as error:
        read_eventlog_xes(path, ColumnMapping(), engine=engine)
    assert "cut.xes.gz: the compressed file ends unexpectedly at line" in _message(error)
    assert "the XES document is incomplete" in _message(error)
    assert "nothing was imported" in _message(error)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("compressed", [False, True])
def test_xml_cut_mid_trace_is_refused_naming_the_line(
    tmp_path: Path, engine: str, compressed: bool
) -> None:
    cut, line = _cut_mid_trace(XES)
    path = tmp_path / ("cut.xes.gz" if compressed else "cut.xes")
    path.write_bytes(gzip.compress(cut) if compressed else cut)
    with pytest.raises(InvalidInput) as error:
        read_eventlog_xes(path, ColumnMapping(), engine=engine)
    assert (
        f"{path.name}: the file ends unexpectedly at line {line}: the XES document is incomplete"
        in _message(error)
    )


@pytest.mark.parametrize("engine", ENGINES)
def test_a_broken_tag_mid_file_is_refused(tmp_path: Path, engine: str) -> None:
    middle = len(XES) // 2
    path = tmp_path / "broken.xes"
    path.write_bytes(XES[:middle] + XES[middle:].replace(b"</event>", b"</evnt>", 1))
    line = XES[: XES.index(b"</event>", middle)].count(b"\n") + 1
    with pytest.raises(InvalidInput) as error:
        read_eventlog_xes(path, ColumnMapping(), engine=engine)
    assert f"not a well-formed XES file at line {line}, column" in _message(error)
    assert "mismatched tag" in _message(error)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_damaged_gzip_checksum_is_refused(tmp_path: Path, engine: str) -> None:
    packed = bytearray(gzip.compress(XES))
    packed[-8] ^= 0xFF  # the CRC-32 of the trailer
    path = tmp_path / "damaged.xes.gz"
    path.write_bytes(bytes(packed))
    with pytest.raises(InvalidInput) as error:
        read_eventlog_xes(path, ColumnMapping(), engine=engine)
    assert "the compressed data is damaged near line" in _message(error)
    assert "CRC check failed" in _message(error)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_complete_log_still_reads(tmp_path: Path, engine: str) -> None:
    path = tmp_path / "whole.xes.gz"
    path.write_bytes(gzip.compress(XES))
    assert read_eventlog_xes(path, ColumnMapping(), engine=engine).frame.height == 400


CSV = (
    "case;activity;time;who\n"
    "c1;Ansökan;2024-03-01 09:00;anna\n"
    "c1;Beslut;2024-03-02 10:00;bo\n"
    "c2;Ansökan;2024-03-03 09:00;anna\n"
)


@pytest.mark.parametrize("cut", ["c2;Ansö", "c2;Ansökan;2024-03-0", "c2;Ansökan;2024-03-03 09:00"])
def test_a_csv_cut_mid_row_is_a_bad_row(tmp_path: Path, cut: str) -> None:
    path = tmp_path / "cut.csv"
    path.write_text(CSV.rsplit("c2;", 1)[0] + cut, encoding="utf-8")
    fields = cut.count(";") + 1
    missing = ["case", "activity", "time", "who"][fields]
    with pytest.raises(InvalidInput) as error:
        read_eventlog_csv(path, ColumnMapping())
    assert "1 row(s) cannot be parsed" in _message(error)
    assert (
        f"cut.csv, line 4, column '{missing}': the line ends after {fields} of the header's 4 "
        "fields, before this column: the file may be cut short" in _message(error)
    )
    skipped = read_eventlog_csv(path, ColumnMapping(), skip_bad_rows=True)
    assert skipped.bad_rows == 1 and skipped.frame["case_id"].to_list() == ["c1", "c1"]


def test_a_whole_csv_with_or_without_a_last_newline_reads(tmp_path: Path) -> None:
    path = tmp_path / "whole.csv"
    for text in (CSV, CSV.rstrip("\n"), CSV.replace("\n", "\r\n")):
        path.write_text(text, encoding="utf-8", newline="")
        assert read_eventlog_csv(path, ColumnMapping()).frame.height == 3


def test_a_parquet_file_cut_short_is_refused(tmp_path: Path) -> None:
    whole = tmp_path / "whole.parquet"
    pl.DataFrame(
        {
            "case": [f"c{n}" for n in range(500)],
            "activity": ["Ansökan"] * 500,
            "time": ["2024-03-01 09:00"] * 500,
        }
    ).write_parquet(whole)
    data = whole.read_bytes()
    path = tmp_path / "cut.parquet"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(InvalidInput) as error:
        read_eventlog_parquet(path, ColumnMapping())
    assert (
        f"cut.parquet: the file ends unexpectedly after {len(data) // 2:,} bytes: its closing "
        "Parquet footer is missing, so the file is cut short" in _message(error)
    )
    assert "the Parquet file cannot be read; nothing was imported" in _message(error)
    assert read_eventlog_parquet(whole, ColumnMapping()).frame.height == 500
