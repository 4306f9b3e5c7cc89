"""The report as a list of sections, registered in one place.

A section is a function from the report's context to its content (or None when it has nothing
to show). Areas add theirs by listing their module in `SECTION_MODULES`; each module calls
`register_section` at import time. Sections are ordered by `order`: the review's run 0–99, the
workflow analysis and the culture survey take 100–199 and 200–299. The method appendix collects
every section's `method` notes, so a number never appears without how it was computed.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from produktlyft.services.context import ServiceContext
from produktlyft.services.report_data import ReportData

# One place: the modules whose sections make up the report.
SECTION_MODULES = ["produktlyft.reports.review_sections", "produktlyft.reports.workflow_sections"]


@dataclass
class Table:
    caption: str
    headers: list[str]
    rows: list[list[Any]]
    numeric: set[int] = field(default_factory=set)   # right-aligned columns


@dataclass
class Figure:
    svg: str
    table: Table


@dataclass
class SectionContent:
    title: str
    paragraphs: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)        # a bullet list after the paragraphs
    figures: list[Figure] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    method: list[str] = field(default_factory=list)
    first_page: bool = False
    blocks: list[dict[str, Any]] = field(default_factory=list)  # free structure for templates


@dataclass
class ReportContext:
    lang: str
    data: ReportData
    service: ServiceContext


@dataclass(frozen=True)
class Section:
    key: str
    order: int
    render: Callable[[ReportContext], SectionContent | None]


_SECTIONS: dict[str, Section] = {}


def register_section(section: Section) -> None:
    _SECTIONS[section.key] = section


def sections() -> list[Section]:
    for module in SECTION_MODULES:
        importlib.import_module(module)
    return sorted(_SECTIONS.values(), key=lambda s: (s.order, s.key))
