"""The web app's migration creates exactly the tables and indexes the metadata declares."""

from __future__ import annotations

from produktlyft.kernel.db import Database
from produktlyft.kernel.db.testing import schema_differences


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
