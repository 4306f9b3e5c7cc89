"""Bad input: every error is located and explained, all errors come together, nothing is
written, and hostile XML is refused."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from produktlyft.inventory.services.imports import import_files
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import InvalidInput
from tests.integration.helpers import snapshot, write_workbook

SYSTEM_HEADER = None  # let write_workbook write the header row


def _fail(ctx: ServiceContext, *paths: Path) -> list[str]:
    before = snapshot(ctx.database)
    with pytest.raises(InvalidInput) as caught:
        import_files(ctx, list(paths))
    assert snapshot(ctx.database) == before, "a failed import must write nothing"
    return [str(issue) for issue in caught.value.issues if issue.severity == "error"]


def _systems_row(**values: object) -> list[object]:
    from produktlyft.inventory.template import SHEETS_BY_KEY

    return [values.get(c.field) for c in SHEETS_BY_KEY["systems"].columns]


@pytest.fixture
def seeded(ctx: ServiceContext, tmp_path: Path) -> ServiceContext:
    """A database with one system, so we can see that failures leave it alone."""
    path = write_workbook(
        tmp_path / "seed.xlsx", {"systems": [None, _systems_row(id="S1", name="Ekonomisystem")]}
    )
    import_files(ctx, [path])
    return ctx


def test_wrong_types_are_all_reported_with_row_and_column(
    seeded: ServiceContext, tmp_path: Path
) -> None:
    path = write_workbook(
        tmp_path / "bad.xlsx",
        {
            "systems": [
                None,
                _systems_row(id="S2", name="Elevregister", criticality="hög"),
                _systems_row(id="S3", name="Bygglovssystem", users="många"),
                _systems_row(id="S4", name="Vård", **{"internal_dates.end_of_life": "snart"}),
                _systems_row(id="S1", name="Ändrat namn"),
            ]
        },
    )
    errors = _fail(seeded, path)
    assert (
        "bad.xlsx, sheet 'System', row 2, column 'Kritikalitet': 'hög' is not one of "
        "samhällskritisk, verksamhetskritisk, ej kritisk" in errors
    )
    assert any("row 3, column 'Antal användare'" in e and "whole number" in e for e in errors)
    assert any("row 4, column 'Internt: avvecklad'" in e and "YYYY-MM-DD" in e for e in errors)
    assert len(errors) == 3  # all of them at once, and the valid S1 change is not written


def test_duplicate_ids_in_a_sheet(seeded: ServiceContext, tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "dup.xlsx",
        {"systems": [None, _systems_row(id="S7", name="A"), _systems_row(id="S7", name="B")]},
    )
    errors = _fail(seeded, path)
    assert errors == [
        "dup.xlsx, sheet 'System', row 3, column 'ID': the id 'S7' is used again "
        "(first on row 2); ids must be unique within a sheet"
    ]


def test_dangling_references_are_errors(seeded: ServiceContext, tmp_path: Path) -> None:
    from produktlyft.inventory.template import SHEETS_BY_KEY

    columns = [c.field for c in SHEETS_BY_KEY["integrations"].columns]
    row = dict.fromkeys(columns)
    row.update(id="I1", source_id="S1", target_id="NOPE")
    path = write_workbook(
        tmp_path / "dangling.xlsx", {"integrations": [None, [row[c] for c in columns]]}
    )
    errors = _fail(seeded, path)
    assert len(errors) == 1
    assert "sheet 'Integrationer', row 2" in errors[0]
    assert "target_id refers to system 'NOPE'" in errors[0]


def test_missing_required_column(seeded: ServiceContext, tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "nohead.xlsx", {"systems": [["ID", "Beskrivning"], ["S9", "x"]]}
    )
    errors = _fail(seeded, path)
    assert "required column(s) 'Namn' (or 'Name') missing" in errors[0]


def test_truncated_xlsx(seeded: ServiceContext, tmp_path: Path) -> None:
    good = write_workbook(
        tmp_path / "good.xlsx", {"systems": [None, _systems_row(id="S5", name="X")]}
    )
    data = good.read_bytes()
    truncated = tmp_path / "truncated.xlsx"
    truncated.write_bytes(data[: len(data) // 2])
    errors = _fail(seeded, truncated)
    assert "truncated.xlsx" in errors[0] and "truncated or damaged" in errors[0]


def test_billion_laughs_is_refused(seeded: ServiceContext, tmp_path: Path) -> None:
    lol = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{"&lol" + str(i - 1) + ";" * 1}' + f"&lol{i - 1};" * 9 + '">'
        for i in range(1, 10)
    ]
    path = tmp_path / "laughs.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE model [' + "".join(lol) + "]>\n"
        '<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/">'
        "<name>&lol9;</name></model>"
    )
    errors = _fail(seeded, path)
    assert "laughs.xml" in errors[0] and "DTD or entities" in errors[0]


def test_external_entity_is_refused(seeded: ServiceContext, tmp_path: Path) -> None:
    path = tmp_path / "xxe.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE model [<!ENTITY xxe SYSTEM '
        '"file:///etc/passwd">]>\n<model xmlns="http://www.opengroup.org/xsd/'
        'archimate/3.0/"><name>&xxe;</name></model>'
    )
    errors = _fail(seeded, path)
    assert "xxe.xml" in errors[0] and "refused" in errors[0]


def test_oversized_file_is_refused_with_the_limit(database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import make_context

    small = make_context(database, max_import_bytes=1024 * 1024)
    path = tmp_path / "big.csv"
    path.write_text("ID;Namn\n" + "x;y\n" * 400_000)
    errors = _fail(small, path)
    assert "over the limit of 1 MB" in errors[0]


def test_zip_bomb_is_refused(database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import make_context

    ctx = make_context(database, max_unpacked_bytes=10 * 1024 * 1024)
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", b"0" * (20 * 1024 * 1024))
    errors = _fail(ctx, path)
    assert "unpacks to 20 MB, over the limit of 10 MB" in errors[0]


def test_errors_are_capped_per_file(database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import make_context

    ctx = make_context(database, max_issues_per_file=5)
    rows = [None] + [_systems_row(id=f"S{i}", name="x", users="many") for i in range(50)]
    errors = _fail(ctx, write_workbook(tmp_path / "many.xlsx", {"systems": rows}))
    assert len(errors) == 5


def test_unknown_format(seeded: ServiceContext, tmp_path: Path) -> None:
    path = tmp_path / "notes.docx"
    path.write_bytes(b"\x00\x01 not a known format")
    errors = _fail(seeded, path)
    assert "cannot tell the format" in errors[0]


def test_dangling_backstage_dependency_is_an_error(seeded: ServiceContext, tmp_path: Path) -> None:
    path = tmp_path / "catalog-info.yaml"
    path.write_text(
        "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: a\n"
        "spec:\n  type: service\n  owner: team-x\n  lifecycle: production\n"
        "  dependsOn: ['component:b']\n"
    )
    errors = _fail(seeded, path)
    assert any("spec.dependsOn 'component:b' is not in the catalog" in e for e in errors)


def test_parent_cycles_are_errors(seeded: ServiceContext, tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "cycle.xlsx",
        {"capabilities": [None, ["C1", "Ett", None, "C2"], ["C2", "Två", None, "C1"]]},
    )
    errors = _fail(seeded, path)
    assert len(errors) == 2 and all("loops back" in e for e in errors)


def test_bytes_that_are_no_known_encoding_are_a_located_error(
    seeded: ServiceContext, tmp_path: Path
) -> None:
    path = tmp_path / "systems.csv"  # 0x81 is neither UTF-8 nor a Windows-1252 character
    path.write_bytes(b"ID;Namn\r\nS8;Ekonomi\r\nS9;Tr\x81sig\r\n")
    errors = _fail(seeded, path)
    assert len(errors) == 1
    assert errors[0].startswith("systems.csv, sheet 'systems.csv', line 3: ")
    assert "byte 0x81" in errors[0] and "UTF-8, UTF-16 or Windows-1252" in errors[0]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig"])
def test_utf16_and_utf8_files_with_a_byte_order_mark_are_read(
    seeded: ServiceContext, tmp_path: Path, encoding: str
) -> None:
    from produktlyft.inventory.services.export import load_inventory

    text = "ID;Namn;Leverantör\r\nS8;Ärendesystem;Åkeri AB\r\n"
    path = tmp_path / "systems.csv"
    bom = "\ufeff" if encoding == "utf-16-be" else ""  # utf-16 and utf-8-sig write their own
    path.write_bytes((bom + text).encode(encoding))
    report = import_files(seeded, [path])
    assert sum(counts.created for counts in report.counts.values()) == 1
    system = next(s for s in load_inventory(seeded).systems if s.id == "S8")
    assert (system.name, system.vendor) == ("Ärendesystem", "Åkeri AB")


def test_a_cell_over_the_csv_field_limit_is_a_located_error(
    seeded: ServiceContext, tmp_path: Path
) -> None:
    path = tmp_path / "systems.csv"
    path.write_text("ID;Namn\nS8;Ekonomi\nS9;" + "x" * 140_000 + "\n", encoding="utf-8")
    errors = _fail(seeded, path)
    assert len(errors) == 1
    assert errors[0].startswith("systems.csv, sheet 'systems.csv', row 3: ")
    assert "more than 131 072 characters" in errors[0]


def test_a_catalog_file_with_bytes_yaml_cannot_read_is_a_located_error(
    seeded: ServiceContext, tmp_path: Path
) -> None:
    """The importer fuzzing found a UnicodeDecodeError escaping (an internal error) here."""
    path = tmp_path / "catalog-info.yaml"
    path.write_bytes(b"apiVersion: backstage.io/v1alpha1\nkind: Component\n\xff\n")
    errors = _fail(seeded, path)
    assert len(errors) == 1 and errors[0].startswith("catalog-info.yaml, row 3: catalog-info.yaml")
    assert "is not valid YAML" in errors[0]


def test_a_catalog_file_in_utf16_is_read(seeded: ServiceContext, tmp_path: Path) -> None:
    path = tmp_path / "catalog-info.yaml"
    entity = "apiVersion: backstage.io/v1alpha1\nkind: System\nmetadata:\n  name: lönesystem\n"
    path.write_bytes(entity.encode("utf-16"))
    report = import_files(seeded, [path])
    assert sum(counts.created for counts in report.counts.values()) == 1
