"""The interoperability area: the integration map, open standards and silo risk per system,
with a suggested disposition and a cloud-suitability check. It stores nothing of its own."""

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
    from produktlyft.interop import cli

    cli.register(app)


def _pages() -> Sequence[ModuleType]:
    from produktlyft.interop import pages

    return (pages,)


def _report_sections() -> Sequence[Section]:
    from produktlyft.interop.report import SECTIONS

    return SECTIONS


AREA = Area(
    name="interop",
    cli=_cli,
    pages=_pages,
    templates=Path(__file__).parent / "templates",
    report_sections=_report_sections,
)
