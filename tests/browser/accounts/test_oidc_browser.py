"""Single sign-on end to end in Chromium (issue 15): produktlyft serve signs people in through
a real OpenID Connect provider started here (oidc-provider-mock), takes their role from a
claim, ends the session at logout, and refuses an altered or expired ID token."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from produktlyft.kernel.db import Database
from tests.browser.accounts.oidc_provider import (
    ADMINS,
    ANALYSTS,
    CLIENT_ID,
    CLIENT_SECRET,
    ROLE_CLAIM,
    ROLE_MAP,
    running_provider,
)
from tests.browser.conftest import at, open_page
from tests.support.server import serving

PEOPLE: dict[str, dict[str, object]] = {
    "alice": {"preferred_username": "alice", "name": "Alice Admin", ROLE_CLAIM: [ADMINS]},
    "bob": {"preferred_username": "bob", "name": "Bob Analyst", ROLE_CLAIM: [ANALYSTS, "other"]},
    "carol": {"preferred_username": "carol", "name": "Carol Nobody", ROLE_CLAIM: "staff"},
    "mallory": {"preferred_username": "mallory", "name": "Mallory", ROLE_CLAIM: ["staff"]},
}


@dataclass(frozen=True)
class SSO:
    base: str  # produktlyft's address
    issuer: str  # the provider's
    database: str


@contextmanager
def sso_server(folder: Path, **provider: object) -> Iterator[SSO]:
    """A provider and `produktlyft serve` that signs in through it (local accounts none)."""
    url = f"sqlite:///{folder / 'sso.db'}"
    database = Database(url)
    database.migrate()
    database.dispose()
    with running_provider(PEOPLE, **provider) as issuer:  # type: ignore[arg-type]
        settings = {
            "PRODUKTLYFT_SECRET_KEY": "browser-tests",
            "PRODUKTLYFT_OIDC_ISSUER": issuer,
            "PRODUKTLYFT_OIDC_CLIENT_ID": CLIENT_ID,
            "PRODUKTLYFT_OIDC_CLIENT_SECRET": CLIENT_SECRET,
            "PRODUKTLYFT_OIDC_ROLE_CLAIM": ROLE_CLAIM,
            "PRODUKTLYFT_OIDC_ROLES": ROLE_MAP,
        }
        with serving(url, folder, settings) as base:
            yield SSO(base, issuer, url)


@pytest.fixture(scope="module")
def sso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SSO]:
    with sso_server(tmp_path_factory.mktemp("sso"), tamper_for="mallory") as running:
        yield running


def _roles(sso: SSO) -> dict[str, str]:
    from produktlyft.accounts.service import list_accounts
    from tests.conftest import make_context

    database = Database(sso.database)
    try:
        return {a.name: a.role.value for a in list_accounts(make_context(database))}
    finally:
        database.dispose()


def _through_provider(page, sso: SSO, subject: str) -> None:  # type: ignore[no-untyped-def]
    """Start at produktlyft's sign-in page and pick `subject` at the provider."""
    page.goto("/login")
    page.click("a[href^='/login/oidc']")
    page.wait_for_url(lambda url: url.startswith(sso.issuer))
    page.click(f"button[name=sub][value={subject}]")


def _signed_in_as(page, sso: SSO, subject: str) -> None:  # type: ignore[no-untyped-def]
    _through_provider(page, sso, subject)
    page.wait_for_url(at("/"))


def test_sign_in_takes_the_role_from_the_claim_and_logout_ends_the_session(  # type: ignore[no-untyped-def]
    browser, sso: SSO
) -> None:
    page = open_page(browser, base_url=sso.base, locale="en-GB")
    try:
        _signed_in_as(page, sso, "alice")
        admin = page.goto("/admin")
        assert admin is not None and admin.status == 200
        copied = page.context.cookies()
        page.click("form[action='/logout'] button")
        page.wait_for_url(at("/login"))
    finally:
        page.context.close()
    # the session cookie copied before logout no longer signs anyone in
    thief = open_page(browser, base_url=sso.base, locale="en-GB")
    try:
        thief.context.add_cookies(copied)
        thief.goto("/admin")
        assert urlsplit(thief.url).path == "/login"
    finally:
        thief.context.close()
    for subject in ("bob", "carol"):
        page = open_page(browser, base_url=sso.base, locale="en-GB")
        try:
            _signed_in_as(page, sso, subject)
            refused = page.goto("/admin")
            assert refused is not None and refused.status == 403, subject
        finally:
            page.context.close()
    roles = _roles(sso)
    assert (roles["alice"], roles["bob"], roles["carol"]) == ("admin", "analyst", "viewer")


def _refused(page) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_url(at("/auth/oidc/callback"))
    alert = page.locator("main [role=alert]")
    alert.wait_for()
    assert "lyckades inte" in alert.inner_text()  # the default language: Swedish
    page.goto("/admin")
    assert urlsplit(page.url).path == "/login"


def test_an_id_token_altered_on_the_way_is_refused(browser, sso: SSO) -> None:  # type: ignore[no-untyped-def]
    page = open_page(browser, base_url=sso.base, locale="en-GB")
    try:
        _through_provider(page, sso, "mallory")
        _refused(page)
    finally:
        page.context.close()
    assert "mallory" not in _roles(sso)


def test_an_expired_id_token_is_refused(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # the provider issues tokens that expired an hour before they were made
    with sso_server(tmp_path, max_age=timedelta(hours=-1)) as expired:
        page = open_page(browser, base_url=expired.base, locale="en-GB")
        try:
            _through_provider(page, expired, "alice")
            _refused(page)
        finally:
            page.context.close()
        assert "alice" not in _roles(expired)
