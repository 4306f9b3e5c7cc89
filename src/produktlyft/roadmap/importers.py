"""Initiatives from CSV or .xlsx (the first sheet), in the columns the export writes.

Lists (teams, systems, capabilities) are separated by ";"; a dependency is the predecessor's
id, with "+N" for a lag of N weeks ("a+2; b"); the cost-of-delay basis is JSON; what the target
does to open interfaces is a code or a label in either language ("drops", "behåller öppna
gränssnitt"), empty for not stated. Text that
starts like a formula was written with a "'" in front by the export and is read back without
it. Every problem is reported with its row and column, and nothing is returned unless the
whole file is good.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from produktlyft.interop.model import TargetInterfaces
from produktlyft.kernel.errors import InvalidInput, Issue, WordedError, wording
from produktlyft.kernel.files.base import ImportLimits, error_wording, validation_wording
from produktlyft.kernel.files.cells import is_blank, parse_number, restore_formula
from produktlyft.kernel.files.simple_table import fold, read_table
from produktlyft.roadmap.columns import COLUMNS, LISTS, NUMBERS, SEPARATOR
from produktlyft.roadmap.model import Dependency, FindingRef, Initiative

DATES = {"earliest_start", "deadline"}
# Swedish headers beside the field names
_SWEDISH = {
    "namn": "name",
    "typ": "kind",
    "beskrivning": "description",
    "insats veckor": "effort_weeks",
    "utförare": "sourcing",
    "kostnad": "cost_sek",
    "förseningskostnad per vecka": "cost_of_delay_sek_per_week",
    "beroenden": "dependencies",
    "tidigast start": "earliest_start",
    "senast klar": "deadline",
    "system": "system_ids",
    "målets gränssnitt": "target_interfaces",
    "öppna standarder": "target_standards",
}


def _headers() -> dict[str, str]:
    return {fold(c): c for c in COLUMNS} | {fold(k): v for k, v in _SWEDISH.items()}


def _dependencies(text: str) -> list[Dependency]:
    found = []
    for part in text.split(SEPARATOR):
        name, _, lag = part.strip().rpartition("+") if "+" in part else (part.strip(), "", "0")
        if not name.strip():
            continue
        if not lag.strip().isdigit():
            raise WordedError(
                wording("'{value}' is not an id with an optional +weeks", value=part.strip())
            )
        found.append(Dependency(predecessor=name.strip(), lag_weeks=int(lag)))
    return found


def _cell(column: str, value: Any) -> Any:
    if isinstance(value, str):
        value = restore_formula(value.strip())
    if column in LISTS:
        return [p.strip() for p in str(value).split(SEPARATOR) if p.strip()]
    if column == "dependencies":
        return _dependencies(str(value))
    if column in NUMBERS:
        if isinstance(value, int | float):
            return float(value)
        try:
            return parse_number(str(value))
        except ValueError:
            raise WordedError(wording("'{value}' is not a number", value=value)) from None
    if column in DATES:
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            raise WordedError(
                wording("'{value}' is not a date written YYYY-MM-DD", value=value)
            ) from None
    if column == "target_interfaces":
        return TargetInterfaces.parse(str(value))
    if column == "cost_of_delay_basis":
        return _basis(value)
    return str(value)


def _basis(value: Any) -> dict[str, str]:
    try:
        basis = json.loads(str(value))
    except json.JSONDecodeError:
        raise WordedError(wording("'{value}' is not a JSON object", value=value)) from None
    if not isinstance(basis, dict):
        raise WordedError(wording("'{value}' is not a JSON object", value=value))
    return {str(k): str(v) for k, v in basis.items()}


def _row(path: Path, number: int, row: dict[str, Any], issues: list[Issue]) -> Initiative | None:
    data: dict[str, Any] = {}
    failed = False
    for column, value in row.items():
        if is_blank(value):
            continue
        try:
            data[column] = _cell(column, value)
        except ValueError as error:
            issues.append(
                Issue.worded(error_wording(error), file=path.name, row=number, column=column)
            )
            failed = True
    if failed:
        return None
    source = {k: data.pop(k) for k in ("source_kind", "source_key", "source_run_id") if k in data}
    try:
        if source.get("source_kind") and source.get("source_key"):
            data["source"] = FindingRef(
                kind=source["source_kind"],
                key=source["source_key"],
                run_id=source.get("source_run_id"),
            )
        return Initiative.model_validate(data)
    except ValidationError as error:
        for problem in error.errors():
            issues.append(
                Issue.worded(
                    validation_wording(problem),
                    file=path.name,
                    row=number,
                    column=".".join(str(p) for p in problem["loc"]) or None,
                    element=str(data.get("id", "")) or None,
                )
            )
        return None


def initiative_from_fields(fields: dict[str, str], where: str) -> Initiative:
    """One initiative from a form's text fields (the import's columns): InvalidInput naming
    the initiative (`where`) and each field that is wrong."""
    issues: list[Issue] = []
    row = {k: v for k, v in fields.items() if k in COLUMNS}
    for key in LISTS | {"dependencies", "cost_of_delay_basis"}:
        row.setdefault(key, "")
    found = _row(Path(where), 0, row, issues)
    if found is None:
        raise InvalidInput(
            [i.model_copy(update={"file": None, "row": None, "element": where}) for i in issues]
        )
    return found


def read_initiatives(path: Path, limits: ImportLimits | None = None) -> list[Initiative]:
    issues: list[Issue] = []
    found: list[Initiative] = []
    seen: dict[str, int] = {}
    for number, row in read_table(path, _headers(), {"id", "name", "kind", "effort_weeks"}, limits):
        initiative = _row(path, number, row, issues)
        if initiative is None:
            continue
        if initiative.id in seen:
            issues.append(
                Issue.worded(
                    wording(
                        "the id '{id}' is also on row {row}",
                        id=initiative.id,
                        row=seen[initiative.id],
                    ),
                    file=path.name,
                    row=number,
                    column="id",
                )
            )
            continue
        seen[initiative.id] = number
        found.append(initiative)
    if issues:
        raise InvalidInput(issues)
    return found
