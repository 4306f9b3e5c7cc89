"""The demo's outcomes: the delivery history of the pilot team (the culture demo's, which
improves from the pilot's start) and five steady comparison teams,
the building-permit service's KPIs with its case-handling time from the demo's event log,
and OKRs with one output-only key result rejected; a second run adds nothing."""

from __future__ import annotations

from pathlib import Path

from produktlyft.demo.service import load_demo
from produktlyft.inventory.model import Team
from produktlyft.inventory.repository import InventoryRepository
from produktlyft.kernel.db import Database
from produktlyft.kernel.report.sections import ReportContext
from produktlyft.outcomes import service
from produktlyft.outcomes.model import Kpi, Metric
from produktlyft.outcomes.report import outcomes as outcomes_section
from tests.conftest import make_context


def test_the_demo_outcomes(sqlite_database: Database, tmp_path: Path) -> None:
    ctx = make_context(sqlite_database, data_dir=tmp_path / "data")
    demo = load_demo(ctx, 60, 42, tmp_path / "out", workflows=True, culture=True)
    result = service.load_demo_outcomes(ctx, seed=42)
    assert result.pilot_team and result.comparison_team and result.skipped is None
    with ctx.database.reading() as uow:
        names = {
            t.id: t.name for t in uow.repo(InventoryRepository).load("teams") if isinstance(t, Team)
        }
    assert demo.culture is not None and names[result.pilot_team] == demo.culture.pilot_team

    assert result.comparison_teams[0] == result.comparison_team
    assert len(result.comparison_teams) == 5 and result.pilot_team not in result.comparison_teams
    assert set(service.delivery_teams(ctx)) == {result.pilot_team, *result.comparison_teams}
    lead = service.team_series(ctx, result.pilot_team, Metric.LEAD_TIME.value)
    assert len(lead) >= 10
    assert lead[-1].value < lead[0].value / 2  # the pilot team's lead time improved
    frequency = service.team_series(ctx, result.pilot_team, Metric.FREQUENCY.value)
    july = next(p for p in frequency if p.period_start.month == 7)
    june = next(p for p in frequency if p.period_start.month == 6)
    assert july.value < june.value  # the summer holiday shows
    report = service.dora_report(ctx, result.comparison_team)
    assert all(v.value is not None for v in report.metrics.values())

    (entry,) = service.service_kpis(ctx)
    assert entry.service.event_log and Kpi.HANDLING_TIME in entry.computed
    assert len(entry.series[Kpi.HANDLING_TIME]) >= 6 and len(entry.series[Kpi.SATISFACTION]) == 12

    assert result.rejected == ["Leverera 3 nya funktioner i e-tjänsten för bygglov"]
    statuses = service.list_key_results(ctx)
    assert len(statuses) == 4 and sum(s.verdict == "output" for s in statuses) == 1
    assert all(s.current is not None for s in statuses if s.metric)

    section = outcomes_section(ReportContext("en", ctx))
    assert section is not None and section.title == "Outcomes"
    assert any("change lead time" in item for item in section.items)
    assert names[result.comparison_team] not in " ".join(section.paragraphs)  # no ranking
    swedish = outcomes_section(ReportContext("sv", ctx))
    assert swedish is not None and swedish.title == "Effekter"

    again = service.load_demo_outcomes(ctx, seed=42)
    assert again.deployments == result.deployments
    assert len(service.list_key_results(ctx)) == 4
    assert (
        sum(
            len(service.team_series(ctx, t, "deployments_per_week"))
            for t in service.delivery_teams(ctx)
        )
        > 0
    )
