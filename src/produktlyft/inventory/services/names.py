"""Systems' names by id, for other areas' reports: their readers know names, not ids."""

from __future__ import annotations

from collections.abc import Iterable

from produktlyft.inventory.browse_repository import BrowseRepository
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext


def system_names(ctx: ServiceContext, ids: Iterable[str]) -> dict[str, str]:
    """id -> name of the systems among `ids` that exist; unknown ids are left out."""
    ctx.actor.require(Permission.READ)
    with ctx.database.reading() as uow:
        return uow.repo(BrowseRepository).names("systems", list(ids))
