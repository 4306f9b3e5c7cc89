"""Deployments from the JSON that the GitHub and GitLab APIs return, read from files (the tool
makes no network calls).

- GitHub `GET /repos/{owner}/{repo}/deployments`: a list of deployments; the statuses of each
  (`GET …/deployments/{id}/statuses`) either inline as `statuses` or in an object
  `{"deployments": [...], "statuses": {"<id>": [...]}}`. With statuses, a deployment counts
  when one says `success`, at that time, and is marked failed when a later one says `failure`
  or `error`; without statuses, it counts at `created_at`.
- GitHub `GET /repos/{owner}/{repo}/releases`: each published release that is not a draft is
  a deployment to `production` (`prerelease` to `prerelease`) at `published_at`.
- GitLab `GET /projects/:id/deployments`: `status` `success` counts at `finished_at` (else
  `updated_at`), in `environment.name`; the change's commit time comes from
  `deployable.commit.created_at`. `failed` and `canceled` never reached the environment.
- GitLab `GET /projects/:id/releases`: `released_at`, the commit time from `commit.created_at`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from produktlyft.kernel.errors import InvalidInput, Issue, WordedError, wording
from produktlyft.kernel.files.base import error_wording, validation_wording
from produktlyft.outcomes.importers.times import parse_time
from produktlyft.outcomes.model import Deployment

_FAILED_STATES = {"failure", "error"}


def _load(path: Path, max_bytes: int) -> Any:
    if path.stat().st_size > max_bytes:
        raise InvalidInput(
            [
                Issue.worded(
                    wording("the file is larger than {n} bytes", n=max_bytes), file=path.name
                )
            ]
        )
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InvalidInput(
            [Issue.worded(wording("not valid JSON: {error}", error=error), file=path.name)]
        ) from None


def _kind(document: Any) -> tuple[str, list[dict[str, Any]], dict[str, list[Any]]]:
    statuses: dict[str, list[Any]] = {}
    if isinstance(document, dict) and isinstance(document.get("deployments"), list):
        statuses = {str(k): v for k, v in (document.get("statuses") or {}).items()}
        document = document["deployments"]
    if not isinstance(document, list) or not all(isinstance(i, dict) for i in document):
        raise WordedError(
            wording("expected a list of deployments or releases as the GitHub or GitLab API gives")
        )
    first = document[0] if document else {}
    if "tag_name" in first and "released_at" in first:
        return "gitlab-release", document, statuses
    if "tag_name" in first:
        return "github-release", document, statuses
    if "deployable" in first or "iid" in first or isinstance(first.get("environment"), dict):
        return "gitlab-deployment", document, statuses
    return "github-deployment", document, statuses


def _github_deployment(
    item: dict[str, Any], statuses: list[dict[str, Any]], zone: str
) -> dict[str, Any] | None:
    data: dict[str, Any] = {
        "id": f"github-{item.get('id')}",
        "environment": str(item.get("environment") or ""),
        "ref": item.get("sha") or item.get("ref"),
    }
    states = sorted(statuses, key=lambda s: str(s.get("created_at")))
    if not states:
        data["deployed_at"] = _time(item, "created_at", zone)
        return data
    success = next((s for s in states if s.get("state") == "success"), None)
    if success is None:
        return None  # it never reached the environment
    data["deployed_at"] = _time(success, "created_at", zone)
    later = [s for s in states if str(s.get("created_at")) > str(success.get("created_at"))]
    data["failed"] = any(s.get("state") in _FAILED_STATES for s in later)
    return data


def _github_release(item: dict[str, Any], zone: str) -> dict[str, Any] | None:
    if item.get("draft"):
        return None
    return {
        "id": f"github-release-{item.get('id', item.get('tag_name'))}",
        "environment": "prerelease" if item.get("prerelease") else "production",
        "ref": item.get("tag_name"),
        "deployed_at": _time(item, "published_at", zone),
    }


def _gitlab_deployment(item: dict[str, Any], zone: str) -> dict[str, Any] | None:
    if item.get("status", "success") != "success":
        return None
    environment = item.get("environment")
    commit = (item.get("deployable") or {}).get("commit") or {}
    data = {
        "id": f"gitlab-{item.get('id')}",
        "environment": str(environment.get("name") if isinstance(environment, dict) else ""),
        "ref": item.get("sha") or item.get("ref"),
        "deployed_at": _time(
            item, "finished_at" if item.get("finished_at") else "updated_at", zone
        ),
    }
    if commit.get("created_at"):
        data["committed_at"] = _time(commit, "created_at", zone)
    return data


def _gitlab_release(item: dict[str, Any], zone: str) -> dict[str, Any] | None:
    data = {
        "id": f"gitlab-release-{item.get('tag_name')}",
        "environment": "production",
        "ref": item.get("tag_name"),
        "deployed_at": _time(item, "released_at", zone),
    }
    commit = item.get("commit") or {}
    if commit.get("created_at"):
        data["committed_at"] = _time(commit, "created_at", zone)
    return data


def _time(item: dict[str, Any], field: str, zone: str) -> Any:
    value = item.get(field)
    if value in (None, ""):
        raise WordedError(wording("no date in '{field}'", field=field))
    return parse_time(value, zone)


def read_api_deployments(
    path: Path, team: str, zone: str, max_bytes: int = 50_000_000
) -> tuple[str, list[Deployment]]:
    """(the API the file came from, its deployments); all or none."""
    document = _load(path, max_bytes)
    try:
        kind, items, statuses = _kind(document)
    except WordedError as error:
        raise InvalidInput([Issue.worded(error.wording, file=path.name)]) from None
    issues: list[Issue] = []
    deployments: list[Deployment] = []
    for number, item in enumerate(items, start=1):
        where = {"file": path.name, "element": f"[{number}]"}
        try:
            if kind == "github-deployment":
                inline = item.get("statuses") or statuses.get(str(item.get("id")), [])
                data = _github_deployment(item, inline, zone)
            elif kind == "github-release":
                data = _github_release(item, zone)
            elif kind == "gitlab-deployment":
                data = _gitlab_deployment(item, zone)
            else:
                data = _gitlab_release(item, zone)
        except WordedError as error:
            issues.append(Issue.worded(error_wording(error), **where))
            continue
        if data is None:
            continue
        try:
            deployments.append(Deployment.model_validate({**data, "team": team, "source": kind}))
        except ValidationError as error:
            issues.extend(Issue.worded(validation_wording(e), **where) for e in error.errors())
    if issues:
        raise InvalidInput(issues)
    return kind, deployments
