"""Service KPI values from CSV or .xlsx: `service`, `kpi`, `month` (2026-03 or a date in the
month), `value`; optionally `service_name`. Shares may be written 0.62, 62 % or 62."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from produktlyft.kernel.errors import InvalidInput, Issue, WordedError, wording
from produktlyft.kernel.files.base import ImportLimits, error_wording, validation_wording
from produktlyft.kernel.files.cells import is_blank, parse_number
from produktlyft.kernel.files.simple_table import fold, read_table
from produktlyft.outcomes.model import Kpi, KpiValue

_HEADERS = {
    "service": "service_id",
    "service id": "service_id",
    "tjänst": "service_id",
    "e-tjänst": "service_id",
    "service name": "service_name",
    "tjänstens namn": "service_name",
    "kpi": "kpi",
    "nyckeltal": "kpi",
    "measure": "kpi",
    "mått": "kpi",
    "month": "period_start",
    "period": "period_start",
    "månad": "period_start",
    "value": "value",
    "värde": "value",
}


def parse_month(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date().replace(day=1)
    if isinstance(value, date):
        return value.replace(day=1)
    text = str(value).strip()
    try:
        if len(text) == 7:
            return date.fromisoformat(text + "-01")
        return date.fromisoformat(text[:10]).replace(day=1)
    except ValueError:
        raise WordedError(
            wording("'{value}' is not a month; write it as 2026-03", value=value)
        ) from None


def parse_value(value: Any, kpi: Kpi) -> float:
    if isinstance(value, int | float):
        number = float(value)
        text = ""
    else:
        text = str(value).strip()
        try:
            number = parse_number(text.rstrip("%").strip())
        except ValueError:
            raise WordedError(wording("'{value}' is not a number", value=value)) from None
    if kpi.is_share and (text.endswith("%") or number > 1):
        number /= 100
    if kpi.is_share and not 0 <= number <= 1:
        raise WordedError(wording("a share lies between 0 and 100 %, not {value}", value=value))
    return number


def _row_data(
    path: Path, number: int, row: dict[str, Any], required: set[str], issues: list[Issue]
) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for field in ("service_id", "service_name", "kpi", "period_start"):
        cell = row.get(field)
        if is_blank(cell):
            if field in required:
                issues.append(
                    Issue.worded(
                        wording("the cell is empty"), file=path.name, row=number, column=field
                    )
                )
            continue
        try:
            if field == "kpi":
                data[field] = Kpi.parse(str(cell))
            elif field == "period_start":
                data[field] = parse_month(cell)
            else:
                data[field] = str(cell).strip()
        except WordedError as error:
            issues.append(
                Issue.worded(error_wording(error), file=path.name, row=number, column=field)
            )
    if is_blank(row.get("value")):
        issues.append(
            Issue.worded(wording("the cell is empty"), file=path.name, row=number, column="value")
        )
    elif "kpi" in data:
        try:
            data["value"] = parse_value(row["value"], data["kpi"])
        except WordedError as error:
            issues.append(
                Issue.worded(error_wording(error), file=path.name, row=number, column="value")
            )
    return data


def read_kpi_table(
    path: Path, limits: ImportLimits | None = None
) -> tuple[list[KpiValue], dict[str, str]]:
    """(the values, service id -> name where the file names it); all rows or none."""
    issues: list[Issue] = []
    values: list[KpiValue] = []
    names: dict[str, str] = {}
    required = {"service_id", "kpi", "period_start", "value"}
    headers = {fold(k): v for k, v in _HEADERS.items()}
    for number, row in read_table(path, headers, required, limits):
        data = _row_data(path, number, row, required, issues)
        name = data.pop("service_name", None)
        if not required <= set(data):
            continue
        try:
            values.append(KpiValue.model_validate({**data, "source": path.name}))
        except ValidationError as error:
            issues.extend(
                Issue.worded(validation_wording(e), file=path.name, row=number)
                for e in error.errors()
            )
        if name:
            names[data["service_id"]] = name
    if issues:
        raise InvalidInput(issues)
    return values, names
