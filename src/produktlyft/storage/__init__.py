"""Persistence: the only package that talks SQL. Repositories return domain objects."""

from produktlyft.storage.database import Database, DatabaseNotInitialised, DatabaseUnavailable
from produktlyft.storage.unit_of_work import UnitOfWork

__all__ = ["Database", "DatabaseNotInitialised", "DatabaseUnavailable", "UnitOfWork"]
