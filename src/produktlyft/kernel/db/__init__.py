"""Persistence: the only package that talks SQL. Repositories return domain objects."""

from produktlyft.kernel.db.database import (
    Database,
    DatabaseNotInitialised,
    DatabaseNotWritable,
    DatabaseUnavailable,
)
from produktlyft.kernel.db.unit_of_work import UnitOfWork

__all__ = [
    "Database",
    "DatabaseNotInitialised",
    "DatabaseNotWritable",
    "DatabaseUnavailable",
    "UnitOfWork",
]
