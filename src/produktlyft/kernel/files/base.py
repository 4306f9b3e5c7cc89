"""What every importer returns, and the issue collector they share."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from produktlyft.inventory.model import Inventory
from produktlyft.kernel.errors import N_, Issue, Severity, WordedError, Wording, wording

ALL_FIELDS = None  # a record whose supplied fields are unknown was supplied in full


@dataclass
class ImportLimits:
    max_bytes: int = 50 * 1024 * 1024
    max_unpacked_bytes: int = 500 * 1024 * 1024
    max_issues: int = 200


# pydantic's checks that records can fail after the cells were read, worded for translation
_PYDANTIC = {
    "missing": N_("a value is required here"),
    "string_too_short": N_("needs at least {min_length} character(s)"),
    "string_too_long": N_("may have at most {max_length} characters"),
    "greater_than_equal": N_("must be at least {ge}"),
    "greater_than": N_("must be more than {gt}"),
    "less_than_equal": N_("must be at most {le}"),
    "less_than": N_("must be less than {lt}"),
}


def validation_wording(problem: Mapping[str, Any]) -> Wording | str:
    """A pydantic error as a Wording when its kind is a common one; else pydantic's text."""
    template = _PYDANTIC.get(str(problem.get("type")))
    if template is None:
        return str(problem["msg"]).removeprefix("Value error, ")
    return wording(template, **{key: value for key, value in (problem.get("ctx") or {}).items()})


def error_wording(error: ValueError) -> Wording | str:
    """What a failed cell conversion says, worded for translation where it was."""
    return error.wording if isinstance(error, WordedError) else str(error)


class TooManyIssues(Exception):
    """Raised inside a parser once the cap is reached; the collected issues are kept."""


@dataclass
class IssueCollector:
    file: str
    cap: int = 200
    issues: list[Issue] = field(default_factory=list)
    truncated: bool = False

    def add(
        self, message: str | Wording, *, severity: Severity = Severity.ERROR, **where: object
    ) -> None:
        errors = sum(1 for issue in self.issues if issue.severity is Severity.ERROR)
        if severity is Severity.ERROR and errors >= self.cap:
            self.truncated = True
            raise TooManyIssues
        self.issues.append(Issue.worded(message, severity=severity, file=self.file, **where))

    def warn(self, message: str | Wording, **where: object) -> None:
        self.add(message, severity=Severity.WARNING, **where)

    @property
    def has_errors(self) -> bool:
        return any(issue.severity is Severity.ERROR for issue in self.issues)


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
