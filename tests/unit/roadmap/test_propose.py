"""The propose rules: one draft per finding, kinds, deadlines, and cost of delay with its basis."""

from __future__ import annotations

from datetime import date

import pytest

from produktlyft.interop.model import TargetInterfaces
from produktlyft.roadmap.analysis.propose import (
    DuplicateGroup,
    EolGroup,
    Findings,
    RankedSystem,
    Rules,
    WorkflowFinding,
    propose,
)
from produktlyft.roadmap.model import InitiativeKind

TODAY = date(2026, 12, 1)


def _findings() -> Findings:
    return Findings(
        run_id="7",
        systems=[
            RankedSystem("s2", "Diarium", 2, reasons=("tech_poor",), annual_cost=520_000),
            RankedSystem(
                "s1",
                "Bygglov",
                1,
                reasons=("fit_poor",),
                annual_cost=5_200_000,
                criticality="critical_to_society",
                unsupported_component="Java 8",
                workflow_days_per_year=520,
                teams=("t1",),
            ),
        ],
        duplicates=[DuplicateGroup((("s3", "A", 100_000.0), ("s4", "B", 300_000.0)))],
        eol_groups=[
            EolGroup("java:8", "Java 8", date(2025, 1, 1), True, ("s1",), 5_200_000),
            EolGroup("pg:12", "PostgreSQL 12", date(2027, 11, 14), False, ("s2",), 520_000),
        ],
        workflows=[WorkflowFinding("log:wait:T05", "Wait before T05", 1040, ("s1",))],
    )


def test_one_draft_per_finding_each_citing_it() -> None:
    drafts = propose(_findings(), TODAY, Rules(citizen_day_sek=1000))
    kinds = [(d.kind, d.source.kind if d.source else None) for d in drafts]
    assert kinds == [
        (InitiativeKind.REPLACE, "ranked_system"),  # poor fit: replace
        (InitiativeKind.MIGRATE, "ranked_system"),  # poor technology only: migrate
        (InitiativeKind.CONSOLIDATE, "duplicate_cluster"),
        (InitiativeKind.UPGRADE, "eol_group"),
        (InitiativeKind.UPGRADE, "eol_group"),
        (InitiativeKind.FIX_WORKFLOW, "workflow"),
    ]
    assert all(d.source and d.source.run_id == "7" for d in drafts)
    assert propose(_findings(), TODAY) == propose(_findings(), TODAY)  # stable ids
    # what a target does to open interfaces is for a person to state, even for a replacement
    assert {(d.target_interfaces, d.target_standards) for d in drafts} == {
        (TargetInterfaces.NOT_STATED, None)
    }


def test_effort_and_cost_follow_the_systems_size() -> None:
    replace, migrate, *_ = propose(_findings(), TODAY, Rules(team_week_sek=100_000))
    assert replace.effort_weeks == 52  # 26 doubled: a yearly cost above 2 MSEK
    assert migrate.effort_weeks == 13 and migrate.cost_sek == 1_300_000
    assert replace.teams == ["t1"]


def test_cost_of_delay_adds_its_parts_and_keeps_the_basis() -> None:
    replace = propose(_findings(), TODAY, Rules(citizen_day_sek=1000))[0]
    # unsupported 5.2 M × 0.25, waiting 520 days × 1000, risk 5.2 M × 0.10, per year
    yearly = 1_300_000 + 520_000 + 520_000
    assert replace.cost_of_delay_sek_per_week == pytest.approx(yearly / 52, abs=0.01)
    basis = replace.cost_of_delay_basis
    assert basis["code"] == "unsupported_run_cost"
    assert basis["parts"] == "citizen_waiting,risk,unsupported_run_cost"
    assert basis["component"] == "Java 8" and basis["citizen_day_sek"] == "1000"


def test_duplicates_cost_what_all_but_the_dearest_cost() -> None:
    consolidate = propose(_findings(), TODAY)[2]
    assert consolidate.cost_of_delay_sek_per_week == pytest.approx(100_000 / 52, abs=0.01)
    assert consolidate.system_ids == ["s3", "s4"]
    assert consolidate.cost_of_delay_basis["code"] == "duplicate_cost"


def test_end_of_support_is_the_deadline_unless_it_has_passed() -> None:
    passed, coming = propose(_findings(), TODAY)[3:5]
    assert passed.deadline is None and passed.cost_of_delay_sek_per_week > 0
    assert coming.deadline == date(2027, 11, 14) and coming.deadline_reason
    assert coming.cost_of_delay_basis == {"code": "none"}


def test_workflow_findings_are_valued_at_the_citizen_day_rate() -> None:
    fix = propose(_findings(), TODAY, Rules(citizen_day_sek=500))[-1]
    assert fix.cost_of_delay_sek_per_week == pytest.approx(1040 * 500 / 52, abs=0.01)
    assert fix.cost_of_delay_basis["citizen_days_per_year"] == "1040"


def test_only_the_top_systems_and_findings() -> None:
    drafts = propose(_findings(), TODAY, Rules(top_systems=1, top_findings=0))
    assert [d.kind for d in drafts].count(InitiativeKind.FIX_WORKFLOW) == 0
    assert [d.system_ids for d in drafts if d.source and d.source.kind == "ranked_system"] == [
        ["s1"]
    ]


def test_an_end_of_support_nearer_than_the_work_takes_does_not_bind_the_plan() -> None:
    """Seen on the 300-system demo: Db2 11.5's end of support 20 weeks away for 26 weeks of
    work made the whole plan infeasible. Such a date shows in the cost of delay instead."""
    near = EolGroup("db2:11.5", "IBM Db2 11.5", date(2027, 4, 20), False, ("s1",), 1_040_000)
    findings = Findings(run_id="7", systems=[], duplicates=[], eol_groups=[near], workflows=[])
    [upgrade] = propose(findings, TODAY)
    assert upgrade.effort_weeks == 4 and upgrade.deadline == date(2027, 4, 20)  # 4 weeks fit
    systems = tuple(f"s{n}" for n in range(7))  # 7 systems: 26 weeks of work
    wide = EolGroup("db2:11.5", "IBM Db2 11.5", date(2027, 4, 20), False, systems, 1_040_000)
    [late] = propose(
        Findings(run_id="7", systems=[], duplicates=[], eol_groups=[wide], workflows=[]), TODAY
    )
    assert late.effort_weeks == 26 and late.deadline is None
    assert late.cost_of_delay_sek_per_week > 0
    assert late.cost_of_delay_basis["code"] == "unsupported_run_cost"
