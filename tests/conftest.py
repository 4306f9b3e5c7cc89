"""Fixtures every tier shares: the test data, and databases on SQLite and PostgreSQL.

The real files the tests read ship in tests/data/ (`test_data`), so a bare clone runs every
test; only the bench scripts read the large inputs in ../shared. Outside CI a missing component
(the PostgreSQL server, Chromium) skips the tests that need it, with the reason; under CI=true
it fails them.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from produktlyft.bootstrap import load_schema
from produktlyft.kernel.access import Actor, Role
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.db import Database
from produktlyft.kernel.settings import Settings

load_schema()  # every area's tables on the shared metadata, for clean-up and schema checks
ROOT = Path(__file__).resolve().parent.parent
TEST_DATA = ROOT / "tests" / "data"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
POSTGRES_URL = os.environ.get(
    "PRODUKTLYFT_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)


def pytest_configure(config: pytest.Config) -> None:
    """WeasyPrint warns at import when HarfBuzz's subsetter (Debian's libharfbuzz-subset0)
    is missing, and warnings are errors here. The PDF is still written (fonts subset by
    fontTools), so outside CI a machine without it runs the PDF tests; CI installs it
    (`.ci/run`) and keeps the warning an error, so a CI image without it fails."""
    import ctypes.util

    if not IN_CI and ctypes.util.find_library("harfbuzz-subset") is None:
        config.addinivalue_line(
            "filterwarnings", "ignore:HarfBuzz-Subset will be required:DeprecationWarning"
        )


def missing_component(reason: str) -> None:
    """Skip outside CI; fail under CI, where every component must be present."""
    if IN_CI:
        pytest.fail(f"CI must provide this: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def test_data() -> Path:
    """tests/data/: small real files (event logs, ArchiMate, Backstage, CycloneDX), each folder
    with a SOURCES.md giving origin and licence."""
    return TEST_DATA


# The one event log generated rather than shipped: the road-traffic fines CSV (28 MB) is the
# shipped Parquet file (1.7 MB) written out as CSV, which reproduces the published conversion.
GENERATED_LOGS = {"road_traffic_fines.csv": "road_traffic_fines.parquet"}


def eventlog_params(names: Iterable[str]) -> list[Any]:
    """Test parameters for these event logs, in a stable order."""
    return sorted(names)


@pytest.fixture(scope="session")
def generated_logs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder for the event logs the tests write from shipped ones, made once per run."""
    return tmp_path_factory.mktemp("eventlogs")


def eventlog_path(request: pytest.FixtureRequest, name: str) -> Path:
    """A shipped event log from tests/data/eventlogs/, or one written from a shipped one."""
    source = GENERATED_LOGS.get(name)
    if source is None:
        return TEST_DATA / "eventlogs" / name
    folder: Path = request.getfixturevalue("generated_logs")
    path = folder / name
    if not path.exists():
        import polars as pl  # only the tests that need the generated log pay for the import

        frame = pl.read_parquet(TEST_DATA / "eventlogs" / source)
        frame.write_csv(path, datetime_format="%Y-%m-%dT%H:%M:%S%.6f")
    return path


def _postgres_admin() -> Database:
    return Database.for_tests(POSTGRES_URL)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this test session, dropped at the end."""
    from produktlyft.kernel.db.testing import create_scratch_database, drop_scratch_database

    name = f"produktlyft_test_{uuid.uuid4().hex[:10]}"
    try:
        url = create_scratch_database(POSTGRES_URL, name)
    except Exception as error:  # any failure means the server is not usable
        missing_component(f"PostgreSQL at {POSTGRES_URL} is not reachable: {error}")
    yield url
    drop_scratch_database(POSTGRES_URL, name)


@pytest.fixture(scope="session")
def _migrated_postgres(postgres_url: str) -> Iterator[Database]:
    database = Database.for_tests(postgres_url)
    database.migrate()
    yield database
    database.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """An empty, migrated database: a new SQLite file, or the session's PostgreSQL emptied."""
    if request.param == "sqlite":
        db = Database.for_tests(f"sqlite:///{tmp_path / 'test.db'}")
        db.migrate()
        yield db
        db.dispose()
        return
    from produktlyft.kernel.db.testing import empty_all_tables

    db = request.getfixturevalue("_migrated_postgres")
    empty_all_tables(db)
    yield db


@pytest.fixture
def sqlite_database(tmp_path: Path) -> Iterator[Database]:
    db = Database.for_tests(f"sqlite:///{tmp_path / 'test.db'}")
    db.migrate()
    yield db
    db.dispose()


def make_context(
    database: Database, role: Role = Role.ADMIN, name: str = "tester", **settings: object
) -> ServiceContext:
    return ServiceContext(
        database, Actor(name, role), Settings(database_url=database.url, **settings)
    )  # type: ignore[arg-type]


@pytest.fixture
def ctx(database: Database) -> ServiceContext:
    return make_context(database)
