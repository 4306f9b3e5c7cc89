"""A session ends for good: a copy of the cookie taken before logging out, or before the role
changed, no longer signs anyone in."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import FastAPI
from fastapi.testclient import TestClient

from produktlyft.kernel.access import Role
from tests.web.conftest import csrf_of


def _copy(app: FastAPI, client: TestClient) -> TestClient:
    """Another browser holding a copy of the client's session cookie."""
    thief = TestClient(app, base_url="http://testserver")
    for name, value in client.cookies.items():
        thief.cookies.set(name, value)
    return thief


def _signed_in(client: TestClient) -> bool:
    response = client.get("/", follow_redirects=False)
    if response.status_code == 303:
        assert response.headers["location"].startswith("/login")
        return False
    assert response.status_code == 200, response.status_code
    return True


def test_a_copied_cookie_is_refused_after_logout(
    app: FastAPI, client_for: Callable[[Role | None], TestClient]
) -> None:
    client = client_for(Role.EDITOR)
    copy = _copy(app, client)
    assert _signed_in(copy)
    response = client.post(
        "/logout", data={"csrf_token": csrf_of(client, "/")}, follow_redirects=False
    )
    assert response.status_code == 303
    assert not _signed_in(copy)
    assert not _signed_in(client)
    again = client_for(Role.EDITOR)  # signing in again works, with a new session
    assert _signed_in(again)
    assert not _signed_in(copy)


def test_a_role_change_ends_the_sessions_of_the_account(
    app: FastAPI, client_for: Callable[[Role | None], TestClient]
) -> None:
    client = client_for(Role.ANALYST)
    copy = _copy(app, client)
    assert _signed_in(copy)
    admin = client_for(Role.ADMIN)
    response = admin.post(
        "/admin/roles",
        data={"name": "analyst", "role": "viewer", "csrf_token": csrf_of(admin, "/admin")},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert not _signed_in(copy)
    assert not _signed_in(client)
    assert _signed_in(client_for(Role.ANALYST))  # the name signs in again, now as a viewer


def test_signing_out_elsewhere_leaves_other_accounts_signed_in(
    client_for: Callable[[Role | None], TestClient],
) -> None:
    editor, viewer = client_for(Role.EDITOR), client_for(Role.VIEWER)
    editor.post("/logout", data={"csrf_token": csrf_of(editor, "/")})
    assert _signed_in(viewer)
