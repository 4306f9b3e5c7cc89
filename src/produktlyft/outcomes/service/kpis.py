"""Service KPIs: services and their monthly values (imported or entered), and the
case-handling time computed from the workflow analysis of the service's event log."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import InvalidInput, Issue, NotFound, wording
from produktlyft.outcomes.analysis.kpis import monthly_case_handling
from produktlyft.outcomes.importers.kpi_table import read_kpi_table
from produktlyft.outcomes.model import Kpi, KpiValue, SeriesPoint, Service
from produktlyft.outcomes.repository import OutcomeRepository
from produktlyft.outcomes.service.common import limits
from produktlyft.workflows.analysis.cases import case_table
from produktlyft.workflows.services.analysis import load_log
from produktlyft.workflows.services.logs import get_event_log


def save_service(ctx: ServiceContext, service: Service) -> Service:
    ctx.actor.require(Permission.EDIT)
    ctx.database.require_current()
    if service.event_log:
        get_event_log(ctx, service.event_log)  # NotFound names the log
    with ctx.database.unit_of_work() as uow:
        uow.repo(OutcomeRepository).save_service(service)
    return service


def list_services(ctx: ServiceContext) -> list[Service]:
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        return uow.repo(OutcomeRepository).services()


def import_kpis(ctx: ServiceContext, path: Path) -> int:
    """Store every value of the file (a service it names is created); all or none."""
    ctx.actor.require(Permission.IMPORT)
    ctx.database.require_current()
    values, names = read_kpi_table(path, limits(ctx))
    with ctx.database.unit_of_work() as uow:
        repo = uow.repo(OutcomeRepository)
        known = {s.id for s in repo.services()}
        for service_id in sorted({v.service_id for v in values} - known):
            repo.save_service(Service(id=service_id, name=names.get(service_id, service_id)))
        repo.save_kpi_values(values, ctx.actor.name, ctx.today())
    return len(values)


def record_kpi(ctx: ServiceContext, value: KpiValue) -> KpiValue:
    """One value entered in the web app."""
    ctx.actor.require(Permission.EDIT)
    ctx.database.require_current()
    with ctx.database.unit_of_work() as uow:
        repo = uow.repo(OutcomeRepository)
        if value.service_id not in {s.id for s in repo.services()}:
            raise InvalidInput(
                [
                    Issue.worded(
                        wording("no service '{id}'", id=value.service_id), column="service_id"
                    )
                ]
            )
        repo.save_kpi_values([value], ctx.actor.name, ctx.today())
    return value


def case_handling_series(ctx: ServiceContext, service: Service) -> list[SeriesPoint]:
    """Median case-handling time per month, from the workflow analysis of the service's
    event log ([] when it has none, or the log is gone)."""
    if not service.event_log:
        return []
    try:
        view = load_log(ctx, get_event_log(ctx, service.event_log))
    except NotFound:
        return []
    return monthly_case_handling(case_table(view))


@dataclass
class ServiceKpis:
    service: Service
    series: dict[Kpi, list[SeriesPoint]] = field(default_factory=dict)
    computed: set[Kpi] = field(default_factory=set)  # from the event log, not entered


def service_kpis(ctx: ServiceContext) -> list[ServiceKpis]:
    """Every service with each KPI's monthly values, oldest first; the case-handling time
    from the event log when the service has one (it wins over an entered value)."""
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        repo = uow.repo(OutcomeRepository)
        services = repo.services()
        values = repo.kpi_values()
    found = []
    for service in services:
        entry = ServiceKpis(service)
        for value in values:
            if value.service_id == service.id:
                entry.series.setdefault(value.kpi, []).append(
                    SeriesPoint(period_start=value.period_start, value=value.value, count=1)
                )
        handling = case_handling_series(ctx, service)
        if handling:
            entry.series[Kpi.HANDLING_TIME] = handling
            entry.computed.add(Kpi.HANDLING_TIME)
        found.append(entry)
    return found


def kpi_series(ctx: ServiceContext, service_id: str, kpi: Kpi) -> list[SeriesPoint]:
    for entry in service_kpis(ctx):
        if entry.service.id == service_id:
            return entry.series.get(kpi, [])
    raise NotFound(f"no service '{service_id}'")
