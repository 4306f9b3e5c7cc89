"""The server under a storage fault, for bench/_storage_faults.py. Not a script."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import httpx2
from _server import PASSWORD, free_port, start_server, stop_server

TIMEOUT = 600  # a last resort against a hang on a busy machine, never the measure


def web_under(
    name: str, how: str, database: str, env: dict[str, str], condition: Any, token: str, path: Path
) -> str:
    """A sign-in, the systems list and an API import (a write) with the server started in
    `condition`: pages or 503 problems, never a 500; the import must be refused with 503."""
    port = free_port()
    log = path.parent / f"server-{name.replace(' ', '-')}.log"
    try:
        with log.open("wb") as output:
            server = start_server(
                database,
                port,
                env,
                workers=1,
                wrapper=condition.wrapper,
                preexec=condition.preexec,
                stderr=output.fileno(),
            )
    except SystemExit as stopped:
        # refusing to start with one clear line (no traceback) is a clear error too
        said = log.read_text(errors="replace").strip()
        clear = said.startswith("Error: ") and "\n" not in said and "Traceback" not in said
        verdict = "ok" if clear else "FAILED"
        return f"{verdict}: {name} ({how}), the server refused to start: {stopped}: {said[:240]}"
    statuses: Counter[str] = Counter()
    imported = 0
    try:
        with httpx2.Client(base_url=f"http://127.0.0.1:{port}", timeout=TIMEOUT) as client:
            page = client.get("/login")
            statuses[f"GET /login {page.status_code}"] += 1
            csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
            form = {"name": "editor", "password": PASSWORD, "next": "/"}
            form["csrf_token"] = csrf.group(1) if csrf else ""
            statuses[f"POST /login {client.post('/login', data=form).status_code}"] += 1
            statuses[f"GET /systems {client.get('/systems').status_code}"] += 1
            imported = client.post(
                "/api/v1/imports",
                params={"dry_run": "false"},
                headers={"Authorization": f"Bearer {token}"},
                files={"file": (path.name, path.read_bytes(), "application/json")},
            ).status_code
            statuses[f"POST /api/v1/imports {imported}"] += 1
    except httpx2.HTTPError as error:
        statuses[type(error).__name__] += 1
    finally:
        stop_server(server)
    trace = "Traceback" in log.read_text(errors="replace")
    ok = imported == 503 and not trace and not any(" 500" in key for key in statuses)
    return (
        f"{'ok' if ok else 'FAILED'}: {name} ({how}), web answers {dict(statuses)}"
        f"{'; a traceback in the server log' if trace else ''}"
    )
