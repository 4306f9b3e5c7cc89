"""The interop pages in Chromium: axe-core finds no WCAG 2.0/2.1 A or AA violation on the map
and table, filtered and sorted, nor on a system's page, in Swedish and English."""

from __future__ import annotations

import pytest

from tests.browser.conftest import sign_in
from tests.browser.test_accessibility import assert_clean

PAGES = [
    "/interop",
    "/interop?unit=unit-1&sort=name",
    "/interop?sort=share&dir=desc",
    "/interop/systems/sys-00001",
    "/interop/systems/sys-00002",
]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_interop_pages_have_no_violations(page, lang: str) -> None:  # type: ignore[no-untyped-def]  # playwright's page
    sign_in(page, "viewer")
    if lang == "en":
        page.goto("/language/en?next=/interop")
    for path in PAGES:
        page.goto(path)
        assert page.locator("html").get_attribute("lang") == lang
        assert page.locator("svg.interop-map").count() == (0 if "systems/" in path else 1)
        assert_clean(page, f"{path} ({lang})")


def test_the_unit_filter_works_with_the_keyboard(page) -> None:  # type: ignore[no-untyped-def]  # playwright's page
    sign_in(page, "viewer")
    page.goto("/interop")
    everything = page.locator("main tbody tr").count()
    page.focus("#unit")
    page.select_option("#unit", "unit-1")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "unit=unit-1" in url)
    assert 0 < page.locator("main tbody tr").count() < everything
