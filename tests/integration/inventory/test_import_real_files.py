"""The real ArchiMate and Backstage files nobody here wrote import cleanly and sensibly."""

from __future__ import annotations

from pathlib import Path

from produktlyft.inventory.services.export import load_inventory
from produktlyft.inventory.services.imports import import_files
from produktlyft.kernel.context import ServiceContext


def _created(report) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {entity: c.created for entity, c in report.counts.items() if c.created}


def test_archisurance_exchange_format(ctx: ServiceContext, test_data: Path) -> None:
    report = import_files(ctx, [test_data / "archimate/archisurance.xml"])
    assert _created(report) == {
        "units": 17,
        "technologies": 13,
        "data_objects": 4,
        "systems": 10,
        "integrations": 7,
        "contracts": 1,
    }
    skipped = report.skipped["archisurance.xml"]
    assert skipped["BusinessProcess"] == 9 and skipped["views"] == 18
    inventory = load_inventory(ctx)
    systems = {s.id: s for s in inventory.systems}
    assert systems["id-1393"].name == "CRM System"
    # technology reaches applications through a TechnologyService
    assert systems["id-861"].technology_ids == ["id-986", "id-1065"]
    assert [(u.data_object_id, u.access) for u in systems["id-861"].data_uses] == [
        ("id-838", "write")
    ]
    integration = inventory.integrations[0]
    assert {integration.source_id, integration.target_id} <= {s.id for s in inventory.systems}


def test_archi_native_formats_4_and_5(ctx: ServiceContext, test_data: Path) -> None:
    folder = test_data / "archimate"
    report = import_files(ctx, [folder / "archisurance.archimate"])
    assert report.counts["systems"].created == 10
    assert report.counts["integrations"].created == 7
    # the same model saved by Archi 5 has the same ids: a re-import, not new records
    newer = import_files(ctx, [folder / "Archisurance-archi5.archimate"])
    assert newer.counts["systems"].created == 0
    assert newer.counts["systems"].unchanged + newer.counts["systems"].updated == 10
    xml_report = import_files(ctx, [folder / "archisurance.xml"], dry_run=True)
    assert xml_report.counts["systems"].created == 10  # different ids, same model


def test_small_exchange_files(ctx: ServiceContext, test_data: Path) -> None:
    folder = test_data / "archimate"
    report = import_files(ctx, [folder / "sample1.xml", folder / "bendpoint.test.xml"])
    assert not report.warnings
    assert sum(c.created for c in report.counts.values()) == sum(
        c.created for c in report.counts.values()
    )  # imports without error
    assert report.skipped["sample1.xml"]["BusinessRole"] == 1


def test_backstage_catalog(ctx: ServiceContext, test_data: Path) -> None:
    folder = test_data / "backstage"
    report = import_files(ctx, [folder / "examples", folder / "catalog-info.yaml"])
    created = _created(report)
    assert created["systems"] == 14
    assert created["capabilities"] == 6  # 3 domains + 3 systems
    assert created["teams"] >= 5 and created["units"] >= 1
    assert created["technologies"] == 1
    messages = " ".join(str(w) for w in report.warnings)
    assert "streetlights" in messages and "hello-world" in messages and "CNCF" in messages
    inventory = load_inventory(ctx)
    lookup = next(s for s in inventory.systems if s.id == "component:default/artist-lookup")
    assert lookup.lifecycle == "phase_in"
    assert lookup.tags == ["java", "data"]
    assert [c.capability_id for c in lookup.capabilities] == [
        "system:default/artist-engagement-portal"
    ]
    team_a = next(t for t in inventory.teams if t.id == "group:default/team-a")
    assert "component:default/artist-lookup" in team_a.system_ids


def test_reimport_is_idempotent(ctx: ServiceContext, test_data: Path) -> None:
    path = test_data / "archimate/archisurance.xml"
    import_files(ctx, [path])
    again = import_files(ctx, [path])
    assert again.changed == 0
    assert again.counts["systems"].unchanged == 10
