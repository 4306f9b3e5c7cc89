"""Storage faults a person can fix: a full disk, a read-only database file or folder.

SQLite and PostgreSQL report these as driver errors that would otherwise surface as an internal
error; they are told apart here by the driver's error code, so the CLI can say which path
cannot be written and the web app can answer with a page instead of a 500.
"""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path

from sqlalchemy.exc import DBAPIError

# SQLite's primary result codes (the low byte of the extended code)
_SQLITE_READONLY = 8
_SQLITE_IOERR_WRITE = 10 | (3 << 8)
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
# PostgreSQL's SQLSTATEs: class 53 is "insufficient resources" (53100 disk full);
# 25006 is a write in a read-only transaction (a hot standby, default_transaction_read_only)
_PG_FULL = {"53100", "53000"}
_PG_READ_ONLY = {"25006"}
# Another writer held the database past the wait: SQLite's BUSY and LOCKED after its busy
# timeout; PostgreSQL's lock not available, serialisation failure and deadlock. Nothing was
# written and the same request succeeds a moment later.
_SQLITE_BUSY = {5, 6}
_PG_BUSY = {"55P03", "40001", "40P01"}


class Fault(Enum):
    FULL = "full"
    READ_ONLY = "read_only"


REASONS = {
    Fault.FULL: "the disk is full or the file has reached its size limit",
    Fault.READ_ONLY: "the file or its folder is read-only",
}
# PostgreSQL's files are the database server's: no file or folder of the user's is to blame
SERVER_REASONS = {
    Fault.FULL: "the database server's disk is full",
    Fault.READ_ONLY: "the database is read-only (a standby server, or set read-only)",
}


def _sqlite_fault(code: int, folder: Path | None) -> Fault | None:
    primary = code & 0xFF
    if primary == _SQLITE_FULL:
        return Fault.FULL
    if primary == _SQLITE_READONLY:
        return Fault.READ_ONLY
    if code == _SQLITE_IOERR_WRITE:
        # a write cut short: EFBIG past the process's file-size limit, a quota, or ENOSPC
        # where the file system reports it as an I/O error
        return Fault.FULL
    if primary == _SQLITE_CANTOPEN and folder is not None and not os.access(folder, os.W_OK):
        # in WAL mode SQLite must create its -wal and -shm files beside the database
        return Fault.READ_ONLY
    return None


def classify(error: DBAPIError, sqlite_file: Path | None) -> Fault | None:
    """The storage fault behind a driver error, or None for any other error."""
    original = error.orig
    code = getattr(original, "sqlite_errorcode", None)
    if isinstance(code, int):
        return _sqlite_fault(code, sqlite_file.parent if sqlite_file else None)
    state = getattr(original, "sqlstate", None)
    if state in _PG_FULL:
        return Fault.FULL
    if state in _PG_READ_ONLY:
        return Fault.READ_ONLY
    return None


def is_busy(error: DBAPIError) -> bool:
    """Whether another writer held the database too long: transient, worth trying again."""
    original = error.orig
    code = getattr(original, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in _SQLITE_BUSY
    return getattr(original, "sqlstate", None) in _PG_BUSY
