"""The storage faults of bench/faults_under_load.py (SQLite): the database on a full disk and
in a read-only folder, for the CLI and for the server. Not a script.

The full disk is a tmpfs a little larger than the database, mounted over its folder in a
private mount namespace (`unshare -m`: root, or user namespaces); without one, a file-size
limit (RLIMIT_FSIZE) on the process. The read-only folder is a read-only bind mount there, or
chmod 555 when no namespace can be made. Either way the real folder is left as it was.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx2
from _server import PASSWORD, free_port


def _namespace(script: str, folder: Path) -> list[str] | None:
    """A command prefix running `script` (which ends by exec'ing the command) in a private
    mount namespace, or None where none can be made."""
    if shutil.which("unshare") is None:
        return None
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True, check=False)
    return (
        ["unshare", "-m", "sh", "-c", script, "sh", str(folder)] if probe.returncode == 0 else None
    )


def _size_limit(limit: int) -> Any:
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def storage_faults(database: str, env: dict[str, str], folder: Path, path: Path) -> list[str]:
    db_file = Path(database.removeprefix("sqlite:///"))
    db_folder = db_file.parent
    results = []
    size = sum(f.stat().st_size for f in db_folder.iterdir()) + 256 * 1024
    full = (
        f'cp -a "$1" /tmp/produktlyft-full && mount -t tmpfs -o size={size} tmpfs "$1" && '
        f'cp -a /tmp/produktlyft-full/. "$1"/ && rm -rf /tmp/produktlyft-full && shift && exec "$@"'
    )
    read_only = 'mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" "$1" && shift && exec "$@"'
    cases = [("full disk", full, "disk is full"), ("read-only folder", read_only, "read-only")]
    for name, script, words in cases:
        wrapper = _namespace(script, db_folder)
        how = "tmpfs in a mount namespace" if name == "full disk" else "read-only bind mount"
        preexec = None
        if wrapper is None:
            if name == "full disk":
                how, preexec = "RLIMIT_FSIZE", _size_limit(db_file.stat().st_size + 64 * 1024)
            else:
                how, wrapper = "chmod 555", []
                db_folder.chmod(0o555)
        command = [sys.executable, "-m", "produktlyft", "--database", database]
        done = subprocess.run(
            [*(wrapper or []), *command, "import", str(path)],
            capture_output=True,
            text=True,
            env=env,
            preexec_fn=preexec,
            check=False,
        )
        message = done.stderr.strip()
        clear = done.returncode == 1 and "\n" not in message and words in message
        clear = clear and str(db_file) in message and "Traceback" not in message
        results.append(
            f"{'ok' if clear else 'FAILED'}: {name} ({how}), CLI import exit {done.returncode}: "
            f"{message[:200]}"
        )
        results.append(_web_under(name, how, database, env, wrapper, preexec))
        db_folder.chmod(0o755)
    return results


def _web_under(
    name: str, how: str, database: str, env: dict[str, str], wrapper: list[str] | None, preexec: Any
) -> str:
    """The server in the same condition: a sign-in and an edit must give pages, never 500."""
    port = free_port()
    command = [sys.executable, "-m", "produktlyft", "--database", database, "serve"]
    command += ["--host", "127.0.0.1", "--port", str(port)]
    server = subprocess.Popen(
        [*(wrapper or []), *command],
        env=env,
        preexec_fn=preexec,  # noqa: PLW1509 - no reader or writer thread runs by now
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    statuses: Counter[int] = Counter()
    try:
        with httpx2.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            for _ in range(600):
                try:
                    client.get("/healthz")
                    break
                except httpx2.HTTPError:
                    time.sleep(0.1)
            page = client.get("/login")
            csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
            statuses[page.status_code] += 1
            form = {"name": "editor", "password": PASSWORD, "next": "/"}
            form["csrf_token"] = csrf.group(1) if csrf else ""
            statuses[client.post("/login", data=form).status_code] += 1
            for path in ("/systems", "/"):
                statuses[client.get(path).status_code] += 1
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait()
    verdict = "ok" if 500 not in statuses else "FAILED"
    return f"{verdict}: {name} ({how}), web answers by status {dict(statuses)} (no 500)"
