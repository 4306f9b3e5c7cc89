"""The pilots area: a pre-registered pilot and its credible evaluation."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from produktlyft.kernel.area import Area

if TYPE_CHECKING:  # the shells load these; declaring an area loads nothing heavy
    import typer

    from produktlyft.kernel.report.sections import Section


def _cli(app: typer.Typer) -> None:
    from produktlyft.pilots import cli

    cli.register(app)


def _pages() -> Sequence[ModuleType]:
    from produktlyft.pilots import pages

    return (pages,)


def _report_sections() -> Sequence[Section]:
    from produktlyft.pilots.report import SECTIONS

    return SECTIONS


def _tables() -> ModuleType:
    from produktlyft.pilots import tables

    return tables


def _repositories() -> Sequence[type]:
    from produktlyft.pilots.repository import PilotRepository

    return (PilotRepository,)


AREA = Area(
    name="pilots",
    cli=_cli,
    pages=_pages,
    templates=Path(__file__).parent / "templates",
    report_sections=_report_sections,
    tables=_tables,
    repositories=_repositories,
)
