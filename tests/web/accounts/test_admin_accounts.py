"""Administrators manage accounts in /admin; people change their own password (issue 16 §3)."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

from produktlyft.kernel.access import Role
from tests.web.conftest import PASSWORD, csrf_of, sign_in

NEW_PASSWORD = "another-long-password"


def _post(client: TestClient, path: str, **data: str) -> object:
    data["csrf_token"] = csrf_of(client, "/admin")
    return client.post(path, data=data, follow_redirects=False)


def _login(client: TestClient, name: str, password: str) -> int:
    response = client.post(
        "/login",
        data={"name": name, "password": password, "csrf_token": csrf_of(client), "next": "/"},
        follow_redirects=False,
    )
    return response.status_code


def test_an_administrator_creates_an_account_that_can_sign_in(
    admin: TestClient, client_for: Callable[[Role | None], TestClient]
) -> None:
    response = _post(
        admin,
        "/admin/accounts",
        name="kajsa",
        display_name="Kajsa Karlsson",
        role="editor",
        password=NEW_PASSWORD,
    )
    assert response.status_code == 303  # type: ignore[attr-defined]
    page = admin.get("/admin").text
    assert "Kontot kajsa skapades." in page and "kajsa (Kajsa Karlsson)" in page
    assert "skapad" in page  # audit-logged
    assert _login(client_for(None), "kajsa", NEW_PASSWORD) == 303


def test_a_new_account_with_a_short_password_or_a_taken_name_is_refused_by_field(
    admin: TestClient,
) -> None:
    short = _post(admin, "/admin/accounts", name="kajsa", role="viewer", password="kort")
    assert short.status_code == 400  # type: ignore[attr-defined]
    text = short.text  # type: ignore[attr-defined]
    assert 'href="#new-password"' in text and "minst 10 tecken" in text
    assert 'value="kajsa"' in text  # what was typed is kept
    taken = _post(admin, "/admin/accounts", name="viewer", role="viewer", password=NEW_PASSWORD)
    assert taken.status_code == 400  # type: ignore[attr-defined]
    assert 'href="#new-name"' in taken.text and "finns redan" in taken.text  # type: ignore[attr-defined]


def test_a_password_reset_ends_the_accounts_sessions(
    admin: TestClient, client_for: Callable[[Role | None], TestClient]
) -> None:
    editor = client_for(Role.EDITOR)
    assert editor.get("/systems").status_code == 200
    assert _post(admin, "/admin/password", name="editor", password=NEW_PASSWORD).status_code == 303  # type: ignore[attr-defined]
    assert editor.get("/systems", follow_redirects=False).status_code in (302, 303)
    assert _login(client_for(None), "editor", PASSWORD) != 303
    assert _login(client_for(None), "editor", NEW_PASSWORD) == 303


def test_a_disabled_account_cannot_sign_in_and_its_sessions_end(
    admin: TestClient, client_for: Callable[[Role | None], TestClient]
) -> None:
    viewer = client_for(Role.VIEWER)
    assert _post(admin, "/admin/disabled", name="viewer", disabled="true").status_code == 303  # type: ignore[attr-defined]
    assert viewer.get("/systems", follow_redirects=False).status_code in (302, 303)
    assert _login(client_for(None), "viewer", PASSWORD) != 303
    assert "viewer inaktiverades." in admin.get("/admin").text
    assert _post(admin, "/admin/disabled", name="viewer", disabled="false").status_code == 303  # type: ignore[attr-defined]
    assert _login(client_for(None), "viewer", PASSWORD) == 303
    # an administrator cannot lock themselves out
    assert _post(admin, "/admin/disabled", name="admin", disabled="true").status_code == 400  # type: ignore[attr-defined]


def test_a_role_change_ends_the_accounts_sessions(
    admin: TestClient, client_for: Callable[[Role | None], TestClient]
) -> None:
    analyst = client_for(Role.ANALYST)
    assert _post(admin, "/admin/roles", name="analyst", role="viewer").status_code == 303  # type: ignore[attr-defined]
    assert analyst.get("/systems", follow_redirects=False).status_code in (302, 303)


def test_account_management_needs_the_administer_permission(
    client_for: Callable[[Role | None], TestClient],
) -> None:
    editor = client_for(Role.EDITOR)
    token = csrf_of(editor, "/systems")
    for path, data in (
        ("/admin/accounts", {"name": "x", "role": "admin", "password": NEW_PASSWORD}),
        ("/admin/password", {"name": "admin", "password": NEW_PASSWORD}),
        ("/admin/disabled", {"name": "admin", "disabled": "true"}),
    ):
        response = editor.post(path, data={**data, "csrf_token": token}, follow_redirects=False)
        assert response.status_code == 403, path
    # and a form without the CSRF token is refused
    admin = sign_in(TestClient(editor.app, base_url="http://testserver"), "admin")
    response = admin.post(
        "/admin/accounts",
        data={"name": "x", "role": "admin", "password": NEW_PASSWORD},
        follow_redirects=False,
    )
    assert response.status_code == 403


def test_a_person_changes_their_own_password_and_stays_signed_in(
    client_for: Callable[[Role | None], TestClient],
) -> None:
    viewer = client_for(Role.VIEWER)
    other_session = client_for(Role.VIEWER)
    token = csrf_of(viewer, "/account/password")
    wrong = viewer.post(
        "/account/password",
        data={"old": "not-my-password", "new": NEW_PASSWORD, "csrf_token": token},
    )
    assert wrong.status_code == 400 and 'href="#old"' in wrong.text
    done = viewer.post(
        "/account/password",
        data={"old": PASSWORD, "new": NEW_PASSWORD, "csrf_token": token},
        follow_redirects=False,
    )
    assert done.status_code == 303
    assert "Ditt lösenord ändrades" in viewer.get("/account/password").text
    assert other_session.get("/systems", follow_redirects=False).status_code in (302, 303)
    assert _login(client_for(None), "viewer", NEW_PASSWORD) == 303
