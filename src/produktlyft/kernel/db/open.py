"""Opening and migrating the database, for entry points that must not import storage."""

from __future__ import annotations

from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.db import Database


def open_database(url: str, pool_size: int = 5) -> Database:
    return Database(url, pool_size=pool_size)


def initialise_database(ctx: ServiceContext) -> tuple[str | None, str]:
    """Create or upgrade the schema; return the revisions before and after."""
    ctx.actor.require(Permission.ADMINISTER)
    return ctx.database.migrate()
