"""Deployment and incident sources: git repositories, CSV/.xlsx exports, and the GitHub and
GitLab API's JSON read from files."""

from __future__ import annotations

from pathlib import Path

from produktlyft.kernel.errors import InvalidInput, Issue, wording
from produktlyft.kernel.files.base import ImportLimits
from produktlyft.outcomes.importers.api_json import read_api_deployments
from produktlyft.outcomes.importers.git_source import read_git_deployments
from produktlyft.outcomes.importers.table_files import read_deployment_table, read_incident_table
from produktlyft.outcomes.model import Deployment, Incident

__all__ = ["read_deployments", "read_incidents"]


def read_deployments(
    path: Path,
    team: str,
    zone: str,
    limits: ImportLimits | None = None,
    *,
    branch: str | None = None,
    tag_pattern: str = "*",
) -> tuple[str, list[Deployment]]:
    """(the kind of source, its deployments), from whichever source `path` is."""
    limits = limits or ImportLimits()
    if path.is_dir():
        return "git", read_git_deployments(str(path), team, branch=branch, tag_pattern=tag_pattern)
    if not path.is_file():
        raise InvalidInput([Issue.worded(wording("the file does not exist"), file=path.name)])
    if path.suffix.lower() == ".json":
        return read_api_deployments(path, team, zone, limits.max_bytes)
    if path.suffix.lower() in (".csv", ".xlsx", ".txt"):
        return "table", read_deployment_table(path, team, zone, limits)
    raise InvalidInput(
        [
            Issue.worded(
                wording(
                    "give a git repository folder, a CSV or .xlsx export, or GitHub/GitLab JSON"
                ),
                file=path.name,
            )
        ]
    )


def read_incidents(
    path: Path, team: str | None, zone: str, limits: ImportLimits | None = None
) -> list[Incident]:
    return read_incident_table(path, team, zone, limits)
