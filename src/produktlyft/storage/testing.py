"""Helpers for tests that need scratch databases; kept here because only storage talks SQL."""

from __future__ import annotations

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from produktlyft.storage.database import Database, normalise_url
from produktlyft.storage.schema import metadata


def _admin_engine(url: str):  # type: ignore[no-untyped-def]
    return create_engine(normalise_url(url), isolation_level="AUTOCOMMIT")


def create_scratch_database(admin_url: str, name: str) -> str:
    engine = _admin_engine(admin_url)
    with engine.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return make_url(normalise_url(admin_url)).set(database=name).render_as_string(
        hide_password=False)


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
