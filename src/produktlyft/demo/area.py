"""The demo area: a made-up organisation's data in every other area, for trials and tests."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from produktlyft.kernel.area import Area

if TYPE_CHECKING:  # the shells load these; declaring an area loads nothing heavy
    import typer


def _cli(app: typer.Typer) -> None:
    from produktlyft.demo import cli

    cli.register(app)


def _pages() -> Sequence[ModuleType]:
    from produktlyft.demo import pages

    return (pages,)


AREA = Area(name="demo", cli=_cli, pages=_pages, templates=Path(__file__).parent / "templates")
