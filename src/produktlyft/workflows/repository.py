"""Reads and writes event-log metadata and the activity-to-system mapping."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, delete, insert, select

from produktlyft.inventory.tables import systems
from produktlyft.kernel.errors import Conflict, NotFound
from produktlyft.workflows.model import ActivitySystem, EventLogInfo
from produktlyft.workflows.tables import activity_systems, event_logs


class WorkflowRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def exists(self, name: str) -> bool:
        return (
            self.connection.scalar(select(event_logs.c.pk).where(event_logs.c.name == name))
            is not None
        )

    def add(self, info: EventLogInfo) -> None:
        if self.exists(info.name):
            raise Conflict(
                f"an event log named '{info.name}' already exists; choose another name with --name"
            )
        self.connection.execute(insert(event_logs).values(**info.model_dump()))

    def get(self, name: str) -> EventLogInfo:
        row = (
            self.connection.execute(select(event_logs).where(event_logs.c.name == name))
            .mappings()
            .first()
        )
        if row is None:
            known = ", ".join(info.name for info in self.all()) or "none yet"
            raise NotFound(f"no event log named '{name}'; stored logs: {known}")
        return _info(dict(row))

    def all(self) -> list[EventLogInfo]:
        rows = self.connection.execute(select(event_logs).order_by(event_logs.c.name)).mappings()
        return [_info(dict(row)) for row in rows]

    def delete(self, name: str) -> EventLogInfo:
        info = self.get(name)
        self.connection.execute(delete(event_logs).where(event_logs.c.name == name))
        return info

    def map_activity(self, activity: str, system_id: str) -> None:
        if self.connection.scalar(select(systems.c.id).where(systems.c.id == system_id)) is None:
            raise NotFound(f"no system with id '{system_id}' in the inventory")
        present = self.connection.scalar(
            select(activity_systems.c.pk).where(
                (activity_systems.c.activity == activity)
                & (activity_systems.c.system_id == system_id)
            )
        )
        if present is None:
            self.connection.execute(
                insert(activity_systems).values(activity=activity, system_id=system_id)
            )

    def unmap_activity(self, activity: str, system_id: str) -> bool:
        result = self.connection.execute(
            delete(activity_systems).where(
                (activity_systems.c.activity == activity)
                & (activity_systems.c.system_id == system_id)
            )
        )
        return bool(result.rowcount)

    def activity_systems(self) -> list[ActivitySystem]:
        rows = self.connection.execute(
            select(activity_systems.c.activity, activity_systems.c.system_id).order_by(
                activity_systems.c.activity, activity_systems.c.system_id
            )
        )
        return [ActivitySystem(activity=row.activity, system_id=row.system_id) for row in rows]


def _info(row: dict[str, Any]) -> EventLogInfo:
    row.pop("pk", None)
    return EventLogInfo.model_validate(row)
