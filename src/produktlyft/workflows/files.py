"""Stored event logs: one folder per upload under `<data dir>/eventlogs/`, holding the
canonical log as two Parquet files (see analytics.eventlog.canonical):

- `events.parquet`: one row per event in canonical order (activity, timestamp, case_start and
  the other attributes);
- `cases.parquet`: one row per case in the same order (case id, variant number);
- `events_sql.parquet`, written the first time an SQL engine (DuckDB, Spark) analyses the log:
  the plain event table its queries read, one row per event with its case id (see
  `analysis/sql.py`). A stored log never changes, so neither does this table.

The folder is first written under a temporary name and only renamed into place inside the
transaction that records it, so a failed import leaves neither a row nor a file behind.
"""

from __future__ import annotations

import os
import re
import shutil
import uuid
from collections.abc import Callable
from pathlib import Path

import polars as pl

# polars reports a failed write as a ComputeError ending "(os error 28)": the errno it carries
_OS_ERROR = re.compile(r"\(os error (\d+)\)")


def write_parquet(frame: pl.DataFrame, path: Path, *, statistics: bool = True) -> None:
    """Write `frame` as Parquet: snappy, the fastest of the compressions (zstd-1 is 30 % slower
    for 10 % smaller files), in row groups of 1M events that readers (ours, DuckDB, Spark) can
    split the work by. A write the system refused (a full disk, a file-size limit, a read-only
    folder) raises the OSError it was, naming the file, as a write with `open` does, so the
    CLI and the web app report it as the operator's to fix instead of a bug (issue 15)."""
    try:
        frame.write_parquet(
            path, compression="snappy", row_group_size=1_000_000, statistics=statistics
        )
    except pl.exceptions.PolarsError as error:
        found = _OS_ERROR.search(str(error))
        if found is None:
            raise
        code = int(found.group(1))
        raise OSError(code, os.strerror(code), str(path)) from error


FOLDER = "eventlogs"
EVENTS = "events.parquet"
CASES = "cases.parquet"
SQL_EVENTS = "events_sql.parquet"


class EventLogFiles:
    def __init__(self, data_dir: Path) -> None:
        self.root = data_dir / FOLDER

    def path(self, stored_file: str) -> Path:
        return self.root / Path(stored_file).name

    def new_name(self, log_name: str) -> str:
        slug = re.sub(r"[^A-Za-z0-9_-]+", "-", log_name).strip("-")[:60] or "log"
        return f"{slug}-{uuid.uuid4().hex[:12]}"

    def write_temporary(self, events: pl.DataFrame, cases: pl.DataFrame) -> Path:
        temporary = self.root / f".incoming-{uuid.uuid4().hex}"
        temporary.mkdir(parents=True)
        try:
            for frame, name in ((events, EVENTS), (cases, CASES)):
                write_parquet(frame, temporary / name, statistics=False)
        except BaseException:
            self.discard(temporary)
            raise
        return temporary

    def put_in_place(self, temporary: Path, stored_file: str) -> Path:
        final = self.path(stored_file)
        os.replace(temporary, final)
        return final

    def read(
        self,
        stored_file: str,
        event_columns: list[str] | None = None,
    ) -> tuple[pl.DataFrame, pl.DataFrame]:
        folder = self.path(stored_file)
        if not (folder / EVENTS).exists():
            raise FileNotFoundError(folder)
        return (
            pl.read_parquet(folder / EVENTS, columns=event_columns),
            pl.read_parquet(folder / CASES),
        )

    def sql_table(self, stored_file: str, build: Callable[[], pl.DataFrame]) -> Path:
        """The event table the SQL engines read, beside the stored log: built and written on
        first use, under a temporary name renamed into place, so a reader never sees half a
        file and two first analyses at once both end with a whole one."""
        folder = self.path(stored_file)
        table = folder / SQL_EVENTS
        if not table.exists():
            temporary = folder / f".{SQL_EVENTS}-{uuid.uuid4().hex}"
            try:
                write_parquet(build(), temporary)
                os.replace(temporary, table)
            finally:
                temporary.unlink(missing_ok=True)
        return table

    def size(self, stored: Path) -> int:
        return sum(child.stat().st_size for child in stored.iterdir())

    def discard(self, path: Path | None) -> None:
        if path is None or not path.exists():
            return
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
