"""What the outcomes use cases share: import limits, team names and ids, the area's settings."""

from __future__ import annotations

from produktlyft.inventory.model import Team
from produktlyft.inventory.repository import InventoryRepository
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.db import UnitOfWork
from produktlyft.kernel.files.base import ImportLimits
from produktlyft.outcomes.model import OutcomeSettings
from produktlyft.outcomes.repository import OutcomeRepository


def limits(ctx: ServiceContext) -> ImportLimits:
    return ImportLimits(
        ctx.settings.max_import_bytes,
        ctx.settings.max_unpacked_bytes,
        ctx.settings.max_issues_per_file,
    )


def team_names(uow: UnitOfWork) -> dict[str, str]:
    """Inventory team id -> name."""
    teams = uow.repo(InventoryRepository).load("teams")
    return {t.id: t.name for t in teams if isinstance(t, Team)}


def canonical_team(uow: UnitOfWork, team: str) -> str:
    """The inventory id of a team named by id or name (any case), or the text as given."""
    wanted = team.strip().casefold()
    for team_id, name in team_names(uow).items():
        if wanted in (team_id.casefold(), name.casefold()):
            return team_id
    for known in uow.repo(OutcomeRepository).teams():  # a team outside the inventory
        if known.casefold() == wanted:
            return known
    return team.strip()


def stored_settings(uow: UnitOfWork) -> OutcomeSettings:
    return uow.repo(OutcomeRepository).settings()


def known_teams(ctx: ServiceContext) -> dict[str, str]:
    """The inventory's teams, id -> name (for forms and for naming teams on pages)."""
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        return team_names(uow)
