"""Reading spreadsheet cells: blanks, numbers as people write them, and header words."""

from __future__ import annotations

import re
from typing import Any

_CURRENCY = re.compile(r"\s*(kr|sek|kronor|:-)\s*$", re.IGNORECASE)
_SPACES = re.compile(r"[\s\u00a0\u202f']")


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def parse_number(text: str) -> float:
    """Read '1 200 000,50', '1,200,000.50', '1200000' or '12 kr' as numbers."""
    cleaned = _SPACES.sub("", _CURRENCY.sub("", text))
    if "," in cleaned and "." in cleaned:
        if cleaned.rfind(",") > cleaned.rfind("."):
            cleaned = cleaned.replace(".", "").replace(",", ".")
        else:
            cleaned = cleaned.replace(",", "")
    elif "," in cleaned:
        cleaned = cleaned.replace(",", ".")
    return float(cleaned)


def fold_header(text: str) -> str:
    """How a header is compared: case and runs of spaces do not matter."""
    return " ".join(str(text).split()).casefold()


# What a spreadsheet may take for the start of a formula (OWASP, "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _formula_behind_quotes(text: str) -> bool:
    """Whether the text, after any `'` in front, starts like a formula."""
    return text.lstrip("'").startswith(FORMULA_STARTS)


def neutralise_formula(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula, with one `'` in front so that it is
    shown as text; anything else unchanged. Text that already has `'` in front of a formula
    start gets one more, so that `restore_formula` gives every text back exactly."""
    if isinstance(value, str) and _formula_behind_quotes(value):
        return "'" + value
    return value


def restore_formula(value: Any) -> Any:
    """Text as it was before `neutralise_formula`: the one `'` in front of a formula start is
    dropped ("'=1+1" reads "=1+1"; "'Kalle" and "'99" stay as written)."""
    if isinstance(value, str) and value.startswith("'") and _formula_behind_quotes(value):
        return value[1:]
    return value
