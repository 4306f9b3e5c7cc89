"""The surveys area: anonymous culture and readiness surveys, their answer links and results,
and the culture section (and story line) of the leadership report."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from produktlyft.kernel.area import Area

if TYPE_CHECKING:  # the shells load these; declaring an area loads nothing heavy
    import typer

    from produktlyft.kernel.report.sections import Section, StoryLine


def _cli(app: typer.Typer) -> None:
    from produktlyft.surveys import cli

    cli.register(app)


def _pages() -> Sequence[ModuleType]:
    from produktlyft.surveys.pages import answer, rounds

    return (rounds, answer)


def _report_sections() -> Sequence[Section]:
    from produktlyft.surveys.report import SECTIONS

    return SECTIONS


def _story_lines() -> Sequence[StoryLine]:
    from produktlyft.surveys.report import STORY_LINES

    return STORY_LINES


def _tables() -> ModuleType:
    from produktlyft.surveys import tables

    return tables


def _repositories() -> Sequence[type]:
    from produktlyft.surveys.extras_repository import SurveyExtrasRepository
    from produktlyft.surveys.repository import SurveyRepository

    return (SurveyRepository, SurveyExtrasRepository)


AREA = Area(
    name="surveys",
    cli=_cli,
    pages=_pages,
    templates=Path(__file__).parent / "templates",
    report_sections=_report_sections,
    story_lines=_story_lines,
    tables=_tables,
    repositories=_repositories,
)
