"""The procurement pages in a real browser pass axe (WCAG 2.1 AA) in Swedish and English, at
desktop width, in the states a buyer meets: an uploaded file's results, a saved slice's
checklist, a bad file's messages, and a forecast with its chart."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.browser.conftest import at, sign_in
from tests.browser.test_accessibility import assert_clean

SLICES = (
    "slice,need,supplier,start,end,value_sek,options_value_sek,buyer_type,route,outcome,"
    "success_criterion,exit_clause,notice_months,data_return_format,code_ownership,interfaces\n"
    "{lang}-1,E-tjänst,Acme,2027-01-01,2027-04-30,900000,100000,central,open,Ansök digitalt,"
    "80 % digitalt,yes,1,csv,agency,OpenAPI\n"
    "{lang}-2,Arkiv,Beta AB,2027-01-01,2027-09-30,1200000,500000,central,framework,Arkivsök,,"
    "no,6,vendor dump,supplier,\n"
)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_procurement_pages_pass_axe(page, tmp_path: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page)
    if lang == "en":
        page.goto("/language/en?next=/")
    page.goto("/procurement")
    assert page.locator("html").get_attribute("lang") == lang
    assert_clean(page, f"/procurement ({lang})")

    bad = tmp_path / "bad.csv"
    bad.write_text("slice,need,start,end,value_sek,buyer_type,route\nx,n,,,1,federal,open\n")
    page.set_input_files("#file", str(bad))
    page.click("main form button[type=submit]")
    page.wait_for_selector(".ds-alert")
    assert_clean(page, f"/procurement with a bad file ({lang})")

    good = tmp_path / "slices.csv"
    good.write_text(SLICES.format(lang=lang), encoding="utf-8")
    page.set_input_files("#file", str(good))
    page.check("#save")
    page.click("main form button[type=submit]")
    page.wait_for_selector(f"#slice-{lang}-2")
    assert_clean(page, f"/procurement with results ({lang})")

    page.click(f"a[href='/procurement/slices/{lang}-2']")
    page.wait_for_url(at(f"/procurement/slices/{lang}-2"))
    assert_clean(page, f"/procurement/slices/{lang}-2 ({lang})")

    page.goto("/procurement/forecast")
    assert_clean(page, f"/procurement/forecast ({lang})")
    history = tmp_path / "done.csv"
    start = date(2026, 1, 1)
    rows = "".join(f"{i},{start + timedelta(days=i // 2)}\n" for i in range(60))
    history.write_text(f"id,finished\n{rows}", encoding="utf-8")
    page.set_input_files("#file", str(history))
    page.fill("#items", "20")
    page.fill("#by", "2026-03-15")
    page.click("main form button[type=submit]")
    page.wait_for_selector("#forecast-table")
    assert_clean(page, f"/procurement/forecast with a forecast ({lang})")
