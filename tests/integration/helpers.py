"""Small builders shared by the integration tests."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from produktlyft.inventory.change_log import ChangeLogRepository
from produktlyft.inventory.repository import InventoryRepository
from produktlyft.inventory.template import SHEETS_BY_KEY


def write_workbook(path: Path, sheets: dict[str, list[list[object]]], lang: str = "sv") -> Path:
    """A workbook whose sheets are given as rows; the header row is written for you when the
    first row is None."""
    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    for key, rows in sheets.items():
        sheet = SHEETS_BY_KEY[key]
        worksheet = workbook.create_sheet(sheet.title(lang))
        for row in rows:
            worksheet.append([c.header(lang) for c in sheet.columns] if row is None else row)
    workbook.save(path)
    return path


def snapshot(database) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Everything a failed import must leave untouched."""
    with database.reading() as uow:
        inventory = uow.repo(InventoryRepository).load_inventory()
        changes = uow.repo(ChangeLogRepository).recent(limit=10_000)
    return {"inventory": inventory.model_dump(mode="json"), "changes": len(changes)}
