"""A full disk or a read-only database folder is the user's to fix: the CLI says which path in
one line and exits 1, the web app answers with a 503 page or problem, never a stack trace or a
500, and the database keeps the state it had before (issue 15).

The CLI runs in a real read-only folder (a read-only bind mount in its own mount namespace when
the tests run as root, who ignores file modes; chmod 555 otherwise) and on a real "full disk"
(a file-size limit, RLIMIT_FSIZE, on the command's process: SQLite's write is cut short as on a
full disk). The web app runs in process, where the same SQLite errors are produced on its
connections: `PRAGMA query_only` gives SQLite's read-only error, `PRAGMA max_page_count` its
"database or disk is full".
"""

from __future__ import annotations

import hashlib
import os
import re
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event

from produktlyft.accounts.tokens import create_token
from produktlyft.bootstrap import web_app
from produktlyft.kernel.access import Role
from produktlyft.kernel.db import Database
from produktlyft.kernel.settings import Settings
from tests.conftest import ROOT, make_context, missing_component
from tests.support.inventory import write_inventory_json
from tests.web.conftest import seed, sign_in


def produktlyft(
    database: Path, *args: str, wrapper: list[str] | None = None, **popen: Any
) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "produktlyft", "--database", f"sqlite:///{database}", *args]
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "PRODUKTLYFT_DATA_DIR": str(database.parent.parent / "data"),
    }
    return subprocess.run(
        [*(wrapper or []), *command],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=600,
        **popen,
    )


def state(database: Path) -> tuple[int, str]:
    """The number of systems and a hash of their rows: equal before and after means nothing
    was written."""
    with sqlite3.connect(database) as connection:
        rows = connection.execute("SELECT * FROM systems ORDER BY id").fetchall()
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    return len(rows), hashlib.sha256(repr(rows).encode()).hexdigest()


def assert_one_line_error(done: subprocess.CompletedProcess[str], *words: str) -> None:
    assert done.returncode == 1, done.stderr
    message = done.stderr.strip()
    assert message.startswith("Error: ") and "\n" not in message, message
    assert "Traceback" not in message and "Internal error" not in message
    for word in words:
        assert word in message, message


@pytest.fixture
def initialised(tmp_path: Path) -> Iterator[Path]:
    """A migrated database holding 5 systems, in a folder of its own."""
    folder = tmp_path / "db"
    database = folder / "inventory.db"
    done = produktlyft(database, "init")
    assert done.returncode == 0, done.stderr
    small = write_inventory_json(tmp_path / "small.json", 5)
    assert produktlyft(database, "import", str(small)).returncode == 0
    yield database
    folder.chmod(0o755)


