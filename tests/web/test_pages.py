"""Every page renders, in Swedish by default and in English on request, with real data."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from produktlyft.inventory.analysis.data_quality import assess_data_quality
from produktlyft.kernel.access import Role
from tests.support.inventory import synthetic_inventory

PAGES = [
    "/",
    "/systems",
    "/capabilities",
    "/integrations",
    "/contracts",
    "/import",
    "/admin",
    "/systems/sys-00001",
    "/edit/systems/sys-00001",
    "/edit/capabilities/cap-case",
    "/edit/integrations/int-00001",
    "/edit/contracts/avtal-0001",
    "/accessibility",
]


def test_every_page_renders_for_an_administrator(admin: TestClient) -> None:
    for path in PAGES:
        response = admin.get(path)
        assert response.status_code == 200, (path, response.text[:300])
        assert response.headers["content-type"].startswith("text/html")
        assert '<html lang="sv"' in response.text
        assert "Content-Security-Policy" in response.headers


def test_swedish_by_default_and_english_on_request(admin: TestClient) -> None:
    assert "Översikt över IT-landskapet" in admin.get("/").text
    switched = admin.get("/language/en?next=/systems", follow_redirects=False)
    assert switched.status_code == 303 and switched.headers["location"] == "/systems"
    page = admin.get("/").text
    assert '<html lang="en"' in page and "Overview of the IT landscape" in page
    evil = admin.get("/language/en?next=https://evil.example/", follow_redirects=False)
    assert evil.headers["location"] == "/"


def test_dates_and_numbers_are_localised(admin: TestClient) -> None:
    swedish = admin.get("/contracts").text
    assert re.search(r"\d{1,2} (jan|feb|mars|apr|maj|juni|juli|aug|sep|okt|nov|dec)", swedish)
    admin.get("/language/en")
    english = admin.get("/contracts").text
    assert re.search(r"\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec) \d{4}", english)
    assert "SEK" in admin.get("/systems?sort=cost&dir=desc").text


def test_dashboard_shows_missing_data_with_links(admin: TestClient) -> None:
    page = admin.get("/").text
    assert "Datakvalitet" in page
    expected = assess_data_quality(synthetic_inventory().systems)
    assert expected.missing, "the test data has gaps"
    for fact in ("owner", "criticality", "lifecycle", "cost"):
        link = f'/systems?missing={fact}"' in page
        assert link == (expected.missing.get(fact, 0) > 0), fact
    assert page.count('role="img"') == 3 and page.count("<svg") == 3
    assert "Visa data som tabell" in page


def test_systems_list_searches_filters_sorts_and_pages(admin: TestClient) -> None:
    everything = admin.get("/systems").text
    assert "12 system hittades" in everything
    found = admin.get("/systems?q=sys-00003").text
    assert "1 system hittades" in found and "/systems/sys-00003" in found
    missing_cost = admin.get("/systems?missing=cost").text
    assert "system hittades" in missing_cost
    ordered = admin.get("/systems?sort=cost&dir=desc").text
    assert 'aria-sort="descending"' in ordered
    unknown = admin.get("/systems?criticality=nonsense&page=abc")
    assert unknown.status_code == 200


def test_paging_in_the_database(client_for, app) -> None:  # type: ignore[no-untyped-def]
    app.state.web.settings = app.state.web.settings.model_copy(update={"page_size": 10})
    client = client_for(Role.VIEWER)
    first, second = client.get("/systems").text, client.get("/systems?page=2").text
    assert "sida 1 av 2" in first and "sida 2 av 2" in second
    assert 'rel="next"' in first and 'rel="prev"' in second


def test_system_detail_shows_every_part(admin: TestClient) -> None:
    page = admin.get("/systems/sys-00001").text
    for heading in (
        "Uppgifter",
        "Förmågor som systemet stödjer",
        "Integrationer",
        "Avtal",
        "Teknik",
        "Ursprung och historik",
        "demo.json",
        "skapad",
    ):
        assert heading in page


def test_unknown_system_is_a_friendly_404(admin: TestClient) -> None:
    response = admin.get("/systems/no-such-system")
    assert response.status_code == 404 and "Sidan hittades inte" in response.text
    assert admin.get("/no/such/page").status_code == 404


def test_capability_map_integrations_and_contracts(admin: TestClient) -> None:
    capabilities = admin.get("/capabilities").text
    assert "Ärendehantering" in capabilities and "Registrering" in capabilities
    integrations = admin.get("/integrations").text
    assert "<svg" in integrations and "manuell överföring" in integrations
    assert 'class="manual"' in integrations
    manual_only = admin.get("/integrations?kind=manual_rekeying").text
    assert 'class="manual"' in manual_only
    contracts = admin.get("/contracts").text
    dates = re.findall(r'<time datetime="(\d{4}-\d\d-\d\d)">', contracts)
    ends = dates[::2] if len(dates) > 3 else dates
    assert ends == sorted(ends)


def test_anonymous_visitors_are_sent_to_login(client_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for(None)
    response = client.get("/systems?q=x", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/systems%3Fq%3Dx"
    assert client.get("/accessibility").status_code == 200
    assert client.get("/healthz").json()["database"] == "ok"
