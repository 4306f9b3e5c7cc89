"""The append-only record of who changed what, used for change history and the audit log."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select

from produktlyft.inventory import tables as t
from produktlyft.inventory.changes import Change


class ChangeLogRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def append(self, changes: Sequence[Change]) -> None:
        rows = [change.model_dump(mode="python") for change in changes]
        for start in range(0, len(rows), 500):
            self.connection.execute(insert(t.change_log), rows[start : start + 500])

    def history(self, entity: str, entity_id: str, limit: int = 100) -> list[Change]:
        log = t.change_log
        query = (
            select(log)
            .where(log.c.entity == entity, log.c.entity_id == entity_id)
            .order_by(log.c.at.desc(), log.c.pk.desc())
            .limit(limit)
        )
        return [_change(row) for row in self.connection.execute(query).mappings()]

    def recent(self, limit: int = 100, since: datetime | None = None) -> list[Change]:
        log = t.change_log
        query = select(log).order_by(log.c.at.desc(), log.c.pk.desc()).limit(limit)
        if since is not None:
            query = query.where(log.c.at >= since)
        return [_change(row) for row in self.connection.execute(query).mappings()]


def _change(row: Any) -> Change:
    return Change.model_validate({key: row[key] for key in Change.model_fields})
