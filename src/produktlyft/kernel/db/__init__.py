"""Persistence: the only package that talks SQL. Repositories return domain objects."""

from produktlyft.kernel.db.database import (
    Database,
    DatabaseBusy,
    DatabaseNotInitialised,
    DatabaseNotWritable,
    DatabaseUnavailable,
)
from produktlyft.kernel.db.unit_of_work import UnitOfWork

__all__ = [
    "Database",
    "DatabaseBusy",
    "DatabaseNotInitialised",
    "DatabaseNotWritable",
    "DatabaseUnavailable",
    "UnitOfWork",
]
