"""The relational schema; Alembic migrations are generated from it and checked against it.

Records are keyed by their external id. Foreign keys are deferred to commit time so an import
can write a batch in any order and still be checked as a whole.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
)

from produktlyft.kernel.db.schema import metadata

ID = 200  # longest external id we accept, enough for Backstage refs and ArchiMate ids


def _fk(target: str, *, cascade: bool = False) -> ForeignKey:
    return ForeignKey(
        target,
        ondelete="CASCADE" if cascade else "SET NULL",
        deferrable=True,
        initially="DEFERRED",
    )


def _record_columns() -> list[Column[object]]:
    """Columns every record has: its id, free properties, provenance and the lock version."""
    return [
        Column("id", String(ID), primary_key=True),
        Column("properties", JSON, nullable=False, default=dict),
        Column("prov_source", Text),
        Column("prov_location", Text),
        Column("prov_imported_at", DateTime(timezone=True)),
        Column("prov_changed_by", String(200)),
        Column("prov_changed_at", DateTime(timezone=True)),
        Column("row_version", Integer, nullable=False, default=1),
    ]


def _dates(prefix: str) -> list[Column[object]]:
    return [
        Column(f"{prefix}_{phase}", Date)
        for phase in ("plan", "phase_in", "active", "phase_out", "end_of_life")
    ]


units = Table(
    "units",
    metadata,
    *_record_columns(),
    Column("name", Text, nullable=False),
    Column("kind", String(40)),
    Column("parent_id", String(ID), _fk("units.id")),
)

capabilities = Table(
    "capabilities",
    metadata,
    *_record_columns(),
    Column("name", Text, nullable=False),
    Column("description", Text),
    Column("parent_id", String(ID), _fk("capabilities.id")),
)

technologies = Table(
    "technologies",
    metadata,
    *_record_columns(),
    Column("name", Text, nullable=False),
    Column("version", String(100)),
    Column("vendor", Text),
    Column("kind", String(40)),
)

data_objects = Table(
    "data_objects",
    metadata,
    *_record_columns(),
    Column("name", Text, nullable=False),
    Column("description", Text),
    Column("classification", String(40)),
    Column("personal_data", String(40)),
)

systems = Table(
    "systems",
    metadata,
    *_record_columns(),
    Column("name", Text, nullable=False),
    Column("description", Text),
    Column("tags", JSON, nullable=False, default=list),
    Column("owning_unit_id", String(ID), _fk("units.id"), index=True),
    Column("system_owner", Text),
    Column("technical_owner", Text),
    Column("vendor", Text),
    Column("lifecycle", String(40), index=True),
    *_dates("internal"),
    *_dates("vendor"),
    Column("criticality", String(40), index=True),
    Column("users", Integer),
    Column("hosting", String(40), index=True),
    Column("annual_operating_cost", Float),
    Column("annual_licence_cost", Float),
    Column("data_classification", String(40)),
    Column("personal_data", String(40)),
    Column("accessibility", String(40)),
    Column("civil_servants", Float),
    Column("contractors", Float),
    Column("technical_fit", String(40)),
)
Index("ix_systems_name", systems.c.name)

system_capabilities = Table(
    "system_capabilities",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("system_id", String(ID), _fk("systems.id", cascade=True), nullable=False, index=True),
    Column(
        "capability_id",
        String(ID),
        _fk("capabilities.id", cascade=True),
        nullable=False,
        index=True,
    ),
    Column("unit_id", String(ID), _fk("units.id", cascade=True)),
    Column("fit", String(40)),
    Column("position", Integer, nullable=False, default=0),
)

system_technologies = Table(
    "system_technologies",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("system_id", String(ID), _fk("systems.id", cascade=True), nullable=False, index=True),
    Column(
        "technology_id",
        String(ID),
        _fk("technologies.id", cascade=True),
        nullable=False,
        index=True,
    ),
    Column("position", Integer, nullable=False, default=0),
)

data_uses = Table(
    "data_uses",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("system_id", String(ID), _fk("systems.id", cascade=True), nullable=False, index=True),
    Column(
        "data_object_id",
        String(ID),
        _fk("data_objects.id", cascade=True),
        nullable=False,
        index=True,
    ),
    Column("access", String(40)),
    Column("position", Integer, nullable=False, default=0),
)

integrations = Table(
    "integrations",
    metadata,
    *_record_columns(),
    Column("source_id", String(ID), _fk("systems.id", cascade=True), nullable=False, index=True),
    Column("target_id", String(ID), _fk("systems.id", cascade=True), nullable=False, index=True),
    Column("name", Text),
    Column("description", Text),
    Column("direction", String(40)),
    Column("kind", String(40)),
    Column("open_standard", Boolean),
)

contracts = Table(
    "contracts",
    metadata,
    *_record_columns(),
    Column("name", Text, nullable=False),
    Column("supplier", Text),
    Column("scope", Text),
    Column("start_date", Date),
    Column("end_date", Date, index=True),
    Column("extension_options", Text),
    Column("latest_end_date", Date),
    Column("value", Float),
    Column("notice_period_months", Integer),
    Column("exit_clause", Boolean),
    Column("data_return_format", Text),
    Column("ip_owner", String(40)),
)

contract_systems = Table(
    "contract_systems",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column(
        "contract_id", String(ID), _fk("contracts.id", cascade=True), nullable=False, index=True
    ),
    Column("system_id", String(ID), _fk("systems.id", cascade=True), nullable=False, index=True),
    Column("position", Integer, nullable=False, default=0),
)

teams = Table(
    "teams",
    metadata,
    *_record_columns(),
    Column("name", Text, nullable=False),
    Column("unit_id", String(ID), _fk("units.id")),
    Column("description", Text),
    Column("products", JSON, nullable=False, default=list),
)

team_systems = Table(
    "team_systems",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("team_id", String(ID), _fk("teams.id", cascade=True), nullable=False, index=True),
    Column("system_id", String(ID), _fk("systems.id", cascade=True), nullable=False, index=True),
    Column("position", Integer, nullable=False, default=0),
)

change_log = Table(
    "change_log",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False, index=True),
    Column("actor", String(200), nullable=False),
    Column("entity", String(40), nullable=False),
    Column("entity_id", String(ID), nullable=False),
    Column("action", String(20), nullable=False),
    Column("source", Text),
    Column("changes", JSON, nullable=False, default=dict),
)
Index("ix_change_log_entity", change_log.c.entity, change_log.c.entity_id)

# One data version per area, replaced in the same transaction as every write to that area's
# tables (InventoryRepository does it for the inventory). Readers compare it with the version
# their cached pages were built at: one primary-key read instead of the queries behind a page.
data_versions = Table(
    "data_versions",
    metadata,
    Column("area", String(40), primary_key=True),
    Column("version", BigInteger, nullable=False, default=0),
    # the migration writes its first row, so a restore does not count it as data
    info={"seeded_by_migration": True},
)
