"""Stored event logs: one canonical Parquet file per upload, under `<data dir>/eventlogs/`.

A file is first written under a temporary name and only renamed into place inside the
transaction that records it, so a failed import leaves neither a row nor a file behind.
"""

from __future__ import annotations

import os
import re
import uuid
from pathlib import Path

import polars as pl

FOLDER = "eventlogs"


class EventLogFiles:
    def __init__(self, data_dir: Path) -> None:
        self.root = data_dir / FOLDER

    def path(self, stored_file: str) -> Path:
        return self.root / Path(stored_file).name

    def new_name(self, log_name: str) -> str:
        slug = re.sub(r"[^A-Za-z0-9_-]+", "-", log_name).strip("-")[:60] or "log"
        return f"{slug}-{uuid.uuid4().hex[:12]}.parquet"

    def write_temporary(self, events: pl.DataFrame) -> Path:
        self.root.mkdir(parents=True, exist_ok=True)
        temporary = self.root / f".incoming-{uuid.uuid4().hex}.parquet"
        try:
            # row groups of ~1M events let later reads skip and stream; zstd level 1 is fast
            events.write_parquet(temporary, compression="zstd", compression_level=1,
                                 row_group_size=1_000_000, statistics=True)
        except BaseException:
            self.discard(temporary)
            raise
        return temporary

    def put_in_place(self, temporary: Path, stored_file: str) -> Path:
        final = self.path(stored_file)
        os.replace(temporary, final)
        return final

    def read(self, stored_file: str, columns: list[str] | None = None) -> pl.DataFrame:
        path = self.path(stored_file)
        if not path.exists():
            raise FileNotFoundError(path)
        return pl.read_parquet(path, columns=columns)

    def discard(self, path: Path | None) -> None:
        if path is not None:
            path.unlink(missing_ok=True)
