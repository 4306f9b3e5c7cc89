"""The decision register and the decision-rights matrix."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from produktlyft.decisions import tables as d
from produktlyft.decisions.model import (
    Decision,
    DecisionKind,
    DecisionLevel,
    DecisionRight,
    Outcome,
)


def _decision(row: Any) -> Decision:
    return Decision(
        id=row.id,
        title=row.title,
        description=row.description,
        team=row.team,
        kind=DecisionKind.parse(row.kind),
        level=DecisionLevel.parse(row.level),
        proposed_on=row.proposed_on,
        decided_on=row.decided_on,
        outcome=Outcome.parse(row.outcome),
        notes=row.notes,
        source=row.source,
    )


class DecisionRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def upsert(self, decisions: Sequence[Decision], actor: str, day: date) -> tuple[int, int]:
        """Insert new decisions and overwrite known ones (by id); (created, updated)."""
        table = d.decisions
        known = set(
            self.connection.scalars(
                select(table.c.id).where(table.c.id.in_([x.id for x in decisions]))
            )
        )
        if known:
            self.connection.execute(delete(table).where(table.c.id.in_(known)))
        rows = [
            {
                **x.model_dump(mode="python"),
                "kind": x.kind.value,
                "level": x.level.value,
                "outcome": x.outcome.value,
                "recorded_by": actor,
                "recorded_on": day,
            }
            for x in decisions
        ]
        for start in range(0, len(rows), 500):
            self.connection.execute(insert(table), rows[start : start + 500])
        return len(decisions) - len(known), len(known)

    def all(self) -> list[Decision]:
        table = d.decisions
        query = select(table).order_by(table.c.proposed_on, table.c.id)
        return [_decision(row) for row in self.connection.execute(query)]

    def set_rights(self, rights: Sequence[DecisionRight], actor: str, day: date) -> None:
        table = d.decision_rights
        for right in rights:
            self.connection.execute(
                delete(table).where(table.c.team == right.team, table.c.kind == right.kind.value)
            )
        if rights:
            self.connection.execute(
                insert(table),
                [
                    {
                        "team": r.team,
                        "kind": r.kind.value,
                        "level": r.level.value,
                        "set_by": actor,
                        "set_on": day,
                    }
                    for r in rights
                ],
            )

    def rights(self) -> list[DecisionRight]:
        table = d.decision_rights
        query = select(table).order_by(table.c.team, table.c.kind)
        return [
            DecisionRight(
                team=row.team,
                kind=DecisionKind.parse(row.kind),
                level=DecisionLevel.parse(row.level),
            )
            for row in self.connection.execute(query)
        ]
