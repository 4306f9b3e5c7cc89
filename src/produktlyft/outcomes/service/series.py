"""`team_series`: one metric over time, for a team's DORA metric or a service's KPI."""

from __future__ import annotations

from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import InvalidInput, Issue, wording
from produktlyft.outcomes.model import Kpi, Metric, SeriesPoint
from produktlyft.outcomes.service.common import canonical_team
from produktlyft.outcomes.service.delivery import delivery_series
from produktlyft.outcomes.service.kpis import kpi_series


def team_series(
    ctx: ServiceContext, team_id: str, metric: str, *, period: str = "month"
) -> list[SeriesPoint]:
    """The metric per period, oldest first: `lead_time_hours`, `deployments_per_week`,
    `recovery_hours`, `change_fail_rate`, `rework_rate` for the team, or
    `kpi:<service_id>:<kpi>` (monthly; the team is not needed for it)."""
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    if period not in ("month", "week"):
        raise InvalidInput(
            [Issue.worded(wording("a period is 'month' or 'week'"), column="period")]
        )
    if metric.startswith("kpi:"):
        parts = metric.split(":")
        if len(parts) != 3 or parts[2] not in {k.value for k in Kpi}:
            raise InvalidInput(
                [Issue.worded(wording("'{m}' is not kpi:<service>:<kpi>", m=metric))]
            )
        return kpi_series(ctx, parts[1], Kpi.parse(parts[2]))
    try:
        chosen = Metric.parse(metric)
    except ValueError:
        raise InvalidInput(
            [
                Issue.worded(
                    wording("'{m}' is not one of {keys}", m=metric, keys=", ".join(Metric)),
                    column="metric",
                )
            ]
        ) from None
    with ctx.database.reading() as uow:
        team = canonical_team(uow, team_id)
    return delivery_series(ctx, team, chosen, period)
