"""Each command reads the database it names, also when an earlier command in the same process
named another (the test suite runs many commands in one process; a dry run once read the
previous test's database and called every record new)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from produktlyft.bootstrap import cli_app


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli_app(), list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_a_second_command_reads_the_database_it_names(tmp_path: Path) -> None:
    first, second = (f"sqlite:///{tmp_path / name}" for name in ("first.db", "second.db"))
    inventory = tmp_path / "inventory.json"
    inventory.write_text(json.dumps({"systems": [{"id": "sys-a", "name": "Ett system"}]}))
    _run("--database", first, "init")
    _run("--database", first, "import", str(inventory))
    _run("--database", second, "init")
    dry_run = _run("--database", second, "import", str(inventory), "--dry-run")
    assert "systems, new (1):" in dry_run
    again = _run("--database", first, "import", str(inventory), "--dry-run")
    assert "systems, new" not in again
