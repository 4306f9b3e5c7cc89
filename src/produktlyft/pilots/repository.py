"""Pilot registrations, amendments, uploaded series and evaluations."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from produktlyft.pilots import tables as p
from produktlyft.pilots.model import (
    Amendment,
    Direction,
    Evaluation,
    Event,
    Pilot,
    PilotRegistration,
    SeriesValue,
)


def _aware(moment: datetime) -> datetime:
    """SQLite gives back naive datetimes; every stored moment is UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _plan_row(plan: PilotRegistration) -> dict[str, Any]:
    return {
        **plan.model_dump(mode="python", exclude={"comparison_teams", "events", "direction"}),
        "comparison_teams": list(plan.comparison_teams),
        "events": [{"day": e.day.isoformat(), "text": e.text} for e in plan.events],
        "direction": plan.direction.value,
    }


def _plan(row: Any) -> PilotRegistration:
    return PilotRegistration(
        id=row.id,
        name=row.name,
        hypothesis=row.hypothesis,
        metric=row.metric,
        pilot_team=row.pilot_team,
        comparison_teams=tuple(row.comparison_teams or ()),
        pre_start=row.pre_start,
        pre_end=row.pre_end,
        post_start=row.post_start,
        post_end=row.post_end,
        min_effect=row.min_effect,
        direction=Direction.parse(row.direction),
        events=tuple(Event.model_validate(e) for e in row.events or ()),
    )


class PilotRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def get(self, pilot_id: str) -> Pilot | None:
        row = self.connection.execute(select(p.pilots).where(p.pilots.c.id == pilot_id)).first()
        if row is None:
            return None
        return Pilot(
            plan=_plan(row),
            registered_by=row.registered_by,
            registered_at=_aware(row.registered_at),
            amendments=tuple(self.amendments(pilot_id)),
        )

    def all(self) -> list[Pilot]:
        ids = self.connection.scalars(select(p.pilots.c.id).order_by(p.pilots.c.post_start))
        return [pilot for pilot in (self.get(i) for i in list(ids)) if pilot is not None]

    def insert(self, plan: PilotRegistration, actor: str, at: datetime) -> None:
        self.connection.execute(
            insert(p.pilots), {**_plan_row(plan), "registered_by": actor, "registered_at": at}
        )

    def replace(self, plan: PilotRegistration) -> None:
        row = _plan_row(plan)
        del row["id"]
        self.connection.execute(update(p.pilots).where(p.pilots.c.id == plan.id).values(**row))

    def add_amendments(self, amendments: Sequence[Amendment]) -> None:
        if amendments:
            self.connection.execute(
                insert(p.pilot_amendments), [a.model_dump(mode="python") for a in amendments]
            )

    def amendments(self, pilot_id: str) -> list[Amendment]:
        table = p.pilot_amendments
        query = select(table).where(table.c.pilot_id == pilot_id).order_by(table.c.pk)
        return [
            Amendment(
                pilot_id=r.pilot_id,
                at=_aware(r.at),
                by=r.by,
                field=r.field,
                old=r.old,
                new=r.new,
                reason=r.reason,
            )
            for r in self.connection.execute(query)
        ]

    def replace_series(self, pilot_id: str, values: Sequence[SeriesValue]) -> None:
        table = p.pilot_series
        self.connection.execute(delete(table).where(table.c.pilot_id == pilot_id))
        if values:
            self.connection.execute(
                insert(table),
                [{"pilot_id": pilot_id, **v.model_dump(mode="python")} for v in values],
            )

    def series(self, pilot_id: str) -> list[SeriesValue]:
        table = p.pilot_series
        query = (
            select(table)
            .where(table.c.pilot_id == pilot_id)
            .order_by(table.c.team, table.c.period_start)
        )
        return [
            SeriesValue(team=r.team, period_start=r.period_start, value=r.value)
            for r in self.connection.execute(query)
        ]

    def save_evaluation(self, evaluation: Evaluation, at: datetime) -> None:
        table = p.pilot_evaluations
        self.connection.execute(delete(table).where(table.c.pilot_id == evaluation.pilot_id))
        self.connection.execute(
            insert(table),
            {
                "pilot_id": evaluation.pilot_id,
                "evaluated_at": at,
                "document": evaluation.model_dump(mode="json"),
            },
        )

    def evaluation(self, pilot_id: str) -> Evaluation | None:
        table = p.pilot_evaluations
        row = self.connection.execute(select(table).where(table.c.pilot_id == pilot_id)).first()
        return None if row is None else Evaluation.model_validate(row.document)

    def evaluations(self) -> list[Evaluation]:
        rows = self.connection.execute(select(p.pilot_evaluations))
        return [Evaluation.model_validate(r.document) for r in rows]
