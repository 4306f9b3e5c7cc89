"""Workflow services end to end on SQLite and PostgreSQL: import, store, analyse, map, pain."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from produktlyft.inventory.model import System
from produktlyft.inventory.repository import InventoryRepository
from produktlyft.kernel.access import Role
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.db import Database
from produktlyft.kernel.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from produktlyft.workflows.model import ColumnMapping
from produktlyft.workflows.presenter import analysis_json
from produktlyft.workflows.services.analysis import analyse_event_log, workflow_pain_by_system
from produktlyft.workflows.services.logs import (
    ImportOptions,
    delete_event_log,
    event_log_files,
    import_event_log,
    list_event_logs,
    map_activity,
)
from tests.conftest import make_context

BAD_CSV = """case;activity;time;who
c1;Ansökan inkommer;2024-03-01 09:00;anna
c1;Komplettering begärs;2024-03-02 10:00;bo
c1;Beslut;not a time;anna
c2;Ansökan inkommer;2024-03-05 08:00:00+01:00;anna
c2;Beslut;2024-03-09;bo
"""


@pytest.fixture
def wctx(database: Database, tmp_path: Path) -> ServiceContext:
    return make_context(database, data_dir=tmp_path / "data")


@pytest.fixture
def receipt(test_data: Path) -> Path:
    return test_data / "eventlogs" / "receipt.xes.gz"


def _stored_files(ctx: ServiceContext) -> list[Path]:
    root = event_log_files(ctx).root
    return sorted(root.iterdir()) if root.exists() else []


def test_import_stores_parquet_and_metadata(wctx: ServiceContext, receipt: Path) -> None:
    info = import_event_log(wctx, receipt, ImportOptions(name="bygglov-mottagning"))
    assert (info.events, info.cases, len(info.activities)) == (8577, 1434, 27)
    assert info.column_mapping["case_id"] == "case:concept:name"
    assert "converted to UTC" in info.timestamp_note
    assert [p.name for p in _stored_files(wctx)] == [info.stored_file]
    assert [log.name for log in list_event_logs(wctx)] == ["bygglov-mottagning"]
    with pytest.raises(Conflict):
        import_event_log(wctx, receipt, ImportOptions(name="bygglov-mottagning"))
    assert len(_stored_files(wctx)) == 1
    delete_event_log(wctx, "bygglov-mottagning")
    assert _stored_files(wctx) == [] and list_event_logs(wctx) == []


def test_bad_rows_stop_the_import_unless_skipped(wctx: ServiceContext, tmp_path: Path) -> None:
    path = tmp_path / "arenden.csv"
    path.write_text(BAD_CSV, encoding="utf-8")
    mapping = ColumnMapping(
        case="case",
        activity="activity",
        timestamp="time",
        resource="who",
        timezone="Europe/Stockholm",
    )
    with pytest.raises(InvalidInput) as error:
        import_event_log(wctx, path, ImportOptions(mapping=mapping))
    assert "1 row(s) cannot be parsed" in error.value.summary
    assert error.value.issues[0].line == 4
    assert str(error.value.issues[0]).startswith("arenden.csv, line 4, column 'time': ")
    assert list_event_logs(wctx) == [] and _stored_files(wctx) == []
    info = import_event_log(wctx, path, ImportOptions(mapping=mapping, skip_bad_rows=True))
    assert info.bad_rows["total"] == 1 and info.events == 4
    assert "read as Europe/Stockholm time" in info.timestamp_note
    assert info.first_event is not None and info.first_event.hour == 8  # 09:00 CET is 08:00 UTC


def test_a_failed_database_write_leaves_no_file(
    wctx: ServiceContext, receipt: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from produktlyft.workflows.repository import WorkflowRepository

    def fail(self: WorkflowRepository, info: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(WorkflowRepository, "add", fail)
    with pytest.raises(RuntimeError):
        import_event_log(wctx, receipt)
    assert _stored_files(wctx) == []


def test_missing_case_ids_are_dropped_and_reported(wctx: ServiceContext, test_data: Path) -> None:
    folder = test_data / "eventlogs"
    sepsis = import_event_log(wctx, folder / "sepsis.csv")
    assert sepsis.dropped["total"] == 24 and sepsis.dropped["by_column"] == {"case_id": 24}
    assert sepsis.events == 15214 - 24


def test_missing_case_id_in_hospital_billing_is_dropped(
    wctx: ServiceContext, test_data: Path
) -> None:
    billing = import_event_log(wctx, test_data / "eventlogs" / "hospital_billing.parquet")
    assert billing.dropped["total"] == 1


def test_permissions(database: Database, tmp_path: Path, receipt: Path) -> None:
    admin = make_context(database, data_dir=tmp_path / "data")
    viewer = make_context(database, Role.VIEWER, data_dir=tmp_path / "data")
    with pytest.raises(PermissionDenied):
        import_event_log(viewer, receipt)
    import_event_log(admin, receipt, ImportOptions(name="r"))
    assert analyse_event_log(viewer, "r").cases == 1434
    with pytest.raises(PermissionDenied):
        map_activity(viewer, "T02 Check confirmation of receipt", "sys-1")
    with pytest.raises(NotFound):
        analyse_event_log(viewer, "no-such-log")


def test_findings_link_to_systems_and_feed_the_pain_ranking(
    wctx: ServiceContext, receipt: Path
) -> None:
    with wctx.database.unit_of_work() as uow:
        uow.repo(InventoryRepository).insert(
            "systems", [System(id="ecos", name="Ecos"), System(id="w3d3", name="W3D3")]
        )
    import_event_log(wctx, receipt, ImportOptions(name="bygglov-mottagning"))
    with pytest.raises(NotFound):
        map_activity(wctx, "T06 Determine necessity of stop advice", "no-such-system")
    map_activity(wctx, "T06 Determine necessity of stop advice", "ecos")
    map_activity(wctx, "T02 Check confirmation of receipt", "w3d3")
    result = analyse_event_log(wctx, "bygglov-mottagning")
    assert len(result.findings) >= 5
    assert any("ecos" in result.finding_systems(f) for f in result.findings)
    first = result.findings[0]
    assert first.citizen_days_per_year > 0 and len(first.example_cases) == 3
    assert all(first.timelines[case] for case in first.example_cases)
    pain = workflow_pain_by_system(wctx)
    assert set(pain) == {"ecos", "w3d3"} and all(days > 0 for days in pain.values())
    data = json.loads(json.dumps(analysis_json(result), default=str))
    assert data["findings"][0]["systems"] or data["findings"][1]["systems"] is not None


def test_cli_import_and_analyse_json(
    database: Database, tmp_path: Path, receipt: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from produktlyft.bootstrap import cli_app
    from produktlyft.kernel.cli.state import STATE

    app = cli_app()

    monkeypatch.setattr(STATE, "_context", make_context(database, data_dir=tmp_path / "d"))
    runner = CliRunner()
    imported = runner.invoke(
        app, ["workflows", "import", str(receipt), "--name", "bygglov-mottagning"]
    )
    assert imported.exit_code == 0, imported.output
    assert "bygglov-mottagning" in imported.output
    out = tmp_path / "analysis.json"
    analysed = runner.invoke(
        app, ["workflows", "analyse", "bygglov-mottagning", "--json", str(out), "--lang", "en"]
    )
    assert analysed.exit_code == 0, analysed.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {"source", "target", "count", "mean_seconds"} <= set(data["dfg"][0])
    assert sum(data["start_activities"].values()) == 1434
    assert sum(v["count"] for v in data["variants"]) == 1434
    assert isinstance(data["variants"][0]["activities"], list)
    assert len(data["case_durations_seconds"]) == 1434
    finding = data["findings"][0]
    assert {"title", "kind", "citizen_days_per_year", "example_cases"} <= set(finding)
    assert {"code", "params", "title_en", "title_sv"} <= set(finding)
    assert finding["title"] == finding["title_en"] != finding["title_sv"]  # asked for English
    filtered = runner.invoke(
        app,
        ["workflows", "analyse", "bygglov-mottagning", "--json", str(out), "--top-variants", "1"],
    )
    assert filtered.exit_code == 0, filtered.output
    top = json.loads(out.read_text(encoding="utf-8"))
    assert len(top["variants"]) == 1 and top["cases"] == data["variants"][0]["count"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_a_utf16_event_log_is_refused_with_the_encodings_read(
    wctx: ServiceContext, tmp_path: Path, encoding: str
) -> None:
    path = tmp_path / "arenden.csv"
    bom = "\ufeff" if encoding == "utf-16-be" else ""
    path.write_bytes((bom + BAD_CSV).encode(encoding))
    with pytest.raises(InvalidInput) as error:
        import_event_log(wctx, path)
    assert [str(issue) for issue in error.value.issues] == [
        "arenden.csv: the file is UTF-16 text; event logs are read as UTF-8: save it again "
        "as CSV UTF-8"
    ]
    assert list_event_logs(wctx) == [] and _stored_files(wctx) == []
