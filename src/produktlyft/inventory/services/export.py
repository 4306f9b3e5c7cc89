"""Exporting the inventory and writing the empty import template."""

from __future__ import annotations

import tempfile
from pathlib import Path

from produktlyft.inventory.exporters.archimate import write_archimate
from produktlyft.inventory.exporters.json_export import write_json
from produktlyft.inventory.exporters.tabular import write_csv, write_xlsx
from produktlyft.inventory.exporters.template_guide import (
    add_instructions_file,
    add_instructions_sheet,
)
from produktlyft.inventory.model import Inventory
from produktlyft.inventory.repository import InventoryRepository
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import ProduktlyftError

EXPORT_FORMATS = ("xlsx", "csv", "archimate", "json")
TEMPLATE_FORMATS = ("xlsx", "csv")


def _write(inventory: Inventory, fmt: str, path: Path, lang: str) -> None:
    if fmt == "xlsx":
        write_xlsx(inventory, path, lang)
    elif fmt == "csv":
        write_csv(inventory, path, lang)
    elif fmt == "archimate":
        write_archimate(inventory, path)
    elif fmt == "json":
        write_json(inventory, path)
    else:
        raise ProduktlyftError(f"unknown format '{fmt}'; choose one of {', '.join(EXPORT_FORMATS)}")


def write_template(fmt: str, path: Path, lang: str = "sv") -> None:
    """The empty template: every sheet with its header row, and the instructions with an
    example row per sheet (a first sheet, or a text file beside the CSV files)."""
    if fmt not in TEMPLATE_FORMATS:
        raise ProduktlyftError(f"the template comes as {' or '.join(TEMPLATE_FORMATS)}, not {fmt}")
    _write(Inventory(), fmt, path, lang)
    if fmt == "xlsx":
        add_instructions_sheet(path, lang)
    else:
        add_instructions_file(path, lang)


def load_inventory(ctx: ServiceContext) -> Inventory:
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        return uow.repo(InventoryRepository).load_inventory()


def export_inventory(ctx: ServiceContext, fmt: str, path: Path, lang: str = "sv") -> Inventory:
    if fmt not in EXPORT_FORMATS:
        raise ProduktlyftError(f"unknown format '{fmt}'; choose one of {', '.join(EXPORT_FORMATS)}")
    inventory = load_inventory(ctx)
    _write(inventory, fmt, path, lang)
    return inventory


TEMPLATE_MEDIA = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "application/zip",
}


def template_download(fmt: str, lang: str = "sv") -> tuple[str, bytes]:
    """The template as a file to download: its name and its bytes (CSV comes zipped)."""
    if lang not in ("sv", "en"):
        raise ProduktlyftError(f"the template comes in sv or en, not {lang}")
    stem = "importmall" if lang == "sv" else "import-template"
    name = f"{stem}.{'xlsx' if fmt == 'xlsx' else 'zip'}"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        write_template(fmt, path, lang)
        return name, path.read_bytes()
