"""`produktlyft pilot …` and `produktlyft wins …`: register from YAML, upload a series, list
and evaluate as JSON, draft and approve a win; a window that ends before it starts exits 1 with
a message naming the field, and nothing is written."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from produktlyft.kernel.db import Database
from produktlyft.pilots.analysis.simulate import demo_series
from produktlyft.pilots.service import list_pilots
from tests.conftest import ROOT, make_context
from tests.support.pilots import START

REGISTRATION = """\
id: lead-time
name: Small batches
hypothesis: Lead time falls by 12 hours
metric: uploaded
pilot_team: team-a
comparison_teams: [team-b, team-c, team-d, team-e]
pre_start: 2025-11-03
pre_end: 2026-05-03
post_start: 2026-05-04
post_end: {post_end}
min_effect: 12
direction: lower_is_better
events:
  - {{day: 2026-05-18, text: New shared build server}}
"""


def test_register_upload_list_evaluate_and_publish(
    sqlite_database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from produktlyft.bootstrap import cli_app
    from produktlyft.kernel.cli.state import STATE

    monkeypatch.setattr(STATE, "_context", make_context(sqlite_database, data_dir=tmp_path / "d"))
    app, runner = cli_app(), CliRunner()
    plan = tmp_path / "pilot.yaml"
    plan.write_text(REGISTRATION.format(post_end="2026-11-01"), encoding="utf-8")
    series = tmp_path / "series.csv"
    rows = demo_series(["team-a", "team-b", "team-c", "team-d", "team-e"], START, 26, 26, 1)
    series.write_text(
        "team,period,value\n" + "".join(f"{t},{d},{v}\n" for t, d, v in rows), encoding="utf-8"
    )
    for args in (
        ["pilot", "register", str(plan)],
        ["pilot", "upload-series", "lead-time", str(series)],
        ["pilot", "list", "--json", str(tmp_path / "list.json")],
        ["pilot", "evaluate", "lead-time", "--json", str(tmp_path / "result.json")],
        ["wins", "draft"],
        ["wins", "approve", "pilot-lead-time"],
    ):
        done = runner.invoke(app, args)
        assert done.exit_code == 0, (args, done.output)
    listed = json.loads((tmp_path / "list.json").read_text(encoding="utf-8"))
    assert listed == [{"id": "lead-time", "name": "Small batches", "metric": "uploaded"}]
    result = json.loads((tmp_path / "result.json").read_text(encoding="utf-8"))
    assert {"method", "effect", "ci_low", "ci_high", "verdict", "threats"} <= set(result)
    assert result["method"] == "did" and result["verdict"] == "improved"
    assert result["ci_low"] < result["effect"] < result["ci_high"] < 0
    assert "other_changes" in {t["code"] for t in result["threats"]}
    shown = runner.invoke(app, ["wins", "list"])
    assert shown.output.split()[:2] == ["pilot-lead-time", "approved"]


COMMAND = ("pilot", "register")


def test_a_window_ending_before_it_starts_exits_1_naming_the_field(
    sqlite_database: Database, tmp_path: Path
) -> None:
    plan = tmp_path / "bad.yaml"
    plan.write_text(REGISTRATION.format(post_end="2026-04-01"), encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "produktlyft",
            "--database",
            sqlite_database.url,
            *COMMAND,
            str(plan),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin", "COLUMNS": "200"},
        timeout=300,
    )
    assert done.returncode == 1, done.stderr
    assert "post_end" in done.stderr and "before it starts" in done.stderr
    assert "Traceback" not in done.stderr
    assert list_pilots(make_context(sqlite_database)) == []
