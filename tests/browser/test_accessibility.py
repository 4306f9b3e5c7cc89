"""axe-core finds no WCAG 2.0/2.1 A or AA violation on any page, in either language.

The pages visited cover every GET page route of the app (checked below), plus the states a
person meets: validation errors, an edit conflict, an import preview with errors, errors.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from produktlyft.bootstrap import web_app
from produktlyft.kernel.settings import Settings
from produktlyft.kernel.web.security import iter_routes
from tests.browser.charts import chart_text_problems
from tests.browser.conftest import AXE, SEEDED, sign_in

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = [
    "/",
    "/systems",
    "/systems?missing=cost&sort=cost&dir=desc&page=2",
    "/systems/sys-00001",
    "/capabilities",
    "/integrations",
    "/integrations?kind=manual_rekeying",
    "/contracts",
    "/import",
    "/admin",
    "/admin/audit",
    "/account/password",
    "/edit/systems/sys-00002",
    "/edit/capabilities/cap-case",
    "/edit/integrations/int-00001",
    "/edit/contracts/avtal-0001",
    "/accessibility",
    "/no-such-page",
    # other areas' pages
    "/workflows",
    "/surveys",
    "/surveys/new",
    "/decisions",
    "/decisions/rights",
    "/procurement",
    "/procurement/forecast",
    "/roadmap",
    "/roadmap/initiatives/new",
    "/roadmap/plan",
    "/surveys/{round}",
    "/surveys/{round}/groups/org",
    "/surveys/{readiness}/readiness",
    # the review's pages before any review has run (test_review_browser.py checks them
    # with a review, in both languages, and in the forms' states)
    "/review",
    "/review/run",
    "/review/ranking",
    "/review/heatmap",
    "/review/duplicates",
    "/review/weights",
    "/review/systems/sys-00001",
    # the outcomes pages before anything is measured (tests/browser/outcomes checks them with
    # data, in both languages)
    "/outcomes",
    "/outcomes/organisation",
    "/outcomes/services",
    "/outcomes/okrs",
]
# GET routes that answer with a redirect, a provider round trip or a file rather than a page
NOT_PAGES = {
    "/language/{code}",
    "/login/oidc",
    "/auth/oidc/callback",
    "/healthz",
    "/review/report",  # a file download
    "/cases/{case_id}/export.{fmt}",  # a file download
    "/procurement/slices/{name}/outline.docx",  # a file download
    "/import/template",  # a file download
    # the wins' feed and open data: not HTML pages
    "/public/wins.atom",
    "/public/wins.csv",
    "/public/wins.json",
    "/public/wins/dcat.jsonld",
}
# Pages another test module checks with axe, in the state it sets up.
COVERED_ELSEWHERE = {
    "/s/{token}": "tests/browser/surveys/test_survey_accessibility.py",
    "/interop": "tests/browser/interop/test_interop_accessibility.py",
    "/interop/systems/{system_id}": "tests/browser/interop/test_interop_accessibility.py",
    "/cases": "tests/browser/business_case/test_case_accessibility.py",
    "/cases/{case_id}": "tests/browser/business_case/test_case_accessibility.py",
    "/procurement/slices/{name}": "tests/browser/procurement/test_procurement_browser.py",
    "/roadmap/initiatives/{initiative_id}": "tests/browser/roadmap/test_roadmap_accessibility.py",
    **{
        path: "tests/browser/pilots/test_pilots_accessibility.py"
        for path in (
            "/pilots",
            "/pilots/{pilot_id}",
            "/wins",
            "/wins/{win_id}/edit",
            "/public/wins",
        )
    },
    "/outcomes/teams/{team}": "tests/browser/outcomes/test_outcomes_accessibility.py",
    "/outcomes/benefits": "tests/browser/outcomes/test_outcomes_accessibility.py",
}
# Pages reached only through an action (an event-log upload makes the job and the log), which
# test_pages_made_by_an_upload_have_no_violations below visits in the state it creates.
MADE_BY_AN_ACTION = {"/workflows/imports/{job_id}", "/workflows/logs/{name}"}


def _pages() -> list[str]:
    return [
        path.format(
            round=SEEDED.get("round", "none"), readiness=SEEDED.get("readiness_round", "none")
        )
        for path in PAGES
    ]


# Widths every page is checked at: a desktop window and a phone held upright.
DESKTOP = 1280
PHONE = 375
WIDTHS = (DESKTOP, PHONE)
# The elements whose right edge passes the window's, for a readable failure message.
_OVERFLOWING = """() => {
  const edge = window.innerWidth;
  if (document.documentElement.scrollWidth <= edge) return [];
  const wide = [...document.body.querySelectorAll('*')].filter(element => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.right > edge + 1;
  });
  // the innermost ones name the culprit; their ancestors only inherit the width
  return wide.filter(element => !wide.some(other => other !== element && element.contains(other)))
    .slice(0, 5).map(element => element.tagName.toLowerCase()
      + (element.id ? '#' + element.id : '')
      + (element.className && typeof element.className === 'string'
         ? '.' + element.className.trim().split(/\\s+/).join('.') : '')
      + ' ' + Math.round(element.getBoundingClientRect().right) + 'px');
}"""


def violations(page) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [node["target"] for node in v["nodes"]][:5]}
        for v in result["violations"]
    ]


def overflowing(page) -> list[str]:  # type: ignore[no-untyped-def]
    """What runs past the window's right edge (nothing when the page fits its width)."""
    return list(page.evaluate(_OVERFLOWING))


