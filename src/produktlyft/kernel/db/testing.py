"""Helpers for tests that need scratch databases; kept here because only storage talks SQL."""

from __future__ import annotations

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from produktlyft.kernel.db.database import Database, normalise_url
from produktlyft.kernel.db.schema import metadata


def _admin_engine(url: str):  # type: ignore[no-untyped-def]
    return create_engine(normalise_url(url), isolation_level="AUTOCOMMIT")


def create_scratch_database(admin_url: str, name: str) -> str:
    engine = _admin_engine(admin_url)
    with engine.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return (
        make_url(normalise_url(admin_url)).set(database=name).render_as_string(hide_password=False)
    )


def drop_scratch_database(admin_url: str, name: str) -> None:
    engine = _admin_engine(admin_url)
    with engine.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


def empty_all_tables(database: Database) -> None:
    """Delete every row, children first, keeping the schema and its migration stamp."""
    with database.engine.begin() as connection:
        for table in reversed(metadata.sorted_tables):
            connection.execute(table.delete())


def schema_differences(database: Database) -> list[object]:
    """What Alembic's autogenerate would still change: empty when migrations match the tables.
    Expression indexes cannot be compared by Alembic and are left out (see `index_names`)."""
    import warnings

    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with database.engine.connect() as connection, warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*expression-based index.*")
        warnings.filterwarnings("ignore", message=".*functional index.*")
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diff = compare_metadata(context, metadata)
    return [item for item in diff if not _is_expression_index(item)]


def _is_expression_index(item: object) -> bool:
    index = item[1] if isinstance(item, tuple) and len(item) > 1 else None
    expressions = getattr(index, "expressions", [])
    return any(not hasattr(expression, "name") for expression in expressions)


def index_names(database: Database, table: str) -> set[str]:
    """Names of a table's indexes, expression indexes included (reflection skips those)."""
    query = (
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = :table"
        if database.is_sqlite
        else "SELECT indexname FROM pg_indexes WHERE tablename = :table"
    )
    with database.engine.connect() as connection:
        return {str(name) for name in connection.scalars(text(query), {"table": table})}
