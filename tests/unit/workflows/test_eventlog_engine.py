"""The event-log engine on small logs built here: ordering, ties, dropped events, variants,
filters, rework, hand-offs and findings."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import polars as pl
import pytest

from produktlyft.workflows.analysis import canonicalise
from produktlyft.workflows.analysis.cases import arrivals_and_wip, case_table, variant_table
from produktlyft.workflows.analysis.dfg import dfg, dfg_performance, start_activities
from produktlyft.workflows.analysis.filters import apply_filter
from produktlyft.workflows.analysis.findings import Code, find, pain_by_activity
from produktlyft.workflows.analysis.rework import loops_back, rework
from produktlyft.workflows.analysis.variants import case_variants
from produktlyft.workflows.analysis.view import LogView
from produktlyft.workflows.analysis.waiting import handoffs, waiting_per_activity
from produktlyft.workflows.model import LogFilter

T0 = datetime(2024, 1, 1, tzinfo=UTC)


def frame(rows: list[tuple[str | None, str | None, float | None, str | None]]) -> pl.DataFrame:
    """(case, activity, days after T0, unit) rows, in file order."""
    return pl.DataFrame(
        {
            "case_id": [r[0] for r in rows],
            "activity": [r[1] for r in rows],
            "timestamp": [None if r[2] is None else T0 + timedelta(days=r[2]) for r in rows],
            "unit": [r[3] for r in rows],
        },
        schema={
            "case_id": pl.String,
            "activity": pl.String,
            "timestamp": pl.Datetime("us", "UTC"),
            "unit": pl.String,
        },
    )


def view_of(rows: list[tuple[str | None, str | None, float | None, str | None]]) -> LogView:
    return LogView.of(canonicalise(frame(rows)))


def sequences(view: LogView) -> dict[str, list[str]]:
    table = view.events.select(pl.col("activity").cast(pl.String)).with_columns(
        case=view.case_ids.gather(pl.Series(view.cases))
    )
    return {
        case: list(group["activity"])
        for (case,), group in table.group_by("case", maintain_order=True)
    }


def test_ties_keep_file_order_and_unsorted_input_is_sorted() -> None:
    rows = [
        ("b", "Z", 1, None),
        ("a", "B", 5, None),
        ("a", "A", 5, None),
        ("b", "Y", 0, None),
        ("a", "C", 2, None),
    ]
    log = canonicalise(frame(rows))
    assert log.sorted_on_import
    view = LogView.of(log)
    assert sequences(view) == {"a": ["C", "B", "A"], "b": ["Y", "Z"]}
    grouped = canonicalise(frame([("x", "A", 0, None), ("x", "B", 0, None), ("y", "B", 1, None)]))
    assert not grouped.sorted_on_import


def test_a_case_split_in_the_file_is_regrouped() -> None:
    view = view_of([("a", "A", 0, None), ("b", "A", 0, None), ("a", "B", 1, None)])
    assert sequences(view) == {"a": ["A", "B"], "b": ["A"]}


def test_events_missing_required_values_are_dropped_and_reported() -> None:
    log = canonicalise(
        frame(
            [
                ("a", "A", 0, None),
                (None, "B", 1, None),
                ("a", None, 2, None),
                ("a", "C", None, None),
                ("a", "D", 3, None),
            ]
        )
    )
    assert log.n_events == 2
    assert log.dropped.total == 3
    assert log.dropped.by_column == {"case_id": 1, "activity": 1, "timestamp": 1}
    assert [e["row"] for e in log.dropped.examples] == ["2", "3", "4"]


def test_dfg_counts_and_durations() -> None:
    view = view_of(
        [
            ("a", "A", 0, None),
            ("a", "B", 2, None),
            ("b", "A", 0, None),
            ("b", "B", 4, None),
            ("b", "A", 5, None),
        ]
    )
    edges = {(r["source"], r["target"]): r for r in dfg(view).to_dicts()}
    assert edges[("A", "B")]["count"] == 2
    assert edges[("A", "B")]["mean_seconds"] == pytest.approx(3 * 86400)
    assert edges[("B", "A")]["count"] == 1
    performance = {(r["source"], r["target"]): r for r in dfg_performance(view).to_dicts()}
    assert performance[("A", "B")]["median_seconds"] == pytest.approx(3 * 86400)
    assert start_activities(view) == {"A": 2}


def test_variants_are_exact_on_long_and_random_cases() -> None:
    rng = random.Random(5)
    rows = []
    for case in range(400):
        length = rng.choice([1, 2, 3, 15, 16, 17, 33, 70])
        pattern = rng.choice(["ABAB", "ABCD", "AAAA", "DCBA"])
        for step in range(length):
            rows.append((f"c{case}", pattern[(step + case % 2) % 4], float(step), None))
    view = view_of(rows)
    expected: dict[tuple[str, ...], int] = {}
    for sequence in sequences(view).values():
        expected[tuple(sequence)] = expected.get(tuple(sequence), 0) + 1
    got = {tuple(r["activities"]): r["count"] for r in variant_table(view).to_dicts()}
    assert got == expected
    counts = [r["count"] for r in variant_table(view).to_dicts()]
    assert counts == sorted(counts, reverse=True)


def test_variants_with_many_activity_names_use_more_bits() -> None:
    codes = np.array([0, 200, 0, 201, 0, 200], dtype=np.uint8)
    starts = np.array([True, False, True, False, True, False])
    assert list(case_variants(codes, starts, 202)) == [0, 1, 0]


def test_filters() -> None:
    rows = [
        ("a", "A", 0, "U1"),
        ("a", "B", 1, "U2"),
        ("b", "A", 10, "U1"),
        ("b", "C", 11, "U1"),
        ("c", "A", 20, "U3"),
        ("c", "B", 21, "U3"),
    ]
    view = view_of(rows)
    window = LogFilter(
        start=T0 + timedelta(days=9), end=T0 + timedelta(days=30), time_mode="contained"
    )
    assert list(apply_filter(view, window).case_ids) == ["b", "c"]
    started = LogFilter(start=T0 + timedelta(days=0.5), time_mode="started")
    assert list(apply_filter(view, started).case_ids) == ["b", "c"]
    trimmed = apply_filter(
        view,
        LogFilter(start=T0 + timedelta(days=0.5), end=T0 + timedelta(days=10.5), time_mode="trim"),
    )
    assert sequences(trimmed) == {"a": ["B"], "b": ["A"]}
    top = apply_filter(view, LogFilter(top_variants=1))
    assert list(top.case_ids) == ["a", "c"]
    assert list(apply_filter(view, LogFilter(variants=(1,))).case_ids) == ["b"]
    units = apply_filter(view, LogFilter(attribute="unit", values=("U2",)))
    assert list(units.case_ids) == ["a"] and units.events.height == 2
    only = apply_filter(view, LogFilter(attribute="unit", values=("U1",), attribute_mode="event"))
    assert sequences(only) == {"a": ["A"], "b": ["A", "C"]}
    with pytest.raises(KeyError):
        apply_filter(view, LogFilter(attribute="colour", values=("red",)))


def test_rework_loops_and_handoffs() -> None:
    rows = [
        ("a", "Granska", 0, "Bygglov"),
        ("a", "Komplettera", 1, "Bygglov"),
        ("a", "Granska", 13, "Miljö"),
        ("a", "Beslut", 14, "Miljö"),
        ("b", "Granska", 0, "Bygglov"),
        ("b", "Beslut", 2, "Bygglov"),
    ]
    view = view_of(rows)
    repeated = rework(view).to_dicts()
    assert repeated[0]["activity"] == "Granska" and repeated[0]["cases"] == 1
    assert repeated[0]["median_added_days"] == pytest.approx(13)
    back = loops_back(view).to_dicts()
    assert (back[0]["source"], back[0]["target"]) == ("Komplettera", "Granska")
    moved = handoffs(view, "unit").to_dicts()
    assert [(m["from"], m["to"], m["count"]) for m in moved] == [("Bygglov", "Miljö", 1)]
    waiting = {r["activity"]: r for r in waiting_per_activity(view).to_dicts()}
    assert waiting["Granska"]["total_days"] == pytest.approx(12)


def test_findings_name_loops_with_examples_and_savings() -> None:
    rows = []
    for case in range(40):
        loops = case % 3 == 0
        day = 0.0
        rows.append((f"c{case}", "Ansökan", day, "Bygglov"))
        rows.append((f"c{case}", "Granska", day + 1, "Bygglov"))
        if loops:
            rows.append((f"c{case}", "Begär komplettering", day + 2, "Bygglov"))
            rows.append((f"c{case}", "Granska", day + 14 + case % 5, "Bygglov"))
        rows.append((f"c{case}", "Beslut", day + 20, "Miljö"))
    view = view_of(rows)
    found = find(view)
    loop = next(f for f in found if f.kind == "loop")
    assert loop.activities == ("Granska",)
    assert loop.params["share"] == pytest.approx(0.35)  # 14 of 40 cases
    assert loop.code in (Code.LOOP_MEDIAN, Code.LOOP_MEAN) and loop.params["activity"] == "Granska"
    assert len(loop.example_cases) == 3 and all(loop.timelines[c] for c in loop.example_cases)
    assert loop.citizen_days_per_year > 0
    assert found == sorted(found, key=lambda f: -f.citizen_days_per_year)
    assert pain_by_activity(found)["Granska"] > 0
    assert any(f.kind == "unit_handoff" for f in found)


def test_case_table_and_wip() -> None:
    view = view_of([("a", "A", 0, None), ("a", "B", 8, None), ("b", "A", 1, None)])
    cases = case_table(view).to_dicts()
    assert [c["events"] for c in cases] == [2, 1]
    assert cases[0]["duration_seconds"] == pytest.approx(8 * 86400)
    wip = arrivals_and_wip(view, "1w")
    assert wip["arrivals"].sum() == 2 and wip["wip"][-1] == 0


def test_src_never_imports_pm4py() -> None:
    source = Path(__file__).resolve().parents[3] / "src"
    offenders = [
        p
        for p in source.rglob("*.py")
        if "pm4py" in p.read_text(encoding="utf-8")
        and (
            "import pm4py" in p.read_text(encoding="utf-8")
            or "from pm4py" in p.read_text(encoding="utf-8")
        )
    ]
    assert offenders == []
