"""A real `produktlyft serve` on a free port, over a seeded SQLite database, and Chromium.

Debian's chromium is driven by Playwright (never `playwright install`); axe-core comes from
npm (`npm ci`, which `make test` runs). Outside CI a missing piece skips these tests with the
reason; under CI=true it fails them.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from produktlyft.kernel.db import Database
from tests.conftest import ROOT, missing_component
from tests.web.conftest import seed

CHROMIUM = Path(os.environ.get("PRODUKTLYFT_CHROMIUM", "/usr/bin/chromium"))
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


# ids of records the server fixture made, for tests that visit their pages
SEEDED: dict[str, str] = {}


def _survey_round(database: Database, instrument: str = "westrum") -> str:
    """One open survey round, so the survey pages have something to show."""
    from datetime import date, timedelta

    from produktlyft.surveys.services.rounds import create_round
    from tests.conftest import make_context

    return create_round(
        make_context(database),
        instruments=[instrument],
        groups=["Alfa"],
        closes_on=date.today() + timedelta(days=5),
    ).round.id


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_server(url: str, folder: Path) -> Iterator[str]:
    """`produktlyft serve` on a free port over the database at `url`; yields its address."""
    port = _free_port()
    env = {
        **os.environ,
        "PRODUKTLYFT_DATA_DIR": str(folder / "data"),
        "PRODUKTLYFT_SECRET_KEY": "browser-tests",
        "PRODUKTLYFT_PAGE_SIZE": "25",
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "produktlyft",
            "--database",
            url,
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
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                with urllib.request.urlopen(f"{base}/healthz", timeout=2):
                    break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("produktlyft serve did not start")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base address of a running server with demo-like data and one account per role."""
    folder = tmp_path_factory.mktemp("server")
    url = f"sqlite:///{folder / 'browser.db'}"
    database = Database(url)
    database.migrate()
    seed(database, folder, systems=60)
    SEEDED["round"] = _survey_round(database)
    SEEDED["readiness_round"] = _survey_round(database, "readiness")
    database.dispose()
    with running_server(url, folder) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Chromium for one test module (other modules may start Playwright themselves)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing_component("the playwright package is not installed (pip install -e .[dev])")
    if not CHROMIUM.exists():
        missing_component(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    if not AXE.exists():
        missing_component(f"axe-core is missing at {AXE} (run npm ci)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, server: str):  # type: ignore[no-untyped-def]
    # bypass_csp lets the test inject axe-core; the app itself allows no inline script
    context = browser.new_context(base_url=server, locale="sv-SE", bypass_csp=True)
    opened = context.new_page()
    opened.set_default_timeout(15_000)
    yield opened
    context.close()


def at(path: str, query: str = "") -> Callable[[str], bool]:
    """A URL test for wait_for_url: exactly this path, with a query starting like `query`."""

    def matches(url: str) -> bool:
        parts = urlsplit(url)
        return parts.path == path and parts.query.startswith(query)

    return matches


def sign_in(page, name: str = "admin") -> None:  # type: ignore[no-untyped-def]
    from tests.web.conftest import PASSWORD

    page.goto("/login")
    page.fill("#name", name)
    page.fill("#password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(at("/"))
