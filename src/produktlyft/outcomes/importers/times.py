"""Times as exports write them: ISO 8601 with or without an offset, a date alone, or an
Excel datetime. A time without an offset is read in the organisation's time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from produktlyft.kernel.errors import WordedError, wording


def parse_time(value: Any, zone: str) -> datetime:
    """A timezone-aware UTC datetime, or WordedError naming what was found."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime.combine(value, time(0, 0))
    else:
        text = str(value).strip()
        if text.endswith("Z"):
            text = text[:-1] + "+00:00"
        try:
            moment = datetime.fromisoformat(text.replace(" UTC", "+00:00"))
        except ValueError:
            raise WordedError(
                wording(
                    "'{value}' is not a time; write it as 2026-03-31T14:05:00+02:00 or "
                    "2026-03-31 14:05",
                    value=value,
                )
            ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(zone))
    return moment.astimezone(UTC)


def parse_flag(value: Any) -> bool:
    text = str(value).strip().casefold()
    if text in ("1", "true", "yes", "ja", "sant", "y", "j", "x", "failed", "failure"):
        return True
    if text in ("0", "false", "no", "nej", "falskt", "n", "", "success", "ok"):
        return False
    raise WordedError(wording("'{value}' is not yes or no", value=value))
