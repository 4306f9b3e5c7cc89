"""The outcomes area's use cases and commands on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from produktlyft.kernel.access import Role
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.db import Database
from produktlyft.kernel.errors import InvalidInput, PermissionDenied
from produktlyft.outcomes import service
from produktlyft.outcomes.importers.okr_table import KeyResultRow
from produktlyft.outcomes.model import Metric, OutcomeSettings
from tests.conftest import make_context

DATA = Path(__file__).parents[2] / "data" / "outcomes"


def test_deployments_and_incidents_give_the_five_metrics(ctx: ServiceContext) -> None:
    result = service.import_deployments(ctx, DATA / "deployments.csv", "Team A")
    assert (result.kind, result.read, result.production) == ("table", 5, 4)
    assert result.new == 4  # d2 twice in the file
    assert service.import_incidents(ctx, DATA / "incidents.csv", "Team A") == (2, 2)
    report = service.dora_report(ctx, "team a", start=date(2026, 3, 1), end=date(2026, 3, 29))
    values = report.metrics
    assert values[Metric.FREQUENCY].count == 3  # d1, d2, d4: staging left out
    assert values[Metric.CHANGE_FAIL].value == pytest.approx(1 / 3)  # d2 (inc-2 is too late)
    assert values[Metric.REWORK].value == pytest.approx(1 / 3)
    assert values[Metric.RECOVERY].value == pytest.approx(2.5)
    assert values[Metric.LEAD_TIME].value == pytest.approx((25 + 28.5) / 2)
    # a wider window blames inc-2 on d4 as well, fifteen days on
    service.save_settings(ctx, OutcomeSettings(incident_window_days=30))
    wider = service.dora_report(ctx, "Team A", start=date(2026, 3, 1), end=date(2026, 3, 29))
    assert wider.metrics[Metric.CHANGE_FAIL].value == pytest.approx(2 / 3)
    points = service.team_series(ctx, "Team A", "deployments_per_week")
    assert [p.count for p in points] == [3]


def test_a_file_without_dates_writes_nothing(ctx: ServiceContext) -> None:
    with pytest.raises(InvalidInput, match="deployed_at"):
        service.import_deployments(ctx, DATA / "deployments_no_dates.csv", "t")
    with pytest.raises(InvalidInput):
        service.import_deployments(ctx, DATA / "deployments_bad_date.csv", "t")
    assert service.delivery_teams(ctx) == {}


def test_a_viewer_may_read_but_not_import(database: Database) -> None:
    viewer = make_context(database, role=Role.VIEWER)
    with pytest.raises(PermissionDenied):
        service.import_deployments(viewer, DATA / "deployments.csv", "t")
    assert service.delivery_teams(viewer) == {}


def test_kpis_imported_and_read_as_series(ctx: ServiceContext, tmp_path: Path) -> None:
    path = tmp_path / "kpis.csv"
    path.write_text(
        "service,service name,kpi,month,value\n"
        "bygglov,Bygglov,satisfaction,2026-01,62 %\n"
        "bygglov,Bygglov,satisfaction,2026-02,0.7\n"
        'bygglov,Bygglov,cost_per_transaction,2026-02,"1 250"\n',
        encoding="utf-8",
    )
    assert service.import_kpis(ctx, path) == 3
    points = service.team_series(ctx, "any", "kpi:bygglov:satisfaction")
    assert [(p.period_start, p.value) for p in points] == [
        (date(2026, 1, 1), 0.62),
        (date(2026, 2, 1), 0.7),
    ]
    assert [s.name for s in service.list_services(ctx)] == ["Bygglov"]
    bad = tmp_path / "bad.csv"
    bad.write_text("service,kpi,month,value\nx,nöjdhet,mars,12\n", encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        service.import_kpis(ctx, bad)
    assert {i.column for i in caught.value.issues} == {"kpi", "period_start"}


def _row(text: str, target: float | None, metric: str | None = None) -> KeyResultRow:
    return KeyResultRow(1, "Snabbare bygglov", text, metric, 40.0, target, None, "t", "2026-Q4")


def test_key_results_need_a_target_and_outputs_are_kept_as_rejected(ctx: ServiceContext) -> None:
    with pytest.raises(InvalidInput) as caught:
        service.save_key_results(ctx, [_row("Minska handläggningstiden", None)])
    assert caught.value.issues[0].column == "target"
    assert service.stored_key_results(ctx) == []
    stored = service.save_key_results(
        ctx,
        [
            _row("Minska ledtiden från 40 till 10 timmar senast 2026-12-31", 10, "lead_time_hours"),
            _row("Genomföra 4 workshops med handläggare", 4),
        ],
    )
    assert [kr.verdict.value for kr in stored] == ["outcome", "output"]
    service.import_deployments(ctx, DATA / "deployments.csv", "t")
    statuses = service.list_key_results(ctx)
    lead = next(s for s in statuses if s.metric == "lead_time_hours")
    assert lead.current is not None and lead.achieved is False
    assert [s.verdict for s in statuses].count("output") == 1


def test_the_commands(database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from produktlyft.bootstrap import cli_app
    from produktlyft.kernel.cli.state import STATE

    monkeypatch.setattr(STATE, "_context", make_context(database, data_dir=tmp_path / "d"))
    app = cli_app()
    runner = CliRunner()
    done = runner.invoke(
        app,
        ["outcomes", "import-deployments", str(DATA / "github_deployments.json"), "--team", "t"],
    )
    assert done.exit_code == 0, done.output
    out = tmp_path / "dora.json"
    done = runner.invoke(app, ["outcomes", "dora", "--team", "t", "--json", str(out)])
    assert done.exit_code == 0, done.output
    metrics = json.loads(out.read_text(encoding="utf-8"))["metrics"]
    assert set(metrics) == {m.value for m in Metric}
    for value in metrics.values():
        assert {"value", "ci_low", "ci_high", "score_0_10", "benchmark"} <= set(value)
    assert metrics["change_fail_rate"]["value"] == pytest.approx(0.5)  # 104 of 101, 104
    bad = runner.invoke(
        app,
        ["outcomes", "import-deployments", str(DATA / "deployments_no_dates.csv"), "--team", "t"],
    )
    # the shell's `run` turns InvalidInput into the message and exit code 1
    assert isinstance(bad.exception, InvalidInput) and "deployed_at" in str(bad.exception)
    checked = tmp_path / "okr.json"
    done = runner.invoke(
        app,
        [
            "okr",
            "check",
            str(Path(__file__).parents[2] / "data/okr/key_results.csv"),
            "--json",
            str(checked),
        ],
    )
    assert done.exit_code == 0, done.output
    verdicts = json.loads(checked.read_text(encoding="utf-8"))
    assert len(verdicts) == 52 and {"text", "verdict", "reasons"} <= set(verdicts[0])
    done = runner.invoke(app, ["outcomes", "kpi", "service", "bygglov", "--name", "Bygglov"])
    assert done.exit_code == 0, done.output
    missing = runner.invoke(
        app, ["outcomes", "kpi", "service", "x", "--name", "X", "--event-log", "nothing"]
    )
    assert missing.exit_code != 0  # NotFound names the log
    assert [s.name for s in service.list_services(make_context(database))] == ["Bygglov"]
    okrs = tmp_path / "okrs.csv"
    okrs.write_text("objective,key_result,target\nSnabbare,Lansera e-tjänsten,\n", encoding="utf-8")
    refused = runner.invoke(
        app, ["okr", "import", str(okrs), "--team", "t", "--quarter", "2026-Q4"]
    )
    assert isinstance(refused.exception, InvalidInput)
    assert refused.exception.issues[0].column == "target"
