"""Event logs from CSV: every column is read as text, then mapped and converted.

polars fills the missing fields of a short row with empty values, so a file cut short mid-row
would import its last row in part; the last line is therefore counted against the header, and
a short one is a bad row like any other.
"""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

import polars as pl

from produktlyft.kernel.errors import InvalidInput, Issue, wording
from produktlyft.workflows.importers.common import CutShort, ParsedEventLog
from produktlyft.workflows.importers.lazy import read_lazy
from produktlyft.workflows.model import ColumnMapping

SEPARATORS = (",", ";", "\t", "|")
TAIL = 1 << 16  # a last line longer than this is not checked


def sniff_separator(path: Path) -> str:
    with path.open("rb") as handle:
        header = handle.readline().decode("utf-8", errors="replace")
    counts = {separator: header.count(separator) for separator in SEPARATORS}
    return max(counts, key=lambda separator: counts[separator])


def _fields(line: bytes, separator: str) -> list[str]:
    text = line.decode("utf-8", errors="replace")
    return next(csv.reader(io.StringIO(text), delimiter=separator), [])


def last_line_cut_short(path: Path, separator: str) -> CutShort | None:
    """The last line's shortfall when it has fewer fields than the header. A last line with an
    odd number of quotes ends a field spanning lines (or an unclosed one, which polars refuses)
    and is not judged."""
    with path.open("rb") as handle:
        header = _fields(handle.readline(), separator)
        header_end = handle.tell()
        start = max(handle.seek(0, io.SEEK_END) - TAIL, header_end)
        handle.seek(start)
        tail = handle.read().rstrip(b"\r\n")
    if start > header_end and b"\n" not in tail:
        return None
    line = tail.rsplit(b"\n", 1)[-1]
    if not line or line.count(b'"') % 2:
        return None
    fields = _fields(line, separator)
    if len(fields) >= len(header):
        return None
    return CutShort(header[len(fields)], len(fields), len(header))


def read_eventlog_csv(
    path: Path, mapping: ColumnMapping, *, skip_bad_rows: bool = False
) -> ParsedEventLog:
    """Read a CSV event log (UTF-8, a header row; comma, semicolon, tab or bar separated)."""
    _refuse_utf16(path)
    separator = sniff_separator(path)
    cut_short = last_line_cut_short(path, separator)
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
            cut_short=cut_short,
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
