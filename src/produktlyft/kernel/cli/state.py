"""Options shared by every command, and the service context built from them; the composition
root puts the process's caches and the report here for the commands."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from produktlyft.kernel.cache import CacheRegistry
from produktlyft.kernel.context import ServiceContext, local_operator
from produktlyft.kernel.db.database import normalise_url
from produktlyft.kernel.db.open import open_database
from produktlyft.kernel.settings import get_settings

if TYPE_CHECKING:  # the report's libraries load only when a command writes one
    from produktlyft.kernel.report.build import Report


@dataclass
class CliState:
    database_url: str | None = None
    debug: bool = False
    caches: CacheRegistry = field(default_factory=CacheRegistry)
    make_report: Callable[[], Report] | None = None  # set by the composition root
    _context: ServiceContext | None = None

    def choose_database(self, url: str | None, *, replace: bool) -> None:
        """The database this command names. With `replace` (the URL was typed on the command
        line), a context an earlier command in the same process made for another database is
        dropped (seen in the test suite: a dry run read the previous test's database); a URL
        from the environment leaves a context made or given earlier as it is."""
        self.database_url = url
        if not (replace and url and self._context is not None):
            return
        if self._context.database.url != normalise_url(url):
            self._context = None

    def context(self) -> ServiceContext:
        if self._context is None:
            settings = get_settings()
            if self.database_url:
                settings = settings.model_copy(update={"database_url": self.database_url})
            self._context = ServiceContext(
                open_database(settings.database_url), local_operator(), settings, self.caches
            )
        return self._context


STATE = CliState()


def the_report() -> Report:
    """The leadership report the composition root made for the commands."""
    if STATE.make_report is None:
        raise RuntimeError("the report is composed by produktlyft.bootstrap")
    return STATE.make_report()
