"""One transaction and the repositories that work inside it.

The kernel knows no area's repository: a caller names the one it needs,
`uow.repo(InventoryRepository)`, and gets one instance per unit of work, on its connection.
"""

from __future__ import annotations

from typing import Protocol, TypeVar

from sqlalchemy import Connection


class Repository(Protocol):
    """What every repository is: built on the unit's connection."""

    def __init__(self, connection: Connection) -> None: ...


R = TypeVar("R", bound=Repository)


class UnitOfWork:
    """Repositories sharing one connection; the transaction is owned by `Database`."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self._repositories: dict[type[Repository], Repository] = {}

    def repo(self, kind: type[R]) -> R:
        """The unit's repository of this kind, made on first use."""
        found = self._repositories.get(kind)
        if found is None:
            found = self._repositories[kind] = kind(self.connection)
        return found  # type: ignore[return-value]  # keyed by its own class
