"""The roadmap's overview, an initiative's form and the plan page (with its charts, tables and
a what-if comparison) pass axe-core (WCAG 2.1 AA) at desktop width, in Swedish and English."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from produktlyft.kernel.db import Database
from produktlyft.roadmap import service
from produktlyft.roadmap.model import (
    Budget,
    Dependency,
    Initiative,
    InitiativeKind,
    PlanningTeam,
    RoadmapSettings,
)
from tests.browser.conftest import at, open_page, running_server, sign_in
from tests.browser.test_accessibility import assert_clean
from tests.conftest import make_context
from tests.web.conftest import seed


@pytest.fixture(scope="module")
def roadmap_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("roadmap")
    url = f"sqlite:///{folder / 'roadmap.db'}"
    database = Database(url)
    database.migrate()
    seed(database, folder, systems=12)
    ctx = make_context(database)
    service.set_teams(
        ctx, [PlanningTeam(id="team-a", name="Team A"), PlanningTeam(id="team-b", name="Team B")]
    )
    service.set_settings(ctx, RoadmapSettings(plan_start=date(2027, 1, 4)))
    service.set_budgets(ctx, [Budget(year=2027, limit_sek=1_000_000)])
    for key, weeks, cod, after in (
        ("one", 4, 1000.0, None),
        ("two", 3, 9000.0, "one"),
        ("three", 2, 50.0, None),
    ):
        service.create_initiative(
            ctx,
            Initiative(
                id=key,
                name=f"Initiativ {key}",
                kind=InitiativeKind.UPGRADE,
                effort_weeks=weeks,
                cost_sek=200_000,
                cost_of_delay_sek_per_week=cod,
                dependencies=[Dependency(predecessor=after)] if after else [],
            ),
        )
    service.plan(ctx, time_limit=5)
    database.dispose()
    with running_server(url, folder) as base:
        yield base


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_roadmap_pages_pass_axe(roadmap_server: str, browser, lang: str) -> None:  # type: ignore[no-untyped-def]
    page = open_page(browser, base_url=roadmap_server, viewport={"width": 1280, "height": 900})
    try:
        sign_in(page, "admin")
        page.goto(f"/language/{lang}?next=/roadmap")
        page.wait_for_url(at("/roadmap"))
        assert page.locator("html").get_attribute("lang") == lang
        assert_clean(page, f"/roadmap ({lang})")
        page.goto("/roadmap/initiatives/two")
        assert_clean(page, f"/roadmap/initiatives/two ({lang})")
        page.goto("/roadmap/plan")
        page.locator("figure svg").first.wait_for()
        assert_clean(page, f"/roadmap/plan ({lang})")
        page.fill("#w-team", "Extra")
        page.click("form[action='/roadmap/what-if'] button[type=submit]")
        page.wait_for_url(at("/roadmap/what-if"))
        assert page.locator("table").count() >= 6  # the plan's four and the comparison's two
        assert_clean(page, f"/roadmap/what-if ({lang})")
    finally:
        page.context.close()
