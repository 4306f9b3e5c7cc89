"""Slices and contract terms stored and read back on SQLite and PostgreSQL; the demo's three
slices; slices drafted from a roadmap phase (the roadmap's services faked here)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from produktlyft.kernel.access import Role
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import InvalidInput, NotFound, PermissionDenied
from produktlyft.procurement import service
from produktlyft.procurement.model import ContractTerms, Result
from produktlyft.procurement.presenter import outline_document
from produktlyft.procurement.service import (
    checked_slices,
    draft_slices,
    get_slice,
    list_slices,
    list_terms,
    load_demo_procurement,
    save_slices_file,
    save_terms,
)
from produktlyft.roadmap.model import Initiative, Phase
from tests.conftest import make_context

SLICES = (
    "slice,need,supplier,start,end,value_sek,buyer_type,route,outcome,success_criterion\n"
    "A,n1,Acme,2027-01-01,2027-03-31,500000,central,open,o,80 % digital\n"
    "B,n1,Beta,2027-04-01,2027-06-30,500000,central,open,o,80 % digital\n"
)


def test_slices_are_saved_replaced_and_checked(ctx: ServiceContext, tmp_path: Path) -> None:
    path = tmp_path / "slices.csv"
    path.write_text(SLICES, encoding="utf-8")
    assert len(save_slices_file(ctx, path)) == 2
    path.write_text(
        SLICES.replace("500000,central,open,o,80 % digital\n", "700000,central,open,o,80 %\n", 1)
    )
    save_slices_file(ctx, path)
    stored = list_slices(ctx)
    assert [s.slice for s in stored] == ["A", "B"] and stored[0].value_sek == 700_000
    assert get_slice(ctx, "B").slice.need == "n1"
    with pytest.raises(NotFound):
        get_slice(ctx, "nothing")


def test_a_bad_file_writes_nothing(ctx: ServiceContext, tmp_path: Path) -> None:
    path = tmp_path / "slices.csv"
    path.write_text(SLICES + "C,n1,Acme,,2027-06-30,1,central,open,o,1\n", encoding="utf-8")
    with pytest.raises(InvalidInput):
        save_slices_file(ctx, path)
    assert list_slices(ctx) == []


def test_a_viewer_may_read_but_not_save(ctx: ServiceContext, tmp_path: Path) -> None:
    path = tmp_path / "slices.csv"
    path.write_text(SLICES, encoding="utf-8")
    viewer = make_context(ctx.database, Role.VIEWER)
    with pytest.raises(PermissionDenied):
        save_slices_file(viewer, path)
    assert list_slices(viewer) == []


def test_contract_terms_round_trip(ctx: ServiceContext) -> None:
    terms = ContractTerms(
        contract_id="AVT-0001",
        options_value_sek=250_000,
        extension_months=12,
        notice_months=3,
        exit_clause=True,
        data_return_format="csv",
        code_ownership="agency",
        system_ids=["SYS-1", "SYS-2"],
        route="dps",
    )
    save_terms(ctx, terms)
    save_terms(ctx, terms.model_copy(update={"notice_months": 2}))
    assert list_terms(ctx) == [terms.model_copy(update={"notice_months": 2})]


def _fake_roadmap(monkeypatch: pytest.MonkeyPatch) -> Phase:
    phase = Phase(
        id="2027-Q1",
        name="Q1",
        start=date(2027, 1, 1),
        end=date(2027, 3, 31),
        initiative_ids=("i-long", "i-short", "i-own"),
        cost_sek=0,
    )
    initiatives = {
        "i-long": Initiative(
            id="i-long",
            name="Nytt ärendesystem",
            kind="replace",
            effort_weeks=40,
            sourcing="partner",
            cost_sek=4_000_000,
            teams=["team-a"],
        ),
        "i-short": Initiative(
            id="i-short",
            name="Avveckla fax",
            kind="retire",
            effort_weeks=8,
            sourcing="either",
            cost_sek=300_000,
        ),
        "i-own": Initiative(
            id="i-own", name="Egen", kind="upgrade", effort_weeks=4, sourcing="internal"
        ),
    }
    monkeypatch.setattr(service.roadmap_service, "list_phases", lambda ctx: [phase])
    monkeypatch.setattr(
        service.roadmap_service,
        "get_initiative",
        lambda ctx, initiative_id: initiatives[initiative_id],
    )
    return phase


def test_slices_drafted_from_a_phase(ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_roadmap(monkeypatch)
    drafted = draft_slices(ctx, "2027-Q1")
    assert [s.slice for s in drafted] == ["i-long-1", "i-long-2", "i-short"]
    assert drafted[1].start == date(2027, 7, 1) and drafted[0].end == date(2027, 6, 30)
    assert sum(s.value_sek for s in drafted[:2]) == pytest.approx(4_000_000, abs=1)
    checked = {c.slice.slice: c for c in checked_slices(ctx, "2027-Q1")}
    assert all(c.count(Result.FAIL) == 0 for c in checked.values())
    assert {c.rule for c in checked["i-long-1"].checks if c.result is Result.WARN} == {"interfaces"}
    with pytest.raises(NotFound):
        draft_slices(ctx, "2030-Q1")


def test_the_demo_has_three_slices_and_one_fails_a_rule(ctx: ServiceContext) -> None:
    first = load_demo_procurement(ctx)
    assert first.created and len(first.slices) == 3
    results = checked_slices(ctx, first.phase_id)
    verdicts = [c.verdict for c in results]
    assert verdicts.count(Result.FAIL) == 1
    failing = next(c for c in results if c.verdict is Result.FAIL)
    assert [(c.rule, c.reason) for c in failing.checks if c.result is Result.FAIL] == [
        ("shape.length", "shape_too_long")
    ]
    again = load_demo_procurement(ctx)
    assert not again.created and len(list_slices(ctx)) == 3
    document = outline_document(failing, "sv")
    assert document[:2] == b"PK"


def test_the_report_section_shows_the_first_phase_and_what_fails(ctx: ServiceContext) -> None:
    from produktlyft.kernel.report.sections import ReportContext
    from produktlyft.procurement.report import procurement

    assert procurement(ReportContext("sv", ctx)) is None  # nothing saved: no section
    demo = load_demo_procurement(ctx)
    section = procurement(ReportContext("en", ctx))
    assert section is not None and section.title == "Procurement: contract slices"
    assert "3 contract slices" in section.paragraphs[0] and "1 of them" in section.paragraphs[0]
    [failing] = section.items
    assert failing.startswith(demo.slices[2]) and "at most 6 months" in failing
    assert [row[0] for row in section.tables[0].rows] == demo.slices
    swedish = procurement(ReportContext("sv", ctx))
    assert swedish is not None and swedish.title == "Upphandling: delavtal"


def test_the_contract_register_joins_the_inventory_and_the_terms(
    ctx: ServiceContext, tmp_path: Path
) -> None:
    from produktlyft.inventory.importers.source import ParsedSource
    from produktlyft.inventory.model import Contract
    from produktlyft.inventory.services.imports import import_sources
    from produktlyft.procurement.presenter import register_json
    from produktlyft.procurement.service import contract_register, import_terms

    source = ParsedSource(path=Path("contracts.json"), format="json")
    source.inventory.records("contracts").append(
        Contract(
            id="AVT-1",
            name="Avtal Acme",
            supplier="Acme",
            value=2_000_000,
            notice_period_months=6,
            exit_clause=False,
        )
    )
    import_sources(make_context(ctx.database, data_dir=tmp_path / "d"), [source])
    path = tmp_path / "terms.csv"
    path.write_text(
        "avtal;optioner sek;uppsägningstid;exitklausul;dataformat;kodägande;system;"
        "upphandlingsväg\nAVT-1;500 000;3;ja;csv;myndigheten;SYS-1;SYS-2;öppet förfarande\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidInput):  # the systems cell is split by ';' in a ';' file
        import_terms(ctx, path)
    path.write_text(
        "avtal;optioner sek;uppsägningstid;exitklausul;dataformat;kodägande;system;"
        "upphandlingsväg\nAVT-1;500 000;3;ja;csv;myndigheten;SYS-1, SYS-2;öppet förfarande\n",
        encoding="utf-8",
    )
    assert import_terms(ctx, path) == 1
    [row] = register_json(contract_register(ctx))
    assert row["supplier"] == "Acme" and row["options_value_sek"] == 500_000
    assert (row["notice_months"], row["exit_clause"], row["route"]) == (3, True, "open")
    assert row["system_ids"] == ["SYS-1", "SYS-2"] and row["code_ownership"] == "agency"


def test_saved_slices_are_checked_with_the_interoperability_check(
    ctx: ServiceContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = [SimpleNamespace(id="SYS-1", name="Ärende", open_standard_share=0.0, silo_risk=0.9)]
    monkeypatch.setattr(service.interop_service, "system_interop", lambda ctx: found)
    path = tmp_path / "slices.csv"
    path.write_text(SLICES.replace("need,", "need,systems,").replace(",n1,", ",n1,SYS-1,"))
    save_slices_file(ctx, path)
    checked = checked_slices(ctx)[0]
    silo = next(c for c in checked.checks if c.rule == "interfaces.systems")
    assert silo.result is Result.WARN and silo.params["names"] == "Ärende"
