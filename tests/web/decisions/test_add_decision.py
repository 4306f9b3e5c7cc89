"""/decisions: add one recommendation through a form, and a chart with its data table."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

from produktlyft.kernel.access import Role
from tests.web.conftest import csrf_of

VALID = {
    "title": "Släpp varje vecka",
    "team": "Team Skola",
    "kind": "release",
    "level": "management",
    "proposed_on": "2026-09-01",
    "decided_on": "2026-10-15",
    "outcome": "approved",
    "description": "",
    "notes": "",
    "id": "",
}


def _post(client: TestClient, **fields: str) -> object:
    data = {**VALID, **fields, "csrf_token": csrf_of(client, "/decisions")}
    return client.post("/decisions/new", data=data, follow_redirects=False)


def test_an_analyst_adds_a_decision_and_the_page_charts_time_to_decision(
    client_for: Callable[[Role | None], TestClient],
) -> None:
    analyst = client_for(Role.ANALYST)
    assert "<svg" not in analyst.get("/decisions").text  # nothing to chart yet
    response = _post(analyst)
    assert response.status_code == 303  # type: ignore[attr-defined]
    page = analyst.get("/decisions").text
    assert "Rekommendationen ”Släpp varje vecka” sparades." in page or "Släpp varje vecka" in page
    register = page.split('id="register"', 1)[1]
    assert "Släpp varje vecka" in register and "bifallen" in register
    figure = page.split('<figure class="chart">', 1)[1].split("</figure>", 1)[0]
    assert "<svg" in figure and "<table" in figure and "ledningen" in figure


def test_a_wrong_decision_is_refused_with_each_field_named(
    client_for: Callable[[Role | None], TestClient],
) -> None:
    analyst = client_for(Role.ANALYST)
    response = _post(analyst, title="", level="emperor", decided_on="2026-08-01")
    assert response.status_code == 400  # type: ignore[attr-defined]
    text = response.text  # type: ignore[attr-defined]
    assert 'href="#decision-level"' in text
    assert 'id="decision-level"' in text and 'aria-invalid="true"' in text
    assert 'value="Team Skola"' in text  # what was typed is kept
    dates = _post(analyst, decided_on="2026-08-01")  # decided before it was proposed
    assert dates.status_code == 400  # type: ignore[attr-defined]
    assert 'href="#decision-decided_on"' in dates.text  # type: ignore[attr-defined]
    assert "Släpp varje vecka" not in dates.text.split('id="register"', 1)[1].split('id="add"')[0]  # type: ignore[attr-defined]


def test_adding_a_decision_needs_the_organise_permission(
    client_for: Callable[[Role | None], TestClient],
) -> None:
    editor = client_for(Role.EDITOR)
    token = csrf_of(editor, "/decisions")
    response = editor.post("/decisions/new", data={**VALID, "csrf_token": token})
    assert response.status_code == 403
    assert 'action="/decisions/new"' not in editor.get("/decisions").text
