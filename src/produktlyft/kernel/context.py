"""The context every use case runs in: which database, which settings, for whom, and the
process's caches (one registry, made by the composition root; a context made without one
keeps its own)."""

from __future__ import annotations

import getpass
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from produktlyft.kernel.access import Actor, Role
from produktlyft.kernel.cache import CacheRegistry
from produktlyft.kernel.db import Database
from produktlyft.kernel.settings import Settings, get_settings


@dataclass
class ServiceContext:
    database: Database
    actor: Actor
    settings: Settings = field(default_factory=get_settings)
    caches: CacheRegistry = field(default_factory=CacheRegistry)

    def now(self) -> datetime:
        return datetime.now(UTC)

    def today(self) -> date:
        """The calendar day in the organisation's time zone: rounds open and close on days,
        and recommendations are proposed and decided on days."""
        return self.now().astimezone(ZoneInfo(self.settings.time_zone)).date()

    def as_actor(self, actor: Actor) -> ServiceContext:
        return ServiceContext(self.database, actor, self.settings, self.caches)


def local_operator() -> Actor:
    """Whoever runs the CLI on the server's own machine holds its files, so acts as admin."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "local"
    return Actor(name=f"cli:{user}", role=Role.ADMIN)
