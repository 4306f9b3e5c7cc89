"""Change records: what was created, updated or deleted, by whom and from which source."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from produktlyft.inventory.model import Record


class Action(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    # account events, for the audit log
    SIGN_IN = "sign_in"
    SIGN_IN_FAILED = "sign_in_failed"
    SIGN_OUT = "sign_out"


class Change(BaseModel):
    model_config = ConfigDict(frozen=True)

    at: datetime
    actor: str
    entity: str
    entity_id: str
    action: Action
    source: str | None = None
    # field -> [before, after]; empty for deletions
    changes: dict[str, Any] = Field(default_factory=dict)

    @field_validator("at")
    @classmethod
    def _in_utc(cls, at: datetime) -> datetime:
        # Times are written in UTC; SQLite hands them back without their zone, and an
        # RFC 3339 date-time (the API's promise) needs one.
        return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


def diff(before: Record | None, after: Record | None) -> dict[str, list[Any]]:
    """Field-level differences between two versions of a record, as [old, new] pairs."""
    old = before.content() if before is not None else {}
    new = after.content() if after is not None else {}
    return {
        field: [old.get(field), new.get(field)]
        for field in sorted(set(old) | set(new))
        if field != "id" and old.get(field) != new.get(field)
    }
