"""The outcomes pages with data in them pass axe (WCAG 2.1 AA) in Swedish and English at
desktop width: one team's trends, the organisation's spread, a service with its case-handling
chart from an event log, key results with a rejected one, and the key-result form's error."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from produktlyft.business_case.model import Benefit
from produktlyft.business_case.service import save_case
from produktlyft.kernel.db import Database
from produktlyft.outcomes import service
from produktlyft.outcomes.model import Service
from produktlyft.outcomes.service import KeyResultRow
from produktlyft.workflows.services.logs import ImportOptions, import_event_log
from tests.browser.conftest import open_page, running_server, sign_in
from tests.browser.test_accessibility import assert_clean
from tests.conftest import make_context
from tests.unit.business_case.cases import green_book_case
from tests.web.conftest import seed

DATA = Path(__file__).parents[2] / "data"

PAGES = [
    "/outcomes",
    "/outcomes/teams/Lag%20Alfa",
    "/outcomes/organisation",
    "/outcomes/services",
    "/outcomes/okrs",
    "/outcomes/benefits",
]


@pytest.fixture(scope="module")
def outcomes_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("outcomes")
    url = f"sqlite:///{folder / 'browser.db'}"
    database = Database(url)
    database.migrate()
    seed(database, folder, systems=12)
    ctx = make_context(database, data_dir=folder / "data")
    for team in ("Lag Alfa", "Lag Beta"):
        service.import_deployments(ctx, DATA / "outcomes" / "deployments.csv", team)
        service.import_incidents(ctx, DATA / "outcomes" / "incidents.csv", team)
    log = import_event_log(
        ctx, DATA / "eventlogs" / "receipt.xes.gz", ImportOptions(name="mottagning")
    )
    service.save_service(ctx, Service(id="bygglov", name="Bygglov", event_log=log.name))
    kpis = folder / "kpis.csv"
    kpis.write_text(
        "service,kpi,month,value\n"
        "bygglov,satisfaction,2026-01,62 %\n"
        "bygglov,satisfaction,2026-02,66 %\n",
        encoding="utf-8",
    )
    service.import_kpis(ctx, kpis)
    case = green_book_case("se", id="case-nytta", name="Nyttor")
    benefits = (
        Benefit(
            case_id=case.id,
            name="Nöjdare",
            baseline=0.6,
            target=0.65,
            metric="kpi:bygglov:satisfaction",
        ),
        Benefit(case_id=case.id, name="Färre samtal", baseline=0.3, target=0.2),
    )
    save_case(ctx, case.model_copy(update={"benefits": benefits}))
    service.save_key_results(
        ctx,
        [
            KeyResultRow(
                1,
                "Snabbare",
                "Minska ledtiden från 40 till 10 timmar senast 2026-12-31",
                "lead_time_hours",
                40,
                10,
                None,
                "Lag Alfa",
                "2026-Q4",
            ),
            KeyResultRow(
                2,
                "Snabbare",
                "Lansera den nya e-tjänsten för bygglov",
                None,
                None,
                1,
                None,
                "Lag Alfa",
                "2026-Q4",
            ),
        ],
    )
    database.dispose()
    with running_server(url, folder) as base:
        yield base


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_outcomes_pages_have_no_violations(browser, outcomes_server: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    page = open_page(browser, base_url=outcomes_server, viewport={"width": 1280, "height": 900})
    try:
        sign_in(page)
        if lang == "en":
            page.goto("/language/en?next=/")
        for path in PAGES:
            page.goto(path)
            assert page.locator("html").get_attribute("lang") == lang
            assert_clean(page, f"{path} ({lang})")
        page.goto("/outcomes/okrs")
        page.fill("#quarter", "2026-Q4")
        page.fill("#objective", "Snabbare bygglov")
        page.fill("#text", "Minska handläggningstiden")
        page.click("main form button[type=submit]")
        page.wait_for_selector(".ds-alert[role=alert]")
        assert_clean(page, f"key-result form with an error ({lang})")
    finally:
        page.context.close()
