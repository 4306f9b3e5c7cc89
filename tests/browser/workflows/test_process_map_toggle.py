"""The process map's toggle in Chromium (issue 16): reached and followed with the keyboard
alone, it redraws the arrows by waiting time (labels in the page's units, thickness by the
wait), marks itself current, and leaves the page clean for axe at desktop and phone widths."""

from __future__ import annotations

import re
from pathlib import Path

from tests.browser.conftest import sign_in
from tests.browser.test_accessibility import EVENT_LOG, assert_clean
from tests.browser.test_keyboard import tab_to

DURATION = re.compile(r"^\d+(,\d)? (d|h|min|s)$")  # "10 d", "3,5 h": the Swedish page
EDGES = """() => [...document.querySelectorAll('svg.process-map g.edge')].map(g => ({
  label: g.querySelector('text').textContent,
  width: Number(g.querySelector('path').getAttribute('stroke-width')),
}))"""


def test_the_map_toggles_to_waiting_time_with_the_keyboard(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect  # here: without playwright, the fixture skips

    sign_in(page, "analyst")
    log = tmp_path / "vantan.csv"
    log.write_text(EVENT_LOG, encoding="utf-8")
    page.goto("/workflows")
    page.set_input_files("#file", str(log))
    page.fill("#name", "vantan-toggle")
    for field, column in (("case", "case"), ("activity", "activity"), ("timestamp", "time")):
        page.fill(f"#{field}", column)
    page.click("main form[enctype] button[type=submit]")
    page.wait_for_url(re.compile(r"/workflows/logs/vantan-toggle"))

    toggle = page.locator("nav.map-toggle")
    expect(toggle.get_by_role("link", name="Frekvens")).to_have_attribute("aria-current", "true")
    by_frequency = page.evaluate(EDGES)
    assert by_frequency and all(e["label"].isdigit() for e in by_frequency)

    tab_to(page, "|Väntetid|")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"label=waiting"))
    waiting = toggle.get_by_role("link", name="Väntetid")
    expect(waiting).to_have_attribute("aria-current", "true")
    expect(toggle.get_by_role("link", name="Frekvens")).not_to_have_attribute(
        "aria-current", "true"
    )
    expect(page.locator("svg.process-map")).to_have_attribute("data-edges", "waiting")
    expect(page.locator("#map-legend")).to_contain_text("medianväntetiden")
    by_waiting = page.evaluate(EDGES)
    assert all(DURATION.match(e["label"]) for e in by_waiting), by_waiting
    # the thickness follows the wait now, not the count: the widths are drawn anew
    assert [e["width"] for e in by_waiting] != [e["width"] for e in by_frequency]
    assert_clean(page, "the process map by waiting time")
