"""The wins log."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from produktlyft.wins import tables as w
from produktlyft.wins.model import Source, Status, Win


def _aware(moment: datetime | None) -> datetime | None:
    """SQLite gives back naive datetimes; every stored moment is UTC."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def _win(row: Any) -> Win:
    return Win(
        id=row.id,
        title=row.title,
        what_changed=row.what_changed,
        outcome=row.outcome,
        team=row.team,
        day=row.day,
        source=Source.parse(row.source),
        source_ref=row.source_ref,
        status=Status.parse(row.status),
        decided_by=row.decided_by,
        decided_at=_aware(row.decided_at),
    )


class WinRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def save(self, win: Win) -> None:
        table = w.wins
        self.connection.execute(delete(table).where(table.c.id == win.id))
        row = win.model_dump(mode="python")
        row.update(source=win.source.value, status=win.status.value)
        self.connection.execute(insert(table), row)

    def get(self, win_id: str) -> Win | None:
        row = self.connection.execute(select(w.wins).where(w.wins.c.id == win_id)).first()
        return None if row is None else _win(row)

    def all(self, status: Status | None = None) -> list[Win]:
        query = select(w.wins).order_by(w.wins.c.day.desc(), w.wins.c.id)
        if status is not None:
            query = query.where(w.wins.c.status == status.value)
        return [_win(row) for row in self.connection.execute(query)]
