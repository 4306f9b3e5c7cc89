"""Storage of the outcomes area (the only SQL): deployments and incidents per team, services
and their monthly KPI values, key results, and the area's settings."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, Table, delete, insert, select, tuple_

from produktlyft.outcomes import tables as o
from produktlyft.outcomes.model import (
    Deployment,
    Incident,
    KeyResult,
    Kpi,
    KpiValue,
    OutcomeSettings,
    Reason,
    Service,
    Verdict,
)

_BATCH = 500


def _utc(value: datetime | None) -> datetime | None:
    """SQLite gives back naive datetimes; every stored time is UTC."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class OutcomeRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def _replace(self, table: Table, keys: list[str], rows: list[dict[str, Any]]) -> int:
        """Insert rows, overwriting those with the same key; the number that were new."""
        columns = [table.c[k] for k in keys]
        wanted = [tuple(r[k] for k in keys) for r in rows]
        known = 0
        for start in range(0, len(wanted), _BATCH):
            chunk = wanted[start : start + _BATCH]
            known += self.connection.execute(
                delete(table).where(tuple_(*columns).in_(chunk))
            ).rowcount
        for start in range(0, len(rows), _BATCH):
            self.connection.execute(insert(table), rows[start : start + _BATCH])
        return len(rows) - known

    # deployments and incidents

    def save_deployments(self, deployments: Sequence[Deployment], actor: str, day: date) -> int:
        rows = [
            {**d.model_dump(), "imported_by": actor, "imported_on": day}
            for d in {(d.team, d.id): d for d in deployments}.values()
        ]
        return self._replace(o.outcome_deployments, ["team", "id"], rows)

    def save_incidents(self, incidents: Sequence[Incident], actor: str, day: date) -> int:
        rows = [
            {**i.model_dump(), "imported_by": actor, "imported_on": day}
            for i in {(i.team, i.id): i for i in incidents}.values()
        ]
        return self._replace(o.outcome_incidents, ["team", "id"], rows)

    def deployments(self, team: str | None = None) -> list[Deployment]:
        t = o.outcome_deployments
        query = select(t).order_by(t.c.deployed_at, t.c.id)
        if team is not None:
            query = query.where(t.c.team == team)
        return [
            Deployment(
                id=r.id,
                team=r.team,
                environment=r.environment,
                deployed_at=_utc(r.deployed_at),
                committed_at=_utc(r.committed_at),
                failed=r.failed,
                rework=r.rework,
                ref=r.ref,
                source=r.source,
            )
            for r in self.connection.execute(query)
        ]

    def incidents(self, team: str | None = None) -> list[Incident]:
        t = o.outcome_incidents
        query = select(t).order_by(t.c.opened_at, t.c.id)
        if team is not None:
            query = query.where(t.c.team == team)
        return [
            Incident(
                id=r.id,
                team=r.team,
                opened_at=_utc(r.opened_at),
                resolved_at=_utc(r.resolved_at),
                deployment_id=r.deployment_id,
                source=r.source,
            )
            for r in self.connection.execute(query)
        ]

    def teams(self) -> list[str]:
        t = o.outcome_deployments
        return list(self.connection.scalars(select(t.c.team).distinct().order_by(t.c.team)))

    # services and KPI values

    def save_service(self, service: Service) -> None:
        self._replace(o.outcome_services, ["id"], [service.model_dump()])

    def services(self) -> list[Service]:
        t = o.outcome_services
        return [
            Service(id=r.id, name=r.name, event_log=r.event_log)
            for r in self.connection.execute(select(t).order_by(t.c.name, t.c.id))
        ]

    def save_kpi_values(self, values: Sequence[KpiValue], actor: str, day: date) -> int:
        rows = [
            {**v.model_dump(), "kpi": v.kpi.value, "recorded_by": actor, "recorded_on": day}
            for v in {(v.service_id, v.kpi, v.period_start): v for v in values}.values()
        ]
        return self._replace(o.outcome_kpi_values, ["service_id", "kpi", "period_start"], rows)

    def kpi_values(self, service_id: str | None = None) -> list[KpiValue]:
        t = o.outcome_kpi_values
        query = select(t).order_by(t.c.service_id, t.c.kpi, t.c.period_start)
        if service_id is not None:
            query = query.where(t.c.service_id == service_id)
        return [
            KpiValue(
                service_id=r.service_id,
                kpi=Kpi.parse(r.kpi),
                period_start=r.period_start,
                value=r.value,
                source=r.source,
            )
            for r in self.connection.execute(query)
        ]

    # key results

    def save_key_results(self, results: Sequence[KeyResult], actor: str, day: date) -> int:
        rows = [
            {
                **k.model_dump(exclude={"reasons", "verdict"}),
                "verdict": k.verdict.value,
                "reasons": [r.model_dump() for r in k.reasons],
                "recorded_by": actor,
                "recorded_on": day,
            }
            for k in results
        ]
        return self._replace(o.outcome_key_results, ["id"], rows)

    def key_results(self) -> list[KeyResult]:
        t = o.outcome_key_results
        query = select(t).order_by(t.c.quarter, t.c.team, t.c.objective, t.c.id)
        return [
            KeyResult(
                id=r.id,
                team=r.team,
                quarter=r.quarter,
                objective=r.objective,
                text=r.text,
                metric=r.metric,
                baseline=r.baseline,
                target=r.target,
                due=r.due,
                verdict=Verdict.parse(r.verdict),
                reasons=tuple(Reason.model_validate(x) for x in r.reasons),
            )
            for r in self.connection.execute(query)
        ]

    # settings

    def settings(self) -> OutcomeSettings:
        t = o.outcome_settings
        stored = {row.key: row.value for row in self.connection.execute(select(t.c.key, t.c.value))}
        return OutcomeSettings.model_validate(stored)

    def save_settings(self, settings: OutcomeSettings) -> None:
        self.connection.execute(delete(o.outcome_settings))
        self.connection.execute(
            insert(o.outcome_settings),
            [{"key": k, "value": str(v)} for k, v in settings.model_dump().items()],
        )
