"""The web app's commands: `user add`, `token create` and `serve`, as an operator runs them."""

from __future__ import annotations

import subprocess
import sys
import urllib.request
from pathlib import Path

from tests.support.server import HANG_GUARD_SECONDS, serving


def _run(args: list[str], database: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "produktlyft", "--database", database, *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_user_add_token_create_and_serve(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'cli.db'}"
    assert _run(["init"], database).returncode == 0
    added = _run(
        ["user", "add", "chef", "--role", "admin", "--password-stdin"],
        database,
        "ett-långt-lösenord\n",
    )
    assert added.returncode == 0, added.stderr
    again = _run(
        ["user", "add", "chef", "--role", "admin", "--password-stdin"],
        database,
        "ett-långt-lösenord\n",
    )
    assert again.returncode == 1 and "already exists" in again.stderr
    short = _run(["user", "add", "kort", "--password-stdin"], database, "kort\n")
    assert short.returncode == 1 and "at least 10" in short.stderr
    created = _run(["token", "create", "chef"], database)
    assert created.returncode == 0, created.stderr
    token = created.stdout.strip()
    assert token.startswith("pl_") and "\n" not in token  # only the token on stdout

    with serving(database, tmp_path) as base:
        request = urllib.request.Request(
            f"{base}/api/v1/systems?limit=3", headers={"Authorization": f"Bearer {token}"}
        )
        with urllib.request.urlopen(request, timeout=HANG_GUARD_SECONDS) as response:
            assert response.headers["content-type"] == "application/json"
            assert b'"items"' in response.read()
