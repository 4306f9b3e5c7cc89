"""The overview's charts at 1280 px in both languages: text inside each chart, none
overlapping (the review's chart pages are checked in review/test_review_browser.py)."""

from __future__ import annotations

import pytest

from tests.browser.charts import chart_text_problems
from tests.browser.conftest import sign_in


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_overview_chart_text_is_neither_cut_nor_overlapping(page, lang: str) -> None:  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, "viewer")
    if lang == "en":
        page.goto("/language/en?next=/")
    for path in ("/", "/integrations"):
        page.goto(path)
        _drawn, problems = chart_text_problems(page)
        assert not problems, f"{path} ({lang}): {problems}"
    page.goto("/")
    assert chart_text_problems(page)[0] >= 3
