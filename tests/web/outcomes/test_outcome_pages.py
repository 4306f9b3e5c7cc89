"""The outcomes pages: who may see and change what, one team's trend, the organisation's
spread without team names, services, and key results (rejected ones explained)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from produktlyft.kernel.access import Role
from produktlyft.kernel.db import Database
from produktlyft.outcomes import service
from produktlyft.outcomes.service import KeyResultRow
from tests.conftest import make_context
from tests.web.conftest import csrf_of

DATA = Path(__file__).parents[2] / "data" / "outcomes"
TEAMS = ("Lag Alfa", "Lag Beta", "Lag Gamma")


@pytest.fixture
def seeded(web_database: Database, tmp_path: Path) -> Database:
    ctx = make_context(web_database, data_dir=tmp_path / "data")
    for team in TEAMS:
        service.import_deployments(ctx, DATA / "deployments.csv", team)
        service.import_incidents(ctx, DATA / "incidents.csv", team)
    kpis = tmp_path / "kpis.csv"
    kpis.write_text(
        "service,service name,kpi,month,value\nbygglov,Bygglov,satisfaction,2026-02,70 %\n",
        encoding="utf-8",
    )
    service.import_kpis(ctx, kpis)
    service.save_key_results(
        ctx,
        [
            KeyResultRow(
                1,
                "Snabbare",
                "Genomföra 4 workshops med handläggare",
                None,
                None,
                4,
                None,
                "Lag Alfa",
                "2026-Q4",
            )
        ],
    )
    return web_database


def in_english(client: TestClient) -> TestClient:
    client.get("/language/en")
    return client


PAGES = [
    "/outcomes",
    "/outcomes/teams/Lag%20Alfa",
    "/outcomes/organisation",
    "/outcomes/services",
    "/outcomes/okrs",
]


@pytest.mark.parametrize("path", PAGES)
def test_a_viewer_sees_the_pages_and_anonymous_is_sent_to_sign_in(
    seeded: Database, client_for: Callable[[Role | None], TestClient], path: str
) -> None:
    assert client_for(Role.VIEWER).get(path).status_code == 200
    anonymous = client_for(None).get(path, follow_redirects=False)
    assert anonymous.status_code in (303, 307, 401)


def test_the_team_page_shows_one_team_with_intervals_scores_and_benchmarks(
    seeded: Database, client_for: Callable[[Role | None], TestClient]
) -> None:
    client = in_english(client_for(Role.VIEWER))
    page = client.get("/outcomes/teams/Lag%20Alfa").text
    assert "Lag Alfa" in page and "Lag Beta" not in page and "Lag Gamma" not in page
    assert "95 % interval" in page and "Government benchmark" in page and "<svg" in page
    assert "4.8 ± 2.6" in page  # lead time's government score
    assert "The quarter before" in page  # the team against its own past
    assert client_for(Role.VIEWER).get("/outcomes/teams/nobody").status_code == 404


def test_the_organisation_page_names_and_ranks_no_team(
    seeded: Database, client_for: Callable[[Role | None], TestClient]
) -> None:
    page = in_english(client_for(Role.VIEWER)).get("/outcomes/organisation").text
    for team in TEAMS:
        assert team not in page
    assert "Median" in page and "Lower quartile" in page
    assert "/outcomes/teams/" not in page


def test_rejected_key_results_are_explained_in_either_language(
    seeded: Database, client_for: Callable[[Role | None], TestClient]
) -> None:
    client = client_for(Role.VIEWER)
    swedish = client.get("/outcomes/okrs").text
    assert "Avvisade: leveranser, inte effekter" in swedish and "Det räknar saker" in swedish
    english = in_english(client).get("/outcomes/okrs").text
    assert "Rejected: outputs, not outcomes" in english and "workshops" in english
    assert "Suggested outcome form" in english


def test_a_key_result_without_a_target_is_refused_naming_the_field(
    seeded: Database, client_for: Callable[[Role | None], TestClient]
) -> None:
    client = client_for(Role.EDITOR)
    form = {
        "csrf_token": csrf_of(client, "/outcomes/okrs"),
        "team": "Lag Alfa",
        "quarter": "2026-Q4",
        "objective": "Snabbare bygglov",
        "text": "Minska handläggningstiden från 40 till 28 dagar senast 2026-12-31",
        "target": "",
    }
    refused = client.post("/outcomes/okrs", data=form)
    assert refused.status_code == 400 and "target" in refused.text
    form["target"] = "28"
    saved = client.post("/outcomes/okrs", data=form, follow_redirects=False)
    assert saved.status_code == 303
    assert "Minska handläggningstiden" in client.get("/outcomes/okrs").text


def test_a_viewer_may_not_change_anything(
    seeded: Database, client_for: Callable[[Role | None], TestClient]
) -> None:
    client = client_for(Role.VIEWER)
    token = csrf_of(client, "/outcomes")
    for path, data in (
        ("/outcomes/okrs", {"objective": "x", "text": "y", "target": "1"}),
        ("/outcomes/settings", {"production_pattern": "prod", "incident_window_days": "3"}),
        ("/outcomes/services/values", {"service": "bygglov", "kpi": "satisfaction"}),
    ):
        response = client.post(path, data={**data, "csrf_token": token}, follow_redirects=False)
        assert response.status_code == 403, path


def test_bad_settings_and_a_bad_upload_show_the_message(
    seeded: Database, client_for: Callable[[Role | None], TestClient]
) -> None:
    client = in_english(client_for(Role.ADMIN))
    token = csrf_of(client, "/outcomes")
    bad = client.post(
        "/outcomes/settings",
        data={"production_pattern": "prod(", "incident_window_days": "7", "csrf_token": token},
    )
    assert bad.status_code == 400 and "not a valid pattern" in bad.text
    upload = client.post(
        "/outcomes/import",
        data={"what": "deployments", "team": "Lag Alfa", "csrf_token": token},
        files={"file": ("nodates.csv", (DATA / "deployments_no_dates.csv").read_bytes())},
    )
    assert upload.status_code == 400 and "deployed_at" in upload.text
