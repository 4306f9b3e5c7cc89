"""What an initiative's target does to open interfaces, end to end on SQLite and PostgreSQL:
stored with the optimistic lock, edited from the CLI, read from files in either language with
a bad value refused where it stands, the migration that adds it, and the silo check reading
it."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from produktlyft.interop.model import InitiativeCode, TargetInterfaces
from produktlyft.kernel.access import Role
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.db import Database
from produktlyft.kernel.db.testing import (
    create_scratch_database,
    drop_scratch_database,
    schema_differences,
)
from produktlyft.kernel.errors import Conflict, InvalidInput, PermissionDenied
from produktlyft.roadmap import service
from tests.conftest import POSTGRES_URL, make_context, missing_component
from tests.integration.roadmap.test_roadmap_service import roadmap  # noqa: F401  # the fixture

runner = CliRunner()


def test_a_new_initiative_states_nothing_and_a_stated_target_is_kept(
    roadmap: ServiceContext,  # noqa: F811  # the fixture imported above
) -> None:
    a = service.get_initiative(roadmap, "a")
    assert a.target_interfaces is TargetInterfaces.NOT_STATED and a.target_standards is None
    saved = service.set_target_interfaces(
        roadmap, "a", TargetInterfaces.IMPROVES, "SS 12000, OpenAPI", a.row_version
    )
    assert saved.row_version == 2
    again = service.get_initiative(roadmap, "a")
    assert again.target_interfaces is TargetInterfaces.IMPROVES
    assert again.target_standards == "SS 12000, OpenAPI"
    # an edit made on the version read before is refused, and changes nothing
    with pytest.raises(Conflict):
        service.set_target_interfaces(roadmap, "a", TargetInterfaces.DROPS, None, a.row_version)
    with pytest.raises(Conflict):
        service.update_initiative(
            roadmap, a.model_copy(update={"target_interfaces": TargetInterfaces.KEEPS})
        )
    assert service.get_initiative(roadmap, "a").target_interfaces is TargetInterfaces.IMPROVES


def test_viewers_may_not_state_a_target(
    roadmap: ServiceContext,  # noqa: F811  # the fixture imported above
) -> None:
    viewer = make_context(roadmap.database, role=Role.VIEWER, name="v")
    with pytest.raises(PermissionDenied):
        service.set_target_interfaces(viewer, "nope", TargetInterfaces.DROPS)  # before lookup
    assert service.get_initiative(roadmap, "a").row_version == 1


def _cli(ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str]:
    from produktlyft.bootstrap import cli_app
    from produktlyft.kernel.cli.state import STATE

    monkeypatch.setattr(STATE, "_context", ctx)
    done = runner.invoke(cli_app(), ["roadmap", *args])
    return done.exit_code, done.output


def test_the_cli_edits_the_target_and_refuses_an_unknown_value(
    roadmap: ServiceContext,  # noqa: F811  # the fixture imported above
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code, out = _cli(
        roadmap, monkeypatch, "edit", "b", "--target-interfaces", "tappar öppna gränssnitt"
    )
    assert code == 0, out
    code, out = _cli(roadmap, monkeypatch, "edit", "b", "--target-standards", "OpenAPI")
    assert code == 0, out
    b = service.get_initiative(roadmap, "b")
    assert (b.target_interfaces, b.target_standards, b.row_version) == (
        TargetInterfaces.DROPS,
        "OpenAPI",
        3,
    )
    code, out = _cli(roadmap, monkeypatch, "edit", "b", "--target-interfaces", "open-ish")
    assert code != 0 and "open-ish" in out
    assert service.get_initiative(roadmap, "b").row_version == 3
    code, out = _cli(roadmap, monkeypatch, "list")
    assert code == 0 and "drops" in out


def test_files_in_either_language_and_a_bad_value_named_where_it_stands(
    roadmap: ServiceContext,  # noqa: F811  # the fixture imported above
    tmp_path: Path,
) -> None:
    swedish = tmp_path / "svenska.csv"
    swedish.write_text(
        "id,namn,typ,insats veckor,målets gränssnitt,öppna standarder\n"
        "n1,Ny,upgrade,3,behåller öppna gränssnitt,\n"
        "n2,Ny två,replace,3,Improves,FHIR\n"
        "n3,Ny tre,replace,3,,\n",
        encoding="utf-8",
    )
    assert service.import_initiatives(roadmap, swedish) == (3, 0)
    stated = {
        i.id: (i.target_interfaces, i.target_standards) for i in service.list_initiatives(roadmap)
    }
    assert stated["n1"] == (TargetInterfaces.KEEPS, None)
    assert stated["n2"] == (TargetInterfaces.IMPROVES, "FHIR")
    assert stated["n3"] == (TargetInterfaces.NOT_STATED, None)

    bad = tmp_path / "bad.csv"
    bad.write_text(
        "id,name,kind,effort_weeks,target_interfaces\n"
        "a,Changed,migrate,4,drops\n"
        "n9,New,upgrade,3,open-ish\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidInput) as raised:
        service.import_initiatives(roadmap, bad)
    [issue] = raised.value.issues
    assert (issue.file, issue.row, issue.column) == ("bad.csv", 3, "target_interfaces")
    assert "'open-ish' is not one of" in issue.message and "tappar" in issue.message
    a = service.get_initiative(roadmap, "a")  # the good row was not written either
    assert a.name == "Initiative a" and a.target_interfaces is TargetInterfaces.NOT_STATED
    assert "n9" not in {i.id for i in service.list_initiatives(roadmap)}


def test_the_silo_check_reads_the_stated_target(ctx: ServiceContext) -> None:
    """On an inventory where b feeds a over REST and a is a silo risk, what the target of an
    initiative on a is stated to do decides what the check says."""
    from produktlyft.inventory.model import Integration, System
    from produktlyft.inventory.repository import InventoryRepository
    from produktlyft.inventory.vocabularies import IntegrationKind
    from produktlyft.roadmap.model import Initiative, InitiativeKind

    with ctx.database.unit_of_work() as uow:
        repo = uow.repo(InventoryRepository)
        repo.insert("systems", [System(id=s, name=s.upper()) for s in ("a", "b", "c")])
        repo.insert(
            "integrations",
            [
                Integration(id="1", source_id="b", target_id="a", kind=IntegrationKind.REST),
                Integration(
                    id="2", source_id="a", target_id="c", kind=IntegrationKind.MANUAL_REKEYING
                ),
            ],
        )
    service.create_initiative(
        ctx,
        Initiative(id="x", name="X", kind=InitiativeKind.REPLACE, effort_weeks=4, system_ids=["a"]),
    )

    def codes(target: TargetInterfaces) -> tuple[set[str], set[str]]:
        item = service.get_initiative(ctx, "x")
        service.set_target_interfaces(ctx, "x", target, "OpenAPI", item.row_version)
        found = service.silo_findings(ctx)
        checked = service.initiative_interop(ctx, service.get_initiative(ctx, "x"))
        assert {r.code for r in checked.silo} == {r.code for r in found.warnings.get("x", [])}
        return {r.code for r in found.warnings.get("x", [])}, {
            r.code for r in found.evidence.get("x", [])
        }

    warnings, evidence = codes(TargetInterfaces.DROPS)
    assert InitiativeCode.CREATES_SILO in warnings and not evidence
    warnings, evidence = codes(TargetInterfaces.IMPROVES)
    assert not {InitiativeCode.CREATES_SILO, InitiativeCode.LEAVES_SILO} & warnings
    assert evidence == {InitiativeCode.REDUCES_SILO}
    warnings, evidence = codes(TargetInterfaces.KEEPS)
    assert InitiativeCode.CREATES_SILO not in warnings and not evidence


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_a_roadmap_from_before_the_field_upgrades(tmp_path: Path, engine: str) -> None:
    """Initiatives saved before revision 0018 read as `not_stated` after the upgrade."""
    name = f"produktlyft_mig_{uuid.uuid4().hex[:10]}"
    if engine == "sqlite":
        url = f"sqlite:///{tmp_path / 'old.db'}"
    else:
        try:
            url = create_scratch_database(POSTGRES_URL, name)
        except Exception as error:  # any failure means the server is not usable
            missing_component(f"PostgreSQL at {POSTGRES_URL} is not reachable: {error}")
    database = Database.for_tests(url)
    try:
        assert database.migrate("0017_duplicate_feedback")[1] == "0017_duplicate_feedback"
        with database.engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO roadmap_initiatives (id, name, kind, effort_weeks, sourcing, "
                    "teams, cost_sek, cost_of_delay_sek_per_week, cost_of_delay_basis, "
                    "dependencies, system_ids, capability_ids, changed_by, changed_at, "
                    "row_version) VALUES ('old', 'Old', 'replace', 4, 'either', '[]', 0, 0, "
                    "'{}', '[]', '[\"s1\"]', '[]', 'anna', CURRENT_TIMESTAMP, 3)"
                )
            )
        before, after = database.migrate()
        assert before == "0017_duplicate_feedback" and after >= "0018_initiative_interfaces"
        assert schema_differences(database) == []
        ctx = make_context(database)
        old = service.get_initiative(ctx, "old")
        assert old.target_interfaces is TargetInterfaces.NOT_STATED
        assert old.target_standards is None and old.row_version == 3
        assert old.system_ids == ["s1"]
    finally:
        database.dispose()
        if engine == "postgresql":
            drop_scratch_database(POSTGRES_URL, name)
