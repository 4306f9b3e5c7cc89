"""Each command reads the database it names, also when an earlier command in the same process
named another (the test suite runs many commands in one process; a dry run once read the
previous test's database and called every record new)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from produktlyft.bootstrap import cli_app
from produktlyft.kernel.cli.state import STATE
from produktlyft.kernel.db import Database
from tests.conftest import make_context


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


def test_a_database_url_from_the_environment_keeps_a_context_given_earlier(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`make test` exports PRODUKTLYFT_DATABASE_URL; tests that hand the commands a context
    of their own must still get it (CI failed on 30 such tests when the variable replaced it)."""
    given = f"sqlite:///{tmp_path / 'given.db'}"
    inventory = tmp_path / "inventory.json"
    inventory.write_text(json.dumps({"systems": [{"id": "sys-a", "name": "Ett system"}]}))
    _run("--database", given, "init")
    _run("--database", given, "import", str(inventory))
    database = Database(given)
    monkeypatch.setattr(STATE, "_context", make_context(database))
    monkeypatch.setenv("PRODUKTLYFT_DATABASE_URL", f"sqlite:///{tmp_path / 'elsewhere.db'}")
    try:
        assert "systems, new" not in _run("import", str(inventory), "--dry-run")
    finally:
        database.dispose()