def problems_at(page, width: int) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """axe's violations, at phone width what does not fit, and at desktop width chart text
    that is cut or overlaps, with the window `width` wide."""
    size = page.viewport_size or {"height": 900}
    page.set_viewport_size({"width": width, "height": size["height"]})
    found: dict[str, object] = {}
    if axe_found := violations(page):
        found["axe"] = axe_found
    if width <= PHONE and (wide := overflowing(page)):
        found["wider than the window"] = wide
    # every chart on every page checked here: no text cut at its edge or drawn over another
    if width >= DESKTOP and (charts := chart_text_problems(page)[1]):
        found["chart text"] = charts
    return found


def assert_clean(page, label: str, widths: tuple[int, ...] = WIDTHS) -> None:  # type: ignore[no-untyped-def]
    """No axe violation at each of `widths`, and nothing wider than a phone's window.

    The page is checked where it is, re-laid out at each width (no second load), and left at
    the size it had.
    """
    before = page.viewport_size
    try:
        by_width = {f"{width} px": problems_at(page, width) for width in widths}
        found = {width: problems for width, problems in by_width.items() if problems}
    finally:
        if before:
            page.set_viewport_size(before)
    assert not found, f"{label}: {json.dumps(found, ensure_ascii=False, indent=1)}"


def test_the_page_list_covers_every_page_route(tmp_path: Path) -> None:
    app = web_app(
        Settings(database_url=f"sqlite:///{tmp_path / 'x.db'}", data_dir=tmp_path, secret_key="x")
    )
    templates = {
        route.path_format
        for prefix, route in iter_routes(app.routes)
        if not prefix and "GET" in route.methods
    }
    templates -= NOT_PAGES | set(COVERED_ELSEWHERE) | MADE_BY_AN_ACTION
    visited = {re.sub(r"\?.*", "", path) for path in PAGES} | {"/login"}
    for template in templates:
        pattern = "^" + re.sub(r"\\\{\w+\\\}", ".+", re.escape(template)) + "$"
        assert any(re.match(pattern, path) for path in visited), f"visit {template} in PAGES"


def test_login_page_has_no_violations(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/login")
    assert_clean(page, "/login")
    page.fill("#name", "admin")
    page.fill("#password", "wrong password")
    page.click("main button[type=submit]")
    page.wait_for_selector("#login-error")  # the answer, not the page it replaces
    assert_clean(page, "/login with an error")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_page_has_no_violations(page, lang: str, width: int) -> None:  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page)
    if lang == "en":
        page.goto("/language/en?next=/")
    checked, failures = [], []
    for path in _pages():
        page.goto(path)
        assert page.locator("html").get_attribute("lang") == lang
        try:  # every page's problems in one report, not only the first page's
            assert_clean(page, f"{path} ({lang})", widths=(width,))
        except AssertionError as failure:
            failures.append(str(failure))
        checked.append(path)
    assert not failures, "\n".join(failures)
    assert len(checked) == len(PAGES)  # every page, none skipped


