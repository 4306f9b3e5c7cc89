"""The workflow pages in-process: upload with a column mapping, follow the import's progress,
then the analysis with findings, timelines, the process map and its edge filters."""

from __future__ import annotations

import gzip
import html
import re
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from produktlyft.accounts.service import add_user
from produktlyft.bootstrap import web_app
from produktlyft.kernel.access import Role
from produktlyft.kernel.db import Database
from produktlyft.kernel.settings import Settings
from produktlyft.workflows.services.logs import list_event_logs
from tests.conftest import make_context

PASSWORD = "a long enough password"
CSV = """Ärende;Händelse;Tidpunkt;Handläggare;Enhet
B-1;Ansökan inkommer;2024-03-01 09:00;anna;Bygglov
B-1;Begär komplettering;2024-03-02 10:00;bo;Bygglov
B-1;Ansökan inkommer;2024-03-20 10:00;anna;Bygglov
B-1;Beslut;2024-03-25 10:00;cia;Miljö
B-2;Ansökan inkommer;2024-03-03 09:00;anna;Bygglov
B-2;Beslut;2024-03-04 11:00;cia;Miljö
"""


@pytest.fixture
def client(sqlite_database: Database, tmp_path: Path) -> TestClient:
    settings = Settings(
        database_url=sqlite_database.url, data_dir=tmp_path / "data", cookie_secure=False
    )  # type: ignore[call-arg]
    ctx = make_context(sqlite_database, data_dir=tmp_path / "data")
    add_user(ctx, "ada", Role.ANALYST, PASSWORD)
    add_user(ctx, "vic", Role.VIEWER, PASSWORD)
    return TestClient(web_app(settings))


def sign_in(client: TestClient, name: str) -> str:
    page = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token is not None
    response = client.post(
        "/login",
        data={"name": name, "password": PASSWORD, "csrf_token": token.group(1), "next": "/"},
    )
    assert response.status_code in (200, 303), response.text[:500]
    fresh = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/workflows").text)
    assert fresh is not None  # signing in starts a new session, with a new token
    return fresh.group(1)


def upload(client: TestClient, token: str, content: str, **fields: str) -> str:
    response = client.post(
        "/workflows",
        data={"csrf_token": token, **fields},
        files={"file": ("arenden.csv", content.encode(), "text/csv")},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text[:800]
    return response.headers["location"]


def follow(client: TestClient, location: str) -> str:
    for _ in range(200):
        response = client.get(location, follow_redirects=False)
        if response.status_code == 303:
            return response.headers["location"]
        assert response.status_code == 200
        if "stopped" in response.text or "avbröts" in response.text:
            return location
        time.sleep(0.05)
    raise AssertionError("the import did not finish")


def test_upload_progress_and_analysis(client: TestClient) -> None:
    token = sign_in(client, "ada")
    start = client.get("/workflows")
    assert start.status_code == 200 and 'type="file"' in start.text
    location = upload(
        client,
        token,
        CSV,
        name="bygglov",
        case="Ärende",
        activity="Händelse",
        timestamp="Tidpunkt",
        resource="Handläggare",
        unit="Enhet",
        timezone="Europe/Stockholm",
    )
    assert location.startswith("/workflows/imports/")
    done = follow(client, location)
    assert done == "/workflows/logs/bygglov"
    page = client.get(done)
    assert page.status_code == 200
    assert "<svg" in page.text and "Ansökan inkommer" in page.text
    assert "B-1" in page.text  # an example case with its timeline
    assert 'class="finding"' in page.text
    listing = client.get("/workflows")
    assert "bygglov" in listing.text


def _paths_log() -> str:
    """16 cases A-B-D, 2 cases A-C-D and 2 cases A-D, a day per step."""
    lines = ["case,activity,timestamp"]
    for number in range(20):
        path = "ABD" if number < 16 else ("ACD" if number < 18 else "AD")
        lines += [f"c{number},{step},2024-01-{day + 1:02d}" for day, step in enumerate(path)]
    return "\n".join(lines) + "\n"


def test_edge_filters_change_the_map_and_bad_files_report_rows(client: TestClient) -> None:
    token = sign_in(client, "ada")
    follow(client, upload(client, token, _paths_log(), name="b"))
    everything = client.get("/workflows/logs/b?edges=0")
    fewer = client.get("/workflows/logs/b?edges=60")
    assert everything.text.count('class="edge"') == 5
    assert fewer.text.count('class="edge"') == 4  # A→D goes; C keeps its way in and out
    slow = client.get("/workflows/logs/b?edges=0&slow=10&label=duration")
    assert slow.status_code == 200 and "d</text>" in slow.text
    filtered = client.get("/workflows/logs/b?top=1")
    assert filtered.status_code == 200
    broken = CSV.replace("2024-03-04 11:00", "next week")
    stopped = follow(
        client,
        upload(
            client,
            token,
            broken,
            name="c",
            case="Ärende",
            activity="Händelse",
            timestamp="Tidpunkt",
        ),
    )
    page = client.get(stopped)
    text = html.unescape(page.text)
    assert "rad 7" in text and "'next week' är ingen tidpunkt" in text  # in the reader's language
    assert "row(s) cannot be parsed" not in text


def test_viewers_see_analyses_but_cannot_upload(client: TestClient) -> None:
    token = sign_in(client, "ada")
    follow(
        client,
        upload(
            client, token, CSV, name="b", case="Ärende", activity="Händelse", timestamp="Tidpunkt"
        ),
    )
    client.post("/logout", data={"csrf_token": token})
    viewer = sign_in(client, "vic")
    page = client.get("/workflows")
    assert page.status_code == 200 and 'type="file"' not in page.text
    assert client.get("/workflows/logs/b").status_code == 200
    refused = client.post(
        "/workflows",
        data={"csrf_token": viewer},
        files={"file": ("x.csv", CSV.encode(), "text/csv")},
        follow_redirects=False,
    )
    assert refused.status_code in (403, 303)


def test_an_upload_cut_short_stops_with_where_it_ends(
    client: TestClient, sqlite_database: Database, tmp_path: Path
) -> None:
    """An .xes.gz cut at half its bytes used to import the events before the cut; the upload
    now stops, saying in the reader's language where the file ends, and stores nothing."""
    trace = (
        '<trace><string key="concept:name" value="c{n}"/><event>'
        '<string key="concept:name" value="Ansökan"/>'
        '<date key="time:timestamp" value="2024-03-01T09:00:00+01:00"/></event></trace>\n'
    )
    document = "<log>\n" + "".join(trace.format(n=n) for n in range(300)) + "</log>\n"
    packed = gzip.compress(document.encode())
    token = sign_in(client, "ada")
    response = client.post(
        "/workflows",
        data={"csrf_token": token, "name": "avkortad"},
        files={"file": ("arenden.xes.gz", packed[: len(packed) // 2], "application/gzip")},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text[:800]
    text = html.unescape(client.get(follow(client, response.headers["location"])).text)
    assert "XES-filen går inte att läsa; ingenting importerades" in text
    assert "den komprimerade filen tar oväntat slut på rad" in text
    assert "XES-dokumentet är ofullständigt" in text
    assert list_event_logs(make_context(sqlite_database, data_dir=tmp_path / "data")) == []
    stored = tmp_path / "data" / "eventlogs"
    assert not stored.exists() or not any(p.is_file() for p in stored.rglob("*"))
