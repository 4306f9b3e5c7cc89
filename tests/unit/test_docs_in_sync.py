"""Docs generated from declarations stay in step with them (`make docs` regenerates them)."""

from __future__ import annotations

import re
from pathlib import Path

from produktlyft.inventory.exporters.template_docs import refresh
from produktlyft.kernel.settings import settings_markdown

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_settings_page_matches_the_settings_class() -> None:
    assert (DOCS / "settings.md").read_text(encoding="utf-8") == settings_markdown()


def test_column_reference_matches_the_template() -> None:
    page = (DOCS / "import-formats.md").read_text(encoding="utf-8")
    assert refresh(page) == page


def test_links_between_the_docs_point_at_files_that_exist() -> None:
    root = DOCS.parent
    pages = [root / "README.md", root / "CONTRIBUTING.md", *sorted(DOCS.rglob("*.md"))]
    broken = []
    for page in pages:
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            if "://" not in target and not (page.parent / target).exists():
                broken.append(f"{page.relative_to(root)} -> {target}")
    assert not broken, broken
