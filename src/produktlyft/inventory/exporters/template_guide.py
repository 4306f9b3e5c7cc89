"""The instructions that come with the empty import template: how to fill it in, and one
example row per sheet, derived from the template declaration so it never drifts from it.

In the workbook they are a first sheet ("Instruktioner" / "Instructions") that the importer
skips; in the CSV zip a text file beside the CSV files (the importer reads only `*.csv`). The
example rows stay out of the data sheets, so an untouched template imports nothing.
"""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.styles import Font

from produktlyft.inventory.template import LIST_SEPARATOR, SHEETS, Column, Sheet
from produktlyft.kernel.labels import LabelledEnum

SHEET_TITLE = {"sv": "Instruktioner", "en": "Instructions"}
TEXT_FILE = {"sv": "LASMIG.txt", "en": "README.txt"}
EXAMPLE_DATE = date(2027, 1, 31)

# Example values where the type alone would give a meaningless one.
_EXAMPLE_FIELDS: dict[str, dict[str, str]] = {
    "sv": {
        "id": "SYS-001",
        "name": "Ärendehanteringssystem",
        "description": "Handläggning av bygglovsärenden",
        "system_owner": "Anna Andersson",
        "technical_owner": "Drift och förvaltning",
        "vendor": "Leverantören AB",
        "supplier": "Leverantören AB",
        "version": "15",
    },
    "en": {
        "id": "SYS-001",
        "name": "Case management system",
        "description": "Handling of building-permit cases",
        "system_owner": "Anna Andersson",
        "technical_owner": "IT operations",
        "vendor": "Supplier Ltd",
        "supplier": "Supplier Ltd",
        "version": "15",
    },
}
# The id prefix of each sheet's records, and of the fields that refer to them.
_PREFIX = {
    "units": "UNIT",
    "systems": "SYS",
    "capabilities": "CAP",
    "technologies": "TECH",
    "integrations": "INT",
    "data_objects": "DATA",
    "contracts": "CONTRACT",
    "teams": "TEAM",
}
_REFERS_TO = {
    "owning_unit_id": "UNIT",
    "unit_id": "UNIT",
    "system_id": "SYS",
    "system_ids": "SYS",
    "source_id": "SYS",
    "target_id": "SYS-002",
    "capability_id": "CAP",
    "data_object_id": "DATA",
    "technology_ids": "TECH",
}
_NAMES = {
    "sv": {
        "units": "Samhällsbyggnadsförvaltningen",
        "capabilities": "Bygglovshantering",
        "technologies": "PostgreSQL",
        "integrations": "Ärenden till e-arkivet",
        "data_objects": "Bygglovsärende",
        "contracts": "Avtal om ärendesystem",
        "teams": "Team Bygglov",
    },
    "en": {
        "units": "Planning department",
        "capabilities": "Building permits",
        "technologies": "PostgreSQL",
        "integrations": "Cases to the e-archive",
        "data_objects": "Building-permit case",
        "contracts": "Case system contract",
        "teams": "Team Building permits",
    },
}
_STEPS = {
    "sv": [
        "Så fyller du i mallen",
        "1. Varje blad är en sorts uppgift: system, förmågor, integrationer, avtal och så vidare. "
        "Fyll i de blad du har uppgifter till; tomma blad går bra.",
        "2. Rubrikerna i första raden ska stå kvar. Kolumner märkta (obligatorisk) måste fyllas i.",
        f"3. Listor skrivs med '{LIST_SEPARATOR}' mellan värdena. Datum skrivs ÅÅÅÅ-MM-DD.",
        "4. ID kopplar ihop bladen: ett system på bladet Systemförmågor anges med systemets ID.",
        "5. Importera under Importera i webbappen eller med `produktlyft import FIL.xlsx`. "
        "Du ser först vad som skapas och ändras; inget sparas förrän du bekräftar.",
        "Andra format: ArchiMate (Open Exchange .xml eller Archi .archimate), Backstage-kataloger "
        "(catalog-info.yaml) och produktlyfts JSON-export kan importeras direkt.",
        "",
        "Exempel: en rad per blad",
    ],
    "en": [
        "How to fill in the template",
        "1. Each sheet is one kind of record: systems, capabilities, integrations, contracts and "
        "so on. Fill in the sheets you have facts for; empty sheets are fine.",
        "2. Keep the headers in the first row. Columns marked (required) must be filled in.",
        f"3. Lists use '{LIST_SEPARATOR}' between values. Dates are written YYYY-MM-DD.",
        "4. IDs link the sheets: a system on the System capabilities sheet is named by its ID.",
        "5. Import on the Import page of the web app or with `produktlyft import FILE.xlsx`. You "
        "first see what will be created and changed; nothing is saved until you confirm.",
        "Other formats: ArchiMate (Open Exchange .xml or Archi .archimate), Backstage catalogs "
        "(catalog-info.yaml) and produktlyft's JSON export import directly.",
        "",
        "Example: one row per sheet",
    ],
}
_REQUIRED = {"sv": "(obligatorisk)", "en": "(required)"}


