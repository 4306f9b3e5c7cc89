"""Event logs from CSV: every column is read as text, then mapped and converted."""

from __future__ import annotations

import codecs
from pathlib import Path

import polars as pl

from produktlyft.kernel.errors import InvalidInput, Issue, wording
from produktlyft.workflows.importers.common import ParsedEventLog
from produktlyft.workflows.importers.lazy import read_lazy
from produktlyft.workflows.model import ColumnMapping

SEPARATORS = (",", ";", "\t", "|")


def sniff_separator(path: Path) -> str:
    with path.open("rb") as handle:
        header = handle.readline().decode("utf-8", errors="replace")
    counts = {separator: header.count(separator) for separator in SEPARATORS}
    return max(counts, key=lambda separator: counts[separator])


def read_eventlog_csv(
    path: Path, mapping: ColumnMapping, *, skip_bad_rows: bool = False
) -> ParsedEventLog:
    """Read a CSV event log (UTF-8, a header row; comma, semicolon, tab or bar separated)."""
    _refuse_utf16(path)
    separator = sniff_separator(path)
    try:
        scan = pl.scan_csv(path, separator=separator, infer_schema=False, encoding="utf8")
        # line 1 is the header, so data row 0 is line 2
        return read_lazy(
            scan,
            mapping,
            file=path.name,
            fmt="csv",
            skip_bad_rows=skip_bad_rows,
            first_row=2,
            row_unit="line",
        )
    except (pl.exceptions.ComputeError, pl.exceptions.NoDataError) as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
        raise InvalidInput(
            [Issue(file=path.name, message=f"cannot read the CSV: {first_line}")],
            "the CSV file cannot be read; nothing was imported",
        ) from error


def _refuse_utf16(path: Path) -> None:
    """Excel's "Unicode text" is UTF-16, which would read as columns of noise; event logs are
    streamed as UTF-8, so a UTF-16 file is sent back to be saved again."""
    with path.open("rb") as handle:
        head = handle.read(2)
    if head in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        raise InvalidInput(
            [
                Issue.worded(
                    wording(
                        "the file is UTF-16 text; event logs are read as UTF-8: save it "
                        "again as CSV UTF-8"
                    ),
                    file=path.name,
                )
            ],
            wording("the CSV file cannot be read; nothing was imported"),
        )
