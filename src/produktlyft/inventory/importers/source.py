"""What every inventory importer returns: the records of one source and where they came from."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from produktlyft.inventory.model import Inventory
from produktlyft.kernel.errors import Issue, Severity

ALL_FIELDS = None  # a record whose supplied fields are unknown was supplied in full


@dataclass
class ParsedSource:
    """The records one file yields, with where each came from and which fields it set."""

    path: Path
    format: str
    inventory: Inventory = field(default_factory=Inventory)
    issues: list[Issue] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    # (entity, id) -> names of the fields this source set; fields it does not know are kept
    supplied: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    truncated: bool = False

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def has_errors(self) -> bool:
        return any(issue.severity is Severity.ERROR for issue in self.issues)
