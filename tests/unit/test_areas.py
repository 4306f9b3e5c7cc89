"""Every area declares what it offers in one `Area`, and the composition root lists them all."""

from __future__ import annotations

import importlib
from types import ModuleType

import pytest
from fastapi import APIRouter
from sqlalchemy import Table

from produktlyft.bootstrap import AREAS, report
from produktlyft.kernel.area import Area
from produktlyft.kernel.db.schema import metadata
from produktlyft.kernel.report.sections import Section, StoryLine

# what each area offers the shells: (pages, report sections, tables, repositories)
ANATOMY = {
    "inventory": (True, False, True, True),
    "accounts": (True, False, True, True),
    "workflows": (True, True, True, True),
    "surveys": (True, True, True, True),
    "decisions": (True, True, True, True),
    "interop": (True, True, False, False),
    "review": (True, True, True, True),
    "roadmap": (True, True, True, True),
    "business_case": (True, True, True, True),
    "procurement": (True, True, True, True),
    "outcomes": (True, True, True, True),
    "pilots": (True, True, True, True),
    "wins": (True, True, True, True),
    "demo": (True, False, False, False),
}


def test_the_composition_root_lists_every_area_in_dependency_order() -> None:
    assert [area.name for area in AREAS] == [
        "inventory",
        "accounts",
        "workflows",
        "surveys",
        "decisions",
        "interop",
        "review",
        "roadmap",
        "business_case",
        "procurement",
        "outcomes",
        "pilots",
        "wins",
        "demo",
    ]


@pytest.mark.parametrize("name", sorted(ANATOMY))
def test_each_area_declares_its_anatomy(name: str) -> None:
    module = importlib.import_module(f"produktlyft.{name}.area")
    area = module.AREA
    assert isinstance(area, Area) and area.name == name and area in AREAS
    assert area.cli is not None  # every area has commands
    has_pages, has_sections, has_tables, has_repositories = ANATOMY[name]
    pages = area.pages() if area.pages else ()
    assert bool(pages) == has_pages
    for page in pages:
        assert isinstance(page.router, APIRouter)
    if has_pages:
        assert area.templates is not None and area.templates.is_dir()
        # its own gettext domain, named after the area
        assert (area.templates.parent / "locale" / "sv" / "LC_MESSAGES" / f"{name}.po").is_file()
    sections = area.report_sections() if area.report_sections else ()
    assert bool(sections) == has_sections
    assert all(isinstance(section, Section) for section in sections)
    tables = area.tables() if area.tables else None
    assert isinstance(tables, ModuleType) == has_tables
    if tables is not None:
        registered = [t for t in vars(tables).values() if isinstance(t, Table)]
        assert registered and all(t.metadata is metadata for t in registered)
    repositories = area.repositories() if area.repositories else ()
    assert bool(repositories) == has_repositories


def test_one_area_frames_the_report_and_one_keeps_the_accounts() -> None:
    assert [a.name for a in AREAS if a.report_frame] == ["review"]
    assert [a.name for a in AREAS if a.sign_in] == ["accounts"]
    stories = [line for a in AREAS if a.story_lines for line in a.story_lines()]
    assert all(isinstance(line, StoryLine) for line in stories)


def test_the_report_has_every_areas_sections_in_order() -> None:
    keys = [section.key for section in report().sections]
    assert keys[:2] == ["summary", "ranking"]
    assert keys.index("confidence") < keys.index("workflows") < keys.index("culture")


def test_the_inventory_lists_its_importers_in_order() -> None:
    inventory = next(area for area in AREAS if area.name == "inventory")
    assert inventory.importers is not None
    assert [importer.name for importer in inventory.importers()] == [
        "xlsx",
        "csv",
        "archimate-xml",
        "archimate-native",
        "json",
        "backstage",
    ]
