"""A PostgreSQL database that refuses writes is not blamed on a file or folder of the user's:
its files are the database server's (issue 15: "the file or its folder is read-only" was said
of a read-only PostgreSQL database), and the message is one line (PostgreSQL's HINT line made
it two on a full disk)."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import DBAPIError

from produktlyft.kernel.db import Database
from produktlyft.kernel.db.database import DatabaseNotWritable


class _DriverError(Exception):
    def __init__(self, message: str, sqlstate: str) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate


@pytest.mark.parametrize(
    ("sqlstate", "words"),
    [
        ("25006", "the database is read-only"),
        ("53100", "the database server's disk is full"),
    ],
)
def test_a_postgresql_storage_fault_names_the_database_not_a_file(
    sqlstate: str, words: str
) -> None:
    database = Database("postgresql://someone@127.0.0.1:1/inventory")  # never connected
    said = (
        'could not extend file "base/1/2": No space left on device\nHINT:  Check free disk space.'
    )
    error = DBAPIError("INSERT", {}, _DriverError(said, sqlstate))
    with pytest.raises(DatabaseNotWritable) as raised, database._storage_faults():
        raise error
    message = str(raised.value)
    assert words in message and "/inventory" in message, message
    assert "folder" not in message and "its size limit" not in message, message
    assert "\n" not in message and "No space left on device" in message, message  # one line
    database.dispose()


class _SqliteError(Exception):
    def __init__(self, code: int) -> None:
        super().__init__("database is locked")
        self.sqlite_errorcode = code


@pytest.mark.parametrize(
    ("original", "busy"),
    [
        (_SqliteError(5), True),  # SQLITE_BUSY after the busy timeout
        (_SqliteError(5 | (2 << 8)), True),  # SQLITE_BUSY_SNAPSHOT
        (_SqliteError(6), True),  # SQLITE_LOCKED
        (_SqliteError(13), False),  # SQLITE_FULL is a storage fault, not a wait
        (_DriverError("lock timeout", "55P03"), True),
        (_DriverError("could not serialize access", "40001"), True),
        (_DriverError("deadlock detected", "40P01"), True),
        (_DriverError("disk full", "53100"), False),
    ],
)
def test_another_writer_holding_the_database_is_told_apart(original: Exception, busy: bool) -> None:
    from produktlyft.kernel.db.faults import is_busy

    assert is_busy(DBAPIError("UPDATE …", {}, original)) is busy
