"""Engine creation, SQLite tuning, migrations and the unit of work.

SQLite is the embedded default: WAL mode lets the web app read while an import writes, and
foreign keys must be switched on per connection. PostgreSQL is selected by URL.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pydantic_core
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.pool import NullPool

from produktlyft.kernel.db.faults import REASONS, SERVER_REASONS, classify, is_busy
from produktlyft.kernel.db.liveness import ping_idle_connections
from produktlyft.kernel.db.unit_of_work import UnitOfWork
from produktlyft.kernel.errors import ProduktlyftError

MIGRATIONS = Path(__file__).parent / "migrations"


def json_text(value: object) -> str:
    """How every JSON column is written, on both databases.

    pydantic's serializer, not `json.dumps`: it writes a review's 27 MB of evidence and
    assessments in half the time, and it takes pydantic records as they are, so a repository
    hands a record's nested fields over without first turning them into dicts (review's
    `save_run`; 2.8 -> 1.9 s for 10,000 systems). Text is UTF-8 rather than ASCII escapes and
    NaN stays NaN, as before; the values read back are the same."""
    return pydantic_core.to_json(value).decode()


class DatabaseUnavailable(ProduktlyftError):
    pass


class DatabaseNotInitialised(ProduktlyftError):
    pass


class DatabaseNotWritable(DatabaseUnavailable):
    """The disk is full or the database (or its folder) is read-only: nothing was written."""


class DatabaseBusy(DatabaseUnavailable):
    """Another writer (an import, say) held the database longer than the wait allows:
    nothing was written, and the same request can be tried again in a moment."""


def normalise_url(url: str) -> str:
    """Accept plain `postgresql://` URLs and use the psycopg 3 driver for them."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url.removeprefix("postgres://")
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


# How long a SQLite write waits for another writer (an import holds the lock for seconds)
# before it gives up with DatabaseBusy.
SQLITE_BUSY_TIMEOUT_MS = 10_000


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    # keep the working set in memory: list pages of 10,000 systems read many rows
    cursor.execute("PRAGMA cache_size=-65536")
    cursor.execute("PRAGMA mmap_size=268435456")
    cursor.execute("PRAGMA temp_store=MEMORY")
    cursor.close()


_HEAD: list[str | None] = []


def _head_revision(config: Config) -> str | None:
    """The newest revision shipped. Alembic finds it by compiling every migration file (tens
    of ms); the files are part of the installed package, so it is found once per process,
    and /healthz, which asks on every probe, costs one small query (issue 15)."""
    if not _HEAD:
        _HEAD.append(ScriptDirectory.from_config(config).get_current_head())
    return _HEAD[0]


