"""Turning the inventory template's cells into typed values, with messages a person can act on."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from produktlyft.inventory.template import FALSE_WORDS, LIST_SEPARATOR, TRUE_WORDS, Column
from produktlyft.kernel.errors import N_, WordedError, wording
from produktlyft.kernel.files.cells import is_blank, parse_number, restore_formula
from produktlyft.kernel.labels import LabelledEnum


def _to_int(value: Any) -> int:
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, int):
        return value
    number = value if isinstance(value, float) else parse_number(str(value))
    if not float(number).is_integer():
        raise ValueError
    return int(number)


def _to_float(value: Any) -> float:
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, int | float):
        return float(value)
    return parse_number(str(value))


def _to_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    word = str(value).strip().casefold()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError


def _to_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    return date.fromisoformat(text[:10])


_EXPECTED = {
    int: N_("'{value}' is not a whole number, such as 1200"),
    float: N_("'{value}' is not a number, such as 1 200 000 or 1200000,50"),
    bool: N_("'{value}' is not ja/nej (or yes/no)"),
    date: N_("'{value}' is not a date written YYYY-MM-DD, such as 2026-03-31"),
}


def convert_cell(column: Column, value: Any) -> Any:
    """The typed value of one cell; WordedError with the message to show on failure."""
    if is_blank(value):
        return [] if column.is_list else None
    quoted = False
    if isinstance(value, str):
        # "'=1+1" is how an export writes the text "=1+1" (no cell is a formula); the
        # quote goes and the text is taken as written, spaces and all
        stripped = value.strip()
        restored = restore_formula(stripped)
        quoted = restored != stripped
        if quoted:
            value = restored
    if column.is_list:
        return [part.strip() for part in str(value).split(LIST_SEPARATOR) if part.strip()]
    kind = column.type
    if isinstance(kind, type) and issubclass(kind, LabelledEnum):
        return kind.parse(str(value).strip())
    converters = {int: _to_int, float: _to_float, bool: _to_bool, date: _to_date}
    if kind in converters:
        try:
            return converters[kind](value)
        except (ValueError, TypeError, OverflowError):
            raise WordedError(wording(_EXPECTED[kind], value=value)) from None
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # an id typed as 1001 arrives from Excel as 1001.0
    if isinstance(value, datetime | date):
        value = value.isoformat()
    return str(value) if quoted else str(value).strip()
