"""The decision register and the decision-rights matrix from CSV or .xlsx.

Decisions: one row per recommendation; columns (Swedish or English) id, title, team, kind,
level (who decides), proposed_on, decided_on, outcome, description, notes. Rights: team, kind,
level. A row without an id gets a stable one from team, title and date, so importing the same
file twice changes nothing.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from produktlyft.decisions.model import (
    Decision,
    DecisionKind,
    DecisionLevel,
    DecisionRight,
    Outcome,
)
from produktlyft.kernel.errors import InvalidInput, Issue, wording
from produktlyft.kernel.files.base import ImportLimits, error_wording, validation_wording
from produktlyft.kernel.files.cells import is_blank
from produktlyft.kernel.files.simple_table import fold, read_table

_DECISION_HEADERS = {
    "id": "id",
    "title": "title",
    "rubrik": "title",
    "förslag": "title",
    "recommendation": "title",
    "rekommendation": "title",
    "description": "description",
    "beskrivning": "description",
    "team": "team",
    "kind": "kind",
    "typ": "kind",
    "beslutstyp": "kind",
    "level": "level",
    "who decides": "level",
    "decided by": "level",
    "beslutsnivå": "level",
    "vem beslutar": "level",
    "proposed on": "proposed_on",
    "proposed": "proposed_on",
    "föreslagen": "proposed_on",
    "föreslaget": "proposed_on",
    "decided on": "decided_on",
    "decided": "decided_on",
    "beslutad": "decided_on",
    "beslutsdatum": "decided_on",
    "outcome": "outcome",
    "utfall": "outcome",
    "beslut": "outcome",
    "notes": "notes",
    "anteckningar": "notes",
}
_RIGHT_HEADERS = {
    "team": "team",
    "kind": "kind",
    "typ": "kind",
    "beslutstyp": "kind",
    "level": "level",
    "who decides": "level",
    "beslutsnivå": "level",
    "vem beslutar": "level",
}
_ENUMS: dict[str, Any] = {"kind": DecisionKind, "level": DecisionLevel, "outcome": Outcome}


def _headers(mapping: dict[str, str]) -> dict[str, str]:
    return {fold(key): value for key, value in mapping.items()}


def _cells(path: Path, number: int, row: dict[str, Any], issues: list[Issue]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for field, value in row.items():
        if is_blank(value):
            continue
        if hasattr(value, "date") and callable(value.date):
            value = value.date()  # Excel gives datetimes for dates
        if field in _ENUMS:
            try:
                value = _ENUMS[field].parse(str(value).strip())
            except ValueError as error:
                issues.append(
                    Issue.worded(error_wording(error), file=path.name, row=number, column=field)
                )
                continue
        data[field] = value.strip() if isinstance(value, str) else value
    return data


def _stable_id(data: dict[str, Any]) -> str:
    key = "|".join(str(data.get(f, "")) for f in ("team", "title", "proposed_on"))
    return "d-" + hashlib.sha1(key.encode()).hexdigest()[:10]


def _validation_issues(path: Path, number: int, error: ValidationError) -> list[Issue]:
    return [
        Issue.worded(
            validation_wording(e),
            file=path.name,
            row=number,
            column=".".join(str(p) for p in e["loc"]) or None,
        )
        for e in error.errors()
    ]


def read_decisions(path: Path, limits: ImportLimits | None = None) -> list[Decision]:
    issues: list[Issue] = []
    decisions: list[Decision] = []
    seen: dict[str, int] = {}
    required = {"title", "team", "level", "proposed_on"}
    for number, row in read_table(path, _headers(_DECISION_HEADERS), required, limits):
        data = _cells(path, number, row, issues)
        data.setdefault("id", _stable_id(data))
        data["id"] = str(data["id"])
        if data.get("decided_on") and "outcome" not in data:
            issues.append(
                Issue.worded(
                    wording("a decided recommendation needs its outcome"),
                    file=path.name,
                    row=number,
                    column="outcome",
                )
            )
            continue
        try:
            decision = Decision.model_validate({**data, "source": path.name})
        except ValidationError as error:
            issues.extend(_validation_issues(path, number, error))
            continue
        if decision.id in seen:
            issues.append(
                Issue.worded(
                    wording(
                        "the id '{id}' is also on row {row}", id=decision.id, row=seen[decision.id]
                    ),
                    file=path.name,
                    row=number,
                    column="id",
                )
            )
            continue
        seen[decision.id] = number
        decisions.append(decision)
    if issues:
        raise InvalidInput(issues)
    return decisions


def read_rights(path: Path, limits: ImportLimits | None = None) -> list[DecisionRight]:
    issues: list[Issue] = []
    rights: list[DecisionRight] = []
    for number, row in read_table(
        path, _headers(_RIGHT_HEADERS), {"team", "kind", "level"}, limits
    ):
        data = _cells(path, number, row, issues)
        try:
            rights.append(DecisionRight.model_validate(data))
        except ValidationError as error:
            issues.extend(_validation_issues(path, number, error))
    if issues:
        raise InvalidInput(issues)
    return rights


FORM_FIELDS = (
    "id",
    "title",
    "description",
    "team",
    "kind",
    "level",
    "proposed_on",
    "decided_on",
    "outcome",
    "notes",
)


def decision_from_form(fields: dict[str, str]) -> Decision:
    """One recommendation from the web form's fields; every problem is named by its field.
    A blank id is made from the team, title and day, as for an imported row without one."""
    issues: list[Issue] = []
    data: dict[str, Any] = {}
    for field in FORM_FIELDS:
        value = (fields.get(field) or "").strip()
        if not value:
            continue
        if field in _ENUMS:
            try:
                data[field] = _ENUMS[field].parse(value)
            except ValueError as error:
                issues.append(Issue.worded(error_wording(error), column=field))
            continue
        data[field] = value
    if issues:
        raise InvalidInput(issues)
    data.setdefault("id", _stable_id(data))
    try:
        return Decision.model_validate({**data, "source": "web"})
    except ValidationError as error:
        raise InvalidInput(
            [
                # the checks across fields (dates and outcome) are about the decision's date
                Issue.worded(
                    validation_wording(e),
                    column=".".join(str(p) for p in e["loc"]) or "decided_on",
                )
                for e in error.errors()
            ]
        ) from None
