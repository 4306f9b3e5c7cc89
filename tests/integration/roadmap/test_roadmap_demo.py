"""The demo organisation gets a roadmap: proposed from its review (every kind of finding), its
teams and a yearly budget set, and a plan with a gap and a reason per initiative."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from produktlyft.demo.interfaces import load_demo_interfaces
from produktlyft.demo.service import load_demo
from produktlyft.interop.model import InitiativeCode, TargetInterfaces
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.report.sections import ReportContext
from produktlyft.review.services.duplicates import decide_duplicate
from produktlyft.review.services.run import review
from produktlyft.roadmap import service
from produktlyft.roadmap.report import roadmap as roadmap_section
from tests.conftest import make_context


@pytest.mark.slow
def test_the_demo_gets_a_planned_roadmap(ctx: ServiceContext, tmp_path: Path) -> None:
    ctx = make_context(ctx.database, data_dir=tmp_path / "data")
    load_demo(ctx, 60, 42, tmp_path / "demo", workflows=True)
    truth = json.loads((tmp_path / "demo" / "ground_truth.json").read_text())
    _, outcome = review(ctx, today=date.fromisoformat(truth["reference_date"]))
    pair = outcome.duplicates[0]
    decide_duplicate(ctx, pair.system_a, pair.system_b, "confirm")

    result = service.load_demo_roadmap(ctx, time_limit=5)

    initiatives = service.list_initiatives(ctx)
    sources = {i.source.kind for i in initiatives if i.source}
    assert sources == {"ranked_system", "duplicate_cluster", "eol_group", "workflow"}
    assert result.proposed == len(initiatives) and result.teams > 0
    assert any(i.cost_of_delay_sek_per_week > 0 for i in initiatives)
    plan = result.plan
    assert plan.status in {"optimal", "feasible"}, plan.conflicts
    assert plan.gap is not None and plan.lower_bound is not None
    assert {i.initiative for i in plan.items} == {i.id for i in initiatives}
    assert all(i.reason for i in plan.items)
    assert service.list_phases(ctx)
    view = service.plan_view(ctx)
    assert view is not None and set(view.curves) == {"plan", "wsjf", "current"}

    ranked = next(i for i in initiatives if i.source and i.source.kind == "ranked_system")
    inherited = service.initiative_interop(ctx, ranked)
    assert inherited.systems[0].disposition is not None and inherited.systems[0].cloud is not None
    warnings = service.silo_warnings(ctx)
    assert all(key in {i.id for i in initiatives} for key in warnings)
    # proposed drafts state nothing about their target's interfaces
    assert {i.target_interfaces for i in initiatives} == {TargetInterfaces.NOT_STATED}
    assert not service.silo_findings(ctx).evidence

    # the demo programme states two targets, chosen by what the check finds
    stated = load_demo_interfaces(ctx)
    assert stated.improves and stated.drops and stated.improves != stated.drops
    found = service.silo_findings(ctx)
    assert set(found.evidence) == {stated.improves}
    assert {r.code for r in found.evidence[stated.improves]} == {InitiativeCode.REDUCES_SILO}
    assert InitiativeCode.CREATES_SILO in {r.code for r in found.warnings[stated.drops]}
    assert not any(
        r.code == InitiativeCode.CREATES_SILO for r in found.warnings.get(stated.improves, [])
    )
    assert load_demo_interfaces(ctx) == stated  # again: the same two

    section = roadmap_section(ReportContext("sv", ctx))
    assert section is not None and section.title == "Här börjar vi, och sedan"
    assert (
        section.paragraphs[0].startswith("Färdplanen lägger")
        and "Vi börjar med" in section.paragraphs[1]
    )
    assert section.figures[0].svg.startswith("<svg") and section.figures[0].table.rows
    assert section.tables[0].rows  # the phases, with costs in kronor as the reader writes them
    assert all(str(row[2]).endswith("\u00a0kr") for row in section.tables[0].rows)
    silo = section.tables[1]  # no new silos: the warning and the improvement, in words
    assert silo.caption == "Inga nya silor: vad planen gör med öppna gränssnitt"
    effects = {row[0]: row[1] for row in silo.rows}
    names = {i.id: i.name for i in service.list_initiatives(ctx)}
    assert effects[names[stated.improves]] == "minskar siloriskerna"
    assert effects[names[stated.drops]] == "skapar eller lämnar kvar en silo"
    assert any("planen skapar en silo" in row[2] for row in silo.rows)
    english = roadmap_section(ReportContext("en", ctx))
    assert english is not None
    assert all(str(row[2]).startswith("SEK\u00a0") for row in english.tables[0].rows)

    again = service.load_demo_roadmap(ctx, time_limit=5)
    assert again.proposed == 0 and len(service.list_initiatives(ctx)) == len(initiatives)