class Database:
    """One database, addressed by URL."""

    def __init__(self, url: str, *, echo: bool = False, pool_size: int = 5) -> None:
        self.url = normalise_url(url)
        parsed = make_url(self.url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        self.sqlite_file = Path(parsed.database) if self.is_sqlite and parsed.database else None
        # A connection opened beyond the pool is closed again after one use; for PostgreSQL
        # that is a new server process per request, so the pool is sized to the concurrency.
        kwargs: dict[str, Any] = {
            "echo": echo,
            "future": True,
            "pool_size": pool_size,
            "max_overflow": pool_size,
            "json_serializer": json_text,
        }
        if self.is_sqlite:
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
            if parsed.database in (None, "", ":memory:"):
                raise ProduktlyftError("an in-memory SQLite database cannot be shared; use a file")
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        self.engine: Engine = create_engine(self.url, **kwargs)
        if self.is_sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas)
        else:
            ping_idle_connections(self.engine)

    @classmethod
    def for_tests(cls, url: str) -> Database:
        """A database whose connections are not pooled, so tests can drop it cleanly."""
        database = cls(url)
        database.engine = create_engine(database.url, poolclass=NullPool, json_serializer=json_text)
        if database.is_sqlite:
            event.listen(database.engine, "connect", _sqlite_pragmas)
        return database

    @property
    def display_url(self) -> str:
        return make_url(self.url).render_as_string(hide_password=True)

    def _alembic_config(self, connection: Connection) -> Config:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = connection
        return config

    def migrate(self, target: str = "head") -> tuple[str | None, str]:
        """Upgrade to the newest schema (or to the revision `target`, for tests of an
        upgrade); return (revision before, revision after)."""
        with self._connect() as connection:
            before = MigrationContext.configure(connection).get_current_revision()
            command.upgrade(self._alembic_config(connection), target)
            connection.commit()
            after = MigrationContext.configure(connection).get_current_revision()
        return before, after or ""

    def is_current(self) -> bool:
        with self._connect() as connection:
            current = MigrationContext.configure(connection).get_current_revision()
            return current == _head_revision(self._alembic_config(connection))

    def require_current(self) -> None:
        # Asking Alembic compiles every migration file (~20 ms); once the schema is known to
        # be current it stays so for this process, so hot paths such as answering skip it.
        if getattr(self, "_known_current", False):
            return
        if not self.is_current():
            raise DatabaseNotInitialised(
                f"the database {self.display_url} is missing or out of date; "
                "run `produktlyft init` first"
            )
        self._known_current = True

    @contextmanager
    def _connect(self) -> Iterator[Connection]:
        try:
            connection = self.engine.connect()
        except OperationalError as error:
            self._raise_if_not_writable(error)
            raise DatabaseUnavailable(
                f"cannot reach the database {self.display_url}: {error.orig}"
            ) from error
        with connection, self._storage_faults():
            yield connection

    def _raise_if_not_writable(self, error: DBAPIError) -> None:
        if is_busy(error):
            raise DatabaseBusy(
                f"the database {self.display_url} is busy with another write (an import or a "
                "review, say); nothing was written, try again in a moment"
            ) from error
        fault = classify(error, self.sqlite_file)
        if fault is not None:
            where = str(self.sqlite_file) if self.sqlite_file else self.display_url
            reason = (REASONS if self.is_sqlite else SERVER_REASONS)[fault]
            # PostgreSQL adds a HINT line ("Check free disk space."): the message stays one line
            said = (str(error.orig).strip().splitlines() or [""])[0]
            raise DatabaseNotWritable(
                f"cannot write to the database {where}: {reason} ({said}); nothing was written"
            ) from error

    @contextmanager
    def _storage_faults(self) -> Iterator[None]:
        """A full disk or a read-only file becomes a user error naming the path; any other
        driver error stays what it is."""
        try:
            yield
        except DBAPIError as error:
            self._raise_if_not_writable(error)
            raise

    @contextmanager
    def unit_of_work(self, *, rollback_only: bool = False) -> Iterator[UnitOfWork]:
        """A transaction: committed when the block ends normally, rolled back on any error.
        With `rollback_only` it is always rolled back: a dry run sees its own writes only."""
        with self._connect() as connection:
            transaction = connection.begin()
            try:
                yield UnitOfWork(connection)
            except BaseException:
                transaction.rollback()
                raise
            if rollback_only:
                transaction.rollback()
            else:
                transaction.commit()

    @contextmanager
    def reading(self) -> Iterator[UnitOfWork]:
        """Reads only: no commit is attempted. On PostgreSQL the reads run without a
        transaction: at its READ COMMITTED level each statement sees its own snapshot either
        way, and the BEGIN and ROLLBACK were two of a list page's round trips (issue 15).
        SQLite keeps its transaction: there it holds one snapshot for all the reads."""
        with self._connect() as connection:
            if not self.is_sqlite:
                connection = connection.execution_options(isolation_level="AUTOCOMMIT")
            yield UnitOfWork(connection)
            if self.is_sqlite:
                connection.rollback()

    def dispose(self) -> None:
        self.engine.dispose()
