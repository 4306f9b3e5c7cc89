"""Event logs from Parquet: typed columns are kept; text timestamps are parsed as for CSV."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from produktlyft.kernel.errors import InvalidInput, Issue
from produktlyft.workflows.importers.common import ParsedEventLog
from produktlyft.workflows.importers.lazy import read_lazy
from produktlyft.workflows.model import ColumnMapping


def read_eventlog_parquet(
    path: Path, mapping: ColumnMapping, *, skip_bad_rows: bool = False
) -> ParsedEventLog:
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
                Issue(
                    file=path.name,
                    message=f"not a readable Parquet file: "
                    f"{str(error).splitlines()[0] if str(error) else error}",
                )
            ],
            "the Parquet file cannot be read; nothing was imported",
        ) from error
