"""The answering page in a real browser: keyboard and screen-reader basics checked by axe-core
(WCAG 2.1 AA), on a phone-sized and a desktop screen, in Swedish and English.

The server listens before it starts (its socket is bound and listening first, so a request
waits in the queue until the app answers), and each step waits for the state it leads to.
"""

from __future__ import annotations

import re
import shutil
import socket
import threading
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from produktlyft.kernel.db import Database
from produktlyft.kernel.settings import Settings
from produktlyft.surveys.services.rounds import create_round, generate_links
from tests.browser.conftest import AXE, CHROMIUM, HANG_GUARD_SECONDS, open_page
from tests.browser.test_accessibility import assert_clean
from tests.conftest import make_context, missing_component


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, list[str]]]:
    if not CHROMIUM.exists() or shutil.which("node") is None or not AXE.exists():
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
    listening = socket.socket()
    listening.bind(("127.0.0.1", 0))
    listening.listen()  # connections queue from now on, however slowly the app starts
    port = int(listening.getsockname()[1])
    running = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=running.run, kwargs={"sockets": [listening]}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}", tokens
    running.should_exit = True
    thread.join(timeout=HANG_GUARD_SECONDS)  # the guard against a hang; the thread is a daemon
    listening.close()
    database.dispose()


@pytest.mark.parametrize(("width", "lang"), [(375, "sv"), (1280, "en")])
def test_the_answer_form_passes_axe_and_works_by_keyboard(
    server,
    browser,
    width: int,
    lang: str,
) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    base, tokens = server
    page = open_page(browser, viewport={"width": width, "height": 900})
    page.goto(f"{base}/s/{tokens[0]}?lang={lang}")
    assert_clean(page, f"the answer form ({lang})")
    scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll_width <= width, "the form must not scroll sideways on a phone"
    page.get_by_label("Instämmer helt" if lang == "sv" else "Strongly agree").first.check()
    page.keyboard.press("Tab")
    page.locator("button[type=submit]").click()
    # the answer page, once it has replaced the form (the click does not wait for it)
    expect(page.locator("h1")).to_have_text(
        re.compile("^(Tack för dina svar|Thank you for answering)$")
    )
    assert_clean(page, f"the thank-you page ({lang})")
    page.context.close()
