"""The API documentation (/api/v1/docs): Swagger UI from the package, under the app's own
Content Security Policy, and clean by axe."""

from __future__ import annotations

from urllib.parse import urlsplit

from tests.browser.conftest import HANG_GUARD_MS, open_page
from tests.browser.test_accessibility import assert_clean

DOCS = "/api/v1/docs"
OPERATION = ".opblock-summary-path"  # one per operation, once Swagger UI has read the document


def test_the_documentation_runs_under_the_apps_csp(browser, server: str) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    context = browser.new_context(base_url=server)  # no bypass_csp: the app's policy holds
    context.set_default_timeout(HANG_GUARD_MS)
    context.set_default_navigation_timeout(HANG_GUARD_MS)
    page = context.new_page()
    refused: list[str] = []
    elsewhere: list[str] = []
    page.on(
        "console", lambda message: refused.append(message.text) if message.type == "error" else None
    )
    page.on("pageerror", lambda error: refused.append(str(error)))
    page.on(
        "response",
        lambda response: (
            refused.append(f"{response.status} {response.url}") if response.status >= 400 else None
        ),
    )
    page.on(
        "request",
        lambda request: (
            elsewhere.append(request.url)
            if urlsplit(request.url).netloc not in ("", urlsplit(server).netloc)
            and not request.url.startswith("data:")
            else None
        ),
    )
    try:
        page.goto(DOCS)
        expect(page.locator(OPERATION, has_text="/systems").first).to_be_visible()
        assert page.locator(OPERATION).count() >= 14
        expect(page.locator(".btn.authorize")).to_be_visible()  # the bearer scheme is declared
        assert not refused, refused  # a CSP refusal shows as a console error
        assert not elsewhere, elsewhere  # nothing from a CDN
    finally:
        context.close()


def test_the_documentation_has_no_violations(browser, server: str) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    page = open_page(browser, base_url=server)
    try:
        page.goto(DOCS)
        expect(page.locator(OPERATION).first).to_be_visible()
        assert_clean(page, DOCS)
        page.locator(".opblock-summary-control").first.click()  # one operation opened
        expect(page.locator(".opblock-body").first).to_be_visible()
        assert_clean(page, f"{DOCS} with an operation open")
    finally:
        page.context.close()
