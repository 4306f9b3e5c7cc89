"""Event logs from Parquet: typed columns are kept; text timestamps are parsed as for CSV."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from produktlyft.domain.errors import InvalidInput, Issue
from produktlyft.importers.eventlog_common import (
    ColumnMapping,
    ParsedEventLog,
    categorical_columns,
    finish,
)


def read_eventlog_parquet(path: Path, mapping: ColumnMapping, *,
                          skip_bad_rows: bool = False) -> ParsedEventLog:
    try:
        schema = pl.read_parquet_schema(path)
        text = [column for column in categorical_columns(list(schema), mapping, path.name)
                if schema[column] == pl.String]
        raw = (pl.scan_parquet(path)
               .with_columns(pl.col(column).cast(pl.Categorical) for column in text).collect())
    except (pl.exceptions.ComputeError, OSError) as error:
        raise InvalidInput([Issue(file=path.name, message=f"not a readable Parquet file: "
                                  f"{str(error).splitlines()[0] if str(error) else error}")],
                           "the Parquet file cannot be read; nothing was imported") from error
    return finish(raw, mapping, file=path.name, fmt="parquet", skip_bad_rows=skip_bad_rows)
