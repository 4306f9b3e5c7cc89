"""Options shared by every command, and the service context built from them."""

from __future__ import annotations

from dataclasses import dataclass

from produktlyft.kernel.context import ServiceContext, local_operator
from produktlyft.kernel.db.open import open_database
from produktlyft.kernel.settings import get_settings


@dataclass
class CliState:
    database_url: str | None = None
    debug: bool = False
    _context: ServiceContext | None = None

    def context(self) -> ServiceContext:
        if self._context is None:
            settings = get_settings()
            if self.database_url:
                settings = settings.model_copy(update={"database_url": self.database_url})
            self._context = ServiceContext(
                open_database(settings.database_url), local_operator(), settings
            )
        return self._context


STATE = CliState()
