"""Table data out of and into the database for `produktlyft backup` and `restore`.

Rows travel as plain JSON values, decoded again by each column's type, so a backup made on
SQLite restores into PostgreSQL and the reverse. Tables come in the dependency order of the
shared metadata (parents first); a restore writes every row in one transaction with foreign
keys checked at commit, and moves PostgreSQL's sequences past the restored keys.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, date, datetime
from decimal import Decimal
from itertools import islice
from typing import Any

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Integer, Table, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.types import JSON, Date, DateTime, LargeBinary, Numeric, TypeEngine

from produktlyft.kernel.db.database import Database
from produktlyft.kernel.db.schema import metadata
from produktlyft.kernel.errors import ProduktlyftError

BATCH = 1000


def _encode(kind: TypeEngine[Any], value: Any) -> Any:
    """A column's value as JSON: dates and times as ISO text (naive times of a zoned column
    are UTC, as SQLite hands them back), bytes as base64, decimals as text."""
    if value is None or isinstance(kind, JSON):
        return value
    if isinstance(value, datetime):
        if getattr(kind, "timezone", False) and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, Decimal):
        return str(value)
    return value


def _decode(kind: TypeEngine[Any], value: Any) -> Any:
    if value is None or isinstance(kind, JSON):
        return value
    if isinstance(kind, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(kind, Date):
        return date.fromisoformat(value)
    if isinstance(kind, LargeBinary):
        return base64.b64decode(value)
    if isinstance(kind, Numeric) and kind.asdecimal:
        return Decimal(value)
    return value


def schema_revisions() -> list[str]:
    """Every revision this version knows, oldest first."""
    from alembic.config import Config

    from produktlyft.kernel.db.database import MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    script = ScriptDirectory.from_config(config)
    return [revision.revision for revision in reversed(list(script.walk_revisions()))]


def _revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


class Snapshot:
    """One consistent read of every table (a single read transaction)."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.revision = _revision(connection)

    @staticmethod
    def table_names() -> list[str]:
        return [table.name for table in metadata.sorted_tables]

    def rows(self, name: str) -> Iterator[dict[str, Any]]:
        table = metadata.tables[name]
        order = list(table.primary_key.columns) or list(table.columns)
        result = self.connection.execution_options(yield_per=BATCH).execute(
            select(table).order_by(*order)
        )
        for row in result.mappings():
            yield {column.name: _encode(column.type, row[column.name]) for column in table.columns}


@contextmanager
def snapshot(database: Database) -> Iterator[Snapshot]:
    with database.engine.connect() as connection:
        if not database.is_sqlite:  # every table as of one moment while others write
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            yield Snapshot(connection)


def target_state(database: Database) -> tuple[str | None, dict[str, int]]:
    """The target's schema revision and the rows in each table that has any, leaving out the
    rows a new database is given by its migrations (tables marked `seeded_by_migration`)."""
    with database._connect() as connection:  # an unreachable server is a user error
        revision = _revision(connection)
        if revision is None:
            return None, {}
        counts = {
            table.name: int(connection.scalar(select(func.count()).select_from(table)) or 0)
            for table in metadata.sorted_tables
            if not table.info.get("seeded_by_migration")
        }
    return revision, {name: count for name, count in counts.items() if count}


def restore_rows(
    database: Database,
    tables: Iterable[str],
    rows_of: Callable[[str], Iterator[dict[str, Any]]],
    *,
    before_commit: Callable[[dict[str, int]], None],
) -> dict[str, int]:
    """Write every table's rows in one transaction, in place of any there (the caller has
    checked that deleting them is wanted);
    `before_commit` is given the rows written per table and runs last inside it, so a failure
    there undoes every row too. A row the database refuses is reported as a user error."""
    names = list(tables)
    written: dict[str, int] = {}
    table = ""
    try:
        with database.engine.connect() as connection, connection.begin():
            _defer_foreign_keys(connection, database.is_sqlite)
            for each in reversed(metadata.sorted_tables):
                connection.execute(each.delete())
            for table in names:
                written[table] = _insert(connection, metadata.tables[table], rows_of(table))
            table = ""
            if not database.is_sqlite:
                _reset_sequences(connection, [metadata.tables[name] for name in names])
            before_commit(written)
    except (DBAPIError, ValueError, TypeError, KeyError) as error:
        where = f"the rows of table {table}" if table else "the rows"
        reason = getattr(error, "orig", None) or error
        raise ProduktlyftError(
            f"{where} could not be written ({type(reason).__name__}: {reason}); "
            "the restore was undone, nothing was written"
        ) from error
    return written


def _defer_foreign_keys(connection: Connection, is_sqlite: bool) -> None:
    # parents come first, but a table that refers to itself (units, capabilities) may list a
    # child before its parent; every such key is deferrable, so check them all at commit
    if is_sqlite:
        connection.execute(text("PRAGMA defer_foreign_keys = ON"))
    else:
        connection.execute(text("SET CONSTRAINTS ALL DEFERRED"))


def _insert(connection: Connection, table: Table, rows: Iterator[Mapping[str, Any]]) -> int:
    columns = {column.name: column.type for column in table.columns}
    count = 0
    while batch := list(islice(rows, BATCH)):
        decoded = [
            {name: _decode(columns[name], value) for name, value in row.items()} for row in batch
        ]
        connection.execute(table.insert(), decoded)
        count += len(decoded)
    return count


def _reset_sequences(connection: Connection, tables: list[Table]) -> None:
    """Next keys follow the restored ones (PostgreSQL keeps sequences apart from rows)."""
    for table in tables:
        for column in table.primary_key.columns:
            if not isinstance(column.type, Integer) or column.autoincrement is False:
                continue
            sequence = connection.scalar(
                text("SELECT pg_get_serial_sequence(:table, :column)"),
                {"table": table.name, "column": column.name},
            )
            if sequence is None:
                continue
            highest = connection.scalar(select(func.max(column)))
            connection.execute(
                text("SELECT setval(:sequence, :value, :called)"),
                {"sequence": sequence, "value": highest or 1, "called": highest is not None},
            )
