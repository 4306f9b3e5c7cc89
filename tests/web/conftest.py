"""An app on a seeded SQLite database, and signed-in clients for each role."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from produktlyft.accounts.service import add_user
from produktlyft.bootstrap import web_app
from produktlyft.inventory.services.imports import import_files
from produktlyft.kernel.access import Role
from produktlyft.kernel.db import Database
from produktlyft.kernel.settings import Settings
from tests.conftest import make_context
from tests.support.inventory import write_inventory_json

PASSWORD = "correct-horse-battery"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def seed(database: Database, folder: Path, systems: int = 12) -> None:
    ctx = make_context(database)
    import_files(ctx, [write_inventory_json(folder / "demo.json", systems)])
    for role in Role:
        add_user(ctx, role.value, role, PASSWORD, display_name=f"Test {role.value}")


@pytest.fixture(scope="session")
def seeded_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One seeded database file per session; each test gets its own copy."""
    folder = tmp_path_factory.mktemp("seeded")
    database = Database.for_tests(f"sqlite:///{folder / 'web.db'}")
    database.migrate()
    seed(database, folder)
    database.dispose()
    return folder / "web.db"


@pytest.fixture
def web_database(seeded_file: Path, tmp_path: Path) -> Iterator[Database]:
    shutil.copyfile(seeded_file, tmp_path / "web.db")
    database = Database.for_tests(f"sqlite:///{tmp_path / 'web.db'}")
    yield database
    database.dispose()


@pytest.fixture
def settings(web_database: Database, tmp_path: Path) -> Settings:
    return Settings(
        database_url=web_database.url,
        cookie_secure=False,
        data_dir=tmp_path / "data",
        secret_key="test-secret-key",
    )


@pytest.fixture
def app(settings: Settings) -> FastAPI:
    return web_app(settings)


def csrf_of(client: TestClient, path: str = "/login") -> str:
    match = CSRF.search(client.get(path).text)
    assert match, f"no CSRF token on {path}"
    return match.group(1)


def sign_in(client: TestClient, name: str, password: str = PASSWORD) -> TestClient:
    response = client.post(
        "/login",
        data={"name": name, "password": password, "csrf_token": csrf_of(client), "next": "/"},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text[:500]
    return client


@pytest.fixture
def client_for(app: FastAPI) -> Callable[[Role | None], TestClient]:
    """A client signed in with a role, or anonymous for None."""

    def make(role: Role | None) -> TestClient:
        client = TestClient(app, base_url="http://testserver")
        return sign_in(client, role.value) if role is not None else client

    return make


@pytest.fixture
def admin(client_for: Callable[[Role | None], TestClient]) -> TestClient:
    return client_for(Role.ADMIN)
