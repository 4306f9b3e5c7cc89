"""`produktlyft serve --workers N` must not let uvicorn's supervisor kill a worker that is busy
rather than hung: with its default of 5 s, workers serving an import on a loaded two-core
machine were killed with the requests they held (issue 15: readers and an upload cut off with
RemoteDisconnected under bench/faults_under_load.py; a worker stopped for 9 s was replaced)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import uvicorn
from typer.testing import CliRunner

from produktlyft.bootstrap import cli_app


def test_serve_gives_busy_workers_a_minute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: seen.update(kwargs))
    monkeypatch.setenv("PRODUKTLYFT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PRODUKTLYFT_SECRET_KEY", "test-secret-key")
    database = f"sqlite:///{tmp_path / 'serve.db'}"
    runner = CliRunner()
    assert runner.invoke(cli_app(), ["--database", database, "init"]).exit_code == 0
    done = runner.invoke(cli_app(), ["--database", database, "serve", "--workers", "2"])
    assert done.exit_code == 0, done.output
    assert seen["workers"] == 2
    assert seen.get("timeout_worker_healthcheck", 5) >= 60
