"""Pooled PostgreSQL connections are asked whether they are alive only after sitting idle:
a connection the server ended meanwhile is replaced without the reader seeing an error, and
a connection used a moment ago costs no extra round trip. Reads run without BEGIN/ROLLBACK."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import event, text

from produktlyft.kernel.db import Database
from produktlyft.kernel.db.liveness import ping_idle_connections


@pytest.fixture
def pooled(postgres_url: str) -> Iterator[Database]:
    database = Database(postgres_url, pool_size=1)
    yield database
    database.dispose()


def _backend(database: Database) -> int:
    with database.reading() as uow:
        return int(uow.connection.scalar(text("SELECT pg_backend_pid()")))


def _statements(database: Database) -> list[str]:
    seen: list[str] = []
    event.listen(
        database.engine,
        "before_cursor_execute",
        lambda _c, _cur, statement, *_: seen.append(statement),
    )
    return seen


def test_a_connection_the_server_ended_while_idle_is_replaced(
    pooled: Database, postgres_url: str
) -> None:
    ping_idle_connections(pooled.engine, idle_seconds=0.0)  # every connection counts as idle
    first = _backend(pooled)
    admin = Database.for_tests(postgres_url)
    try:
        with admin.engine.connect() as connection:
            connection.execute(text(f"SELECT pg_terminate_backend({first})"))
    finally:
        admin.dispose()
    assert _backend(pooled) != first  # no error: the ping found it dead, the pool replaced it


def test_a_busy_connection_is_not_pinged_and_reads_open_no_transaction(
    pooled: Database,
) -> None:
    _backend(pooled)  # the pool's one connection, just used
    seen = _statements(pooled)
    with pooled.reading() as uow:
        uow.connection.scalar(text("SELECT 1 + 1"))
    assert seen == ["SELECT 1 + 1"]
    with pooled.reading() as uow:
        in_transaction = uow.connection.exec_driver_sql("SELECT now() = statement_timestamp()")
        assert in_transaction.scalar() is True  # autocommit: each statement is its own
