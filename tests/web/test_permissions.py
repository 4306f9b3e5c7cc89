"""Every route refuses everyone whose role lacks the permission it declares.

Routes are enumerated from the app itself, the API's mounted routes included, so a new page
or endpoint is covered the moment it is registered. Path parameters this test does not know
get a made-up id: a refusal must come before any lookup. A form route with an entry in BODIES
is also sent, valid, by the roles that may use it, which must not be refused.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from produktlyft.accounts.tokens import create_token
from produktlyft.inventory.services.browse import AUDIT_ENTITIES
from produktlyft.kernel.access import Permission, Role
from produktlyft.kernel.web.security import declared_permission, iter_routes
from tests.conftest import make_context

PATH_VALUES = {"system_id": "sys-00001", "code": "en", "entity": "systems"}
RECORDS = {
    "systems": "sys-00001",
    "capabilities": "cap-case",
    "integrations": "int-00001",
    "contracts": "avtal-0001",
}
# Bodies for routes that need one to get past validation (so the permission check is reached).
BODIES: dict[tuple[str, str], dict[str, object]] = {
    ("POST", "/login"): {"data": {"name": "x", "password": "y"}},
    ("POST", "/logout"): {},
    ("POST", "/import"): {"files": {"file": ("a.json", b'{"systems": []}', "text/plain")}},
    ("POST", "/import/confirm"): {"data": {"key": "k" * 32}},
    ("POST", "/admin/roles"): {"data": {"name": "viewer", "role": "viewer"}},
    ("POST", "/admin/tokens"): {"data": {"name": "robot", "role": "viewer"}},
    ("POST", "/admin/tokens/revoke"): {"data": {"pk": "999999"}},
    ("POST", "/api/v1/imports"): {"files": {"file": ("a.json", b'{"systems": []}', "text/plain")}},
    # the review's forms, each refused after the permission check so nothing runs for real
    ("POST", "/review/run"): {"data": {"profile": "no-such-profile"}},
    ("POST", "/review/duplicates"): {
        "data": {"a": "sys-00001", "b": "sys-00001", "decision": "confirm"}
    },
    ("POST", "/review/attach/sbom"): {
        "data": {"system_id": "sys-00001"},
        "files": {"file": ("bom.json", b"{}", "text/plain")},
    },
    ("POST", "/review/attach/repo"): {"data": {"system_id": "sys-00001", "url": "/srv"}},
    ("POST", "/review/weights/preview"): {"data": {"custom.technical_fit": "many"}},
    ("POST", "/review/weights"): {"data": {"custom.technical_fit": "many"}},
}
BODIES.update(
    {
        ("PATCH", f"/api/v1/{entity}/{{record_id}}"): {
            "json": {"name": "X"},
            "params": {"row_version": "1"},
        }
        for entity in RECORDS
    }
)
BODIES.update(
    {
        ("POST", f"/edit/{entity}/{{record_id}}"): {"data": {"row_version": "1"}}
        for entity in RECORDS
    }
)


def _url(prefix: str, route: APIRoute) -> str:
    template = prefix + route.path_format
    entity = next((name for name in RECORDS if f"/{name}/" in template), "systems")

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        return RECORDS[entity] if name == "record_id" else PATH_VALUES.get(name, "unknown-id")

    return re.sub(r"\{(\w+)\}", fill, template)


def _requests(app: FastAPI) -> list[tuple[str, str, str, Permission | None]]:
    found = []
    for prefix, route in iter_routes(app.routes):
        permission = declared_permission(route.endpoint)
        for method in sorted(route.methods - {"HEAD"}):
            found.append((method, prefix + route.path_format, _url(prefix, route), permission))
    return found


def test_every_route_declares_a_permission(app: FastAPI) -> None:
    requests = _requests(app)
    assert len(requests) > 25
    paths = {path for _, path, _, _ in requests}
    assert {"/", "/systems", "/api/v1/systems", "/admin", "/import"} <= paths
    assert {
        "/review",
        "/review/run",
        "/review/report",
        "/review/heatmap",
        "/review/ranking",
        "/review/duplicates",
        "/review/systems/{system_id}",
        "/review/attach/sbom",
        "/review/attach/repo",
        "/review/weights",
        "/review/weights/preview",
    } <= paths
    audit = {f"/api/v1/history/{entity}/{{record_id}}" for entity in AUDIT_ENTITIES}
    assert audit <= paths  # so the matrix below refuses them to every role but admin
    for _, path, _, permission in requests:
        if path in audit:
            assert permission is Permission.ADMINISTER, path


def _send(
    client: TestClient,
    method: str,
    template: str,
    url: str,
    headers: dict[str, str],
    csrf: str | None,
) -> int:
    extra = dict(BODIES.get((method, template), {}))
    if csrf is not None and method != "GET":
        data = dict(extra.pop("data", {}))  # type: ignore[call-overload]
        data["csrf_token"] = csrf
        extra["data"] = data
    files = extra.pop("files", None)
    if files:
        extra["files"] = {
            key: (name, io.BytesIO(content), kind) for key, (name, content, kind) in files.items()
        }  # type: ignore[attr-defined]
    response = client.request(method, url, headers=headers, follow_redirects=False, **extra)  # type: ignore[arg-type]
    assert response.status_code < 500, (method, url, response.text[:500])
    return response.status_code


@pytest.mark.parametrize("role", [None, *Role])
def test_every_route_refuses_roles_without_its_permission(
    app: FastAPI,
    client_for: Callable[[Role | None], TestClient],
    web_database,  # type: ignore[no-untyped-def]
    role: Role | None,
) -> None:
    client = client_for(role)
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text).group(1)
    headers = {}
    if role is not None:
        secret = create_token(make_context(web_database), f"matrix-{role.value}", role).secret
        headers = {"Authorization": f"Bearer {secret}"}
    checked = 0
    for method, template, url, permission in _requests(app):
        if permission is None:
            continue
        is_api = template.startswith("/api/")
        allowed = role is not None and _grants(role, permission)
        if allowed and method != "GET" and (method, template) not in BODIES:
            continue  # no valid body known: only the refusals are checked
        status = _send(
            client, method, template, url, headers if is_api else {}, None if is_api else csrf
        )
        if role is None:
            expected = 401 if is_api else 303
            assert status == expected, (method, url, status)
        elif not allowed:
            assert status == 403, (role, method, url, status)
        elif method == "GET" or (method, template) in BODIES:
            assert status not in (401, 403), (role, method, url, status)
        checked += 1
    assert checked > 20


AUDIT_HISTORY = ("/api/v1/history/sessions/admin", "/api/v1/history/users/viewer")


@pytest.mark.parametrize("role", list(Role))
def test_the_history_of_accounts_is_for_administrators(
    client_for: Callable[[Role | None], TestClient],
    web_database,  # type: ignore[no-untyped-def]
    role: Role,
) -> None:
    """Sign-in times and addresses, account and token changes are the audit log's: a token
    without ADMINISTER is refused them (the history of inventory records stays readable)."""
    admin_ctx = make_context(web_database)
    token = create_token(admin_ctx, f"history-{role.value}", role)
    client = client_for(Role.ADMIN)  # signs admin in, so there is a session to read about
    headers = {"Authorization": f"Bearer {token.secret}"}
    for url in (*AUDIT_HISTORY, f"/api/v1/history/api_tokens/{token.token.pk}"):
        response = client.get(url, headers=headers)
        if role is Role.ADMIN:
            assert response.status_code == 200 and response.json(), url
        else:
            assert response.status_code == 403, (role, url, response.status_code)
            assert response.headers["content-type"] == "application/problem+json"
    assert client.get("/api/v1/history/systems/sys-00001", headers=headers).status_code == 200


def _grants(role: Role, permission: Permission) -> bool:
    from produktlyft.kernel.access import GRANTS

    return permission in GRANTS[role]


def test_api_refuses_without_a_token(client_for) -> None:  # type: ignore[no-untyped-def]
    response = client_for(Role.ADMIN).get("/api/v1/systems")  # a session is not enough
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["www-authenticate"].startswith("Bearer")
