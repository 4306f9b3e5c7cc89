"""Account administration, the audit log and the own-password page in Chromium: axe-core finds
no WCAG 2.0/2.1 A or AA violation, in Swedish and English, also with a refused form."""

from __future__ import annotations

import pytest

from tests.browser.conftest import at, sign_in
from tests.browser.test_accessibility import assert_clean
from tests.web.conftest import PASSWORD

PAGES = [
    "/admin",
    "/admin/audit",
    "/admin/audit?kind=changes&since=2000-01-01",
    "/admin/audit?kind=sign_ins&page=2",
    "/account/password",
]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_account_pages_have_no_violations(page, lang: str) -> None:  # type: ignore[no-untyped-def]  # playwright's page
    sign_in(page, "admin")
    page.goto(f"/language/{lang}?next=/admin")
    page.wait_for_url(at("/admin"))
    for path in PAGES:
        page.goto(path)
        assert page.locator("html").get_attribute("lang") == lang
        assert_clean(page, f"{path} ({lang})")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_refused_account_forms_have_no_violations(page, lang: str) -> None:  # type: ignore[no-untyped-def]  # playwright's page
    sign_in(page, "admin")
    page.goto(f"/language/{lang}?next=/admin")
    page.wait_for_url(at("/admin"))
    page.fill("#new-name", "viewer")  # taken
    page.fill("#new-password", "a-long-enough-password")
    page.click("form[action='/admin/accounts'] button[type=submit]")
    page.wait_for_selector("#error-summary")
    assert_clean(page, f"/admin with a refused new account ({lang})")
    page.goto("/account/password")
    page.fill("#old", "not-" + PASSWORD)
    page.fill("#new", "a-long-enough-password")
    page.click("main form button[type=submit]")
    page.wait_for_selector("#error-summary")
    assert_clean(page, f"/account/password refused ({lang})")
