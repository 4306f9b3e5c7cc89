"""The JSON API: token authentication, the OpenAPI document, problem details, editing."""

from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient

from produktlyft.accounts.tokens import create_token, revoke_token
from produktlyft.kernel.access import Role
from produktlyft.kernel.db import Database
from tests.conftest import make_context


@pytest.fixture
def api(app, web_database: Database) -> TestClient:  # type: ignore[no-untyped-def]
    secret = create_token(make_context(web_database), "editor").secret  # acts as the editor
    return TestClient(app, headers={"Authorization": f"Bearer {secret}"})


def _problem(response, status: int) -> dict[str, object]:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, object] = response.json()
    assert body["status"] == status and body["type"].startswith("urn:produktlyft:problem:")
    return body


def test_openapi_document_is_served(app) -> None:  # type: ignore[no-untyped-def]
    document = TestClient(app).get("/api/v1/openapi.json").json()
    assert document["openapi"].startswith("3.")
    assert "/systems" in document["paths"] and "/summary" in document["paths"]


def test_systems_for_a_token_holder(api: TestClient) -> None:
    body = api.get("/api/v1/systems?limit=5").json()
    assert body["total"] == 12 and len(body["items"]) == 5 and body["per_page"] == 5
    assert {"id", "name", "criticality", "annual_cost"} <= set(body["items"][0])
    filtered = api.get("/api/v1/systems", params={"q": "sys-00002"}).json()
    assert [item["id"] for item in filtered["items"]] == ["sys-00002"]
    one = api.get("/api/v1/systems/sys-00002").json()
    assert one["id"] == "sys-00002" and one["row_version"] >= 1


def test_other_read_endpoints(api: TestClient) -> None:
    assert api.get("/api/v1/capabilities").json()[0]["children"] is not None
    assert api.get("/api/v1/integrations?limit=3").json()["total"] == 24
    contracts = api.get("/api/v1/contracts").json()["items"]
    ends = [c["end_date"] for c in contracts if c["end_date"]]
    assert ends == sorted(ends)
    summary = api.get("/api/v1/summary").json()
    assert summary["counts"]["systems"] == 12 and "missing" in summary["data_quality"]
    assert api.get("/api/v1/history/systems/sys-00001").json()[0]["action"] == "create"


def test_errors_are_problem_documents(api: TestClient, app) -> None:  # type: ignore[no-untyped-def]
    _problem(api.get("/api/v1/systems/nope"), 404)
    _problem(api.get("/api/v1/systems?limit=100000"), 422)
    _problem(api.get("/api/v1/no-such-endpoint"), 404)
    _problem(TestClient(app).get("/api/v1/systems"), 401)
    _problem(
        TestClient(app, headers={"Authorization": "Bearer pl_bad"}).get("/api/v1/systems"), 401
    )
    _problem(api.get("/api/v1/changes"), 403)  # the audit log is for administrators


def test_edit_with_optimistic_locking(api: TestClient) -> None:
    version = api.get("/api/v1/systems/sys-00005").json()["row_version"]
    saved = api.patch(
        f"/api/v1/systems/sys-00005?row_version={version}", json={"vendor": "API AB", "users": 42}
    )
    assert saved.status_code == 200 and saved.json()["vendor"] == "API AB"
    stale = api.patch(
        f"/api/v1/systems/sys-00005?row_version={version}", json={"vendor": "Late AB"}
    )
    body = _problem(stale, 409)
    assert body["current"]["vendor"] == "API AB" and body["yours"]["vendor"] == "Late AB"
    invalid = _problem(
        api.patch(
            f"/api/v1/systems/sys-00005?row_version={version + 1}",
            json={"users": "many", "criticality": "extreme"},
        ),
        422,
    )
    assert {e["column"] for e in invalid["errors"]} == {"users", "criticality"}  # type: ignore[union-attr]


