"""Whether the service can do its work: for operators' health checks."""

from __future__ import annotations

from produktlyft.kernel.db import Database, DatabaseUnavailable


def check_health(database: Database) -> dict[str, str]:
    try:
        current = database.is_current()
    except DatabaseUnavailable:
        return {"status": "degraded", "database": "unavailable"}
    return {"status": "ok", "database": "ok", "schema": "current" if current else "outdated"}
