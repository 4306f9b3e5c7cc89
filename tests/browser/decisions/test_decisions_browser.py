"""/decisions in Chromium: adding a recommendation, its chart and its errors pass axe in Swedish
and English, and nothing runs past the right edge of a 375 px phone screen."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import at, open_page, sign_in
from tests.browser.test_accessibility import assert_clean

OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll('main h1, main h2, main h3, main p, main label')]
    .filter(el => el.getBoundingClientRect().right > width + 1)
    .map(el => el.tagName + ': ' + el.textContent.trim().slice(0, 60));
}"""


def _add(page, title: str, decided_on: str = "2026-10-15") -> None:  # type: ignore[no-untyped-def]
    page.fill("#decision-title", title)
    page.fill("#decision-team", "Team Skola")
    page.select_option("#decision-level", "management")
    page.fill("#decision-proposed_on", "2026-09-01")
    page.fill("#decision-decided_on", decided_on)
    page.select_option("#decision-outcome", "approved")
    page.click("form[action='/decisions/new'] button[type=submit]")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_adding_a_decision_and_its_chart_have_no_violations(page, lang: str) -> None:  # type: ignore[no-untyped-def]  # playwright's page
    sign_in(page, "analyst")
    page.goto(f"/language/{lang}?next=/decisions")
    page.wait_for_url(at("/decisions"))
    _add(page, f"Släpp varje vecka ({lang})")
    page.wait_for_url(at("/decisions"))
    assert page.locator("figure.chart svg").count() == 1
    assert page.locator("html").get_attribute("lang") == lang
    assert_clean(page, f"/decisions with a decision and its chart ({lang})")
    _add(page, "För sent beslutad", decided_on="2026-08-01")  # decided before proposed
    page.wait_for_selector("#error-summary")
    assert page.locator("#decision-decided_on[aria-invalid=true]").count() == 1
    assert_clean(page, f"/decisions with a refused form ({lang})")


def test_nothing_runs_past_the_edge_at_375_px(browser, server: str) -> None:  # type: ignore[no-untyped-def]  # playwright's browser
    phone = open_page(
        browser, base_url=server, locale="sv-SE", viewport={"width": 375, "height": 800}
    )
    try:
        sign_in(phone, "analyst")
        phone.wait_for_url(re.compile(r"/$"))
        phone.goto("/decisions")
        _add(phone, "Beslutsrättighetsmatrisuppföljningsrekommendationen för Team Skola")
        phone.wait_for_url(at("/decisions"))
        assert phone.locator("figure.chart svg").count() == 1  # every part of the page is there
        for path in ("/decisions", "/decisions/rights"):
            phone.goto(path)
            assert phone.evaluate(OVERFLOWING) == [], path
            page_width = phone.evaluate("document.documentElement.scrollWidth")
            assert page_width <= 375, f"{path} is {page_width} px wide"
    finally:
        phone.context.close()
