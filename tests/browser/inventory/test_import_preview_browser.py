"""The import preview's lists of new, changed and gone records pass axe in Swedish and English."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.browser.conftest import sign_in
from tests.browser.test_accessibility import assert_clean


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_preview_with_its_lists_has_no_violations(page, lang: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # playwright's page
    document = {
        "systems": [
            {"id": "sys-00001", "name": "Omdöpt system"},
            {"id": "sys-preview", "name": "Nytt system"},
        ]
    }
    upload = tmp_path / "demo.json"  # the file the server's inventory came from
    upload.write_text(json.dumps(document), encoding="utf-8")
    sign_in(page, "admin")
    page.goto(f"/language/{lang}?next=/import")
    page.set_input_files("#file", str(upload))
    page.click("main button[type=submit]")
    page.wait_for_selector("#import-changes")
    assert page.locator("[data-change=created] li").count() == 1
    assert page.locator("[data-change=updated] li").count() >= 2  # the record and its field
    assert page.locator("[data-change=removed] li").count() > 0
    assert page.locator("html").get_attribute("lang") == lang
    assert_clean(page, f"import preview with its lists ({lang})")
