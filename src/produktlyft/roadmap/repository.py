"""The roadmap's storage: initiatives (optimistically locked), planning teams, budgets,
settings and saved plans. The only SQL of the area."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from produktlyft.interop.model import TargetInterfaces
from produktlyft.kernel.errors import Conflict, NotFound
from produktlyft.roadmap import tables as t
from produktlyft.roadmap.model import (
    Budget,
    Dependency,
    FindingRef,
    Initiative,
    InitiativeKind,
    PlanningTeam,
    RoadmapSettings,
    SavedPlan,
    Sourcing,
    Unavailable,
)


def _row(initiative: Initiative, actor: str, now: datetime) -> dict[str, Any]:
    source = initiative.source
    return {
        "id": initiative.id,
        "name": initiative.name,
        "kind": initiative.kind.value,
        "description": initiative.description,
        "effort_weeks": initiative.effort_weeks,
        "sourcing": initiative.sourcing.value,
        "teams": list(initiative.teams),
        "cost_sek": initiative.cost_sek,
        "cost_of_delay_sek_per_week": initiative.cost_of_delay_sek_per_week,
        "cost_of_delay_basis": dict(initiative.cost_of_delay_basis),
        "dependencies": [d.model_dump(mode="json") for d in initiative.dependencies],
        "earliest_start": initiative.earliest_start,
        "deadline": initiative.deadline,
        "deadline_reason": initiative.deadline_reason,
        "system_ids": list(initiative.system_ids),
        "capability_ids": list(initiative.capability_ids),
        "target_interfaces": initiative.target_interfaces.value,
        "target_standards": initiative.target_standards,
        "source_kind": source.kind if source else None,
        "source_key": source.key if source else None,
        "source_run_id": source.run_id if source else None,
        "changed_by": actor,
        "changed_at": now,
    }


def _initiative(row: Any) -> Initiative:
    source = (
        FindingRef(kind=row.source_kind, key=row.source_key, run_id=row.source_run_id)
        if row.source_kind and row.source_key
        else None
    )
    return Initiative(
        id=row.id,
        name=row.name,
        kind=InitiativeKind.parse(row.kind),
        description=row.description,
        effort_weeks=row.effort_weeks,
        sourcing=Sourcing.parse(row.sourcing),
        teams=list(row.teams or []),
        cost_sek=row.cost_sek,
        cost_of_delay_sek_per_week=row.cost_of_delay_sek_per_week,
        cost_of_delay_basis={str(k): str(v) for k, v in (row.cost_of_delay_basis or {}).items()},
        dependencies=[Dependency.model_validate(d) for d in row.dependencies or []],
        earliest_start=row.earliest_start,
        deadline=row.deadline,
        deadline_reason=row.deadline_reason,
        system_ids=list(row.system_ids or []),
        capability_ids=list(row.capability_ids or []),
        target_interfaces=TargetInterfaces.parse(row.target_interfaces or "not_stated"),
        target_standards=row.target_standards,
        source=source,
        row_version=row.row_version,
    )


class RoadmapRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    # --- initiatives ------------------------------------------------------------------------
    def initiatives(self) -> list[Initiative]:
        table = t.roadmap_initiatives
        return [_initiative(r) for r in self.connection.execute(select(table).order_by(table.c.id))]

    def initiative(self, initiative_id: str) -> Initiative | None:
        table = t.roadmap_initiatives
        row = self.connection.execute(select(table).where(table.c.id == initiative_id)).first()
        return _initiative(row) if row else None

    def insert(self, initiatives: Sequence[Initiative], actor: str, now: datetime) -> None:
        rows = [{**_row(i, actor, now), "row_version": 1} for i in initiatives]
        for start in range(0, len(rows), 200):
            self.connection.execute(insert(t.roadmap_initiatives), rows[start : start + 200])

    def replace(self, initiatives: Sequence[Initiative], actor: str, now: datetime) -> None:
        """Overwrite stored initiatives, bumping their version (imports win over edits)."""
        table = t.roadmap_initiatives
        for initiative in initiatives:
            row = _row(initiative, actor, now)
            row.pop("id")
            self.connection.execute(
                update(table)
                .where(table.c.id == initiative.id)
                .values(**row, row_version=table.c.row_version + 1)
            )

    def update_checked(
        self, initiative: Initiative, expected_version: int, actor: str, now: datetime
    ) -> None:
        """Save an edit only if nobody saved the initiative since `expected_version`."""
        table = t.roadmap_initiatives
        row = _row(initiative, actor, now)
        row.pop("id")
        result = self.connection.execute(
            update(table)
            .where(table.c.id == initiative.id, table.c.row_version == expected_version)
            .values(**row, row_version=expected_version + 1)
        )
        if result.rowcount != 1:
            if self.initiative(initiative.id) is None:
                raise NotFound(f"no initiative with id '{initiative.id}'")
            raise Conflict(f"'{initiative.id}' was changed by someone else since you opened it")

    def delete(self, ids: Sequence[str]) -> int:
        table = t.roadmap_initiatives
        result = self.connection.execute(delete(table).where(table.c.id.in_(list(ids))))
        return int(result.rowcount or 0)

    def sources(self) -> dict[tuple[str, str], str]:
        """(finding kind, key) -> the id of the initiative drafted from it."""
        table = t.roadmap_initiatives
        query = select(table.c.id, table.c.source_kind, table.c.source_key).where(
            table.c.source_kind.is_not(None)
        )
        return {(r.source_kind, r.source_key): r.id for r in self.connection.execute(query)}

    # --- teams, budgets, settings ------------------------------------------------------------
    def teams(self) -> list[PlanningTeam]:
        table = t.roadmap_teams
        return [
            PlanningTeam(
                id=r.id,
                name=r.name,
                sourcing=Sourcing.parse(r.sourcing),
                capacity_per_week=r.capacity_per_week,
                unavailable=[Unavailable.model_validate(u) for u in r.unavailable or []],
            )
            for r in self.connection.execute(select(table).order_by(table.c.id))
        ]

    def set_teams(self, teams: Sequence[PlanningTeam], actor: str, now: datetime) -> None:
        table = t.roadmap_teams
        ids = [team.id for team in teams]
        if ids:
            self.connection.execute(delete(table).where(table.c.id.in_(ids)))
            self.connection.execute(
                insert(table),
                [
                    {
                        "id": team.id,
                        "name": team.name,
                        "sourcing": team.sourcing.value,
                        "capacity_per_week": team.capacity_per_week,
                        "unavailable": [u.model_dump(mode="json") for u in team.unavailable],
                        "set_by": actor,
                        "set_at": now,
                    }
                    for team in teams
                ],
            )

    def budgets(self) -> list[Budget]:
        table = t.roadmap_budgets
        query = select(table).order_by(table.c.year)
        return [Budget(year=r.year, limit_sek=r.limit_sek) for r in self.connection.execute(query)]

    def set_budgets(self, budgets: Sequence[Budget], actor: str, now: datetime) -> None:
        table = t.roadmap_budgets
        years = [b.year for b in budgets]
        if years:
            self.connection.execute(delete(table).where(table.c.year.in_(years)))
            self.connection.execute(
                insert(table),
                [
                    {"year": b.year, "limit_sek": b.limit_sek, "set_by": actor, "set_at": now}
                    for b in budgets
                ],
            )

    def settings(self) -> RoadmapSettings:
        table = t.roadmap_settings
        values = {r.key: r.value for r in self.connection.execute(select(table))}
        return RoadmapSettings.model_validate(
            {
                key: value
                for key, value in values.items()
                if key in RoadmapSettings.model_fields and value != ""
            }
        )

    def set_settings(self, settings: RoadmapSettings, actor: str, now: datetime) -> None:
        table = t.roadmap_settings
        self.connection.execute(delete(table))
        values = settings.model_dump(mode="json")
        self.connection.execute(
            insert(table),
            [
                {"key": key, "value": "" if v is None else str(v), "set_by": actor, "set_at": now}
                for key, v in values.items()
            ],
        )

    # --- plans -------------------------------------------------------------------------------
    def save_plan(self, plan: SavedPlan) -> int:
        row = plan.model_dump(mode="json", exclude={"id"})
        row["created_at"] = plan.created_at
        row["plan_start"] = plan.plan_start
        result = self.connection.execute(insert(t.roadmap_plans).values(**row))
        key = result.inserted_primary_key
        return int(key[0]) if key else 0

    def latest_plan(self) -> SavedPlan | None:
        table = t.roadmap_plans
        latest = self.connection.scalar(select(func.max(table.c.id)))
        if latest is None:
            return None
        row = self.connection.execute(select(table).where(table.c.id == latest)).one()
        return SavedPlan.model_validate(row._asdict())

    def plans_made(self) -> int:
        return int(self.connection.scalar(select(func.count()).select_from(t.roadmap_plans)) or 0)
