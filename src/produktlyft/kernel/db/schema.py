"""The shared metadata every area's tables register on.

Each area keeps its tables in its own `tables.py`, built on this `metadata`; the kernel imports
none of them. `produktlyft.bootstrap.load_schema()` imports every area's tables, so whatever
needs the whole schema (migration checks, test clean-up) sees it.
"""

from __future__ import annotations

from sqlalchemy import MetaData

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)
