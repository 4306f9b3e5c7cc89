"""The procurement area: contract slices checked against the rules, routes and forecasts."""

from __future__ import annotations

from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING

from produktlyft.kernel.area import Area

if TYPE_CHECKING:  # the shells load these; declaring an area loads nothing heavy
    import typer


def _cli(app: typer.Typer) -> None:
    from produktlyft.procurement import cli

    cli.register(app)


def _tables() -> ModuleType:
    from produktlyft.procurement import tables

    return tables


def _repositories() -> Sequence[type]:
    from produktlyft.procurement.repository import ProcurementRepository

    return (ProcurementRepository,)


AREA = Area(
    name="procurement",
    cli=_cli,
    tables=_tables,
    repositories=_repositories,
)
