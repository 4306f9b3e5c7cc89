"""Our answers equal pm4py's on the real logs: DFG counts and mean durations, start and end
activities, variants with counts, and every case duration.

pm4py (AGPL) is the oracle here and only here: a dev dependency, never imported by src/.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

from produktlyft.workflows.analysis import canonicalise
from produktlyft.workflows.analysis.cases import case_durations, variant_table
from produktlyft.workflows.analysis.dfg import (
    dfg,
    dfg_performance,
    end_activities,
    start_activities,
)
from produktlyft.workflows.analysis.view import LogView
from produktlyft.workflows.importers.csv import read_eventlog_csv
from produktlyft.workflows.importers.parquet import read_eventlog_parquet
from produktlyft.workflows.importers.xes import read_eventlog_xes
from produktlyft.workflows.model import ColumnMapping
from tests.conftest import eventlog_params, eventlog_path

pytestmark = [
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore:Some rows of the Pandas data frame"),
]
pm4py = pytest.importorskip("pm4py")
pd = pytest.importorskip("pandas")

LOGS = {
    "receipt.xes.gz": "xes",
    "receipt.csv": "csv",
    "roadtraffic100traces.xes": "xes",
    "road_traffic_fines.parquet": "parquet",
    "road_traffic_fines.csv": "csv",
    "sepsis.csv": "csv",
    "sepsis_1t_per_variant.xes.gz": "xes",
    "hospital_billing.parquet": "parquet",
}
READERS = {"xes": read_eventlog_xes, "csv": read_eventlog_csv, "parquet": read_eventlog_parquet}


def _oracle_frame(path: Path, fmt: str) -> Any:
    """pm4py's own reading: read_xes for XES; pandas with UTC timestamps otherwise."""
    if fmt == "xes":
        return pm4py.read_xes(str(path), variant="iterparse", return_legacy_log_object=False)
    frame = pd.read_csv(path) if fmt == "csv" else pd.read_parquet(path)
    case = "case:concept:name" if "case:concept:name" in frame.columns else "case_id"
    activity = "concept:name" if "concept:name" in frame.columns else "activity"
    stamp = "time:timestamp" if "time:timestamp" in frame.columns else "timestamp"
    frame[stamp] = pd.to_datetime(frame[stamp], utc=True, format="ISO8601")
    return pm4py.format_dataframe(frame, case_id=case, activity_key=activity, timestamp_key=stamp)


@pytest.fixture(scope="module", params=eventlog_params(LOGS))
def pair(request: pytest.FixtureRequest) -> tuple[LogView, Any, str]:
    name = request.param
    path = eventlog_path(request, name)
    parsed = READERS[LOGS[name]](path, ColumnMapping())
    ours = LogView.of(canonicalise(parsed.frame))
    return ours, _oracle_frame(path, LOGS[name]), name


def test_dfg_counts_equal(pair: tuple[LogView, Any, str]) -> None:
    ours, theirs, _ = pair
    expected, _, _ = pm4py.discover_dfg(theirs)
    got = {(row["source"], row["target"]): row["count"] for row in dfg(ours).to_dicts()}
    assert got == {edge: int(count) for edge, count in expected.items()}


def test_mean_and_median_durations_equal(pair: tuple[LogView, Any, str]) -> None:
    ours, theirs, _ = pair
    expected, _, _ = pm4py.discover_performance_dfg(theirs)
    got = {(r["source"], r["target"]): r for r in dfg_performance(ours).to_dicts()}
    assert set(got) == set(expected)
    for edge, stats in expected.items():
        assert math.isclose(got[edge]["mean_seconds"], stats["mean"], rel_tol=1e-9, abs_tol=1e-6)
        assert math.isclose(
            got[edge]["median_seconds"], stats["median"], rel_tol=1e-9, abs_tol=1e-6
        )
    fast = {(r["source"], r["target"]): r["mean_seconds"] for r in dfg(ours).to_dicts()}
    for edge, stats in expected.items():
        assert math.isclose(fast[edge], stats["mean"], rel_tol=1e-9, abs_tol=1e-6)


def test_start_and_end_activities_equal(pair: tuple[LogView, Any, str]) -> None:
    ours, theirs, _ = pair
    assert start_activities(ours) == dict(pm4py.get_start_activities(theirs))
    assert end_activities(ours) == dict(pm4py.get_end_activities(theirs))


def test_variants_equal(pair: tuple[LogView, Any, str]) -> None:
    ours, theirs, _ = pair
    expected = {tuple(variant): int(count) for variant, count in pm4py.get_variants(theirs).items()}
    got = {tuple(row["activities"]): row["count"] for row in variant_table(ours).to_dicts()}
    assert got == expected


def test_every_case_duration_equal(pair: tuple[LogView, Any, str]) -> None:
    from pm4py.statistics.traces.generic.pandas import case_statistics

    ours, theirs, _ = pair
    described = case_statistics.get_cases_description(theirs)
    expected = {case: stats["caseDuration"] for case, stats in described.items()}
    got = dict(case_durations(ours).iter_rows())
    assert set(got) == set(expected)
    for case, seconds in expected.items():
        assert math.isclose(got[case], seconds, rel_tol=1e-12, abs_tol=1e-6), case
