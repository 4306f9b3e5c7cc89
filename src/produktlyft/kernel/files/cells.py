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
