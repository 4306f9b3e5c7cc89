"""`produktlyft case create/show/list/export` end to end, and a bad input's clear message."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from produktlyft.kernel.context import ServiceContext

pytestmark = pytest.mark.usefixtures("fake_roadmap")


def test_create_show_export_and_list(
    ctx: ServiceContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from produktlyft.bootstrap import cli_app
    from produktlyft.kernel.cli.state import STATE

    monkeypatch.setattr(STATE, "_context", ctx)
    app = cli_app()
    runner = CliRunner()
    created = runner.invoke(
        app, ["case", "create", "--initiative", "replace-case-system", "--pack", "uk"]
    )
    assert created.exit_code == 0, created.output
    case_id = "case-replace-case-system"
    out = tmp_path / "case.json"
    shown = runner.invoke(app, ["case", "show", case_id, "--json", str(out)])
    assert shown.exit_code == 0, shown.output
    data = json.loads(out.read_text(encoding="utf-8"))
    for key in (
        "npv",
        "bcr",
        "npv_p10",
        "npv_p50",
        "npv_p90",
        "prob_npv_negative",
        "switching_values",
        "country_pack",
        "price_base_year",
    ):
        assert key in data
    assert data["country_pack"] == "uk" and data["npv_p10"] <= data["npv_p50"] <= data["npv_p90"]
    assert "development" in data["switching_values"]
    for fmt in ("docx", "xlsx"):
        path = tmp_path / f"case.{fmt}"
        exported = runner.invoke(app, ["case", "export", case_id, "--format", fmt, "-o", str(path)])
        assert exported.exit_code == 0, exported.output
        assert path.read_bytes()[:2] == b"PK"
    listed = runner.invoke(app, ["case", "list"])
    assert listed.exit_code == 0 and case_id in listed.output


def test_an_unknown_pack_is_a_message_not_a_trace(
    ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from produktlyft.bootstrap import cli_app
    from produktlyft.kernel.cli.app import run
    from produktlyft.kernel.cli.state import STATE

    monkeypatch.setattr(STATE, "_context", ctx)
    argv = ["produktlyft", "case", "create", "--initiative", "replace-case-system", "--pack", "fi"]
    monkeypatch.setattr(sys, "argv", argv)
    with pytest.raises(SystemExit) as ended:
        run(cli_app())
    assert ended.value.code == 1
    said = capsys.readouterr().err
    assert "unknown country pack 'fi'" in said and "country_pack" in said
    assert "Traceback" not in said
