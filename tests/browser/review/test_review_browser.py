"""The review's pages in Chromium: axe-core finds no WCAG 2.0/2.1 A or AA violation on any of
them, with a stored review, in Swedish and English, nor in the states a person meets (a run in
progress and done, a decision just taken, a weight preview, weights with errors, an attached
SBOM); and confirming a duplicate and editing a weight work with the keyboard alone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from produktlyft.kernel.db import Database
from tests.browser.charts import chart_text_problems
from tests.browser.conftest import CHROMIUM_ARGS, at, open_page, running_server, sign_in
from tests.browser.test_accessibility import assert_clean
from tests.browser.test_keyboard import FOCUSED, tab_to
from tests.web.conftest import PASSWORD
from tests.web.review.conftest import seed_review

PAGES = [
    "/review",
    "/review/ranking",
    "/review/ranking?band=amber&sort=score&dir=desc",
    "/review/heatmap",
    "/review/duplicates",
    "/review/systems/sys-ekonomi",
    "/review/systems/sys-arkiv",
    "/review/weights",
    "/review/run",
]
SBOM = Path(__file__).parents[2] / "fixtures" / "sbom" / "fastapi-uvicorn.bom.xml"


@pytest.fixture(scope="module")
def review_server(tmp_path_factory: pytest.TempPathFactory, browser) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """A server over the review organisation with one stored review (the `browser` fixture
    first, so a missing Chromium skips before anything starts)."""
    folder = tmp_path_factory.mktemp("review-server")
    url = f"sqlite:///{folder / 'review.db'}"
    database = Database(url)
    database.migrate()
    seed_review(database, folder)
    database.dispose()
    with running_server(url, folder) as base:
        yield base


@pytest.fixture
def page(browser, review_server: str):  # type: ignore[no-untyped-def]
    opened = open_page(browser, base_url=review_server, locale="sv-SE")
    yield opened
    opened.context.close()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_review_pages_have_no_violations(page, lang: str) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, "analyst")
    if lang == "en":
        page.goto("/language/en?next=/review")
    for path in PAGES:
        page.goto(path)
        assert page.locator("html").get_attribute("lang") == lang
        assert_clean(page, f"{path} ({lang})")
    page.goto("/review/systems/sys-lon")
    page.set_input_files("#sbom-file", str(SBOM))
    page.click("text=" + ("Bifoga SBOM" if lang == "sv" else "Attach the SBOM"))
    page.wait_for_url(at("/review/systems/sys-lon", "attached=sbom"))
    assert SBOM.name in page.content()
    assert_clean(page, f"evidence with an SBOM ({lang})")
    page.fill("#repo-url", "/srv/git/lon")
    page.click("text=" + ("Mät och bifoga" if lang == "sv" else "Measure and attach"))
    page.wait_for_selector("#attach-error")
    assert_clean(page, f"evidence with an attach error ({lang})")


def test_viewer_sees_the_pages_without_forms(page) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, "viewer")
    for path in ("/review", "/review/weights", "/review/duplicates"):
        page.goto(path)
        assert page.locator("main form").count() == 0
        assert_clean(page, f"{path} as a viewer")


def test_running_the_review_and_its_progress_page(page) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, "analyst")
    page.goto("/review")
    page.check("#profile-danish")
    page.click("main form.run-form button[type=submit]")
    page.wait_for_url(at("/review/run"))
    assert_clean(page, "the run's progress")
    page.wait_for_selector("text=Genomlysningen är klar")  # htmx polls
    assert_clean(page, "the run done")
    page.click("text=Se resultaten")
    page.wait_for_url(at("/review"))
    assert "Danska statens modell" in page.content()


def test_weights_preview_and_errors(page) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, "analyst")
    page.goto("/review/weights")
    page.fill("#w-impact-cost", "12")
    # the live preview (htmx) re-ranks after a pause, announcing it in the status line
    page.wait_for_selector("#preview-status:has-text('Förhandsgranskning')")
    assert page.locator("#preview-table tbody tr").count() == 9
    assert_clean(page, "weights with a live preview")
    page.fill("#w-custom-libyear", "mycket")
    page.click("text=Visa rangordningen med dessa vikter")
    page.wait_for_selector("#error-summary")
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert_clean(page, "weights with an error")


def test_confirm_a_duplicate_with_the_keyboard(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/login")
    tab_to(page, "|name|")
    page.keyboard.type("analyst")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(at("/"))
    tab_to(page, "Genomlysning")
    page.keyboard.press("Enter")
    page.wait_for_url(at("/review"))
    tab_to(page, "Dubbletter")
    page.keyboard.press("Enter")
    page.wait_for_url(at("/review/duplicates"))
    tab_to(page, "Bekräfta som dubbletter")
    name = page.evaluate("document.activeElement.textContent")
    assert (
        "Elevregistret och Elevadministrationen" in name or "ByggR och Bygglovsportalen" in name
    )  # the button names its pair
    page.keyboard.press("Enter")
    page.wait_for_url(at("/review/duplicates", "page=1"))
    status = page.locator("[role=status]").first.inner_text()
    assert status.startswith("Bekräftat:") and "gäller även efter nya genomlysningar" in status
    # focus is on the decided pair (the address names it), which now carries the decision
    assert page.evaluate("document.activeElement.className") == "pair"
    assert "Bekräftade som dubbletter" in page.evaluate("document.activeElement.innerText")
    assert_clean(page, "duplicates after a decision")
    page.reload()
    assert "Bekräftade som dubbletter" in page.content()  # it persisted


def test_edit_a_weight_with_the_keyboard(page) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, "analyst")
    page.goto("/review/weights")
    page.keyboard.press("Tab")  # the skip link first
    assert "Hoppa till huvudinnehållet" in page.evaluate(FOCUSED)
    tab_to(page, "|custom.lifecycle_risk|")
    page.keyboard.press("Control+A")
    page.keyboard.type("0")
    tab_to(page, "Visa rangordningen med dessa vikter")
    page.keyboard.press("Enter")
    page.wait_for_url(at("/review/weights/preview"))
    assert "Förhandsgranskning, inte sparad" in page.locator("#preview-status").inner_text()
    assert page.locator("#w-custom-lifecycle_risk").input_value() == "0"
    tab_to(page, "Spara vikterna och kör genomlysningen")
    page.keyboard.press("Enter")
    page.wait_for_url(at("/review/run"))
    page.wait_for_selector("text=Genomlysningen är klar")
    page.goto("/review/weights")
    assert page.locator("#w-custom-lifecycle_risk").input_value() == "0,0"


def test_the_harness_is_the_same_as_the_other_pages() -> None:
    assert "--headless" in CHROMIUM_ARGS


CHART_PAGES = ["/review", "/review/heatmap", "/review/duplicates", "/review/systems/sys-ekonomi"]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_chart_text_is_neither_cut_nor_overlapping(page, lang: str) -> None:  # type: ignore[no-untyped-def]
    """At 1280 px, in both languages: every chart's text lies inside it, none overlaps."""
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, "viewer")
    if lang == "en":
        page.goto("/language/en?next=/review")
    drawn = 0
    for path in CHART_PAGES:
        page.goto(path)
        charts, problems = chart_text_problems(page)
        drawn += charts
        assert not problems, f"{path} ({lang}): {problems}"
    assert drawn >= 3
