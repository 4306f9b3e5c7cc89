"""What every importer shares: size limits, the issue collector, and how problems are worded."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from produktlyft.kernel.errors import N_, Issue, Severity, WordedError, Wording, wording


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
