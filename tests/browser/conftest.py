"""A real `produktlyft serve` on a free port, over a seeded SQLite database, and Chromium.

Debian's chromium is driven by Playwright (never `playwright install`); axe-core comes from
npm (`npm ci`, which `make test` runs). Outside CI a missing piece skips these tests with the
reason; under CI=true it fails them.

Every wait here is for a state (the server answers, a URL, an element, a focus), never for a
time, so a busy machine makes the tests slower, not red. The one time limit left is HANG_GUARD.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from produktlyft.kernel.db import Database
from tests.conftest import ROOT, missing_component
from tests.support.server import HANG_GUARD_SECONDS, serving
from tests.web.conftest import seed

CHROMIUM = Path(os.environ.get("PRODUKTLYFT_CHROMIUM", "/usr/bin/chromium"))
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
HANG_GUARD_MS = HANG_GUARD_SECONDS * 1000
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


@contextmanager
def running_server(url: str, folder: Path) -> Iterator[str]:
    """`produktlyft serve` on a free port over the database at `url`; yields its address."""
    settings = {"PRODUKTLYFT_SECRET_KEY": "browser-tests", "PRODUKTLYFT_PAGE_SIZE": "25"}
    with serving(url, folder, settings) as base:
        yield base


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
        from playwright.sync_api import expect, sync_playwright
    except ImportError:
        missing_component("the playwright package is not installed (pip install -e .[dev])")
    if not CHROMIUM.exists():
        missing_component(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    if not AXE.exists():
        missing_component(f"axe-core is missing at {AXE} (run npm ci)")
    # expect(...) retries its assertion until it holds; only the hang guard ends it
    expect.set_options(timeout=HANG_GUARD_MS)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def open_page(browser, **options):  # type: ignore[no-untyped-def]
    """A page in a new context whose waits end only at the hang guard (close its `.context`).

    bypass_csp lets a test inject axe-core; the app itself allows no inline script.
    """
    context = browser.new_context(bypass_csp=True, **options)
    context.set_default_timeout(HANG_GUARD_MS)
    context.set_default_navigation_timeout(HANG_GUARD_MS)
    return context.new_page()


@pytest.fixture
def page(browser, server: str):  # type: ignore[no-untyped-def]
    opened = open_page(browser, base_url=server, locale="sv-SE")
    yield opened
    opened.context.close()


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
