"""Key results from CSV or .xlsx: `objective`, `key_result` (the text), and optionally
`metric`, `baseline`, `target`, `due`, `team`, `quarter`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from produktlyft.kernel.errors import InvalidInput, Issue, WordedError, wording
from produktlyft.kernel.files.base import ImportLimits, error_wording
from produktlyft.kernel.files.cells import is_blank, parse_number
from produktlyft.kernel.files.simple_table import fold, read_table
from produktlyft.kernel.files.text import csv_rows, decode_text

_HEADERS = {
    "objective": "objective",
    "mål": "objective",
    "målsättning": "objective",
    "key result": "key_result",
    "nyckelresultat": "key_result",
    "kr": "key_result",
    "metric": "metric",
    "mått": "metric",
    "baseline": "baseline",
    "utgångsläge": "baseline",
    "nuläge": "baseline",
    "target": "target",
    "målvärde": "target",
    "due": "due",
    "senast": "due",
    "datum": "due",
    "team": "team",
    "quarter": "quarter",
    "kvartal": "quarter",
}


@dataclass(frozen=True)
class KeyResultRow:
    row: int
    objective: str
    text: str
    metric: str | None
    baseline: float | None
    target: float | None
    due: date | None
    team: str | None
    quarter: str | None


def _number(value: Any) -> float:
    if isinstance(value, int | float):
        return float(value)
    try:
        return parse_number(str(value).strip().rstrip("%"))
    except ValueError:
        raise WordedError(wording("'{value}' is not a number", value=value)) from None


def _day(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise WordedError(
            wording("'{value}' is not a date; write it as 2026-12-31", value=value)
        ) from None


_READERS = {"baseline": _number, "target": _number, "due": _day}


def _other_columns(path: Path) -> dict[str, str]:
    """Columns the checker does not read (an expected verdict, notes), so a list kept for
    other purposes can be checked as it is; each maps to a field nobody reads."""
    header: list[Any] = []
    try:
        if path.suffix.lower() == ".xlsx":
            sheet = load_workbook(path, read_only=True, data_only=True).worksheets[0]
            header = list(next(sheet.iter_rows(values_only=True), ()))
        elif path.is_file():
            header = csv_rows(decode_text(path.read_bytes()))[0]
    except Exception:  # read_table reports an unreadable file with its location
        return {}
    known = {fold(k) for k in _HEADERS}
    return {fold(str(h)): f"ignored:{h}" for h in header if h and fold(str(h)) not in known}


def read_key_result_table(
    path: Path, limits: ImportLimits | None = None, *, other_columns: bool = False
) -> list[KeyResultRow]:
    """The rows of a key-result list; with `other_columns`, columns it does not know are
    passed over instead of refused (the check reads only the text and its fields)."""
    issues: list[Issue] = []
    rows: list[KeyResultRow] = []
    headers = {fold(k): v for k, v in _HEADERS.items()}
    if other_columns:
        headers.update(_other_columns(path))
    for number, row in read_table(path, headers, {"objective", "key_result"}, limits):
        data: dict[str, Any] = {}
        for field, cell in row.items():
            if is_blank(cell) or field.startswith("ignored:"):
                continue
            try:
                data[field] = _READERS[field](cell) if field in _READERS else str(cell).strip()
            except WordedError as error:
                issues.append(
                    Issue.worded(error_wording(error), file=path.name, row=number, column=field)
                )
        for field in ("objective", "key_result"):
            if field not in data:
                issues.append(
                    Issue.worded(
                        wording("the cell is empty"), file=path.name, row=number, column=field
                    )
                )
        if issues:
            continue
        rows.append(
            KeyResultRow(
                number,
                data["objective"],
                data["key_result"],
                data.get("metric"),
                data.get("baseline"),
                data.get("target"),
                data.get("due"),
                data.get("team"),
                data.get("quarter"),
            )
        )
    if issues:
        raise InvalidInput(issues)
    return rows
