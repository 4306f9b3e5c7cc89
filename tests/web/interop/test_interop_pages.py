"""The interop pages: the map and table in both languages, filtering, sorting, the system page,
refusals, and a 300-system map within its size budget."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient

from produktlyft.bootstrap import web_app
from produktlyft.kernel.access import Role
from produktlyft.kernel.db import Database
from produktlyft.kernel.settings import Settings
from tests.web.conftest import seed, sign_in

PAGE_BUDGET = 450_000  # bytes of HTML for the whole /interop page at 300 systems


def test_the_map_and_the_table_in_swedish_and_english(admin: TestClient) -> None:
    page = admin.get("/interop")
    assert page.status_code == 200
    assert "<svg" in page.text and 'role="img"' in page.text
    assert "Integrationskarta" in page.text and "Silorisk" in page.text
    assert 'href="/interop/systems/sys-00001"' in page.text
    admin.get("/language/en")
    english = admin.get("/interop").text
    assert "Integration map" in english and "Silo risk" in english


def test_filter_by_unit_and_sort(admin: TestClient) -> None:
    everything = admin.get("/interop").text
    unit = admin.get("/interop?unit=unit-1").text
    assert 'value="unit-1" selected' in unit
    rows = re.findall(r'<th scope="row"><a class="ds-link" href="/interop/systems/', unit)
    assert 0 < len(rows) < len(re.findall(r'href="/interop/systems/', everything))
    by_name = admin.get("/interop?sort=name").text
    names = re.findall(r'href="/interop/systems/[^"]+">([^<]+)</a></th>', by_name)
    assert names == sorted(names, key=str.casefold)
    assert 'aria-sort="ascending"' in by_name
    unknown = admin.get("/interop?sort=nonsense&unit=nowhere")
    assert unknown.status_code == 200


def test_a_systems_interop_page(admin: TestClient) -> None:
    page = admin.get("/interop/systems/sys-00001")
    assert page.status_code == 200
    assert 'href="/systems/sys-00001"' in page.text
    assert "Molnlämplighet" in page.text and "Föreslagen åtgärd" in page.text
    assert admin.get("/interop/systems/no-such-system").status_code == 404


def test_anonymous_visitors_are_refused(client_for: Callable[[Role | None], TestClient]) -> None:
    anonymous = client_for(None)
    for path in ("/interop", "/interop/systems/sys-00001"):
        response = anonymous.get(path, follow_redirects=False)
        assert response.status_code in (303, 401, 403), path
    viewer = client_for(Role.VIEWER)
    assert viewer.get("/interop").status_code == 200


def test_a_map_of_300_systems_renders_within_its_budget(tmp_path: Path) -> None:
    database = Database.for_tests(f"sqlite:///{tmp_path / 'big.db'}")
    database.migrate()
    seed(database, tmp_path, systems=300)
    settings = Settings(
        database_url=database.url,
        cookie_secure=False,
        data_dir=tmp_path / "data",
        secret_key="test-secret-key",
    )
    client = sign_in(TestClient(web_app(settings), base_url="http://testserver"), "admin")
    page = client.get("/interop")
    assert page.status_code == 200
    assert page.text.count("<circle") >= 300
    assert len(page.content) < PAGE_BUDGET, len(page.content)
    database.dispose()
