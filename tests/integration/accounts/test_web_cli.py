"""The web app's commands: `user add`, `token create` and `serve`, as an operator runs them."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest


def _run(args: list[str], database: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "produktlyft", "--database", database, *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


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

    port = _free_port()
    env = {**os.environ, "PRODUKTLYFT_DATA_DIR": str(tmp_path / "data")}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "produktlyft",
            "--database",
            database,
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:
                    assert response.status == 200
                    break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("the server did not answer /healthz")
        request = urllib.request.Request(
            f"{base}/api/v1/systems?limit=3", headers={"Authorization": f"Bearer {token}"}
        )
        with urllib.request.urlopen(request, timeout=5) as response:
            assert response.headers["content-type"] == "application/json"
            assert b'"items"' in response.read()
    finally:
        server.terminate()
        server.wait(timeout=20)