def read_only(folder: Path) -> list[str]:
    """What to put before a command so that it sees `folder` read-only."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        return []
    if shutil.which("unshare") is None:
        missing_component("unshare (util-linux), to mount a read-only folder as root")
    mount = 'mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" "$1" && shift && exec "$@"'
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", mount, "sh", str(folder), "true"],
        capture_output=True,
        check=False,
    )
    if probe.returncode != 0:
        missing_component(f"a mount namespace for a read-only folder: {probe.stderr!r}")
    return ["unshare", "-m", "sh", "-c", mount, "sh", str(folder)]


def test_an_import_into_a_read_only_folder_names_the_path(
    initialised: Path, tmp_path: Path
) -> None:
    before = state(initialised)
    more = write_inventory_json(tmp_path / "more.json", 50)
    done = produktlyft(initialised, "import", str(more), wrapper=read_only(initialised.parent))
    assert_one_line_error(done, str(initialised), "read-only")
    initialised.parent.chmod(0o755)
    assert state(initialised) == before


def _file_size_limit(limit: int) -> Callable[[], None]:
    def apply() -> None:
        # a write past the limit then fails with EFBIG, as one on a full disk fails with
        # ENOSPC, instead of the signal ending the process
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_an_import_on_a_full_disk_names_the_path_and_writes_nothing(
    initialised: Path, tmp_path: Path
) -> None:
    before = state(initialised)
    large = write_inventory_json(tmp_path / "large.json", 1500)
    limit = initialised.stat().st_size + 64 * 1024  # room for a little of the import
    done = produktlyft(initialised, "import", str(large), preexec_fn=_file_size_limit(limit))
    assert_one_line_error(done, str(initialised), "disk is full")
    assert state(initialised) == before


# The web app, in process


@pytest.fixture
def web(tmp_path: Path) -> Iterator[tuple[TestClient, Database]]:
    database = Database.for_tests(f"sqlite:///{tmp_path / 'web.db'}")
    database.migrate()
    seed(database, tmp_path)
    settings = Settings(
        database_url=database.url,
        cookie_secure=False,
        data_dir=tmp_path / "data",
        secret_key="test-secret-key",
    )
    app = web_app(settings)
    client = sign_in(TestClient(app, base_url="http://testserver"), "admin")
    yield client, app.state.web.database
    database.dispose()


def _on_every_connection(database: Database, pragma: str) -> None:
    def apply(connection: Any, _record: Any) -> None:
        cursor = connection.cursor()
        if "{pages}" in pragma:
            pages = cursor.execute("PRAGMA page_count").fetchone()[0]
            cursor.execute(pragma.format(pages=pages))
        else:
            cursor.execute(pragma)
        cursor.close()

    event.listen(database.engine, "connect", apply)
    database.engine.dispose()  # the pooled connections were opened before


def _edit_form(client: TestClient, description: str) -> dict[str, str]:
    page = client.get("/edit/systems/sys-00001").text
    return {
        "csrf_token": re.search(r'name="csrf_token" value="([^"]+)"', page).group(1),  # type: ignore[union-attr]
        "row_version": re.search(r'name="row_version" value="(\d+)"', page).group(1),  # type: ignore[union-attr]
        "name": "System 1",
        "description": description,
    }


@pytest.mark.parametrize(
    "pragma",
    ["PRAGMA query_only = ON", "PRAGMA max_page_count = {pages}"],
    ids=["read-only", "disk-full"],
)
def test_a_page_that_writes_answers_503_with_a_page(
    web: tuple[TestClient, Database], pragma: str
) -> None:
    client, database = web
    form = _edit_form(client, "x" * 200_000)  # more than the free pages left: needs new ones
    _on_every_connection(database, pragma)
    response = client.post("/edit/systems/sys-00001", data=form, follow_redirects=False)
    assert response.status_code == 503, response.text[:500]
    assert "Inget kan sparas just nu" in response.text  # the page's language: Swedish first
    assert "Traceback" not in response.text and "web.db" not in response.text


@pytest.mark.parametrize(
    "pragma",
    ["PRAGMA query_only = ON", "PRAGMA max_page_count = {pages}"],
    ids=["read-only", "disk-full"],
)
def test_an_api_write_answers_503_with_a_problem(
    web: tuple[TestClient, Database], pragma: str, tmp_path: Path
) -> None:
    client, database = web
    token = produktlyft_token(database)
    _on_every_connection(database, pragma)
    upload = write_inventory_json(tmp_path / "upload.json", 300)
    response = client.post(
        "/api/v1/imports?dry_run=false",
        files={"file": ("upload.json", upload.read_bytes(), "application/json")},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 503, response.text[:500]
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["type"] == "urn:produktlyft:problem:not-writable"


def produktlyft_token(database: Database) -> str:
    return create_token(make_context(database), "importer", Role.ADMIN).secret


@pytest.fixture
def held_write_lock(
    web: tuple[TestClient, Database], monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[TestClient, Database, str]]:
    """Another writer (as an import does for seconds) holds SQLite's write lock, and the
    app's connections wait only 0.2 s for it instead of 10 s."""
    from produktlyft.kernel.db import database as database_module

    client, database = web
    token = produktlyft_token(database)
    monkeypatch.setattr(database_module, "SQLITE_BUSY_TIMEOUT_MS", 200)
    database.engine.dispose()  # the pooled connections were opened with the long wait
    assert database.sqlite_file is not None
    writer = sqlite3.connect(database.sqlite_file, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    yield client, database, token
    writer.execute("ROLLBACK")
    writer.close()


def test_a_page_that_writes_while_another_writer_holds_the_database_answers_503(
    held_write_lock: tuple[TestClient, Database, str],
) -> None:
    """Was HTTP 500 ("database is locked") when an API edit met an import under load."""
    client, _, _ = held_write_lock
    form = _edit_form(client, "saved while an import runs")
    response = client.post("/edit/systems/sys-00001", data=form, follow_redirects=False)
    assert response.status_code == 503, response.text[:500]
    assert response.headers["retry-after"] == "5"
    assert "Traceback" not in response.text and "web.db" not in response.text


def test_an_api_edit_while_another_writer_holds_the_database_is_a_busy_problem(
    held_write_lock: tuple[TestClient, Database, str],
) -> None:
    client, database, token = held_write_lock
    version = client.get(
        "/api/v1/systems/sys-00001", headers={"Authorization": f"Bearer {token}"}
    ).json()["row_version"]
    response = client.patch(
        f"/api/v1/systems/sys-00001?row_version={version}",
        json={"vendor": "Busy AB"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 503, response.text[:500]
    assert response.json()["type"] == "urn:produktlyft:problem:busy"
    assert response.headers["retry-after"] == "5"
    with database.engine.connect() as connection:
        vendor = connection.exec_driver_sql(
            "SELECT vendor FROM systems WHERE id = 'sys-00001'"
        ).scalar()
    assert vendor != "Busy AB"  # nothing written
