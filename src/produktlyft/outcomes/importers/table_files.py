"""Deployments and incidents from CSV or .xlsx exports.

Deployments: `id`, `deployed_at` (required), `environment`, `committed_at`, `failed`,
`rework`, `ref`, `team`. Incidents: `id`, `opened_at` (required), `resolved_at`,
`deployment_id`, `team`. Headers in Swedish or English. A row without an id gets a stable one
from its cells, so importing the same file twice changes nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from produktlyft.kernel.errors import InvalidInput, Issue, WordedError, wording
from produktlyft.kernel.files.base import ImportLimits, error_wording, validation_wording
from produktlyft.kernel.files.cells import is_blank
from produktlyft.kernel.files.simple_table import fold, read_table
from produktlyft.outcomes.importers.times import parse_flag, parse_time
from produktlyft.outcomes.model import Deployment, Incident

_DEPLOYMENT_HEADERS = {
    "id": "id",
    "deployment": "id",
    "driftsättning": "id",
    "team": "team",
    "environment": "environment",
    "miljö": "environment",
    "env": "environment",
    "deployed at": "deployed_at",
    "deployed": "deployed_at",
    "time": "deployed_at",
    "driftsatt": "deployed_at",
    "tidpunkt": "deployed_at",
    "committed at": "committed_at",
    "commit time": "committed_at",
    "first commit": "committed_at",
    "incheckad": "committed_at",
    "första incheckning": "committed_at",
    "failed": "failed",
    "misslyckad": "failed",
    "needed intervention": "failed",
    "rework": "rework",
    "unplanned": "rework",
    "oplanerad": "rework",
    "omarbete": "rework",
    "ref": "ref",
    "sha": "ref",
    "commit": "ref",
    "version": "ref",
    "tag": "ref",
}
_INCIDENT_HEADERS = {
    "id": "id",
    "incident": "id",
    "incident id": "id",
    "team": "team",
    "opened at": "opened_at",
    "opened": "opened_at",
    "started": "opened_at",
    "created": "opened_at",
    "öppnad": "opened_at",
    "start": "opened_at",
    "resolved at": "resolved_at",
    "resolved": "resolved_at",
    "closed": "resolved_at",
    "åtgärdad": "resolved_at",
    "löst": "resolved_at",
    "deployment id": "deployment_id",
    "deployment": "deployment_id",
    "caused by": "deployment_id",
    "orsakad av": "deployment_id",
    "driftsättning": "deployment_id",
}
_TIMES = {"deployed_at", "committed_at", "opened_at", "resolved_at"}
_FLAGS = {"failed", "rework"}


def _stable_id(prefix: str, row: dict[str, Any]) -> str:
    key = "|".join(f"{k}={row[k]}" for k in sorted(row))
    return prefix + hashlib.sha1(key.encode()).hexdigest()[:12]


def _cells(
    path: Path, number: int, row: dict[str, Any], zone: str, issues: list[Issue]
) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for field, value in row.items():
        if is_blank(value):
            continue
        try:
            if field in _TIMES:
                value = parse_time(value, zone)
            elif field in _FLAGS:
                value = parse_flag(value)
            else:
                value = str(value).strip()
        except WordedError as error:
            issues.append(
                Issue.worded(error_wording(error), file=path.name, row=number, column=field)
            )
            continue
        data[field] = value
    return data


def _read(
    path: Path,
    headers: dict[str, str],
    required_time: str,
    build: Callable[[dict[str, Any]], Any],
    team: str | None,
    zone: str,
    limits: ImportLimits | None,
) -> list[Any]:
    issues: list[Issue] = []
    records: list[Any] = []
    folded = {fold(k): v for k, v in headers.items()}
    for number, row in read_table(path, folded, {required_time}, limits):
        data = _cells(path, number, row, zone, issues)
        if required_time not in data:
            if not any(i.row == number and i.column == required_time for i in issues):
                issues.append(
                    Issue.worded(
                        wording("the row has no date in '{field}'", field=required_time),
                        file=path.name,
                        row=number,
                        column=required_time,
                    )
                )
            continue
        if team:
            data["team"] = team  # --team names whose deployments these are
        data.setdefault("id", _stable_id("", {k: str(v) for k, v in data.items()}))
        try:
            records.append(build({**data, "source": path.name}))
        except ValidationError as error:
            issues.extend(
                Issue.worded(
                    validation_wording(e),
                    file=path.name,
                    row=number,
                    column=".".join(str(p) for p in e["loc"]) or None,
                )
                for e in error.errors()
            )
    if issues:
        raise InvalidInput(issues)
    return records


def read_deployment_table(
    path: Path, team: str | None, zone: str, limits: ImportLimits | None = None
) -> list[Deployment]:
    return _read(
        path, _DEPLOYMENT_HEADERS, "deployed_at", Deployment.model_validate, team, zone, limits
    )


def read_incident_table(
    path: Path, team: str | None, zone: str, limits: ImportLimits | None = None
) -> list[Incident]:
    return _read(path, _INCIDENT_HEADERS, "opened_at", Incident.model_validate, team, zone, limits)
