"""The inventory area: systems, capabilities, integrations, contracts; importing and exporting
them; the browse pages and the JSON API."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from produktlyft.kernel.area import ApiMount, Area, FileImporter

if TYPE_CHECKING:  # the shells load these; declaring an area loads nothing heavy
    import typer


def _cli(app: typer.Typer) -> None:
    from produktlyft.inventory import cli

    cli.register(app)


def _pages() -> Sequence[ModuleType]:
    from produktlyft.inventory.pages import (
        capabilities,
        contracts,
        edit,
        home,
        imports,
        integrations,
        systems,
    )

    return (home, systems, capabilities, integrations, contracts, imports, edit)


def _api() -> Sequence[ApiMount]:
    from produktlyft.inventory.api import v1

    return (ApiMount("/api/v1", "api", v1.create_api),)


def _template_globals() -> Mapping[str, Callable[..., Any]]:
    from produktlyft.inventory.pages.fields import field_label

    return {"field_label": field_label}


def _importers() -> Sequence[FileImporter]:
    from produktlyft.inventory.importers.formats import IMPORTERS

    return IMPORTERS


def _tables() -> ModuleType:
    from produktlyft.inventory import tables

    return tables


def _repositories() -> Sequence[type]:
    from produktlyft.inventory.browse_repository import BrowseRepository
    from produktlyft.inventory.change_log import ChangeLogRepository
    from produktlyft.inventory.repository import InventoryRepository

    return (InventoryRepository, BrowseRepository, ChangeLogRepository)


AREA = Area(
    name="inventory",
    cli=_cli,
    pages=_pages,
    api=_api,
    templates=Path(__file__).parent / "templates",
    template_globals=_template_globals,
    importers=_importers,
    tables=_tables,
    repositories=_repositories,
)
