"""The answering page in a real browser: keyboard and screen-reader basics checked by axe-core
(WCAG 2.1 AA), on a phone-sized and a desktop screen, in Swedish and English."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from produktlyft.kernel.db import Database
from produktlyft.kernel.settings import Settings
from produktlyft.surveys.services.rounds import create_round, generate_links
from tests.conftest import ROOT, make_context, missing_component

AXE = ROOT / "node_modules/axe-core/axe.min.js"
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, list[str]]]:
    if not Path(CHROMIUM).exists() or shutil.which("node") is None or not AXE.exists():
        missing_component("Chromium at /usr/bin/chromium and axe-core (npm ci) are needed")
    import uvicorn

    from produktlyft.bootstrap import web_app

    url = f"sqlite:///{tmp_path / 'a11y.db'}"
    database = Database.for_tests(url)
    database.migrate()
    ctx = make_context(database)
    round_id = create_round(
        ctx,
        instruments=["westrum", "psych-safety", "dora-wellbeing"],
        groups=["Alfa"],
        closes_on=date.today() + timedelta(days=5),
    ).round.id
    tokens = generate_links(ctx, round_id, "Alfa", 3).tokens
    app = web_app(Settings(database_url=url, cookie_secure=False, data_dir=tmp_path / "d"))
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    for _ in range(100):
        if running.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", tokens
    running.should_exit = True
    thread.join(timeout=10)
    database.dispose()


def _violations(page) -> list[str]:  # type: ignore[no-untyped-def]
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "() => axe.run({runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])})" for v in result["violations"]]


@pytest.mark.parametrize(("width", "lang"), [(390, "sv"), (1280, "en")])
def test_the_answer_form_passes_axe_and_works_by_keyboard(
    server,
    width: int,
    lang: str,
) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    base, tokens = server
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_context(
            viewport={"width": width, "height": 900}, bypass_csp=True
        ).new_page()  # to inject axe
        page.goto(f"{base}/s/{tokens[0]}?lang={lang}")
        assert _violations(page) == []
        scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
        assert scroll_width <= width, "the form must not scroll sideways on a phone"
        page.get_by_label("Instämmer helt" if lang == "sv" else "Strongly agree").first.check()
        page.keyboard.press("Tab")
        page.locator("button[type=submit]").click()
        assert page.locator("h1").inner_text() in ("Tack för dina svar", "Thank you for answering")
        assert _violations(page) == []
        browser.close()