def test_form_states_have_no_violations(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sign_in(page)
    page.goto("/edit/systems/sys-00003")
    page.fill("[name=users]", "många")
    page.fill("[name=name]", "")
    page.click("main button[type=submit]")
    page.wait_for_selector("#error-summary")
    assert_clean(page, "edit form with errors")

    page.goto("/edit/systems/sys-00004")
    version = page.locator("[name=row_version]")
    version.evaluate("input => input.value = '0'")  # as if someone saved meanwhile
    page.fill("[name=vendor]", "Krock AB")
    page.click("main button[type=submit]")
    page.wait_for_selector("table")
    assert "Krock AB" in page.content()
    assert_clean(page, "conflict page")

    bad = tmp_path / "System.csv"
    bad.write_text("ID;Namn;Antal användare\nx1;;många\n", encoding="utf-8")
    page.goto("/import")
    page.set_input_files("#file", str(bad))
    page.click("main button[type=submit]")
    page.wait_for_selector(".ds-alert")
    assert_clean(page, "import preview with errors")


EVENT_LOG = """case;activity;time;resource
c1;Ansökan inkommen;2026-01-05 09:00;Anna
c1;Komplettering begärd;2026-01-07 10:00;Bo
c1;Komplettering inkommen;2026-01-20 08:00;Anna
c1;Beslut;2026-01-27 15:00;Bo
c2;Ansökan inkommen;2026-01-06 09:30;Anna
c2;Beslut;2026-01-16 11:00;Bo
c3;Ansökan inkommen;2026-01-08 13:00;Anna
c3;Komplettering begärd;2026-01-09 10:00;Bo
c3;Komplettering inkommen;2026-02-02 08:00;Anna
c3;Beslut;2026-02-10 15:00;Bo
"""


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_pages_made_by_an_upload_have_no_violations(
    page,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    lang: str,
) -> None:
    """A failed import leaves its job page showing the problem; a good one leads through the
    job page to the stored log's analysis."""
    sign_in(page, "analyst")
    if lang == "en":
        page.goto("/language/en?next=/")
    log = tmp_path / f"bygglov-{lang}.csv"
    log.write_text(EVENT_LOG, encoding="utf-8")

    page.goto("/workflows")
    page.set_input_files("#file", str(log))
    page.fill("#case", "no such column")
    page.fill("#activity", "activity")
    page.fill("#timestamp", "time")
    page.click("main form[enctype] button[type=submit]")
    page.wait_for_url(re.compile(r"/workflows/imports/"))
    page.wait_for_selector(".ds-alert")
    assert_clean(page, "event-log import job that failed")

    page.goto("/workflows")
    page.set_input_files("#file", str(log))
    page.fill("#name", f"bygglov-{lang}")
    for field, column in (
        ("case", "case"),
        ("activity", "activity"),
        ("timestamp", "time"),
        ("resource", "resource"),
    ):
        page.fill(f"#{field}", column)
    page.click("main form[enctype] button[type=submit]")
    page.wait_for_url(re.compile(r"/workflows/logs/"))
    assert page.locator("html").get_attribute("lang") == lang
    assert_clean(page, "a stored event log's analysis")


def test_axe_finds_a_planted_violation(page) -> None:  # type: ignore[no-untyped-def]
    """The harness itself works: a page with a known violation is caught."""
    page.goto("/accessibility")
    page.evaluate(
        "() => document.querySelector('main').insertAdjacentHTML('beforeend', "
        "'<img src=\"/static/vendor/inter/inter.css\">')"
    )
    assert [v["id"] for v in violations(page)] == ["image-alt"]
