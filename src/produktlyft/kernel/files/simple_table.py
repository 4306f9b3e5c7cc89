"""One table from a CSV or the first sheet of an .xlsx, as rows keyed by folded header.

For the small register-style imports (decisions, decision rights, DiMiOS scores), where each
file is one table with a header row in Swedish or English.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from produktlyft.kernel.errors import InvalidInput, Issue, wording
from produktlyft.kernel.files.base import ImportLimits
from produktlyft.kernel.files.cells import fold_header
from produktlyft.kernel.files.safety import check_size, check_zip
from produktlyft.kernel.files.text import UnreadableText, csv_rows, decode_text

Row = tuple[int, dict[str, Any]]  # (row number as the user sees it, field -> cell)


def read_table(
    path: Path, headers: Mapping[str, str], required: set[str], limits: ImportLimits | None = None
) -> Iterator[Row]:
    """Rows of the file, each cell keyed by the field its header names. `headers` maps folded
    header words (either language) to field names; unknown columns are an error, so a typo is
    never silently dropped."""
    limits = limits or ImportLimits()
    if not path.is_file():
        raise InvalidInput([Issue.worded(wording("the file does not exist"), file=path.name)])
    check_size(path, limits.max_bytes)
    if path.suffix.lower() == ".xlsx":
        check_zip(path, limits.max_unpacked_bytes)
        try:
            workbook = load_workbook(path, read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds for damaged files
            cause = f"{type(error).__name__}: {error}"
            raise InvalidInput(
                [
                    Issue.worded(
                        wording(
                            "the workbook cannot be read ({error}); it may be truncated or "
                            "damaged: save it again from Excel",
                            error=cause,
                        ),
                        file=path.name,
                    )
                ]
            ) from error
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header: list[Any] = list(next(rows, ()))
        body: Iterator[tuple[int, list[Any]]] = (
            (number, list(row)) for number, row in enumerate(rows, start=2)
        )
    else:
        try:
            header, body = csv_rows(decode_text(path.read_bytes()))
        except UnreadableText as error:
            raise _unreadable(path, error) from None
    fields = _map_header(path, header, headers, required)
    try:
        for number, cells in body:
            if all(cell is None or not str(cell).strip() for cell in cells):
                continue
            yield (
                number,
                {field: cells[i] if i < len(cells) else None for i, field in fields.items()},
            )
    except UnreadableText as error:
        raise _unreadable(path, error) from None


def _unreadable(path: Path, error: UnreadableText) -> InvalidInput:
    return InvalidInput(
        [Issue.worded(error.wording, file=path.name, line=error.line, row=error.row)]
    )


def fold(text: str) -> str:
    """How headers are compared: case, spacing, '_' and '-' do not matter."""
    return fold_header(text.replace("_", " ").replace("-", " "))


def _map_header(
    path: Path, header: list[Any], headers: Mapping[str, str], required: set[str]
) -> dict[int, str]:
    fields: dict[int, str] = {}
    issues = []
    for index, cell in enumerate(header):
        if cell is None or not str(cell).strip():
            continue
        field = headers.get(fold(str(cell)))
        if field is None:
            issues.append(
                Issue.worded(
                    wording(
                        "unknown column; expected one of {names}",
                        names=", ".join(sorted(set(headers))),
                    ),
                    file=path.name,
                    row=1,
                    column=str(cell),
                )
            )
        else:
            fields[index] = field
    missing = required - set(fields.values())
    if missing:
        issues.append(
            Issue.worded(
                wording("missing column(s): {names}", names=", ".join(sorted(missing))),
                file=path.name,
                row=1,
            )
        )
    if issues:
        raise InvalidInput(issues)
    return fields
