"""The report's parts: sections, story lines, and the context they are rendered in.

A section is a function from the report's context to its content (or None when it has nothing
to show). Each area declares its sections in its `Area`; the composition root hands them all to
the report shell. Sections are ordered by `order`: the review's run 0–99, the workflow analysis
100–199, the culture survey and then the decision register 200–299. The method appendix collects
every section's `method` notes, so a number never appears without how it was computed.

An area may also add one sentence to the first page's story (a `StoryLine`); the summary
section shows them in their order after its own opening (`ReportContext.story`).

The context is generic: an area's sections fetch their own data through `shared`, once per
report run.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from produktlyft.kernel.context import ServiceContext

T = TypeVar("T")


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


@dataclass(frozen=True)
class StoryLine:
    """A sentence for the first page's story; `line` returns None when it has none."""

    key: str
    order: int
    line: Callable[[ReportContext], str | None]


@dataclass
class ReportContext:
    lang: str
    service: ServiceContext
    story_lines: Sequence[StoryLine] = ()
    cache: dict[str, Any] = field(default_factory=dict)  # what sections and story lines share
    # what the report calls each system it mentions, by id: the frame fills it, so that every
    # section names a system as the report's own figures do
    names: dict[str, str] = field(default_factory=dict)

    def shared(self, key: str, build: Callable[[], T]) -> T:
        """What `build` returns, built once per report run; `key` names the area's data."""
        if key not in self.cache:
            self.cache[key] = build()
        found: T = self.cache[key]
        return found

    def story(self) -> list[str]:
        """The areas' sentences for the first page, in their order."""
        ordered = sorted(self.story_lines, key=lambda story: (story.order, story.key))
        lines = (story.line(self) for story in ordered)
        return [text for text in lines if text]


@dataclass(frozen=True)
class Section:
    key: str
    order: int
    render: Callable[[ReportContext], SectionContent | None]
    # The key of another area's section this one closes as a titled part (an h3), when that
    # section is in the report; without it, this one stands as a section of its own. So one
    # area adds to another's chapter without either importing the other.
    part_of: str | None = None


def join_parts(rendered: Sequence[tuple[Section, SectionContent]]) -> list[SectionContent]:
    """The sections as the report shows them: each `part_of` section appended to its host as a
    part, its method notes after the host's."""
    hosts = {section.key: content for section, content in rendered if not section.part_of}
    shown = []
    for section, content in rendered:
        host = hosts.get(section.part_of) if section.part_of else None
        if host is None:
            shown.append(content)
            continue
        part = Part(content.title, content.paragraphs, content.figures, items=content.items)
        host.blocks.append(part.block())
        host.tables.extend(content.tables)
        host.method.extend(content.method)
    return shown
