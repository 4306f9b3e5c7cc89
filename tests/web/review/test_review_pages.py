"""The review's overview, run, report downloads, heatmap and ranking pages."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape
from urllib.parse import unquote

from fastapi.testclient import TestClient

from produktlyft.kernel.access import Role
from produktlyft.kernel.context import ServiceContext
from produktlyft.review import report_texts as texts
from produktlyft.review.model import Band
from produktlyft.review.services.report_data import gather_report_data
from produktlyft.review.services.run import latest_review
from tests.web.review.conftest import csrf, wait_for_review

Client = Callable[[Role], TestClient]


def text_of(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def test_overview_tells_the_reports_story_with_its_figures(
    as_role: Client, review_ctx: ServiceContext
) -> None:
    page = as_role(Role.VIEWER).get("/review")
    assert page.status_code == 200
    body = text_of(page.text)
    data = gather_report_data(review_ctx, lang="sv")
    assert [o.key for o in data.obstacles][:3] == [
        "unsupported_technology",
        "lock_in",
        "duplicates",
    ]
    for obstacle in data.obstacles:  # the same headlines as the report's first page
        assert texts.t("sv", f"obstacle.{obstacle.key}", count=obstacle.count) in body
    assert "Raindance" in body and "Ekonomisystemavtalet 2015" in body  # named examples
    assert texts.t("sv", "obstacles") in body and texts.t("sv", "start") in body
    assert "Uppgifternas tillförlitlighet" in body and "Egen: viktade indikatorer" in body
    assert '<time datetime="2026-09-01">' in page.text  # the facts' reference date
    # the figures and the condition chart with its table
    assert re.search(r'class="figure">9</span> genomlysta system', page.text)
    assert re.search(r'class="figure">2</span> föreslagna dubblettpar', page.text)
    assert "<svg" in page.text and "Visa data som tabell" in page.text
    # downloads in both languages and formats; no run form for a viewer
    for fmt in ("pdf", "html"):
        for lang in ("sv", "en"):
            assert f'href="/review/report?format={fmt}&amp;lang={lang}"' in page.text
    assert 'action="/review/run"' not in page.text


def test_overview_in_english(as_role: Client) -> None:
    client = as_role(Role.VIEWER)
    client.get("/language/en?next=/review")
    body = text_of(client.get("/review").text)
    assert "The three biggest obstacles" in body and "Where to start" in body
    assert "In figures" in body and "systems reviewed" in body
    assert "9 systems reviewed" in body


def test_analyst_runs_the_review_and_sees_its_progress(
    as_role: Client, review_ctx: ServiceContext
) -> None:
    client = as_role(Role.ANALYST)
    before = latest_review(review_ctx, with_results=False).id
    overview = client.get("/review").text
    assert 'action="/review/run"' in overview and 'value="moj"' in overview
    started = client.post(
        "/review/run", data={"csrf_token": csrf(client), "profile": "moj"}, follow_redirects=False
    )
    assert started.status_code == 303 and started.headers["location"] == "/review/run"
    page = wait_for_review(client)
    assert "Genomlysningen är klar" in page
    assert page.count("step step--done") == 7
    after = latest_review(review_ctx, with_results=False)
    assert after.id == before + 1 and after.profile == "moj" and after.actor == "analyst"
    assert "MoJ: personal, teknik, förfall" in client.get("/review").text


def test_running_needs_the_analyse_permission_and_the_form_token(
    as_role: Client, review_ctx: ServiceContext
) -> None:
    before = latest_review(review_ctx, with_results=False).id
    viewer = as_role(Role.VIEWER)
    refused = viewer.post("/review/run", data={"csrf_token": csrf(viewer)})
    assert refused.status_code == 403
    analyst = as_role(Role.ANALYST)
    forged = analyst.post("/review/run", data={"profile": "custom"})
    assert forged.status_code == 403 and "Formuläret" in forged.text
    unknown = analyst.post("/review/run", data={"csrf_token": csrf(analyst), "profile": "x"})
    assert unknown.status_code == 400
    assert latest_review(review_ctx, with_results=False).id == before
    assert "Ingen genomlysning har startats" in viewer.get("/review/run").text


def test_report_downloads_in_both_languages_and_formats(as_role: Client, review_settings) -> None:  # type: ignore[no-untyped-def]
    client = as_role(Role.VIEWER)
    pdf = client.get("/review/report?format=pdf&lang=sv")
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert (
        pdf.headers["content-disposition"]
        == 'attachment; filename="genomlysning-2026-09-01-sv.pdf"'
    )
    html = client.get("/review/report?format=html&lang=en")
    assert html.status_code == 200 and "The three biggest obstacles" in html.text
    assert '<html lang="en">' in html.text
    kept = sorted(p.name for p in (review_settings.data_dir / "reports").iterdir())
    assert len(kept) == 2 and kept[0].endswith("-en.html") and kept[1].endswith("-sv.pdf")
    assert client.get("/review/report?format=pdf&lang=sv").content == pdf.content  # kept one
    assert client.get("/review/report?format=docx&lang=sv").status_code == 404
    assert client.get("/review/report?format=pdf&lang=fi").status_code == 404


def test_heatmap_shows_every_capability_with_a_table(
    as_role: Client, review_ctx: ServiceContext
) -> None:
    page = as_role(Role.VIEWER).get("/review/heatmap").text
    run = latest_review(review_ctx, with_results=False)
    table = page.split('id="heatmap-table"', 1)[1]
    for capability in run.details.capabilities:
        counts = {
            c.band: c.systems
            for c in run.details.heatmap
            if c.capability_id == capability.capability_id
        }
        name = capability.capability or ""
        row = re.search(r">" + re.escape(name) + r"</a></th>(.*?)</tr>", table, re.S)
        assert row, name
        cells = re.findall(r'<td class="number">(\d+)</td>', row.group(1))[:4]
        assert [int(c) for c in cells] == [
            counts.get(b, 0) for b in (Band.RED, Band.AMBER, Band.GREEN, Band.UNKNOWN)
        ]
    assert "röd (hälsa under 4)" in table and "kan inte bedömas" in table  # bands as text
    svg = page.split('<div class="chart__image">', 1)[1]
    assert "<title>Förmågor efter systemens skick</title>" in svg


def test_ranking_sorts_filters_and_links_to_the_evidence(
    as_role: Client, review_ctx: ServiceContext
) -> None:
    client = as_role(Role.VIEWER)
    run = latest_review(review_ctx)
    page = client.get("/review/ranking").text
    names = re.findall(r'<th scope="row"><a class="ds-link" href="/review/systems/([^"]+)">', page)
    assert [unquote(n) for n in names] == [s.system_id for s in run.systems]
    first = run.systems[0]
    assert first.reason in unescape(page)
    assert f"{first.rank_min}–{first.rank_max}" in page
    assert 'aria-sort="ascending"' in page  # by rank
    by_score = client.get("/review/ranking?sort=score&dir=desc").text
    scores = [
        float(s.replace(",", "."))
        for s in re.findall(r'<td class="number">(\d+,\d)</td>\s*<td><span class="band', by_score)
    ]
    assert scores == sorted(scores, reverse=True) and 'aria-sort="descending"' in by_score
    red = client.get("/review/ranking?band=red").text
    assert red.count('class="band band--') == sum(s.band is Band.RED for s in run.systems)
    found = client.get("/review/ranking?q=raindance").text
    assert "1 system hittades" in found and "/review/systems/sys-ekonomi" in found
    uncertain = client.get("/review/ranking?confidence=50").text
    expected = sum(s.confidence < 0.5 for s in run.systems)
    assert f"{expected} system hittades" in uncertain
    for junk in ("?sort=evil&dir=up&page=-3", "?band=purple&stable=maybe&confidence=900"):
        assert client.get("/review/ranking" + junk).status_code == 200


def test_review_pages_are_in_the_menu_for_everyone_signed_in(as_role: Client) -> None:
    page = as_role(Role.VIEWER).get("/review/ranking").text
    main = page.split('class="site-nav"', 1)[1].split("</nav>", 1)[0]
    assert '<a href="/review" aria-current="page">Genomlysning</a>' in main
    assert "/review/ranking" not in main  # the review's own pages are in its own menu
    sub = page.split('class="sub-nav"', 1)[1].split("</nav>", 1)[0]
    assert re.findall(r'href="([^"]+)"', sub) == [
        "/review",
        "/review/ranking",
        "/review/heatmap",
        "/review/duplicates",
        "/review/weights",
    ]
    assert '<a href="/review/ranking" aria-current="page">' in sub


def test_polling_stops_when_the_run_is_over(as_role: Client) -> None:
    client = as_role(Role.ANALYST)
    client.post("/review/run", data={"csrf_token": csrf(client), "profile": "time"})
    wait_for_review(client)
    polled = client.get("/review/run", headers={"HX-Request": "true"})
    assert polled.status_code == 286 and 'id="run-status-body"' in polled.text  # htmx: stop
    assert client.get("/review/run").status_code == 200


def test_the_heading_says_the_run_is_done_when_it_is(as_role: Client) -> None:
    """Issue 16: the heading said "Genomlysningen körs" after the run had finished, since
    polling only swapped the status below it; the poll now swaps the heading too."""
    client = as_role(Role.ANALYST)
    client.post("/review/run", data={"csrf_token": csrf(client), "profile": "time"})
    wait_for_review(client)
    for page in (
        client.get("/review/run").text,
        client.get("/review/run", headers={"HX-Request": "true"}).text,
    ):
        heading = re.search(r'<h1[^>]*id="run-heading"[^>]*>([^<]*)</h1>', page)
        assert heading is not None and heading.group(1) == "Genomlysningen är klar"
        assert "<title>Genomlysningen är klar" in page and "körs" not in heading.group(1)
