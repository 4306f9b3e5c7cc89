"""The pilot page, the wins editor and the public wins page pass axe-core (WCAG 2.1 AA) with a
pilot evaluated and a win published, in Swedish and English, at desktop width."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from produktlyft.kernel.db import Database
from produktlyft.wins.service import approve, draft_from_pilots
from tests.browser.conftest import AXE, CHROMIUM, open_page, running_server, sign_in
from tests.browser.test_accessibility import assert_clean
from tests.conftest import make_context, missing_component
from tests.support.pilots import evaluated_pilot
from tests.web.conftest import seed

FORM = {
    "id": "bad-window",
    "name": "Bad window",
    "hypothesis": "Faster",
    "pilot_team": "team-a",
    "pre_start": "2026-01-05",
    "pre_end": "2026-03-29",
    "post_start": "2026-03-30",
    "post_end": "2026-03-01",
    "min_effect": "1",
}
PILOT_PAGES = ["/pilots", "/pilots/lead-time", "/wins", "/wins/pilot-lead-time/edit"]


@pytest.fixture(scope="module")
def pilots_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not CHROMIUM.exists() or shutil.which("node") is None or not AXE.exists():
        missing_component("Chromium at /usr/bin/chromium and axe-core (npm ci) are needed")
    folder: Path = tmp_path_factory.mktemp("pilots")
    url = f"sqlite:///{folder / 'pilots.db'}"
    database = Database(url)
    database.migrate()
    seed(database, folder, systems=12)
    ctx = make_context(database)
    evaluated_pilot(ctx)
    (win,) = draft_from_pilots(ctx)
    approve(ctx, win.id)
    database.dispose()
    with running_server(url, folder) as base:
        yield base


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_pilot_and_wins_pages_have_no_violations(browser, pilots_server: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    page = open_page(
        browser, base_url=pilots_server, locale="sv-SE", viewport={"width": 1280, "height": 900}
    )
    try:
        page.goto(f"/public/wins?lang={lang}")
        assert page.locator("html").get_attribute("lang") == lang
        assert page.locator("article").count() == 1
        assert_clean(page, f"/public/wins ({lang}, signed out)")
        sign_in(page)
        if lang == "en":
            page.goto("/language/en?next=/")
        for path in PILOT_PAGES:
            page.goto(path)
            assert page.locator("html").get_attribute("lang") == lang
            assert_clean(page, f"{path} ({lang})")
        page.goto("/pilots/lead-time")
        assert page.locator("svg[role=img]").count() == 1
        page.goto("/pilots")
        for name, value in FORM.items():
            page.fill(f"#{name}", value)
        page.click("main form[action='/pilots'] button[type=submit]")
        page.wait_for_selector("#error-summary")
        assert page.locator("#post_end[aria-invalid=true]").count() == 1
        assert_clean(page, f"/pilots with a window that ends before it starts ({lang})")
    finally:
        page.context.close()
