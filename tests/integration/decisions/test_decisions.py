"""The decision register from file to measures, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from produktlyft.decisions.model import DecisionKind, DecisionLevel, DecisionRight
from produktlyft.decisions.service import (
    decision_report,
    import_decisions,
    import_rights,
    rights_matrix,
    set_rights,
)
from produktlyft.inventory.model import Team
from produktlyft.inventory.repository import InventoryRepository
from produktlyft.kernel.access import Role
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import InvalidInput, PermissionDenied
from tests.conftest import make_context

REGISTER = (
    "\n".join(
        [
            "id;rubrik;team;typ;beslutsnivå;föreslagen;beslutad;utfall",
            "d1;Byt till öppen källkod för formulär;Team Bygglov;verktyg och teknik;teamet självt;"
            "2025-09-01;2025-09-03;bifallen",
            "d2;Ny e-tjänst för bygglov;Team Bygglov;ändring av tjänst eller process;ledningen;"
            "2025-09-10;2025-10-20;bifallen med ändringar",
            "d3;Upphandla ny plattform;Team Bygglov;upphandling och inköp;"
            "politisk nämnd eller styrelse;2025-09-15;;",
            "d4;Släpp varje vecka;t2;driftsättning;ledningen;2025-12-20;;",
        ]
    )
    + "\n"
)


@pytest.fixture
def register(tmp_path: Path) -> Path:
    path = tmp_path / "beslut.csv"
    path.write_text(REGISTER, encoding="utf-8")
    return path


def test_import_and_measure(ctx: ServiceContext, register: Path) -> None:
    with ctx.database.unit_of_work() as uow:
        uow.repo(InventoryRepository).insert(
            "teams", [Team(id="t1", name="Team Bygglov"), Team(id="t2", name="Team Skola")]
        )
    result = import_decisions(ctx, register)
    assert (result.created, result.updated, result.unknown_teams) == (4, 0, [])
    again = import_decisions(ctx, register)
    assert (again.created, again.updated) == (0, 4)
    report = decision_report(ctx, undecided_after_days=60, as_of=date(2026, 1, 1))
    assert report.overall.decided == 2 and report.overall.median_days == 21
    assert report.overall.share_decided_in_team == 0.5
    assert [d.id for d in report.vanished] == ["d3"]  # d4 is only 12 days old
    assert report.levels[DecisionLevel.BOARD].share_vanished == 1.0
    own = decision_report(ctx, team="Team Skola", as_of=date(2026, 1, 1))
    assert own.team == "t2" and [d.id for d in own.decisions] == ["d4"]


def test_the_rights_matrix_shows_escalation_within_mandate(
    ctx: ServiceContext, register: Path, tmp_path: Path
) -> None:
    import_decisions(ctx, register)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Team", "Kind", "Who decides"])
    sheet.append(["Team Bygglov", "service_change", "team"])
    sheet.append(["Team Bygglov", "procurement", "board"])
    workbook.save(tmp_path / "rights.xlsx")
    assert import_rights(ctx, tmp_path / "rights.xlsx") == 2
    set_rights(
        ctx, [DecisionRight(team="Team Bygglov", kind=DecisionKind.TOOLS, level=DecisionLevel.TEAM)]
    )
    matrix = rights_matrix(ctx)
    assert matrix.level("Team Bygglov", DecisionKind.PROCUREMENT) is DecisionLevel.BOARD
    report = decision_report(ctx, as_of=date(2026, 1, 1))
    assert report.gap.escalated_within_mandate == ["d2"]


def test_bad_registers_name_row_and_column(ctx: ServiceContext, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "id,title,team,level,proposed_on,decided_on,outcome\n"
        "x1,Ok,T,team,2025-01-01,,\n"
        "x2,Wrong level,T,the king,2025-01-01,,\n"
        "x3,Backwards,T,team,2025-02-01,2025-01-01,approved\n"
        "x4,No outcome,T,team,2025-02-01,2025-03-01,\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidInput) as caught:
        import_decisions(ctx, path)
    text = str(caught.value)
    assert "row 3" in text and "the king" in text
    assert "row 4" in text and "before it was proposed" in text
    assert "row 5" in text and "outcome" in text
    assert decision_report(ctx).overall.proposed == 0  # nothing was written
    unknown = tmp_path / "unknown.csv"
    unknown.write_text("title,team,level,proposed_on,colour\nA,T,team,2025-01-01,red\n")
    with pytest.raises(InvalidInput, match="colour"):
        import_decisions(ctx, unknown)


def test_only_organisers_change_the_register(ctx: ServiceContext, register: Path) -> None:
    viewer = make_context(ctx.database, Role.VIEWER, "viewer")
    with pytest.raises(PermissionDenied):
        import_decisions(viewer, register)
    import_decisions(ctx, register)
    assert decision_report(viewer).overall.proposed == 4


def test_unreadable_registers_are_located_errors(ctx: ServiceContext, tmp_path: Path) -> None:
    path = tmp_path / "beslut.csv"
    path.write_bytes(REGISTER.encode("cp1252") + b"d5;Tr\x81sig;T;verktyg och teknik;;;;\n")
    with pytest.raises(InvalidInput) as caught:
        import_decisions(ctx, path)
    assert "beslut.csv, line 6: " in str(caught.value) and "byte 0x81" in str(caught.value)
    path.write_text(REGISTER.replace("Ny e-tjänst", "x" * 140_000), encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        import_decisions(ctx, path)
    assert "beslut.csv, row 3: " in str(caught.value)
    assert "more than 131 072 characters" in str(caught.value)
    assert decision_report(ctx).overall.proposed == 0  # nothing was written


def test_a_utf16_register_is_read(ctx: ServiceContext, tmp_path: Path) -> None:
    path = tmp_path / "beslut.csv"
    path.write_text(REGISTER, encoding="utf-16")
    assert import_decisions(ctx, path).created == 4
