"""The JSON export: one top-level key per entity, each a list of records."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from produktlyft.inventory.model import ENTITY_TYPES, Inventory

FORMAT_VERSION = 1


def inventory_document(inventory: Inventory) -> dict[str, Any]:
    document: dict[str, Any] = {
        entity: [record.model_dump(mode="json") for record in inventory.records(entity)]
        for entity in ENTITY_TYPES
    }
    document["format"] = {"name": "produktlyft-inventory", "version": FORMAT_VERSION}
    return document


def write_json(inventory: Inventory, path: Path) -> None:
    text = json.dumps(inventory_document(inventory), ensure_ascii=False, indent=2)
    path.write_text(text + "\n", encoding="utf-8")
