"""The workflow presenter: the report's sentences about a log and its findings, and
durations, in Swedish and English."""

from __future__ import annotations

from datetime import UTC, datetime

import polars as pl

from produktlyft.workflows import presenter
from produktlyft.workflows.analysis.findings import Code, Finding, finding_from_json
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
        code=Code.LOOP_MEDIAN,
        params={"activity": "Granska", "share": 0.35, "days": 12.25},
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
        "«Granska» is repeated in 35\u00a0% of cases and adds a median of 12 days. About 1,234 "
        "citizen days a year; for example cases c1, c4. Systems behind these activities: "
        "Ärendesystemet."
    ]
    swedish = presenter.finding_items(result, "sv", {})
    assert swedish[0].startswith(
        "«Granska» görs om i 35\u00a0% av ärendena och lägger till en median på 12 dagar. "
        "Omkring 1\u00a0234"
    )
    assert swedish[0].endswith("System bakom aktiviteterna: sys-1.")  # no name: the id
    assert presenter.findings_lead(swedish, "sv").startswith("Var medborgarna väntar")
    assert presenter.findings_lead([], "en").startswith("No pattern in this log")


def test_durations_pick_the_largest_unit() -> None:
    assert presenter.duration(90, "en") == "1.5 min"
    assert presenter.duration(5_400, "sv") == "1,5 h"
    assert presenter.duration(30 * 86_400, "sv") == "30 d"


def _finding(code: str, **params: str | float | None) -> Finding:
    return Finding(
        kind=code.split("_", maxsplit=1)[0],
        code=code,
        params=params,
        activities=(),
        cases=1,
        share_of_cases=0.5,
        median_days=1.0,
        citizen_days_per_year=1.0,
        example_cases=(),
    )


def test_each_code_is_worded_in_the_readers_language_and_number_format() -> None:
    wait = _finding(Code.WAIT, source="Ansökan", target="Beslut", share=0.125, days=3.25)
    assert presenter.finding_title(wait, "en") == (
        "Between «Ansökan» and «Beslut», 12\u00a0% of cases wait more than a day, a median of "
        "3.2 days"
    )
    assert presenter.finding_title(wait, "sv") == (
        "Mellan «Ansökan» och «Beslut» väntar 12\u00a0% av ärendena mer än en dag, i median "
        "3,2 dagar"
    )
    unit = _finding(Code.UNIT_HANDOFF, origin="Bygglov", destination=None, share=0.4, days=2)
    assert "from Bygglov to an unknown unit" in presenter.finding_title(unit, "en")
    assert "från Bygglov till en okänd enhet" in presenter.finding_title(unit, "sv")
    person = _finding(Code.PERSON_HANDOFF, share=0.3, days=1234.5, other_days=0.5)
    assert "a median of 1,234 days, against 0.5 when" in presenter.finding_title(person, "en")
    assert "i median 1\u00a0234 dagar, mot 0,5 när" in presenter.finding_title(person, "sv")
    mean = _finding(Code.LOOP_MEAN, activity="Granska", share=0.05, days=1.5)
    assert presenter.finding_title(mean, "sv").endswith("lägger till 1,5 dagar i genomsnitt")


def test_a_finding_written_before_codes_keeps_its_words() -> None:
    """`analyse --json` files written before findings had codes hold only their words."""
    old = finding_from_json(
        {
            "title": "Mellan «A» och «B» väntar 12 % av ärendena mer än en dag",
            "title_en": "Between «A» and «B», 12 % of cases wait more than a day",
            "kind": "wait",
            "activities": ["A", "B"],
            "example_cases": ["c1"],
            "timelines": {"c1": [{"activity": "A", "at": "2025-01-02T09:00:00+00:00"}]},
        }
    )
    assert old.code is None and old.activities == ("A", "B")
    assert presenter.finding_title(old, "en").startswith("Mellan «A» och «B»")  # as stored
    assert old.timelines["c1"][0].at == datetime(2025, 1, 2, 9, tzinfo=UTC)


def test_a_finding_read_back_from_json_is_worded_anew() -> None:
    result = _analysis()
    data = presenter.finding_json(result, result.findings[0], "sv")
    assert data["title"] == data["title_sv"] and data["title_en"].startswith("«Granska» is")
    assert data["code"] == Code.LOOP_MEDIAN and data["params"]["share"] == 0.35
    again = finding_from_json(data)
    assert presenter.finding_title(again, "en") == data["title_en"]
