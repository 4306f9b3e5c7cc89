"""The report as a list of sections, registered in one place.

A section is a function from the report's context to its content (or None when it has nothing
to show). Areas add theirs by listing their module in `SECTION_MODULES`; each module calls
`register_section` at import time. Sections are ordered by `order`: the review's run 0–99, the
workflow analysis 100–199, the culture survey and then the decision register 200–299. The
method appendix collects every section's `method` notes, so a number never appears without how
it was computed.

An area may also add one sentence to the first page's story with `register_story_line`; the
summary section shows them in their order after its own opening.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from produktlyft.kernel.context import ServiceContext
from produktlyft.review.services.report_data import ReportData

# One place: the modules whose sections make up the report.
SECTION_MODULES = [
    "produktlyft.review.report",
    "produktlyft.workflows.report",
    "produktlyft.surveys.report",
    "produktlyft.decisions.report",
]


@dataclass
class Table:
    caption: str
    headers: list[str]
    rows: list[list[Any]]
    numeric: set[int] = field(default_factory=set)  # right-aligned columns


@dataclass
class Figure:
    svg: str
    table: Table


@dataclass
class Part:
    """A titled part of a section (an h3), shown after the section's own content."""

    title: str
    paragraphs: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    after: list[str] = field(default_factory=list)  # paragraphs after the figures
    items: list[str] = field(default_factory=list)  # then a bullet list

    def block(self) -> dict[str, Any]:
        return {
            "kind": "part",
            "title": self.title,
            "paragraphs": self.paragraphs,
            "figures": self.figures,
            "after": self.after,
            "items": self.items,
        }


@dataclass
class SectionContent:
    title: str
    paragraphs: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)  # a bullet list after the paragraphs
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
    cache: dict[str, Any] = field(default_factory=dict)  # what sections and story lines share


@dataclass(frozen=True)
class Section:
    key: str
    order: int
    render: Callable[[ReportContext], SectionContent | None]


_SECTIONS: dict[str, Section] = {}
StoryLine = Callable[[ReportContext], str | None]
_STORY_LINES: dict[str, tuple[int, StoryLine]] = {}


def register_section(section: Section) -> None:
    _SECTIONS[section.key] = section


def register_story_line(key: str, order: int, line: StoryLine) -> None:
    """A sentence for the first page's story; the function returns None when it has none."""
    _STORY_LINES[key] = (order, line)


def story_lines(rc: ReportContext) -> list[str]:
    lines = (line(rc) for _, line in sorted(_STORY_LINES.values(), key=lambda e: e[0]))
    return [text for text in lines if text]


def sections() -> list[Section]:
    for module in SECTION_MODULES:
        importlib.import_module(module)
    return sorted(_SECTIONS.values(), key=lambda s: (s.order, s.key))