def _reference(sheet: Sheet, leaf: str) -> str | None:
    """The example id a field holds: its own sheet's for `id`/`parent_id`, else the sheet
    it refers to."""
    if leaf in ("id", "parent_id"):
        own = _PREFIX.get(sheet.key, "ID")
        return f"{own}-001" if leaf == "id" else f"{own}-000"
    target = _REFERS_TO.get(leaf)
    if target is None:
        return None
    return target if "-" in target else f"{target}-001"


def example_value(sheet: Sheet, column: Column, lang: str) -> str:
    """A plausible value for a column, from its field name or else its type."""
    leaf = column.field.rsplit(".", 1)[-1]
    kind = column.type
    reference = _reference(sheet, leaf)
    if reference is not None:
        value = reference
    elif leaf == "name" and sheet.key in _NAMES[lang]:
        value = _NAMES[lang][sheet.key]
    elif leaf in _EXAMPLE_FIELDS[lang]:
        value = _EXAMPLE_FIELDS[lang][leaf]
    elif isinstance(kind, type) and issubclass(kind, LabelledEnum):
        value = next(iter(kind)).label(lang)
    elif kind is bool:
        value = "ja" if lang == "sv" else "yes"
    elif kind in (int, float):
        value = "100"
    elif getattr(kind, "__name__", "") == "date":
        value = EXAMPLE_DATE.isoformat()
    else:
        value = column.header(lang)
    if not column.is_list:
        return value
    second = value[:-3] + "002" if value.endswith("-001") else f"{value} 2"
    return f"{value}{LIST_SEPARATOR}{second}"


def example_rows(sheet: Sheet, lang: str) -> tuple[list[str], list[str]]:
    headers = [
        f"{c.header(lang)} {_REQUIRED[lang]}" if c.required else c.header(lang)
        for c in sheet.columns
    ]
    return headers, [example_value(sheet, c, lang) for c in sheet.columns]


def guide_lines(lang: str) -> list[list[str]]:
    """The instructions as rows: the steps, then per sheet its name, headers and an example."""
    rows: list[list[str]] = [[line] for line in _STEPS[lang]]
    for sheet in SHEETS:
        headers, example = example_rows(sheet, lang)
        rows += [[], [sheet.title(lang)], headers, example]
    return rows


def add_instructions_sheet(path: Path, lang: str) -> None:
    """Put the instructions first in a template workbook written by `write_xlsx`."""
    workbook = load_workbook(path)
    sheet = workbook.create_sheet(SHEET_TITLE[lang], 0)
    for row in guide_lines(lang):
        sheet.append(row)
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.column_dimensions["A"].width = 40
    workbook.active = 0
    workbook.save(path)


def add_instructions_file(path: Path, lang: str) -> None:
    """Put the instructions as a text file into a template zip or folder written by
    `write_csv`."""
    text = "\n".join("\t".join(row) for row in guide_lines(lang)) + "\n"
    if path.is_dir():
        (path / TEXT_FILE[lang]).write_text(text, encoding="utf-8")
        return
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(TEXT_FILE[lang], text.encode("utf-8"))
