"""The workflow presenter: the report's sentences about a log and its findings, and
durations, in Swedish and English."""

from __future__ import annotations

from datetime import UTC, datetime

import polars as pl

from produktlyft.workflows import presenter
from produktlyft.workflows.analysis.findings import Finding
from produktlyft.workflows.model import EventLogInfo, LogFilter
from produktlyft.workflows.services.analysis import WorkflowAnalysis

EMPTY = pl.DataFrame()


def _analysis() -> WorkflowAnalysis:
    info = EventLogInfo(
        name="bygglov",
        source_file="bygglov.csv",
        source_format="csv",
        stored_file="logs/bygglov.parquet",
        events=12_345,
        cases=1_200,
        activities=["Ansökan", "Granska"],
        first_event=datetime(2025, 1, 2, tzinfo=UTC),
        last_event=datetime(2025, 12, 30, tzinfo=UTC),
        imported_at=datetime(2026, 1, 5, tzinfo=UTC),
        imported_by="tester",
    )
    loop = Finding(
        kind="loop",
        title_en="Granska is done again in 35 % of the cases",
        title_sv="Granska görs om i 35 % av ärendena",
        activities=("Granska",),
        cases=420,
        share_of_cases=0.35,
        median_days=12.0,
        citizen_days_per_year=1_234.4,
        example_cases=("c1", "c4"),
    )
    return WorkflowAnalysis(
        log=info,
        filter=LogFilter(),
        events=12_345,
        cases=1_200,
        dfg=EMPTY,
        start_activities={},
        end_activities={},
        activity_counts={},
        variants=EMPTY,
        case_durations=EMPTY,
        throughput={"median_days": 3.5, "p90_days": 21.0},
        waiting=EMPTY,
        unit_handoffs=EMPTY,
        resource_handoffs=EMPTY,
        rework=EMPTY,
        loops_back=EMPTY,
        bottlenecks=EMPTY,
        arrivals=EMPTY,
        findings=[loop],
        systems_by_activity={"Granska": ["sys-1"]},
    )


def test_the_log_introduction_in_both_languages() -> None:
    result = _analysis()
    assert presenter.log_intro(result.log, result, "en") == (
        "The event log «bygglov» holds 12,345 events in 1,200 cases from 2025-01-02 to "
        "2025-12-30. Half the cases take at most 3.5 d, nine in ten at most 21 d."
    )
    swedish = presenter.log_intro(result.log, result, "sv")
    assert "12\u00a0345 händelser i 1\u00a0200 ärenden" in swedish and "3,5 d" in swedish


def test_findings_name_their_days_examples_and_systems() -> None:
    result = _analysis()
    english = presenter.finding_items(result, "en", {"sys-1": "Ärendesystemet"})
    assert english == [
        "Granska is done again in 35 % of the cases. About 1,234 citizen days a year; for "
        "example cases c1, c4. Systems behind these activities: Ärendesystemet."
    ]
    swedish = presenter.finding_items(result, "sv", {})
    assert swedish[0].startswith("Granska görs om i 35 % av ärendena. Omkring 1\u00a0234")
    assert swedish[0].endswith("System bakom aktiviteterna: sys-1.")  # no name: the id
    assert presenter.findings_lead(swedish, "sv").startswith("Var medborgarna väntar")
    assert presenter.findings_lead([], "en").startswith("No pattern in this log")


def test_durations_pick_the_largest_unit() -> None:
    assert presenter.duration(90, "en") == "1.5 min"
    assert presenter.duration(5_400, "sv") == "1,5 h"
    assert presenter.duration(30 * 86_400, "sv") == "30 d"
