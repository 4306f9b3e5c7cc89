"""The survey and decision pages through the in-process app: the answering contract, results
pages and the organiser's actions."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from produktlyft.accounts.service import add_user
from produktlyft.bootstrap import web_app
from produktlyft.kernel.access import Role
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.db import Database
from produktlyft.kernel.settings import Settings
from produktlyft.surveys.services.rounds import close_round, create_round, generate_links
from tests.conftest import make_context

PASSWORD = "a-long-enough-password"
WESTRUM = {f"westrum.{i}": "6" for i in range(1, 7)}


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[ServiceContext]:
    database = Database.for_tests(f"sqlite:///{tmp_path / 'web.db'}")
    database.migrate()
    context = make_context(database)
    add_user(context, "organiser", Role.ANALYST, PASSWORD, None)
    add_user(context, "reader", Role.VIEWER, PASSWORD, None)
    yield context
    database.dispose()


@pytest.fixture
def app_client(ctx: ServiceContext, tmp_path: Path) -> TestClient:
    settings = Settings(
        database_url=ctx.database.url, cookie_secure=False, data_dir=tmp_path / "data"
    )
    return TestClient(web_app(settings))


def _csrf(text: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', text)
    assert found, "the page has no CSRF field"
    return found.group(1)


def sign_in(client: TestClient, name: str) -> None:
    token = _csrf(client.get("/login").text)
    response = client.post(
        "/login",
        data={"name": name, "password": PASSWORD, "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303


def _round(ctx: ServiceContext, **extra: object) -> str:
    created = create_round(
        ctx,
        instruments=["westrum"],
        groups=["Alfa", "Beta"],
        closes_on=date.today() + timedelta(days=7),
        **extra,
    )  # type: ignore[arg-type]
    return created.round.id


def test_the_answering_contract(ctx: ServiceContext, app_client: TestClient) -> None:
    round_id = _round(ctx)
    tokens = generate_links(ctx, round_id, "Alfa", 2).tokens
    page = app_client.get(f"/s/{tokens[0]}?lang=en")
    assert page.status_code == 200 and page.headers["x-robots-tag"].startswith("noindex")
    fields = sorted(set(re.findall(r'type="radio" id="[^"]+" name="([^"]+)"', page.text)))
    assert fields == sorted(WESTRUM)
    assert "New ideas are welcomed." in page.text and 'value="skip"' in page.text
    swedish = app_client.get(f"/s/{tokens[0]}?lang=sv")
    assert "Nya idéer välkomnas." in swedish.text
    # issue 16: the note on the translation explains itself to a respondent
    assert "preliminär översättning" not in swedish.text
    assert "Frågorna är översatta från engelska (översättning sv-0.1)." in swedish.text
    assert "ännu inte granskats genom att översättas tillbaka till engelska" in swedish.text
    fresh = TestClient(app_client.app)  # no cookie, no CSRF token: the link is the secret
    bad = fresh.post(f"/s/{tokens[0]}", data={**WESTRUM, "westrum.3": "8"})
    assert bad.status_code == 400 and 'aria-invalid="true"' in bad.text
    assert 'value="6" checked' in bad.text  # what was chosen is kept
    done = fresh.post(f"/s/{tokens[0]}", data=WESTRUM)
    assert done.status_code == 200 and "Tack för dina svar" in done.text
    again = fresh.post(f"/s/{tokens[0]}", data=WESTRUM)
    assert again.status_code == 409 and "redan använts" in again.text
    assert fresh.get(f"/s/{tokens[0]}").status_code == 409
    assert fresh.get(f"/s/{round_id}-nonsense").status_code == 404
    close_round(ctx, round_id)
    assert fresh.post(f"/s/{tokens[1]}", data=WESTRUM).status_code == 410


def test_a_round_that_has_not_opened_says_when(ctx: ServiceContext, app_client: TestClient) -> None:
    later = date.today() + timedelta(days=3)
    round_id = create_round(
        ctx,
        instruments=["westrum"],
        groups=["Alfa"],
        opens_on=later,
        closes_on=later + timedelta(days=5),
    ).round.id
    token = generate_links(ctx, round_id, "Alfa", 1).tokens[0]
    page = app_client.get(f"/s/{token}?lang=en")
    assert page.status_code == 403 and "opens on" in page.text


def test_results_pages_hide_small_groups_and_rank_nothing(
    ctx: ServiceContext, app_client: TestClient
) -> None:
    round_id = _round(ctx)
    for team, count in (("Alfa", 6), ("Beta", 2)):
        for token in generate_links(ctx, round_id, team, count).tokens:
            app_client.post(f"/s/{token}", data=WESTRUM)
    assert app_client.get(f"/surveys/{round_id}", follow_redirects=False).status_code == 303
    sign_in(app_client, "reader")
    page = app_client.get(f"/surveys/{round_id}")
    assert page.status_code == 200
    assert "<svg" in page.text and "Visa data som tabell" in page.text
    assert page.text.count(">dolt<") >= 2  # Beta and (to protect it) Alfa are hidden
    assert page.text.index("Alfa") < page.text.index("Beta")
    assert "Make the links" not in page.text and "Skapa länkarna" not in page.text
    group = app_client.get(f"/surveys/{round_id}/groups/org")
    assert group.status_code == 200 and "Historik per omgång" in group.text
    denied = app_client.post(f"/surveys/{round_id}/close", data={"csrf_token": _csrf(page.text)})
    assert denied.status_code == 403


def test_an_organiser_creates_a_round_makes_links_and_closes(
    ctx: ServiceContext, app_client: TestClient
) -> None:
    sign_in(app_client, "organiser")
    form = app_client.get("/surveys/new")
    token = _csrf(form.text)
    closes = (date.today() + timedelta(days=10)).isoformat()
    bad = app_client.post(
        "/surveys/new",
        data={"csrf_token": token, "instruments": "westrum", "teams": "", "closes": closes},
    )
    assert bad.status_code == 400 and "Omgången skapades inte" in bad.text
    assert "ange minst ett team eller en enhet" in bad.text  # the problem in Swedish too
    created = app_client.post(
        "/surveys/new",
        data={
            "csrf_token": token,
            "instruments": ["westrum", "readiness"],
            "teams": "Alfa\nBeta",
            "closes": closes,
            "min_group": "3",
        },
        follow_redirects=False,
    )
    assert created.status_code == 303
    round_page = app_client.get(created.headers["location"])
    round_id = created.headers["location"].rsplit("/", 1)[-1]
    assert "Beredskap och nästa steg" in round_page.text
    csv = app_client.post(
        f"/surveys/{round_id}/links",
        data={"csrf_token": token, "group": "Alfa", "count": "4", "kind": "csv"},
    )
    lines = csv.text.splitlines()
    assert csv.status_code == 200 and lines[0] == "team,link" and len(lines) == 5
    assert lines[1].startswith(f"Alfa,http://testserver/s/{round_id}-")
    sheet = app_client.post(
        f"/surveys/{round_id}/links",
        data={"csrf_token": token, "group": "Beta", "count": "2", "kind": "sheet"},
    )
    assert sheet.text.count("<svg") == 2
    link = lines[1].split(",", 1)[1].removeprefix("http://testserver")
    assert app_client.get(link).status_code == 200
    readiness = app_client.get(f"/surveys/{round_id}/readiness")
    assert readiness.status_code == 200 and "Nästa steg" in readiness.text
    closed = app_client.post(
        f"/surveys/{round_id}/close", data={"csrf_token": token}, follow_redirects=False
    )
    assert closed.status_code == 303
    assert "slutliga" in app_client.get(f"/surveys/{round_id}").text
    assert app_client.get(link).status_code == 410


def test_the_decision_register_pages(ctx: ServiceContext, app_client: TestClient) -> None:
    sign_in(app_client, "organiser")
    token = _csrf(app_client.get("/decisions").text)
    register = (
        "title,team,level,proposed_on,decided_on,outcome\n"
        "Släpp varje vecka,Alfa,team,2025-01-10,2025-01-12,approved\n"
        "Ny plattform,Alfa,board,2025-01-10,,\n"
    )
    uploaded = app_client.post(
        "/decisions/import",
        data={"csrf_token": token},
        files={"file": ("beslut.csv", register.encode(), "text/csv")},
        follow_redirects=False,
    )
    assert uploaded.status_code == 303
    page = app_client.get("/decisions")
    assert "Släpp varje vecka" in page.text and "Ny plattform" in page.text
    assert "politisk nämnd eller styrelse" in page.text
    broken = app_client.post(
        "/decisions/import",
        data={"csrf_token": token},
        files={"file": ("b.csv", b"title,team\nA,B\n", "text/csv")},
    )
    assert broken.status_code == 400 and "Inget importerades" in broken.text
    assert "kolumner saknas: " in broken.text and "rad 1" in broken.text  # in Swedish
    rights = b"team,kind,level\nAlfa,release,team\n"
    app_client.post(
        "/decisions/import?what=rights",
        data={"csrf_token": token},
        files={"file": ("r.csv", rights, "text/csv")},
    )
    matrix = app_client.get("/decisions/rights")
    assert "teamet självt" in matrix.text
