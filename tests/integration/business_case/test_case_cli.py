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


def test_a_benefit_is_filled_in_from_the_command_line(
    ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`case benefit CASE_ID BENEFIT --owner … --target … --due …`: by number or name; a bad
    value is named and nothing is saved."""
    from produktlyft.bootstrap import cli_app
    from produktlyft.business_case.service import create_case, get_case
    from produktlyft.kernel.cli.state import STATE

    monkeypatch.setattr(STATE, "_context", ctx)
    case = create_case(ctx, "replace-case-system", price_base_year=2026)
    assert case.benefits
    name = case.benefits[0].name
    runner = CliRunner()
    app = cli_app()
    args = ["case", "benefit", case.id, "1", "--owner", "Förvaltningschef"]
    bad = runner.invoke(app, [*args, "--target", "much", "--due", "2028-01-01"])
    assert bad.exit_code == 1 and "column 'target'" in str(bad.exception)  # run() words it
    assert get_case(ctx, case.id).benefits[0].owner is None
    done = runner.invoke(app, [*args, "--target", "1200000", "--due", "2028-01-01"])
    assert done.exit_code == 0, done.output
    by_name = runner.invoke(
        app, ["case", "benefit", case.id, name, "--metric", "kpi:bygglov:cost_per_transaction"]
    )
    assert by_name.exit_code == 0, by_name.output
    stored = get_case(ctx, case.id).benefits[0]
    assert (stored.owner, stored.target, str(stored.due)) == (
        "Förvaltningschef",
        1.2e6,
        "2028-01-01",
    )
    assert (
        stored.metric == "kpi:bygglov:cost_per_transaction"
        and stored.measure == case.benefits[0].measure
    )
    unknown = runner.invoke(app, ["case", "benefit", case.id, "99", "--owner", "x"])
    assert unknown.exit_code == 1 and "no benefit '99'" in str(unknown.exception)
