"""Delivery metrics: import deployments and incidents, the area's settings, DORA's five
metrics for one team and period, a metric's series, and the organisation's distributions
(without team names: DORA warns against ranking teams)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import polars as pl

from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import InvalidInput, Issue, wording
from produktlyft.outcomes.analysis import events
from produktlyft.outcomes.analysis.dora import metrics, series
from produktlyft.outcomes.analysis.scores import BENCHMARKS
from produktlyft.outcomes.importers import read_deployments, read_incidents
from produktlyft.outcomes.model import (
    Benchmark,
    Metric,
    MetricValue,
    OutcomeSettings,
    SeriesPoint,
)
from produktlyft.outcomes.repository import OutcomeRepository
from produktlyft.outcomes.service.common import (
    canonical_team,
    limits,
    stored_settings,
    team_names,
)

DEFAULT_PERIOD_DAYS = 91  # a quarter, ending at the team's latest deployment


@dataclass
class DeploymentImport:
    kind: str  # git, table, github-deployment, github-release, gitlab-deployment, gitlab-release
    team: str
    read: int
    new: int
    production: int  # of those read, how many the production filter keeps


def outcome_settings(ctx: ServiceContext) -> OutcomeSettings:
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        return stored_settings(uow)


def save_settings(ctx: ServiceContext, settings: OutcomeSettings) -> None:
    ctx.actor.require(Permission.ANALYSE)
    ctx.database.require_current()
    try:
        events.is_production("production", settings.production_pattern)
    except Exception as error:  # re.error: the pattern does not compile
        raise InvalidInput(
            [
                Issue.worded(
                    wording("not a valid pattern: {error}", error=error),
                    column="production_pattern",
                )
            ]
        ) from None
    with ctx.database.unit_of_work() as uow:
        uow.repo(OutcomeRepository).save_settings(settings)


def import_deployments(
    ctx: ServiceContext,
    path: Path,
    team: str,
    *,
    branch: str | None = None,
    tag_pattern: str = "*",
) -> DeploymentImport:
    """Read every deployment of the source, then store them all in one transaction (known
    ids are replaced, so importing again changes nothing)."""
    ctx.actor.require(Permission.IMPORT)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        team_id = canonical_team(uow, team)
        settings = stored_settings(uow)
    kind, found = read_deployments(
        path, team_id, ctx.settings.time_zone, limits(ctx), branch=branch, tag_pattern=tag_pattern
    )
    with ctx.database.unit_of_work() as uow:
        new = uow.repo(OutcomeRepository).save_deployments(found, ctx.actor.name, ctx.today())
    production = sum(
        events.is_production(d.environment, settings.production_pattern) for d in found
    )
    return DeploymentImport(kind, team_id, len(found), new, production)


def import_incidents(ctx: ServiceContext, path: Path, team: str) -> tuple[int, int]:
    """(read, new) incidents, all or none."""
    ctx.actor.require(Permission.IMPORT)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        team_id = canonical_team(uow, team)
    found = read_incidents(path, team_id, ctx.settings.time_zone, limits(ctx))
    with ctx.database.unit_of_work() as uow:
        new = uow.repo(OutcomeRepository).save_incidents(found, ctx.actor.name, ctx.today())
    return len(found), new


@dataclass
class TeamEvents:
    deployments: pl.DataFrame  # production only, without duplicates
    linked: pl.DataFrame  # incidents with `linked_deployment`
    settings: OutcomeSettings


def _team_events(ctx: ServiceContext, team_id: str) -> TeamEvents:
    with ctx.database.reading() as uow:
        repo = uow.repo(OutcomeRepository)
        settings = repo.settings()
        deployments = repo.deployments(team_id)
        incidents = repo.incidents(team_id)
    frame = events.without_duplicates(
        events.production_only(events.deployment_frame(deployments), settings.production_pattern)
    )
    linked = events.link_incidents(
        events.incident_frame(incidents), frame, settings.incident_window_days
    )
    return TeamEvents(frame, linked, settings)


@dataclass
class DoraReport:
    team: str
    team_name: str
    start: date
    end: date  # exclusive
    metrics: dict[Metric, MetricValue]
    settings: OutcomeSettings
    deployments: int  # production deployments the team has in all


def _default_period(frame: pl.DataFrame, today: date) -> tuple[date, date]:
    last = frame["deployed_at"].max() if frame.height else None
    end = (last.date() if last is not None else today) + timedelta(days=1)  # type: ignore[union-attr]  # a datetime from polars
    return end - timedelta(days=DEFAULT_PERIOD_DAYS), end


def dora_report(
    ctx: ServiceContext,
    team: str,
    *,
    start: date | None = None,
    end: date | None = None,
    seed: int = 0,
) -> DoraReport:
    """DORA's five metrics for one team over [start, end) (by default the quarter ending at its
    latest deployment)."""
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        team_id = canonical_team(uow, team)
        name = team_names(uow).get(team_id, team_id)
    found = _team_events(ctx, team_id)
    default_start, default_end = _default_period(found.deployments, ctx.today())
    start, end = start or default_start, end or default_end
    if end <= start:
        raise InvalidInput(
            [Issue.worded(wording("the period ends before it starts"), column="until")]
        )
    values = metrics(found.deployments, found.linked, start, end, seed=seed)
    return DoraReport(team_id, name, start, end, values, found.settings, found.deployments.height)


def delivery_series(
    ctx: ServiceContext, team_id: str, metric: Metric, period: str = "month"
) -> list[SeriesPoint]:
    found = _team_events(ctx, team_id)
    return series(found.deployments, found.linked, metric, period)


def delivery_teams(ctx: ServiceContext) -> dict[str, str]:
    """Teams with deployments, id -> name, in name order (for choosing one, never ranking)."""
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        ids = uow.repo(OutcomeRepository).teams()
        names = team_names(uow)
    return dict(sorted(((i, names.get(i, i)) for i in ids), key=lambda item: item[1].casefold()))


@dataclass
class Distribution:
    """One metric's values over the organisation's teams: no names, sorted by value."""

    metric: Metric
    benchmark: Benchmark
    values: list[float] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)


def organisation_distributions(ctx: ServiceContext) -> list[Distribution]:
    """Each metric's spread over the teams (their latest quarter), without saying which team
    has which value."""
    teams = delivery_teams(ctx)
    found = {metric: Distribution(metric, BENCHMARKS[metric]) for metric in Metric}
    for team_id in teams:
        report = dora_report(ctx, team_id)
        for metric, value in report.metrics.items():
            if value.value is not None:
                found[metric].values.append(value.value)
                if value.score_0_10 is not None:
                    found[metric].scores.append(value.score_0_10)
    for distribution in found.values():
        distribution.values.sort()
        distribution.scores.sort()
    return list(found.values())


@dataclass
class TeamTrends:
    """One team's five metrics month by month, each month with its interval."""

    team: str
    team_name: str
    months: list[date]
    values: dict[Metric, list[MetricValue]]  # per metric, one per month
    latest: DoraReport
    previous: dict[Metric, MetricValue]  # the quarter before the latest, to compare with


def team_trends(ctx: ServiceContext, team: str, *, seed: int = 0) -> TeamTrends:
    latest = dora_report(ctx, team, seed=seed)
    found = _team_events(ctx, latest.team)
    months: list[date] = []
    if found.deployments.height:
        first = found.deployments["deployed_at"].min().date().replace(day=1)  # type: ignore[union-attr]  # a datetime from polars
        current = first
        while current < latest.end:
            months.append(current)
            current = (current + timedelta(days=32)).replace(day=1)
    values: dict[Metric, list[MetricValue]] = {metric: [] for metric in Metric}
    for month in months:
        following = (month + timedelta(days=32)).replace(day=1)
        for metric, value in metrics(
            found.deployments, found.linked, month, following, seed=seed
        ).items():
            values[metric].append(value)
    span = latest.end - latest.start
    previous = metrics(
        found.deployments, found.linked, latest.start - span, latest.start, seed=seed
    )
    return TeamTrends(latest.team, latest.team_name, months, values, latest, previous)
