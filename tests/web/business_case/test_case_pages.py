"""The business case pages: the list, one case with its charts and tables, and the ranges
form, which refuses a range with min > max by naming the field and saves nothing."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from produktlyft.business_case.service import get_case, save_case
from produktlyft.kernel.access import Role
from produktlyft.kernel.db import Database
from tests.conftest import make_context
from tests.unit.business_case.cases import green_book_case
from tests.web.conftest import csrf_of


@pytest.fixture
def case_id(web_database: Database) -> str:
    case = green_book_case("se", id="case-demo", name="Ersätt ärendesystemet")
    save_case(make_context(web_database), case)
    return case.id


def test_the_list_and_the_case_show_figures_and_charts(
    client_for: Callable[[Role | None], TestClient], case_id: str
) -> None:
    client = client_for(Role.VIEWER)
    listing = client.get("/cases")
    assert listing.status_code == 200 and "Ersätt ärendesystemet" in listing.text
    client.get("/language/en")
    page = client.get(f"/cases/{case_id}")
    assert page.status_code == 200
    text = page.text
    assert "Net present value (NPV)" in text and "Switching values" in text
    assert text.count("<svg") >= 2  # the distribution and the tornado
    assert "Show the data as a table" in text
    assert "Edit the ranges" not in text  # a viewer may not edit
    client.get("/language/sv")
    swedish = client.get(f"/cases/{case_id}")
    assert "Nettonuvärde" in swedish.text


def test_a_range_with_min_above_max_is_refused_naming_the_field(
    client_for: Callable[[Role | None], TestClient], case_id: str, web_database: Database
) -> None:
    client = client_for(Role.EDITOR)
    before = get_case(make_context(web_database), case_id)
    form = {"csrf_token": csrf_of(client, f"/cases/{case_id}"), "row_version": "1"}
    for line in (*before.option().lines, None):
        key = line.id if line else "delay"
        spread = line.range if line else before.delay
        form |= {f"{key}.low": str(spread.low), f"{key}.mode": str(spread.mode)}
        form |= {f"{key}.high": str(spread.high), f"{key}.distribution": "triangular"}
    form["ob.development"] = "0"
    form["dev.low"] = "2.0"  # above the high end, 1.5
    client.get("/language/en")
    response = client.post(f"/cases/{case_id}/ranges", data=form, follow_redirects=False)
    assert response.status_code == 422
    assert "dev.low" in response.text and "is above the high value" in response.text
    assert 'aria-invalid="true"' in response.text
    after = get_case(make_context(web_database), case_id)
    assert after.row_version == before.row_version and after.options == before.options

    form["dev.low"] = "0.8"
    form["ob.development"] = "-0.1"
    refused = client.post(f"/cases/{case_id}/ranges", data=form, follow_redirects=False)
    assert refused.status_code == 422 and "ob.development" in refused.text

    form["ob.development"] = "0,4"
    saved = client.post(f"/cases/{case_id}/ranges", data=form, follow_redirects=False)
    assert saved.status_code == 303
    stored = get_case(make_context(web_database), case_id)
    assert stored.option().lines[0].range.low == 0.8
    assert stored.optimism_bias["development"] == 0.4


def test_exports_download(client_for: Callable[[Role | None], TestClient], case_id: str) -> None:
    client = client_for(Role.VIEWER)
    for fmt in ("docx", "xlsx"):
        response = client.get(f"/cases/{case_id}/export.{fmt}")
        assert response.status_code == 200 and response.content[:2] == b"PK"


def test_a_benefit_is_filled_in_on_the_case_page(
    client_for: Callable[[Role | None], TestClient], web_database: Database
) -> None:
    """Issue 13: owner, measure, baseline, target, due and bound measure of a benefit are
    edited on /cases/<id>; a bad field is named on the form and nothing is saved."""
    from produktlyft.business_case.model import Benefit

    ctx = make_context(web_database)
    case = green_book_case("se", id="case-benefits", name="Nyttor")
    save_case(
        ctx, case.model_copy(update={"benefits": (Benefit(case_id=case.id, name="Färre samtal"),)})
    )
    viewer = client_for(Role.VIEWER)
    assert "Färre samtal" in viewer.get("/cases/case-benefits").text
    assert "/cases/case-benefits/benefits/1" not in viewer.get("/cases/case-benefits").text

    client = client_for(Role.EDITOR)
    form = {
        "csrf_token": csrf_of(client, "/cases/case-benefits"),
        "owner": "Kundtjänstchef",
        "measure": "andel onödiga kontakter",
        "baseline": "0,31",
        "target": "many",
        "unit": "",
        "due": "2027-13-01",
        "metric": "kpi:bygglov:avoidable_contact",
    }
    client.get("/language/en")
    refused = client.post("/cases/case-benefits/benefits/1", data=form, follow_redirects=False)
    assert refused.status_code == 422
    assert 'id="b1-target" name="target" value="many" aria-invalid="true"' in refused.text
    assert 'id="b1-due"' in refused.text and "give the date as 2026-12-31" in refused.text
    assert get_case(ctx, "case-benefits").benefits[0].owner is None  # nothing saved

    without_token = {k: v for k, v in form.items() if k != "csrf_token"}
    assert client.post("/cases/case-benefits/benefits/1", data=without_token).status_code == 403
    viewer_form = {**form, "csrf_token": csrf_of(viewer, "/cases/case-benefits")}
    assert viewer.post("/cases/case-benefits/benefits/1", data=viewer_form).status_code == 403

    form |= {"target": "0,2", "due": "2027-12-31"}
    saved = client.post("/cases/case-benefits/benefits/1", data=form, follow_redirects=False)
    assert saved.status_code == 303
    stored = get_case(ctx, "case-benefits").benefits[0]
    assert (stored.owner, stored.baseline, stored.target) == ("Kundtjänstchef", 0.31, 0.2)
    assert stored.metric == "kpi:bygglov:avoidable_contact" and str(stored.due) == "2027-12-31"
