"""A pilot's registration from YAML or JSON, and an uploaded metric series from CSV or .xlsx.

Registration file: the fields of `PilotRegistration` (id, name, hypothesis, metric, pilot_team,
comparison_teams, pre_start, pre_end, post_start, post_end, min_effect, direction, events).
Series file: columns team, period (a date, or a month as YYYY-MM) and value.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from produktlyft.kernel.errors import InvalidInput, Issue, wording
from produktlyft.kernel.files.base import ImportLimits, validation_wording
from produktlyft.kernel.files.cells import is_blank, parse_number
from produktlyft.kernel.files.simple_table import read_table
from produktlyft.pilots.model import PilotRegistration, SeriesValue

_SERIES_HEADERS = {
    "team": "team",
    "period": "period",
    "period start": "period",
    "period_start": "period",
    "månad": "period",
    "vecka": "period",
    "period från": "period",
    "value": "value",
    "värde": "value",
}


def registration_issues(error: ValidationError, file: str | None = None) -> list[Issue]:
    """Each pydantic error as an issue naming the field."""
    return [
        Issue.worded(
            validation_wording(e),
            file=file,
            column=".".join(str(part) for part in e["loc"]) or None,
        )
        for e in error.errors()
    ]


def parse_registration(data: Any, file: str | None = None) -> PilotRegistration:
    if not isinstance(data, dict):
        raise InvalidInput(
            [Issue.worded(wording("the file must hold one registration (a mapping)"), file=file)]
        )
    try:
        return PilotRegistration.model_validate(data)
    except ValidationError as error:
        raise InvalidInput(registration_issues(error, file)) from None


def read_registration(path: Path) -> PilotRegistration:
    if not path.is_file():
        raise InvalidInput([Issue.worded(wording("the file does not exist"), file=path.name)])
    text = path.read_text(encoding="utf-8")
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except (json.JSONDecodeError, yaml.YAMLError) as error:
        raise InvalidInput(
            [
                Issue.worded(
                    wording("the file cannot be read as YAML or JSON: {error}", error=error),
                    file=path.name,
                )
            ]
        ) from None
    return parse_registration(data, path.name)


def _period(cell: Any) -> date:
    if isinstance(cell, date):
        return cell
    text = str(cell).strip()
    if len(text) == 7:  # YYYY-MM
        text += "-01"
    return date.fromisoformat(text[:10])


def read_series(path: Path, limits: ImportLimits | None = None) -> list[SeriesValue]:
    """Every row or none: a row naming no team, no readable period or no number is an issue."""
    issues: list[Issue] = []
    values: dict[tuple[str, date], SeriesValue] = {}
    rows = read_table(path, _SERIES_HEADERS, {"team", "period", "value"}, limits)
    for number, row in rows:
        where = {"file": path.name, "row": number}
        if is_blank(row.get("team")):
            issues.append(Issue.worded(wording("the team is missing"), column="team", **where))
            continue
        try:
            period = _period(row["period"])
        except (TypeError, ValueError):
            issues.append(
                Issue.worded(
                    wording("'{value}' is not a date", value=row.get("period")),
                    column="period",
                    **where,
                )
            )
            continue
        cell = row.get("value")
        try:
            value = float(cell) if isinstance(cell, int | float) else parse_number(str(cell))
        except (TypeError, ValueError):
            issues.append(
                Issue.worded(
                    wording("'{value}' is not a number", value=cell), column="value", **where
                )
            )
            continue
        team = str(row["team"]).strip()
        values[(team, period)] = SeriesValue(team=team, period_start=period, value=value)
    if issues:
        raise InvalidInput(issues)
    if not values:
        raise InvalidInput([Issue.worded(wording("the file has no rows"), file=path.name)])
    return sorted(values.values(), key=lambda v: (v.team, v.period_start))
