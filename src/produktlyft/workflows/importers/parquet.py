"""Event logs from Parquet: typed columns are kept; text timestamps are parsed as for CSV.

A Parquet file keeps its schema and the place of its data in a footer at its very end, behind
the closing `PAR1`; a file cut short has lost it, and is refused as such before polars looks.
"""

from __future__ import annotations

import os
from pathlib import Path

import polars as pl

from produktlyft.kernel.errors import InvalidInput, Issue, wording
from produktlyft.workflows.importers.common import ParsedEventLog
from produktlyft.workflows.importers.lazy import read_lazy
from produktlyft.workflows.model import ColumnMapping

MAGIC = b"PAR1"
CANNOT_READ = wording("the Parquet file cannot be read; nothing was imported")


def _check_ends(path: Path) -> None:
    with path.open("rb") as handle:
        head = handle.read(4)
        size = handle.seek(0, os.SEEK_END)
        handle.seek(max(size - 4, 0))
        tail = handle.read(4)
    if head == MAGIC and tail not in (MAGIC, b"PARE"):
        raise InvalidInput(
            [
                Issue.worded(
                    wording(
                        "the file ends unexpectedly after {size} bytes: its closing Parquet "
                        "footer is missing, so the file is cut short",
                        size=f"{size:,}",
                    ),
                    file=path.name,
                )
            ],
            CANNOT_READ,
        )


def read_eventlog_parquet(
    path: Path, mapping: ColumnMapping, *, skip_bad_rows: bool = False
) -> ParsedEventLog:
    _check_ends(path)
    try:
        pl.read_parquet_schema(path)  # fails fast, and clearly, on a file that is not Parquet
        return read_lazy(
            pl.scan_parquet(path),
            mapping,
            file=path.name,
            fmt="parquet",
            skip_bad_rows=skip_bad_rows,
        )
    except (pl.exceptions.ComputeError, OSError) as error:
        raise InvalidInput(
            [
                Issue.worded(
                    wording(
                        "not a readable Parquet file: {error}",
                        error=str(error).splitlines()[0] if str(error) else error,
                    ),
                    file=path.name,
                )
            ],
            CANNOT_READ,
        ) from error
