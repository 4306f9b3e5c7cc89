"""The import preview lists which records would be created, changed (field: old → new) and are
no longer in the file, per kind of record, capped with "and N more"; the CLI's dry run too."""

from __future__ import annotations

import json
import re
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from produktlyft.bootstrap import cli_app
from produktlyft.kernel.db import Database
from tests.web.conftest import csrf_of


def _preview(admin: TestClient, name: str, document: dict[str, object]) -> str:
    response = admin.post(
        "/import",
        data={"csrf_token": csrf_of(admin, "/import")},
        files={"file": (name, json.dumps(document), "application/json")},
    )
    assert response.status_code == 200, response.text[-2000:]
    return response.text


def _current_name(admin: TestClient, system_id: str) -> str:
    page = admin.get(f"/systems/{system_id}").text
    match = re.search(r"<h1[^>]*>([^<]+)</h1>", page)
    assert match
    return match.group(1).strip()


def test_the_preview_names_new_changed_and_gone_records(admin: TestClient) -> None:
    old_name = _current_name(admin, "sys-00001")
    document = {
        "systems": [
            {"id": "sys-00001", "name": "Omdöpt system"},
            {"id": "sys-new", "name": "Nytt system"},
        ]
    }
    page = _preview(admin, "demo.json", document)  # the file the seeded inventory came from
    changes = page.split('id="import-changes"', 1)[1]
    systems = changes.split('id="changes-systems"', 1)[1].split("</section>", 1)[0]
    created = systems.split('data-change="created"', 1)[1].split("</ul>", 1)[0]
    assert "Nytt system" in created and "sys-new" in created
    updated = systems.split('data-change="updated"', 1)[1]
    assert "Omdöpt system" in updated and f"{old_name} → Omdöpt system" in updated
    removed = systems.split('data-change="removed"', 1)[1]
    assert "sys-00002" in removed and "--prune" in systems


def test_a_large_import_lists_the_first_records_and_how_many_more(admin: TestClient) -> None:
    document = {"systems": [{"id": f"sys-x{i:04d}", "name": f"System {i}"} for i in range(150)]}
    page = _preview(admin, "stort.json", document)
    created = page.split('data-change="created"', 1)[1].split("</ul>", 1)[0]
    assert created.count("<li>") == 101  # 100 named and one "and 50 more"
    assert "och 50 till" in created


def test_the_cli_dry_run_prints_the_same_lists(web_database: Database, tmp_path: Path) -> None:
    path = tmp_path / "demo.json"
    path.write_text(json.dumps({"systems": [{"id": "sys-00001", "name": "Omdöpt system"}]}))
    result = CliRunner().invoke(
        cli_app(), ["--database", web_database.url, "import", str(path), "--dry-run"]
    )
    assert result.exit_code == 0, result.output
    assert "systems, changed (1):" in result.output
    assert re.search(r"name: .+ → Omdöpt system", result.output)
    assert "systems, no longer in the file (11):" in result.output
    assert "… and" not in result.output.split("systems, changed", 1)[1].split("systems, no", 1)[0]
