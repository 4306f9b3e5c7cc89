"""The web app's migration creates exactly the tables and indexes the metadata declares."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from produktlyft.accounts import service
from produktlyft.kernel.access import Role
from produktlyft.kernel.db import Database
from produktlyft.kernel.db.testing import schema_differences
from tests.conftest import make_context


def test_migrations_match_the_declared_schema(database: Database) -> None:
    assert schema_differences(database) == []


def test_the_list_indexes_exist(database: Database) -> None:
    from produktlyft.kernel.db.testing import index_names

    names = index_names(database, "systems")
    assert {
        "ix_systems_lower_name_id",
        "ix_systems_criticality_name",
        "ix_systems_lifecycle_name",
        "ix_systems_hosting_name",
        "ix_systems_owning_unit_id_name",
    } <= names


def test_the_list_indexes_carry_the_name_on_postgresql(database: Database) -> None:
    """PostgreSQL reads a page's ids from an expression index alone only when the column under
    the expression is in it too (migration 0019); SQLite has no INCLUDE and needs none."""
    if database.is_sqlite:
        return
    with database.engine.connect() as connection:
        definitions = dict(
            connection.execute(
                text(
                    "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'systems' "
                    "AND indexname LIKE 'ix_systems_%name%'"
                )
            ).all()
        )
    listed = [name for name in definitions if name != "ix_systems_name"]
    assert len(listed) == 5
    assert all(definitions[name].endswith("INCLUDE (name)") for name in listed), definitions


def test_a_database_from_before_session_generations_upgrades(tmp_path: Path) -> None:
    """Accounts made before revision 0010 keep their password and start at generation 0."""
    database = Database.for_tests(f"sqlite:///{tmp_path / 'old.db'}")
    try:
        assert database.migrate("0009_review_reasons") == (None, "0009_review_reasons")
        with database.engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO users (name, role, password_hash, disabled, created_at) "
                    "VALUES ('anna', 'editor', :hash, false, CURRENT_TIMESTAMP)"
                ),
                {"hash": service._hasher.hash("ett långt lösenord")},
            )
        before, after = database.migrate()
        # up to the newest revision, whichever later areas' migrations follow 0010
        assert before == "0009_review_reasons" and after >= "0010_session_generation"
        assert database.is_current()
        assert schema_differences(database) == []
        ctx = make_context(database, role=Role.VIEWER, name="?")
        account = service.sign_in(ctx, "anna", "ett långt lösenord", "127.0.0.1")
        assert account.session_generation == 0 and account.role is Role.EDITOR
        service.sign_out(ctx.as_actor(account.actor()), "127.0.0.1")
        later = service.account_for_session(database, "anna", ctx.caches)
        assert later is not None and later.session_generation == 1
    finally:
        database.dispose()
