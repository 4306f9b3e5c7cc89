"""The first run (issue 16): an empty install shows a start page, not "0 of 0 systems,
completeness 100 %" and empty charts; the template downloads with its instructions; the demo
loads from the start page; and completeness has one definition everywhere."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterator
from html import unescape
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from produktlyft.accounts.service import add_user
from produktlyft.bootstrap import web_app
from produktlyft.inventory.services.imports import import_files
from produktlyft.kernel.access import Role
from produktlyft.kernel.db import Database
from produktlyft.kernel.settings import Settings
from tests.conftest import make_context
from tests.web.conftest import PASSWORD, csrf_of, sign_in


@pytest.fixture
def empty_app(tmp_path: Path) -> Iterator[FastAPI]:
    database = Database.for_tests(f"sqlite:///{tmp_path / 'empty.db'}")
    database.migrate()
    ctx = make_context(database)
    for role in (Role.VIEWER, Role.ANALYST):
        add_user(ctx, role.value, role, PASSWORD)
    settings = Settings(
        database_url=database.url,
        cookie_secure=False,
        data_dir=tmp_path / "data",
        secret_key="test-secret-key",
    )
    yield web_app(settings)
    database.dispose()


def _client(app: FastAPI, role: Role) -> TestClient:
    return sign_in(TestClient(app, base_url="http://testserver"), role.value)


def test_an_empty_install_shows_a_start_page(empty_app: FastAPI) -> None:
    page = unescape(_client(empty_app, Role.ANALYST).get("/").text)
    assert "Kom igång" in page
    assert 'href="/import/template?format=xlsx"' in page
    assert 'href="/import/template?format=csv"' in page
    assert 'href="/import"' in page and 'action="/demo/load"' in page
    # no percentages over nothing, no "complete" rows, no empty charts
    assert "%" not in re.sub(r"<style.*?</style>", "", page, flags=re.S)
    assert "Komplett" not in page and "<svg" not in page
    viewer = unescape(_client(empty_app, Role.VIEWER).get("/").text)
    assert 'action="/demo/load"' not in viewer and "analytiker" in viewer


def test_the_template_downloads_with_instructions_and_imports_nothing(
    empty_app: FastAPI, tmp_path: Path
) -> None:
    client = _client(empty_app, Role.VIEWER)
    xlsx = client.get("/import/template?format=xlsx")
    assert xlsx.status_code == 200 and "importmall.xlsx" in xlsx.headers["content-disposition"]
    workbook = load_workbook(io.BytesIO(xlsx.content), read_only=True)
    assert workbook.sheetnames[0] == "Instruktioner" and "System" in workbook.sheetnames
    guide = [row for row in workbook["Instruktioner"].iter_rows(values_only=True) if row[0]]
    assert guide[0][0] == "Så fyller du i mallen"
    assert any(row[0] == "SYS-001" for row in guide)  # an example row for the systems sheet
    workbook.close()
    english = client.get("/import/template?format=csv&lang=en")
    archive = zipfile.ZipFile(io.BytesIO(english.content))
    assert "README.txt" in archive.namelist() and "systems.csv" in archive.namelist()
    assert client.get("/import/template?format=pdf").status_code == 404
    # the untouched template imports cleanly and writes nothing
    for name, content in (("t.xlsx", xlsx.content), ("t.zip", english.content)):
        (tmp_path / name).write_bytes(content)
    database = Database.for_tests(f"sqlite:///{tmp_path / 'check.db'}")
    database.migrate()
    report = import_files(make_context(database), [tmp_path / "t.xlsx", tmp_path / "t.zip"])
    assert report.changed == 0
    database.dispose()


def test_the_demo_loads_from_the_start_page_only_into_an_empty_inventory(
    empty_app: FastAPI,
) -> None:
    analyst = _client(empty_app, Role.ANALYST)
    token = csrf_of(analyst, "/")
    loaded = analyst.post("/demo/load", data={"csrf_token": token}, follow_redirects=False)
    assert loaded.status_code == 303 and loaded.headers["location"] == "/"
    overview = unescape(analyst.get("/").text)
    assert "Översikt över IT-landskapet" in overview and "Kom igång" not in overview
    again = analyst.post("/demo/load", data={"csrf_token": token}, follow_redirects=False)
    assert again.status_code == 409 and "bara in i en tom inventering" in unescape(again.text)
    viewer = _client(empty_app, Role.VIEWER)
    refused = viewer.post(
        "/demo/load", data={"csrf_token": csrf_of(viewer, "/")}, follow_redirects=False
    )
    assert refused.status_code == 403


def test_completeness_has_one_definition_and_links_to_what_it_counts(
    client_for: Callable[[Role | None], TestClient],
) -> None:
    viewer = client_for(Role.VIEWER)
    page = unescape(viewer.get("/").text)
    found = re.search(r"(\d+) av (\d+) system är kompletta", page)
    assert found
    complete, total = int(found.group(1)), int(found.group(2))
    share = re.search(r"fullständighet (\d+)\s?%", page)
    assert share and int(share.group(1)) == round(100 * complete / total)

    def listed(query: str) -> int:
        text = unescape(viewer.get(f"/systems?{query}&per_page=500").text)
        return len(re.findall(r'<th scope="row"><a class="ds-link" href="/systems/', text))

    assert listed("missing=any") == total - complete
    quality = page[page.index('id="quality-heading"') : page.index('id="profile-heading"')]
    table = quality[: quality.index("</table>")]
    rows = re.findall(r'<th scope="row">([^<]+)</th>\s*<td class="number">(\d+)</td>', table)
    assert len(rows) == 4
    for name, count in rows:
        fact = {
            "systemägare": "owner",
            "kritikalitet": "criticality",
            "livscykel": "lifecycle",
            "kostnad": "cost",
        }[name]
        assert listed(f"missing={fact}") == int(count), name
