"""Sign-in: local accounts with argon2, rate limiting, secure cookies, OpenID Connect."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import httpx2
from fastapi.testclient import TestClient

from produktlyft.bootstrap import web_app
from produktlyft.kernel.db import Database
from produktlyft.kernel.settings import Settings
from tests.web.conftest import PASSWORD, csrf_of
from tests.web.oidc_stub import CLIENT_ID, CLIENT_SECRET, ISSUER, create_provider


def _attempt(client: TestClient, name: str, password: str) -> int:
    return client.post(
        "/login",
        data={"name": name, "password": password, "next": "/", "csrf_token": csrf_of(client)},
        follow_redirects=False,
    ).status_code


def test_sign_in_and_out(app) -> None:  # type: ignore[no-untyped-def]
    client = TestClient(app)
    assert _attempt(client, "viewer", "wrong password") == 400
    assert (
        "Fel användarnamn eller lösenord."
        in client.post(
            "/login", data={"name": "viewer", "password": "nope", "csrf_token": csrf_of(client)}
        ).text
    )
    assert _attempt(client, "viewer", PASSWORD) == 303
    assert "Test viewer" in client.get("/").text
    token = csrf_of(client, "/")
    assert (
        client.post("/logout", data={"csrf_token": token}, follow_redirects=False).status_code
        == 303
    )
    assert client.get("/", follow_redirects=False).status_code == 303


def test_unknown_accounts_and_wrong_passwords_look_the_same(app) -> None:  # type: ignore[no-untyped-def]
    client = TestClient(app)
    assert _attempt(client, "nobody", PASSWORD) == _attempt(client, "viewer", "bad") == 400


def test_sign_in_is_rate_limited(app) -> None:  # type: ignore[no-untyped-def]
    client = TestClient(app)
    for _ in range(5):
        assert _attempt(client, "editor", "not the password") == 400
    response = client.post(
        "/login", data={"name": "editor", "password": PASSWORD, "csrf_token": csrf_of(client)}
    )
    assert response.status_code == 429 and int(response.headers["Retry-After"]) > 0
    assert "För många försök" in response.text


def test_session_cookie_is_secure_http_only_and_same_site(
    web_database: Database, tmp_path: Path
) -> None:
    settings = Settings(
        database_url=web_database.url, cookie_secure=True, data_dir=tmp_path / "d", secret_key="k"
    )
    client = TestClient(web_app(settings), base_url="https://testserver")
    response = client.post(
        "/login",
        data={"name": "admin", "password": PASSWORD, "next": "/", "csrf_token": csrf_of(client)},
        follow_redirects=False,
    )
    cookies = [value for key, value in response.headers.multi_items() if key == "set-cookie"]
    assert cookies, "the session cookie is renewed"
    cookie = cookies[0].lower()
    assert "httponly" in cookie and "secure" in cookie and "samesite=lax" in cookie
    assert response.headers["strict-transport-security"].startswith("max-age=")


def test_the_audit_log_records_sign_ins(admin: TestClient) -> None:
    page = admin.get("/admin").text
    assert "loggade in" in page


def test_openid_connect_sign_in_through_a_stub_provider(
    web_database: Database, tmp_path: Path
) -> None:
    provider = create_provider(
        {
            "sub": "abc-123",
            "preferred_username": "kajsa",
            "name": "Kajsa Karlsson",
            "email": "kajsa@example.se",
        }
    )
    settings = Settings(
        database_url=web_database.url,
        cookie_secure=False,
        data_dir=tmp_path / "d",
        secret_key="k",
        oidc_issuer=ISSUER,
        oidc_client_id=CLIENT_ID,
        oidc_client_secret=CLIENT_SECRET,
    )
    transport = httpx2.ASGITransport(app=provider)
    app = web_app(settings, oidc_client_kwargs={"transport": transport})
    client = TestClient(app)
    assert "Logga in med organisationens inloggning" in client.get("/login").text
    start = client.get("/login/oidc?next=/systems", follow_redirects=False)
    assert start.status_code == 302 and start.headers["location"].startswith(ISSUER)
    idp = TestClient(provider, base_url=ISSUER)
    authorize = urlsplit(start.headers["location"])
    back = idp.get(f"{authorize.path}?{authorize.query}", follow_redirects=False)
    callback = urlsplit(back.headers["location"])
    done = client.get(f"{callback.path}?{callback.query}", follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == "/systems"
    page = client.get("/systems").text
    assert "Kajsa Karlsson" in page and "(läsare)" in page  # the default role
    forged = client.get("/auth/oidc/callback?code=x&state=forged", follow_redirects=False)
    assert forged.status_code == 400
