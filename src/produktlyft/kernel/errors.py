"""Errors a user can act on, and the located issues that input validation reports.

Entry points turn a `ProduktlyftError` into a clear message (CLI exit code 1, an HTTP problem
document); anything else is a bug and is reported without a stack trace unless debugging.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

# the errors of a write to a full disk, past a size limit or quota, or to a read-only folder:
# the operator's to fix, not a bug
WRITE_ERRNOS = frozenset({errno.ENOSPC, errno.EFBIG, errno.EDQUOT, errno.EROFS})
# a path given on the command line that cannot be opened as asked
PATH_ERRNOS = frozenset(
    {errno.ENOENT, errno.EACCES, errno.EPERM, errno.EISDIR, errno.ENOTDIR, errno.ENAMETOOLONG}
)


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Wording:
    """A message as an English template and its values, so that a page can show it in the
    reader's language (the template is the catalogue's message id) while logs, the CLI and
    the tests keep the English text."""

    template: str
    params: tuple[tuple[str, str], ...] = ()

    def __str__(self) -> str:
        return self.template.format(**dict(self.params))


def N_(template: str) -> str:
    """Marks a template kept in a table for the catalogue extractor; returns it unchanged.
    (produktlyft.kernel.i18n has the same marker, but the domain layer may not import it.)"""
    return template


def wording(template: str, **params: object) -> Wording:
    """`wording("'{value}' is not a date", value=cell)`: the extractor collects the template."""
    return Wording(template, tuple((key, str(value)) for key, value in params.items()))


class WordedError(ValueError):
    """A ValueError whose message is a Wording, for checks deep inside parsing."""

    def __init__(self, message: Wording) -> None:
        super().__init__(str(message))
        self.wording = message


class Issue(BaseModel):
    """One problem in one input, located as precisely as the format allows."""

    model_config = ConfigDict(frozen=True)

    message: str
    # the message's template and values when it was worded for translation (see Wording)
    template: str | None = None
    params: tuple[tuple[str, str], ...] = ()
    severity: Severity = Severity.ERROR
    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    line: int | None = None  # a line of a text file (CSV counts its header line)
    column: str | None = None
    element: str | None = None
    location: str | None = None  # a location already written out, such as "sheet 'X', row 3"

    def where(self) -> str:
        parts = []
        if self.file:
            parts.append(self.file)
        if self.sheet:
            parts.append(f"sheet '{self.sheet}'")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.column:
            parts.append(f"column '{self.column}'")
        if self.element:
            parts.append(f"element '{self.element}'")
        if self.location:
            parts.append(self.location)
        return ", ".join(parts)

    @classmethod
    def worded(cls, message: str | Wording, **fields: object) -> Issue:
        """An issue from plain text or from a Wording, keeping the template if there is one."""
        if isinstance(message, Wording):
            return cls.model_validate(
                {
                    "message": str(message),
                    "template": message.template,
                    "params": message.params,
                    **fields,
                }
            )
        return cls.model_validate({"message": message, **fields})

    def __str__(self) -> str:
        where = self.where()
        return f"{where}: {self.message}" if where else self.message


class ProduktlyftError(Exception):
    """An error caused by the user's input or request, with a message meant for them."""

    exit_code = 1


class InvalidInput(ProduktlyftError):
    """Input was rejected; nothing was written."""

    def __init__(self, issues: list[Issue], summary: str | Wording | None = None) -> None:
        self.issues = issues
        errors = [issue for issue in issues if issue.severity is Severity.ERROR]
        # the English text for the CLI and logs; the wording, if any, for translated pages
        self.summary_wording = summary if isinstance(summary, Wording) else None
        self.summary = str(summary or f"{len(errors)} error(s) found; nothing was written")
        super().__init__(self.summary + "\n" + "\n".join(f"  {issue}" for issue in errors))


class NotFound(ProduktlyftError):
    pass


class PermissionDenied(ProduktlyftError):
    pass


class Conflict(ProduktlyftError):
    """Someone else changed the record since it was read (optimistic locking)."""


class TooManyAttempts(ProduktlyftError):
    """Too many failed sign-ins from one place: refused for `retry_after` seconds. A kernel error
    so that the web shell can answer 429 without knowing who counts the attempts."""

    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after
        super().__init__(f"too many failed logins; try again in {retry_after} seconds")