def test_import_dry_run_through_the_api(app, web_database: Database) -> None:  # type: ignore[no-untyped-def]
    secret = create_token(make_context(web_database), "robot", Role.ANALYST).secret
    client = TestClient(app, headers={"Authorization": f"Bearer {secret}"})
    document = json.dumps({"systems": [{"id": "sys-api", "name": "Från API"}]})
    report = client.post("/api/v1/imports", files={"file": ("a.json", document)}).json()
    assert report["dry_run"] and report["counts"]["systems"]["created"] == 1
    assert client.get("/api/v1/systems/sys-api").status_code == 404
    bad = client.post("/api/v1/imports", files={"file": ("a.json", "{not json")})
    assert _problem(bad, 422)["errors"]


def test_revoked_tokens_stop_working(app, web_database: Database) -> None:  # type: ignore[no-untyped-def]
    ctx = make_context(web_database)
    created = create_token(ctx, "short-lived")
    client = TestClient(app, headers={"Authorization": f"Bearer {created.secret}"})
    assert client.get("/api/v1/systems").status_code == 200
    revoke_token(ctx, created.token.pk)
    assert client.get("/api/v1/systems").status_code == 401


@pytest.mark.parametrize("endpoint", ["systems", "integrations", "contracts"])
def test_a_page_past_any_database_is_a_problem_not_a_crash(api: TestClient, endpoint: str) -> None:
    body = _problem(api.get(f"/api/v1/{endpoint}?page=9223372036854775807"), 422)
    assert "page" in json.dumps(body)
    _problem(api.get(f"/api/v1/{endpoint}?page=99999999999999999999999"), 422)
    last = api.get(f"/api/v1/{endpoint}?page=999999&limit=500")
    assert last.status_code == 200 and last.json()["items"] == []  # the last page allowed


def test_times_in_the_api_carry_their_zone(app, web_database: Database) -> None:  # type: ignore[no-untyped-def]
    """schemathesis found `at` without a zone on SQLite ("…T14:23:41.620632"), which is not
    the RFC 3339 date-time the document promises."""
    secret = create_token(make_context(web_database), "auditor", Role.ADMIN).secret
    client = TestClient(app, headers={"Authorization": f"Bearer {secret}"})
    for url in (
        "/api/v1/changes",
        "/api/v1/history/users/admin",
        "/api/v1/history/systems/sys-00001",
    ):
        at = client.get(url).json()[0]["at"]
        assert at.endswith("+00:00") or at.endswith("Z"), (url, at)


def test_the_document_declares_the_token_and_the_problems(app) -> None:  # type: ignore[no-untyped-def]
    """schemathesis found 404, 401 and 422 answers the document did not declare, and 422
    declared as FastAPI's JSON when it is a problem document."""
    document = TestClient(app).get("/api/v1/openapi.json").json()
    assert document["components"]["securitySchemes"]["token"] == {
        "type": "http",
        "scheme": "bearer",
        "description": "An API token from `produktlyft token create` or the admin page.",
    }
    assert "Problem" in document["components"]["schemas"]
    assert "HTTPValidationError" not in document["components"]["schemas"]
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            assert operation["security"] == [{"token": []}], (method, path)
            responses = operation["responses"]
            for status in ("401", "403", "422"):
                assert set(responses[status]["content"]) == {"application/problem+json"}
            assert ("404" in responses) == ("{" in path), (method, path)
    assert "409" in document["paths"]["/systems/{record_id}"]["patch"]["responses"]


def test_the_api_documentation_is_served_from_the_package(app) -> None:  # type: ignore[no-untyped-def]
    client = TestClient(app)
    page = client.get("/api/v1/docs")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert 'data-openapi="/api/v1/openapi.json"' in page.text
    assert "<script>" not in page.text  # no inline script: the CSP would refuse it
    assets = [url for url in re.findall(r'(?:src|href)="([^"]+)"', page.text) if url != "data:,"]
    assert assets and all(url.startswith("/static/") for url in assets)
    for url in assets:
        assert client.get(url).status_code == 200, url


def test_an_address_no_api_route_takes_is_a_problem_not_a_page(api: TestClient) -> None:
    """schemathesis found a record id with a newline answered by the HTML error page: the
    path never reached the API's mount."""
    _problem(api.get("/api/v1/systems/%0Anamn"), 404)
    _problem(api.get("/api/v1/%0A"), 404)
