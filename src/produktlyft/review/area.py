"""The review area (genomlysning): ranking where to modernise, its pages, and the leadership
report's frame and first sections."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from produktlyft.kernel.area import Area

if TYPE_CHECKING:  # the shells load these; declaring an area loads nothing heavy
    import typer

    from produktlyft.kernel.report.build import ReportFrame
    from produktlyft.kernel.report.sections import Section


def _cli(app: typer.Typer) -> None:
    from produktlyft.review import cli

    cli.register(app)


def _pages() -> Sequence[ModuleType]:
    from produktlyft.review.pages import duplicates, evidence, overview, weights

    return (overview, duplicates, evidence, weights)


def _report_sections() -> Sequence[Section]:
    from produktlyft.review.report import SECTIONS

    return SECTIONS


def _report_frame() -> ReportFrame:
    from produktlyft.review.report_frame import ReviewReportFrame

    return ReviewReportFrame()


def _tables() -> ModuleType:
    from produktlyft.review import tables

    return tables


def _repositories() -> Sequence[type]:
    from produktlyft.review.repository import ReviewRepository

    return (ReviewRepository,)


AREA = Area(
    name="review",
    cli=_cli,
    pages=_pages,
    templates=Path(__file__).parent / "templates",
    report_sections=_report_sections,
    report_frame=_report_frame,
    tables=_tables,
    repositories=_repositories,
)
