"""A web app over the review test organisation (planted duplicates, technology past end of
life, a lock-in contract, manual re-keying, missing facts) with one stored review and one
account per role."""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from produktlyft.accounts.service import add_user
from produktlyft.bootstrap import web_app
from produktlyft.inventory.exporters.json_export import write_json
from produktlyft.inventory.services.imports import import_files
from produktlyft.kernel.access import Role
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.db import Database
from produktlyft.kernel.settings import Settings
from produktlyft.review.services.run import review
from tests.conftest import make_context
from tests.review_fixtures import REFERENCE_DATE, organisation
from tests.web.conftest import PASSWORD, sign_in

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def seed_review(database: Database, folder: Path) -> None:
    ctx = make_context(database, data_dir=folder / "data")
    write_json(organisation(), folder / "org.json")
    import_files(ctx, [folder / "org.json"])
    for role in Role:
        add_user(ctx, role.value, role, PASSWORD, display_name=f"Test {role.value}")
    review(ctx, today=REFERENCE_DATE, lang="sv")


@pytest.fixture(scope="session")
def review_seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("review-web")
    database = Database.for_tests(f"sqlite:///{folder / 'review.db'}")
    database.migrate()
    seed_review(database, folder)
    database.dispose()
    return folder / "review.db"


@pytest.fixture
def review_db(review_seeded: Path, tmp_path: Path) -> Iterator[Database]:
    shutil.copyfile(review_seeded, tmp_path / "review.db")
    database = Database.for_tests(f"sqlite:///{tmp_path / 'review.db'}")
    yield database
    database.dispose()


@pytest.fixture
def review_settings(review_db: Database, tmp_path: Path) -> Settings:
    return Settings(
        database_url=review_db.url,
        cookie_secure=False,
        data_dir=tmp_path / "data",
        secret_key="test-secret-key",
    )


@pytest.fixture
def review_ctx(review_db: Database, review_settings: Settings) -> ServiceContext:
    return make_context(review_db, data_dir=review_settings.data_dir)


@pytest.fixture
def review_app(review_settings: Settings) -> FastAPI:
    return web_app(review_settings)


@pytest.fixture
def as_role(review_app: FastAPI) -> Callable[[Role], TestClient]:
    def make(role: Role) -> TestClient:
        return sign_in(TestClient(review_app, base_url="http://testserver"), role.value)

    return make


def csrf(client: TestClient, path: str = "/review") -> str:
    match = CSRF.search(client.get(path).text)
    assert match, f"no CSRF token on {path}"
    return match.group(1)


def wait_for_review(client: TestClient, seconds: float = 90) -> str:
    """Poll the run page until the background review has finished; return the page."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = client.get("/review/run").text
        if 'hx-trigger="every 2s"' not in page:  # the page polls only while it runs
            return page
        time.sleep(0.2)
    raise AssertionError("the review did not finish in time")
