"""Tables of the web app: accounts, API tokens and the login rate-limit record."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, Index, Integer, String, Table, Text, func

from produktlyft.inventory.tables import systems
from produktlyft.kernel.db.schema import metadata

users = Table(
    "users",
    metadata,
    Column("name", String(200), primary_key=True),
    Column("display_name", Text),
    Column("role", String(20), nullable=False),
    # argon2id hash; NULL for people who only sign in through OpenID Connect
    Column("password_hash", Text),
    Column("oidc_issuer", Text),
    Column("oidc_subject", String(255), unique=True),
    Column("disabled", Boolean, nullable=False, default=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_login_at", DateTime(timezone=True)),
    # raised by logout, role change (and any password change or disabling): a session stores
    # the value it signed in with and ends when it no longer matches
    Column("session_generation", Integer, nullable=False, default=0, server_default="0"),
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("name", String(200), nullable=False),
    # SHA-256 of the token: tokens are 256 random bits, so a slow hash adds nothing
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("prefix", String(12), nullable=False),
    Column("user_name", String(200)),
    Column("role", String(20), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("created_by", String(200), nullable=False),
    Column("last_used_at", DateTime(timezone=True)),
    Column("revoked_at", DateTime(timezone=True)),
)

login_failures = Table(
    "login_failures",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    # "user:<name>" or "addr:<client address>"
    Column("key", String(255), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)
Index("ix_login_failures_key_at", login_failures.c.key, login_failures.c.at)
Index("ix_login_failures_at", login_failures.c.at)

# The systems list sorts by name case-insensitively and pages with LIMIT: with these indexes
# the database reads one page of rows instead of sorting every system, also when one of the
# common filters is set. On PostgreSQL they also carry the name (migration 0019), so that the
# page's ids come from the index alone.
Index(
    "ix_systems_lower_name_id",
    func.lower(systems.c.name),
    systems.c.id,
    postgresql_include=["name"],
)
for _column in ("owning_unit_id", "criticality", "lifecycle", "hosting"):
    Index(
        f"ix_systems_{_column}_name",
        systems.c[_column],
        func.lower(systems.c.name),
        systems.c.id,
        postgresql_include=["name"],
    )
