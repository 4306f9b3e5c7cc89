"""`load_demo_outcomes`: the demo's delivery history for the pilot team and its comparison
teams, the building-permit service's KPIs, and OKRs with one output-only key result that the
checker rejects.

The pilot team is found as the culture demo finds it: the team owning the building-permit
case-handling system, which is the system the demo's event log maps (nearly) every activity
to. The comparison teams are the first other team, by id, that owns several systems (the one a
key result is bound to) and then the next others by id, up to five: enough for the pilot's
difference-in-differences and its placebo test over teams. Each comparison team delivers in its
own steady way; only the pilot team changes, from PILOT_START, the day the pilots area's demo
pilot starts too.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from produktlyft.inventory.model import Team
from produktlyft.inventory.repository import InventoryRepository
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.outcomes.analysis.demo_history import TeamShape, history, monthly_kpis
from produktlyft.outcomes.importers.okr_table import KeyResultRow
from produktlyft.outcomes.model import Kpi, KpiValue, Service
from produktlyft.outcomes.repository import OutcomeRepository
from produktlyft.outcomes.service.okrs import save_key_results
from produktlyft.workflows.services.logs import activity_systems, list_event_logs

DEMO_START = date(2025, 11, 1)
DEMO_END = date(2026, 11, 1)  # the demo organisation's reference date
PILOT_START = date(2026, 4, 1)
SERVICE_ID = "bygglov"
# how the comparison teams deliver: deployments a week, median lead time (hours), change fail
# rate; steady over the year (the first is the team the fourth key result is bound to)
COMPARISON_SHAPES = (
    (1.5, 150.0, 0.22),
    (2.5, 120.0, 0.18),
    (1.2, 190.0, 0.28),
    (3.0, 100.0, 0.15),
    (1.8, 140.0, 0.20),
)
QUARTER = "2026-Q4"


@dataclass
class DemoOutcomes:
    pilot_team: str | None = None
    comparison_team: str | None = None  # the first of comparison_teams
    comparison_teams: list[str] = field(default_factory=list)
    pilot_start: date = PILOT_START
    history_start: date = DEMO_START
    history_end: date = DEMO_END  # the history runs up to the day before
    deployments: int = 0
    incidents: int = 0
    service: str | None = None
    event_log: str | None = None
    key_results: int = 0
    rejected: list[str] = field(default_factory=list)
    skipped: str | None = None


def _pilot_system(ctx: ServiceContext) -> tuple[str | None, str | None]:
    """(the system most activities of the demo's event log run in, that log's name)."""
    mapping = activity_systems(ctx)
    logs = list_event_logs(ctx)
    counts = Counter(system for systems in mapping.values() for system in systems)
    if not counts or not logs:
        return None, None
    system = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[0][0]
    log = next((info.name for info in logs if set(info.activities) & set(mapping)), logs[0].name)
    return system, log


def _teams(ctx: ServiceContext, system: str | None) -> tuple[Team | None, list[Team]]:
    with ctx.database.reading() as uow:
        teams = sorted(
            (t for t in uow.repo(InventoryRepository).load("teams") if isinstance(t, Team)),
            key=lambda t: t.id,
        )
    if not teams:
        return None, []
    pilot = next((t for t in teams if system in t.system_ids), teams[0])
    others = [t for t in teams if t.id != pilot.id]
    first = next((t for t in others if len(t.system_ids) > 1), others[0] if others else None)
    if first is None:
        return pilot, []
    rest = [t for t in others if t.id != first.id]
    return pilot, [first, *rest][: len(COMPARISON_SHAPES)]


def _months() -> list[date]:
    months = []
    current = DEMO_START
    while current < DEMO_END:
        months.append(current)
        current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
    return months


def _kpi_values(seed: int) -> list[KpiValue]:
    months = _months()
    series = monthly_kpis(months, PILOT_START, seed)
    return [
        KpiValue(
            service_id=SERVICE_ID,
            kpi=Kpi.parse(kpi),
            period_start=month,
            value=float(value),
            source="demo",
        )
        for kpi, values in series.items()
        for month, value in zip(months, values, strict=True)
    ]


def _key_results(pilot: Team, comparison: Team | None) -> list[KeyResultRow]:
    rows = [
        KeyResultRow(
            1,
            "Snabbare och säkrare förändringar i bygglovstjänsten",
            "Minska ledtiden för ändringar från 120 till 24 timmar senast 2026-12-31",
            "lead_time_hours",
            120.0,
            24.0,
            date(2026, 12, 31),
            pilot.id,
            QUARTER,
        ),
        KeyResultRow(
            2,
            "Nöjdare sökande av bygglov",
            "Öka andelen nöjda användare av e-tjänsten för bygglov från 62 % till 75 % "
            "senast 2026-12-31",
            f"kpi:{SERVICE_ID}:satisfaction",
            0.62,
            0.75,
            date(2026, 12, 31),
            pilot.id,
            QUARTER,
        ),
        KeyResultRow(
            3,
            "Nöjdare sökande av bygglov",
            "Leverera 3 nya funktioner i e-tjänsten för bygglov",
            None,
            None,
            3.0,
            date(2026, 12, 31),
            pilot.id,
            QUARTER,
        ),
    ]
    if comparison is not None:
        rows.append(
            KeyResultRow(
                4,
                "Stabilare driftsättningar",
                "Sänka andelen misslyckade driftsättningar från 25 % till 15 % senast 2026-12-31",
                "change_fail_rate",
                0.25,
                0.15,
                date(2026, 12, 31),
                comparison.id,
                QUARTER,
            )
        )
    return rows


def load_demo_outcomes(ctx: ServiceContext, seed: int = 0) -> DemoOutcomes:
    """Seed the outcomes of the demo organisation (idempotent: stable ids are replaced)."""
    ctx.actor.require(Permission.IMPORT)
    ctx.database.require_current()
    system, log = _pilot_system(ctx)
    pilot, comparison = _teams(ctx, system)
    if pilot is None:
        return DemoOutcomes(skipped="the inventory has no teams; load the demo organisation first")
    shapes: list[tuple[TeamShape, date | None]] = [
        (
            TeamShape(pilot.id, 2.0, 160.0, 0.24, 6.0, 30.0, 0.12),
            PILOT_START,
        )
    ]
    shapes += [
        (TeamShape(team.id, *shape), None)
        for team, shape in zip(comparison, COMPARISON_SHAPES, strict=False)
    ]
    result = DemoOutcomes(
        pilot.id,
        comparison[0].id if comparison else None,
        [team.id for team in comparison],
        event_log=log,
    )
    with ctx.database.unit_of_work() as uow:
        repo = uow.repo(OutcomeRepository)
        for number, (shape, start) in enumerate(shapes):
            deployments, incidents = history(shape, DEMO_START, DEMO_END, seed + number, start)
            repo.save_deployments(deployments, ctx.actor.name, ctx.today())
            repo.save_incidents(incidents, ctx.actor.name, ctx.today())
            result.deployments += len(deployments)
            result.incidents += len(incidents)
        repo.save_service(Service(id=SERVICE_ID, name="Bygglov", event_log=log))
        repo.save_kpi_values(_kpi_values(seed), ctx.actor.name, ctx.today())
    result.service = SERVICE_ID
    stored = save_key_results(ctx, _key_results(pilot, comparison[0] if comparison else None))
    result.key_results = len(stored)
    result.rejected = [kr.text for kr in stored if kr.verdict.value == "output"]
    return result
