"""What bench/faults_under_load.py checks the database with: the systems as stored, a short
fingerprint of them, the import files it writes, and the editors' lost or doubled marks.
Not a script."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from _fault_clients import Writers


def systems_state(url: str, leave_out: set[str]) -> dict[str, tuple[str, str | None]]:
    """Every system's name and description, read straight from the database."""
    from produktlyft.inventory.repository import InventoryRepository
    from produktlyft.kernel.db import Database

    database = Database(url)
    try:
        with database.reading() as uow:
            records = uow.repo(InventoryRepository).load("systems")
        return {
            r.id: (r.name, getattr(r, "description", None))
            for r in records
            if r.id not in leave_out
        }
    finally:
        database.dispose()


def fingerprint(state: dict[str, tuple[str, str | None]]) -> tuple[int, str]:
    digest = hashlib.sha256(json.dumps(sorted(state.items())).encode()).hexdigest()[:16]
    return len(state), digest


def import_file(
    folder: Path, base: dict[str, Any], label: str, new: int, changed: list[str]
) -> tuple[Path, dict[str, tuple[str, str | None]]]:
    """A JSON import adding `new` systems and changing the descriptions of `changed`; returns
    it with the systems it writes (id -> name, description)."""
    template = base["systems"][0]
    systems = []
    for number in range(new):
        system = {**template, "id": f"{label}-{number:05d}", "name": f"{label} system {number}"}
        systems.append({**system, "description": f"added by {label}", "row_version": None})
    by_id = {s["id"]: s for s in base["systems"]}
    for system_id in changed:
        systems.append({**by_id[system_id], "description": f"changed by {label}"})
    document = {key: [] for key in base if key != "format"}
    document.update({"format": base["format"], "systems": systems})
    path = folder / f"{label}.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path, {s["id"]: (s["name"], s["description"]) for s in systems}


def lost_and_doubled(url: str, writers: Writers) -> tuple[int, int, int]:
    """(lost, doubled, written without acknowledgement) among the editors' marks."""
    state = systems_state(url, set())
    seen: Counter[str] = Counter()
    for system in writers.hot:
        for mark in re.findall(r"\[w\d+-\d+\]", state[system][1] or ""):
            seen[f"{system}{mark}"] += 1
    acknowledged = {f"{system}{mark}" for system, mark in writers.acknowledged}
    lost = sum(1 for key in acknowledged if seen[key] == 0)
    doubled = sum(1 for count in seen.values() if count > 1)
    unacknowledged = sum(1 for key in seen if key not in acknowledged)
    return lost, doubled, unacknowledged
