"""One definition of "too little known to judge" on every page (issue 16, honest numbers): the
overview's figure, the list it links to, the ranking's rows and the "uncertain rank" filter
agree with the stored run."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape
from urllib.parse import unquote

from fastapi.testclient import TestClient

from produktlyft.kernel.access import Role
from produktlyft.kernel.context import ServiceContext
from produktlyft.review.services.run import latest_review

Client = Callable[[Role], TestClient]
ROW = re.compile(r'<th scope="row"><a class="ds-link" href="/review/systems/([^"]+)">')


def _listed(client: TestClient, query: str) -> set[str]:
    page = client.get(f"/review/ranking?{query}&per_page=500")
    assert page.status_code == 200
    return {unquote(found) for found in ROW.findall(page.text)}


def test_the_overview_counts_and_links_the_systems_too_little_known(
    as_role: Client, review_ctx: ServiceContext
) -> None:
    run = latest_review(review_ctx)
    assert run is not None
    unjudged = {s.system_id for s in run.systems if not s.judged}
    uncertain = {s.system_id for s in run.systems if s.judged and not s.stable}
    assert unjudged, "the test organisation has a system with too few facts"
    viewer = as_role(Role.VIEWER)
    overview = unescape(viewer.get("/review").text)
    card = re.search(
        r'href="/review/ranking\?confidence=50"><span class="figure">(\d+)</span> '
        r"för lite kända för att bedöma",
        overview,
    )
    assert card and int(card.group(1)) == len(unjudged) == run.summary.unjudged_systems
    assert _listed(viewer, "confidence=50") == unjudged
    # "with an uncertain rank" counts and lists judged systems only
    figure = re.search(
        r'href="/review/ranking\?stable=no"><span class="figure">(\d+)</span>', overview
    )
    assert figure and int(figure.group(1)) == len(uncertain)
    assert _listed(viewer, "stable=no") == uncertain


def test_a_system_too_little_known_shows_no_priority_and_no_stable_rank(
    as_role: Client, review_ctx: ServiceContext
) -> None:
    run = latest_review(review_ctx)
    assert run is not None
    thin = next(s for s in run.systems if not s.judged)
    page = unescape(as_role(Role.VIEWER).get("/review/ranking?confidence=50").text)
    row = page[page.index(f"/review/systems/{thin.system_id}") :]
    row = row[: row.index("</tr>")]
    assert "för lite känt för att bedöma" in row and "efter alla bedömda system" in row
    assert "stabil" not in row
