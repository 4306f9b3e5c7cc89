"""The business case pages in Chromium: axe-core finds no WCAG 2.0/2.1 A or AA violation on the
list and on a case (charts, tables, the ranges and benefit forms, also showing a refused range
and a refused benefit), in
Swedish and English. The module runs its own server, over a database that holds a case."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from produktlyft.business_case.model import Benefit
from produktlyft.business_case.service import save_case
from produktlyft.kernel.db import Database
from tests.browser.conftest import open_page, running_server, sign_in
from tests.browser.test_accessibility import assert_clean
from tests.conftest import make_context
from tests.unit.business_case.cases import green_book_case
from tests.web.conftest import seed

CASE = "case-demo"


@pytest.fixture(scope="module")
def case_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("cases")
    url = f"sqlite:///{folder / 'cases.db'}"
    database = Database(url)
    database.migrate()
    seed(database, folder, systems=12)
    case = green_book_case("se", id=CASE, name="Ersätt ärendesystemet")
    benefit = Benefit(case_id=CASE, name="Färre samtal", baseline=0.3, target=0.2)
    save_case(make_context(database), case.model_copy(update={"benefits": (benefit,)}))
    database.dispose()
    with running_server(url, folder) as base:
        yield base


@pytest.fixture
def case_page(browser, case_server: str):  # type: ignore[no-untyped-def]  # playwright's page
    opened = open_page(browser, base_url=case_server, locale="sv-SE")
    yield opened
    opened.context.close()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_case_pages_have_no_violations(case_page, lang: str) -> None:  # type: ignore[no-untyped-def]  # playwright's page
    page = case_page
    sign_in(page, "editor")
    if lang == "en":
        page.goto("/language/en?next=/cases")
    for path in ("/cases", f"/cases/{CASE}"):
        page.goto(path)
        assert page.locator("html").get_attribute("lang") == lang
        assert_clean(page, f"{path} ({lang})")
    assert page.locator("figure.chart svg").count() == 2
    # a refused range: the message beside the field, and the page still clean
    page.fill("input[name='dev.low']", "2")
    page.click("main form[action$='/ranges'] button[type=submit]")
    page.wait_for_selector(".ds-validation-message")
    assert page.locator("input[name='dev.low']").get_attribute("aria-invalid") == "true"
    assert_clean(page, f"/cases/{CASE} with a refused range ({lang})")
    # a refused benefit: its form open, the message beside the field
    page.goto(f"/cases/{CASE}")
    page.click("details:has(form[action$='/benefits/1']) summary")
    page.fill("#b1-target", "many")
    page.click("main form[action$='/benefits/1'] button[type=submit]")
    page.wait_for_selector("#b1-e-target")
    assert page.locator("#b1-target").get_attribute("aria-invalid") == "true"
    assert_clean(page, f"/cases/{CASE} with a refused benefit ({lang})")
