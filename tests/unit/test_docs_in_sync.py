"""Docs generated from declarations stay in step with them (`make docs` regenerates them)."""

from __future__ import annotations

from pathlib import Path

from produktlyft.inventory.exporters.template_docs import refresh
from produktlyft.kernel.settings import settings_markdown

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_settings_page_matches_the_settings_class() -> None:
    assert (DOCS / "settings.md").read_text(encoding="utf-8") == settings_markdown()


def test_column_reference_matches_the_template() -> None:
    page = (DOCS / "import-formats.md").read_text(encoding="utf-8")
    assert refresh(page) == page
