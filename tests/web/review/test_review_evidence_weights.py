"""A system's evidence page (every fact, every profile's view, attachments and their forms)
and the weights editor (preview without and with htmx, validation, saving)."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from html import unescape
from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient

from produktlyft.kernel.access import Role
from produktlyft.kernel.context import ServiceContext
from produktlyft.review.analysis.facts import FACTS
from produktlyft.review.services.evidence import list_evidence
from produktlyft.review.services.run import latest_review, preview_review
from produktlyft.review.services.weights import DEFAULTS, show_weights
from tests.web.review.conftest import csrf, wait_for_review

Client = Callable[[Role], TestClient]
SBOM = Path(__file__).parents[2] / "fixtures" / "sbom" / "fastapi-uvicorn.bom.xml"


def rows_of(page: str) -> dict[str, list[str]]:
    """The facts table: label → the text of its cells."""
    table = page.split('id="facts-heading"', 1)[1].split("</table>", 1)[0]
    found = {}
    for label, cells in re.findall(r'<th scope="row">([^<]+)</th>(.*?)</tr>', table, re.S):
        found[unescape(label)] = [
            unescape(re.sub(r"<[^>]+>", "", c)).strip()
            for c in re.findall(r"<td>(.*?)</td>", cells, re.S)
        ]
    return found


def test_every_fact_with_source_date_and_value(as_role: Client) -> None:
    page = as_role(Role.VIEWER).get("/review/systems/sys-ekonomi").text
    rows = rows_of(page)
    assert set(rows) == {spec.label("sv") for spec in FACTS.values()}
    value, source, when, used = rows["årlig kostnad"]
    assert value == "3\xa0000\xa0000\xa0kr" and source == "inventering" and used == "ja"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", when)
    eol = rows["månader till end of life (närmaste)"]
    assert eol[0] == "-10 månader (Python 3.9.18, end of life 2025-10-31)"  # the nearest
    assert eol[1] == "endoflife.date-ögonblicksbild" and eol[2] == "2026-08-22"
    assert rows["libyear"] == ["saknas", "SBOM", "", "ja"]  # missing stays visible
    assert rows["inlåsning i avtal (0–1)"][1] == "inventering: avtal: Ekonomisystemavtalet 2015"


def test_every_profiles_view(as_role: Client, review_ctx: ServiceContext) -> None:
    page = unescape(as_role(Role.VIEWER).get("/review/systems/sys-ekonomi").text)
    profiles = page.split('id="profiles-heading"', 1)[1].split('id="facts-heading"', 1)[0]
    assert "<strong>Migrera</strong>" in profiles  # TIME: fits the work, technically unfit
    moj = re.findall(r'<th scope="row">(Personal|Teknik|Förfall)</th><td>(.*?)</td>', profiles)
    assert [(m, re.sub(r"<[^>]+>", "", r)) for m, r in moj] == [
        ("Personal", "gul"),
        ("Teknik", "kan inte bedömas"),
        ("Förfall", "röd"),
    ]
    assert re.search(
        r'<th scope="row">Tekniskt skick</th><td class="number">2,5 '
        r'<span class="rag rag--red">röd</span>',
        profiles,
    )
    assert re.search(r"4,[34], otillräckligt", profiles)  # the Danish overall and condition
    for dimension in (
        "Verksamhetsstöd",
        "Tekniskt skick",
        "Dokumentation och kunskap",
        "Ekonomi",
        "Avtal och leverantörer",
        "Säkerhet",
    ):
        assert f'<th scope="row">{dimension}</th>' in profiles
    result = latest_review(review_ctx)
    stored = next(s for s in result.systems if s.system_id == "sys-ekonomi")
    assert stored.reason in page and f"{stored.rank_min}–{stored.rank_max}" in page


def test_unknown_system_and_no_review(as_role: Client) -> None:
    assert as_role(Role.VIEWER).get("/review/systems/sys-none").status_code == 404


def test_attach_an_sbom_through_the_form(as_role: Client, review_ctx: ServiceContext) -> None:
    client = as_role(Role.ANALYST)
    token = csrf(client, "/review/systems/sys-lon")
    response = client.post(
        "/review/attach/sbom",
        data={"csrf_token": token, "system_id": "sys-lon"},
        files={"file": (SBOM.name, SBOM.read_bytes(), "application/xml")},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert (
        response.headers["location"] == "/review/systems/sys-lon?attached=sbom#attachments-heading"
    )
    attached = list_evidence(review_ctx, "sys-lon")
    assert [(e.kind.value, e.label, e.location) for e in attached] == [
        ("sbom", SBOM.name, f"upload: {SBOM.name}")
    ]
    page = client.get(response.headers["location"]).text
    assert "SBOM:en är bifogad. Nästa genomlysning använder det." in page
    assert f"<dd>{SBOM.name}</dd>" in page and "<dd>15</dd>" in page  # its 15 components


def test_attach_refuses_bad_input_and_other_roles(
    as_role: Client, review_ctx: ServiceContext
) -> None:
    analyst = as_role(Role.ANALYST)
    token = csrf(analyst, "/review/systems/sys-lon")
    broken = analyst.post(
        "/review/attach/sbom",
        data={"csrf_token": token, "system_id": "sys-lon"},
        files={"file": ("bom.json", b'{"not": "an sbom"}', "text/plain")},
    )
    assert broken.status_code == 422 and "Inget bifogades." in broken.text
    for location in ("/etc", "file:///srv/git/repo", "git@example.org:x.git"):
        refused = analyst.post(
            "/review/attach/repo",
            data={"csrf_token": token, "system_id": "sys-lon", "url": location},
        )
        assert refused.status_code == 422 and "https://" in refused.text, location
    viewer = as_role(Role.VIEWER)
    denied = viewer.post(
        "/review/attach/repo",
        data={
            "csrf_token": csrf(viewer, "/review/systems/sys-lon"),
            "system_id": "sys-lon",
            "url": "https://example.org/x.git",
        },
    )
    assert denied.status_code == 403
    assert list_evidence(review_ctx, "sys-lon") == []
    assert 'action="/review/attach/sbom"' not in viewer.get("/review/systems/sys-lon").text


def test_attach_a_repository_by_clone_url(
    review_app: FastAPI, as_role: Client, review_ctx: ServiceContext, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """https:// clone URLs from a listed host are accepted; git's URL rewriting points this one
    at a local repository, so the test needs no network."""
    state = review_app.state.web
    state.settings = state.settings.model_copy(update={"repository_hosts": ["git.example.org"]})
    repo = tmp_path / "repo"
    repo.mkdir()
    for args in (
        ["init", "-q", "-b", "main"],
        ["config", "user.email", "a@example.org"],
        ["config", "user.name", "A"],
    ):
        subprocess.run(["git", *args], cwd=repo, check=True)
    (repo / "app.py").write_text("def f(x):\n    return x if x else 0\n", encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=repo, check=True)
    subprocess.run(["git", "commit", "-q", "-m", "first"], cwd=repo, check=True)
    monkeypatch.setenv("GIT_CONFIG_COUNT", "2")
    monkeypatch.setenv("GIT_CONFIG_KEY_0", f"url.{repo.as_uri()}.insteadOf")
    monkeypatch.setenv("GIT_CONFIG_VALUE_0", "https://git.example.org/lon.git")
    monkeypatch.setenv("GIT_CONFIG_KEY_1", "protocol.file.allow")
    monkeypatch.setenv("GIT_CONFIG_VALUE_1", "always")
    client = as_role(Role.ANALYST)
    response = client.post(
        "/review/attach/repo",
        data={
            "csrf_token": csrf(client, "/review/systems/sys-lon"),
            "system_id": "sys-lon",
            "url": "https://git.example.org/lon.git",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text[:2000]
    [attached] = list_evidence(review_ctx, "sys-lon")
    assert attached.kind.value == "repo" and attached.facts["commits"] == 1
    page = client.get(response.headers["location"]).text
    assert "https://git.example.org/lon.git" in page and "Kodförrådet är mätt och bifogat" in page


def _weights_form(
    custom: dict[str, float] | None = None, impact: dict[str, float] | None = None
) -> dict[str, str]:
    values = {f"custom.{k}": str(v) for k, v in {**DEFAULTS["custom"], **(custom or {})}.items()}
    values.update(
        {
            f"impact.{k}": str(v).replace(".", ",")
            for k, v in {**DEFAULTS["impact"], **(impact or {})}.items()
        }
    )
    return values


def test_weights_page_for_analysts_and_viewers(as_role: Client) -> None:
    analyst = as_role(Role.ANALYST).get("/review/weights").text
    for group, weights in DEFAULTS.items():
        for key in weights:
            assert f'name="{group}.{key}"' in analyst
    assert (
        'formaction="/review/weights"' in analyst and 'hx-post="/review/weights/preview"' in analyst
    )
    assert "Rangordningen nu" in analyst and "Från den senaste genomlysningen" in analyst
    viewer = as_role(Role.VIEWER).get("/review/weights").text
    assert "<form" not in viewer.split('class="sub-nav"', 1)[1].split("</main>", 1)[0]
    assert "Analytiker kan ändra vikterna." in viewer


def test_preview_reranks_without_storing(as_role: Client, review_ctx: ServiceContext) -> None:
    client = as_role(Role.ANALYST)
    trial = {
        "custom": {"technical_fit": 0.0, "lifecycle_risk": 0.0, "functional_fit": 10.0},
        "impact": {"cost": 10.0, "condition": 0.5},
    }
    response = client.post(
        "/review/weights/preview",
        data={
            "csrf_token": csrf(client, "/review/weights"),
            **_weights_form(trial["custom"], trial["impact"]),
        },
    )
    assert response.status_code == 200
    expected = preview_review(
        review_ctx,
        "custom",
        custom_weights={**DEFAULTS["custom"], **trial["custom"]},
        impact_weights={**DEFAULTS["impact"], **trial["impact"]},
    )
    table = response.text.split('id="preview-table"', 1)[1]
    shown = re.findall(r'href="/review/systems/([^"]+)"', table)
    assert [s.replace("%C3%A4", "ä") for s in shown] == [s.system_id for s in expected.systems]
    moved = sum(
        1
        for s, before in zip(expected.systems, latest_review(review_ctx).systems, strict=True)
        if s.system_id != before.system_id
    )
    assert moved > 0 and "Förhandsgranskning, inte sparad" in response.text
    assert re.search(r"(upp|ner) \d+ från \d+", response.text)
    assert 'name="impact.cost" value="10,0"' in response.text  # kept as typed
    assert 'name="custom.functional_fit" value="10.0"' in response.text
    assert show_weights(review_ctx) == DEFAULTS  # nothing stored


def test_preview_with_htmx_and_with_errors(as_role: Client) -> None:
    client = as_role(Role.ANALYST)
    token = csrf(client, "/review/weights")
    bad = {**_weights_form(), "custom.libyear": "många", "impact.users": "101", "csrf_token": token}
    plain = client.post("/review/weights/preview", data=bad)
    assert plain.status_code == 422
    assert 'id="error-summary"' in plain.text and "2 vikter behöver rättas" in plain.text
    assert 'id="w-custom-libyear" name="custom.libyear" value="många"' in plain.text
    assert 'aria-invalid="true"' in plain.text and "Ange ett tal från 0 till 100." in plain.text
    live = client.post("/review/weights/preview", data=bad, headers={"HX-Request": "true"})
    assert live.status_code == 200 and 'id="error-summary"' in live.text  # htmx swaps it
    zero = client.post(
        "/review/weights/preview",
        data={**_weights_form(custom={k: 0.0 for k in DEFAULTS["custom"]}), "csrf_token": token},
    )
    assert zero.status_code == 422 and "Minst en vikt i gruppen" in zero.text


def test_saving_stores_the_weights_and_runs_the_review(
    as_role: Client, review_ctx: ServiceContext
) -> None:
    viewer = as_role(Role.VIEWER)
    assert (
        viewer.post(
            "/review/weights",
            data={**_weights_form(), "csrf_token": csrf(viewer, "/review/weights")},
        ).status_code
        == 403
    )
    client = as_role(Role.ANALYST)
    response = client.post(
        "/review/weights",
        data={
            **_weights_form({"libyear": 4.0}, {"users": 2.5}),
            "csrf_token": csrf(client, "/review/weights"),
        },
        follow_redirects=False,
    )
    assert response.status_code == 303 and response.headers["location"] == "/review/run"
    stored = show_weights(review_ctx)
    assert stored["custom"]["libyear"] == 4.0 and stored["impact"]["users"] == 2.5
    assert "Genomlysningen är klar" in wait_for_review(client)
    run = latest_review(review_ctx, with_results=False)
    assert run.weights["custom"]["libyear"] == 4.0 and run.profile == "custom"
    page = client.get("/review/weights").text
    assert 'name="custom.libyear" value="4,0"' in page


def test_confidence_and_the_security_dimension_are_two_words(as_role: Client) -> None:
    page = as_role(Role.VIEWER).get("/review/systems/sys-ekonomi").text
    assert "Tillförlitlighet" in page  # how much of what the assessment needs is known
    # "Säkerhet" is left to the security dimension, a row of the profiles' table
    assert page.count(">Säkerhet<") == page.count('<th scope="row">Säkerhet</th>') >= 1
