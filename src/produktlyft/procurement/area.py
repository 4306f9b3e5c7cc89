"""The procurement area: contract slices checked against the rules, routes and forecasts."""

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
    from produktlyft.procurement import cli

    cli.register(app)


def _pages() -> Sequence[ModuleType]:
    from produktlyft.procurement import pages

    return (pages,)


def _report_sections() -> Sequence[Section]:
    from produktlyft.procurement.report import SECTIONS

    return SECTIONS


def _tables() -> ModuleType:
    from produktlyft.procurement import tables

    return tables


def _repositories() -> Sequence[type]:
    from produktlyft.procurement.repository import ProcurementRepository

    return (ProcurementRepository,)


AREA = Area(
    name="procurement",
    cli=_cli,
    pages=_pages,
    templates=Path(__file__).parent / "templates",
    report_sections=_report_sections,
    tables=_tables,
    repositories=_repositories,
)
