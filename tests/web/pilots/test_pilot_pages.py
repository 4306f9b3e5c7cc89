"""The pilot pages: the list, and a pilot's registration with its lock and amendments, the
verdict in words, the chart with its data table, and who may evaluate."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

from produktlyft.kernel.access import Role
from produktlyft.kernel.db import Database
from produktlyft.pilots.service import amend_pilot
from tests.conftest import make_context
from tests.support.pilots import evaluated_pilot


def _token(page: str) -> str:
    return page.split('name="csrf_token" value="')[1].split('"', maxsplit=1)[0]


def test_list_and_pilot_page_in_both_languages(
    web_database: Database, client_for: Callable[[Role | None], TestClient]
) -> None:
    ctx = make_context(web_database)
    plan = evaluated_pilot(ctx)
    amend_pilot(ctx, plan.model_copy(update={"min_effect": 10.0}), reason="agreed with the board")
    viewer = client_for(Role.VIEWER)
    listing = viewer.get("/pilots")
    assert listing.status_code == 200 and plan.name in listing.text
    page = viewer.get(f"/pilots/{plan.id}")
    assert page.status_code == 200
    text = page.text
    assert "Låst sedan piloten startade" in text and "agreed with the board" in text
    assert "en serie som laddats upp för piloten" in text  # the measure named, not its key
    assert "Piloten förbättrade måttet." in text
    assert "<svg" in text and 'role="img"' in text and "Diagrammets siffror" in text
    assert "Utvärdera nu" not in text  # a viewer may not evaluate
    viewer.get("/language/en")
    english = viewer.get(f"/pilots/{plan.id}").text
    assert "The pilot improved the measure." in english and "Locked since" in english
    assert "a series uploaded for this pilot" in english


def test_unknown_pilot_is_not_found(client_for: Callable[[Role | None], TestClient]) -> None:
    assert client_for(Role.VIEWER).get("/pilots/no-such-pilot").status_code == 404


def test_only_analysts_evaluate(
    web_database: Database, client_for: Callable[[Role | None], TestClient]
) -> None:
    plan = evaluated_pilot(make_context(web_database))
    viewer = client_for(Role.VIEWER)
    token = _token(viewer.get(f"/pilots/{plan.id}").text)
    refused = viewer.post(
        f"/pilots/{plan.id}/evaluate", data={"csrf_token": token}, follow_redirects=False
    )
    assert refused.status_code == 403
    analyst = client_for(Role.ANALYST)
    token = _token(analyst.get(f"/pilots/{plan.id}").text)
    done = analyst.post(
        f"/pilots/{plan.id}/evaluate", data={"csrf_token": token}, follow_redirects=False
    )
    assert done.status_code == 303


def test_the_registration_form_names_a_bad_window_and_saves_nothing(
    web_database: Database, client_for: Callable[[Role | None], TestClient]
) -> None:
    editor = client_for(Role.EDITOR)
    token = _token(editor.get("/pilots").text)
    fields = {
        "id": "web-pilot",
        "name": "From the form",
        "hypothesis": "Fewer reworked deployments",
        "metric": "uploaded",
        "pilot_team": "team-a",
        "comparison_teams": "team-b, team-c",
        "pre_start": "2026-01-05",
        "pre_end": "2026-03-29",
        "post_start": "2026-03-30",
        "post_end": "2026-03-01",
        "min_effect": "0.05",
        "direction": "lower_is_better",
        "csrf_token": token,
    }
    refused = editor.post("/pilots", data=fields, follow_redirects=False)
    assert refused.status_code == 400
    assert 'id="post_end-error"' in refused.text and "efterperioden slutar" in refused.text
    assert "Inget sparades" in refused.text
    assert client_for(Role.VIEWER).get("/pilots/web-pilot").status_code == 404
    made = editor.post("/pilots", data={**fields, "post_end": "2026-06-28"}, follow_redirects=False)
    assert made.status_code == 303 and made.headers["location"] == "/pilots/web-pilot"
    page = editor.get("/pilots/web-pilot").text
    assert "From the form" in page and "team-b" in page
    viewer_page = client_for(Role.VIEWER).get("/pilots").text
    assert 'action="/pilots"' not in viewer_page  # the form is for those who may edit
