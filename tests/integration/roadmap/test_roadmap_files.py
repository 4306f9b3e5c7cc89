"""`produktlyft roadmap …` end to end: plan --json, export and import round trips in every
format, and a bad file that names row and column and writes nothing."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from produktlyft.interop.model import TargetInterfaces
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import InvalidInput
from produktlyft.roadmap import service
from produktlyft.roadmap.model import Dependency, FindingRef, Initiative, InitiativeKind, Sourcing
from tests.integration.roadmap.test_roadmap_service import roadmap  # noqa: F401  # the fixture

runner = CliRunner()


def _cli(ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch, *args: str) -> str:
    from produktlyft.bootstrap import cli_app
    from produktlyft.kernel.cli.state import STATE

    monkeypatch.setattr(STATE, "_context", ctx)
    done = runner.invoke(cli_app(), ["roadmap", *args])
    assert done.exit_code == 0, done.output
    return done.output


def _tricky(ctx: ServiceContext) -> None:
    service.create_initiative(
        ctx,
        Initiative(
            id="z",
            name='=HYPERLINK("http://x")',  # a formula as text: neutralised and restored
            kind=InitiativeKind.FIX_WORKFLOW,
            description="'quoted' ; text",
            effort_weeks=1.5,
            sourcing=Sourcing.INTERNAL,
            cost_sek=1234.5,
            cost_of_delay_sek_per_week=1923.08,
            cost_of_delay_basis={"code": "citizen_waiting", "citizen_day_sek": "1000"},
            dependencies=[Dependency(predecessor="a", lag_weeks=2), Dependency(predecessor="c")],
            earliest_start=date(2027, 2, 1),
            deadline=date(2027, 12, 31),
            deadline_reason="law in force",
            system_ids=["s1", "s2"],
            capability_ids=["c1"],
            target_interfaces=TargetInterfaces.DROPS,
            target_standards="=SS 12000; FHIR",  # a formula as text here too
            source=FindingRef(kind="workflow", key="log:wait:T05", run_id="3"),
        ),
    )


def test_plan_json_has_the_fixed_shape(
    roadmap: ServiceContext,  # noqa: F811  # the fixture imported above
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    out = tmp_path / "plan.json"
    _cli(roadmap, monkeypatch, "plan", "--time-limit", "5", "--json", str(out))
    plan = json.loads(out.read_text(encoding="utf-8"))
    assert plan["status"] in {"optimal", "feasible"} and plan["objective"] == "cost-of-delay"
    assert {"lower_bound", "gap"} <= set(plan)
    item = plan["items"][0]
    assert set(item) >= {"initiative", "team", "start_week", "finish_week", "reason"}
    assert item["reason"]


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "json"])
def test_export_and_import_restore_exactly(
    roadmap: ServiceContext,  # noqa: F811  # the fixture imported above
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    fmt: str,
) -> None:
    _tricky(roadmap)
    service.plan(roadmap, time_limit=5)
    before = [i.model_copy(update={"row_version": None}) for i in service.list_initiatives(roadmap)]
    path = tmp_path / f"roadmap.{fmt}"
    _cli(roadmap, monkeypatch, "export", "--format", fmt, "-o", str(path))
    if fmt == "json":
        data = json.loads(path.read_text(encoding="utf-8"))
        assert [Initiative.model_validate(i) for i in data["initiatives"]] == before
        return
    if fmt == "xlsx":
        book = load_workbook(path)
        assert book.sheetnames == ["Initiatives", "Plan"]
        assert str(book["Plan"]["I3"].value).startswith("=H3*D3")  # the working is visible
        assert str(book["Initiatives"]["B5"].value).startswith("'=")  # no formula from text
    for item in service.list_initiatives(roadmap):
        if item.id != "a":
            continue
        service.update_initiative(roadmap, item.model_copy(update={"name": "Changed"}))
    _cli(roadmap, monkeypatch, "import", str(path))
    after = [i.model_copy(update={"row_version": None}) for i in service.list_initiatives(roadmap)]
    assert after == before


def test_a_bad_file_names_row_and_column_and_writes_nothing(
    roadmap: ServiceContext,  # noqa: F811  # the fixture imported above
    tmp_path: Path,
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "id,name,kind,effort_weeks,teams,dependencies\n"
        "n1,New,upgrade,3,,\n"
        "n2,Negative,upgrade,-2,,\n"
        "n3,Bad date,migrate,2,,a+x\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidInput) as raised:
        service.import_initiatives(roadmap, bad)
    where = {(i.row, i.column) for i in raised.value.issues}
    assert where == {(3, "effort_weeks"), (4, "dependencies")}
    loop = tmp_path / "loop.csv"
    loop.write_text(
        "id,name,kind,effort_weeks,teams,dependencies\nn1,New,upgrade,3,t7,a\na,A,migrate,4,t1,n1\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidInput) as raised:
        service.import_initiatives(roadmap, loop)
    messages = " | ".join(str(i) for i in raised.value.issues)
    assert "unknown team 't7'" in messages and "dependency loop" in messages
    assert "loop.csv" in messages
    assert [i.id for i in service.list_initiatives(roadmap)] == ["a", "b", "c"]
