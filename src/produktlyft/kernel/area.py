"""What an area (a capability: inventory, review, ...) offers the shells, declared in one place.

Each area's `<area>/area.py` declares `AREA = Area(...)`; the composition root
(`produktlyft.bootstrap`) lists the areas in dependency order and hands them to the CLI, web
and report shells, which never import an area themselves.

The parts that load heavy libraries (pages, API, report sections) are given as functions that
import them when a shell asks, so the CLI does not load the web stack and the web app does not
load the report's until they are used.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

if TYPE_CHECKING:
    import typer
    from starlette.types import ASGIApp

    from produktlyft.kernel.report.build import ReportFrame
    from produktlyft.kernel.report.sections import Section, StoryLine
    from produktlyft.kernel.web.session import SignIn, WebState

T = TypeVar("T")


class FileImporter(Protocol):
    """An importer an area offers: it says whether it reads a path; how it reads is the area's."""

    @property
    def name(self) -> str: ...

    def detect(self, path: Path) -> bool: ...


@dataclass(frozen=True)
class ApiMount:
    """A JSON API the web app mounts under `path`, made for the app's state."""

    path: str
    name: str
    create: Callable[[WebState], ASGIApp]


@dataclass(frozen=True)
class Area:
    name: str
    # the area's commands: registers them on the root Typer app
    cli: Callable[[typer.Typer], None] | None = None
    # the page modules, each with `router = page_router()` and optionally `nav`
    pages: Callable[[], Sequence[ModuleType]] | None = None
    api: Callable[[], Sequence[ApiMount]] | None = None
    templates: Path | None = None  # the folder of the area's page templates
    # helpers the area's templates (and the layout) call, by name
    template_globals: Callable[[], Mapping[str, Callable[..., Any]]] | None = None
    report_sections: Callable[[], Sequence[Section]] | None = None
    story_lines: Callable[[], Sequence[StoryLine]] | None = None
    report_frame: Callable[[], ReportFrame] | None = None  # one area frames the report
    importers: Callable[[], Sequence[FileImporter]] | None = None
    # the tables module: importing it registers the area's tables on the shared metadata
    tables: Callable[[], ModuleType] | None = None
    repositories: Callable[[], Sequence[type]] | None = None
    sign_in: Callable[[], SignIn] | None = None  # one area keeps the accounts


def the_one(areas: Sequence[Area], part: Callable[[Area], T | None], what: str) -> T:
    """The part exactly one area provides (the report's frame, the sign-in)."""
    found = [value for area in areas if (value := part(area)) is not None]
    if len(found) != 1:
        raise ValueError(f"exactly one area must provide {what}; found {len(found)}")
    return found[0]


def templates_of(areas: Sequence[Area]) -> list[Path]:
    return [area.templates for area in areas if area.templates is not None]
