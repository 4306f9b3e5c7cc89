"""The audit log read a page at a time, filtered: it is the inventory's change log (which
records every write and every sign-in), read here for administrators."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, func, select

from produktlyft.accounts.model import AuditKind
from produktlyft.inventory.changes import Action, Change
from produktlyft.inventory.tables import change_log as log

KIND_ACTIONS: dict[AuditKind, tuple[Action, ...]] = {
    AuditKind.CHANGES: (Action.CREATE, Action.UPDATE, Action.DELETE),
    AuditKind.SIGN_INS: (Action.SIGN_IN, Action.SIGN_OUT),
    AuditKind.FAILED_SIGN_INS: (Action.SIGN_IN_FAILED,),
}


class AuditLogRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def count(
        self, kind: AuditKind, actor: str | None, start: datetime | None, end: datetime | None
    ) -> int:
        query = select(func.count()).select_from(log).where(*_where(kind, actor, start, end))
        return int(self.connection.scalar(query) or 0)

    def page(
        self,
        kind: AuditKind,
        actor: str | None,
        start: datetime | None,
        end: datetime | None,
        *,
        limit: int,
        offset: int,
    ) -> list[Change]:
        """Newest first; LIMIT/OFFSET on the (at, pk) order, which the index on `at` serves."""
        query = (
            select(log)
            .where(*_where(kind, actor, start, end))
            .order_by(log.c.at.desc(), log.c.pk.desc())
            .limit(limit)
            .offset(offset)
        )
        return [_change(row) for row in self.connection.execute(query).mappings()]


def _where(
    kind: AuditKind, actor: str | None, start: datetime | None, end: datetime | None
) -> Sequence[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if kind in KIND_ACTIONS:
        conditions.append(log.c.action.in_([action.value for action in KIND_ACTIONS[kind]]))
    if actor:
        conditions.append(log.c.actor == actor)
    if start is not None:
        conditions.append(log.c.at >= start)
    if end is not None:
        conditions.append(log.c.at < end)
    return [and_(*conditions)] if conditions else []


def _change(row: Any) -> Change:
    return Change.model_validate({key: row[key] for key in Change.model_fields})
