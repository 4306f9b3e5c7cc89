"""A team's finished items from a CSV: one row per item, the day it was finished in a date
column (`finished` by default, or the one named; an issue tracker's export works when its
resolution date column is named). Rows with that cell empty are items not yet finished."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from produktlyft.kernel.errors import InvalidInput, Issue, wording
from produktlyft.kernel.files.base import ImportLimits
from produktlyft.kernel.files.cells import fold_header
from produktlyft.kernel.files.safety import check_size
from produktlyft.kernel.files.text import UnreadableText, csv_rows, decode_text

DEFAULT_COLUMN = "finished"
# formats issue trackers write besides ISO 8601 (Jira's "05/Jan/26 10:00 AM" among them)
FORMATS = ("%d/%b/%y %I:%M %p", "%d/%b/%y", "%Y/%m/%d", "%d.%m.%Y", "%m/%d/%Y")


def _day(text: str) -> date | None:
    cleaned = text.strip()
    try:
        return datetime.fromisoformat(cleaned.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    for pattern in FORMATS:
        try:
            return datetime.strptime(cleaned, pattern).date()
        except ValueError:
            continue
    return None


def read_finished(
    path: Path, column: str | None = None, limits: ImportLimits | None = None
) -> list[date]:
    """The finishing day of every finished item in the file."""
    limits = limits or ImportLimits()
    if not path.is_file():
        raise InvalidInput([Issue.worded(wording("the file does not exist"), file=path.name)])
    check_size(path, limits.max_bytes)
    try:
        header, body = csv_rows(decode_text(path.read_bytes()))
    except UnreadableText as error:
        raise InvalidInput([Issue.worded(error.wording, file=path.name, line=error.line)]) from None
    wanted = fold_header(column or DEFAULT_COLUMN)
    folded = [fold_header(h) for h in header]
    if wanted not in folded:
        raise InvalidInput(
            [
                Issue.worded(
                    wording(
                        "no date column '{column}'; the columns are {names} "
                        "(name the date column with --date-column)",
                        column=column or DEFAULT_COLUMN,
                        names=", ".join(header),
                    ),
                    file=path.name,
                    row=1,
                )
            ]
        )
    index = folded.index(wanted)
    days: list[date] = []
    issues: list[Issue] = []
    try:
        for number, cells in body:
            cell = cells[index].strip() if index < len(cells) else ""
            if not cell:
                continue
            day = _day(cell)
            if day is None:
                issues.append(
                    Issue.worded(
                        wording("'{value}' is not a date (write it as YYYY-MM-DD)", value=cell),
                        file=path.name,
                        row=number,
                        column=header[index],
                    )
                )
                if len(issues) >= limits.max_issues:
                    break
            else:
                days.append(day)
    except UnreadableText as error:
        raise InvalidInput([Issue.worded(error.wording, file=path.name, line=error.line)]) from None
    if issues:
        raise InvalidInput(issues)
    if not days:
        raise InvalidInput(
            [Issue.worded(wording("the file has no finished items"), file=path.name)]
        )
    return days
