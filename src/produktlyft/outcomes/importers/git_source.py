"""Deployments from a git repository, through the review's git reader (`opened_repository`,
which also checks that the folder is a repository).

Two rules:
- tags (the default when the repository has tags matching the pattern): each tag is a
  production deployment at the tag's date; its change is the commits since the previous tag,
  and the lead time runs from the earliest of them;
- a deploy branch (`branch`, for repositories deployed on merge): each commit on the
  branch's first-parent line is a deployment at its commit date; a merge's change is the
  commits it brought in, and the lead time runs from the earliest authored of them.
One `git log` reads the whole history; tags add one `for-each-ref`.
"""

from __future__ import annotations

import fnmatch
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from produktlyft.kernel.errors import InvalidInput, Issue, wording
from produktlyft.outcomes.model import Deployment
from produktlyft.review.importers.git_repo import RepositoryError, opened_repository

_TIMEOUT = 600


def _git(repo: Path, *args: str) -> str:
    try:
        done = subprocess.run(
            ["git", "-C", str(repo), *args],
            capture_output=True,
            check=False,
            timeout=_TIMEOUT,
        )
    except (FileNotFoundError, subprocess.TimeoutExpired) as error:
        raise RepositoryError(f"git {args[0]} could not run: {error}") from None
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RepositoryError(f"git {args[0]} failed: {lines[-1] if lines else 'no message'}")
    return done.stdout.decode("utf-8", "replace")


def _moment(seconds: str) -> datetime:
    return datetime.fromtimestamp(int(seconds), tz=UTC)


# hash, parents, author time, committer time
Commit = tuple[str, list[str], int, int]


def _history(repo: Path, rev: str) -> dict[str, Commit]:
    out = _git(repo, "log", "--format=%H%x09%P%x09%at%x09%ct", rev, "--")
    commits: dict[str, Commit] = {}
    for line in out.splitlines():
        sha, parents, authored, committed = line.split("\t")
        commits[sha] = (sha, parents.split(), int(authored), int(committed))
    return commits


def _first_parent_line(commits: dict[str, Commit], head: str) -> list[str]:
    line = []
    current: str | None = head
    while current is not None and current in commits:
        line.append(current)
        parents = commits[current][1]
        current = parents[0] if parents else None
    return list(reversed(line))


def _brought_in(commits: dict[str, Commit], merge: str, on_line: set[str]) -> list[Commit]:
    """The commits a merge brought in: reachable from its other parents, not from the line."""
    seen: set[str] = set()
    stack = list(commits[merge][1][1:])
    while stack:
        sha = stack.pop()
        if sha in seen or sha in on_line or sha not in commits:
            continue
        seen.add(sha)
        stack.extend(commits[sha][1])
    return [commits[sha] for sha in seen]


def _branch_deployments(repo: Path, branch: str, team: str, location: str) -> list[Deployment]:
    head = _git(repo, "rev-parse", "--verify", f"{branch}^{{commit}}").strip()
    commits = _history(repo, head)
    line = _first_parent_line(commits, head)
    on_line = set(line)
    deployments = []
    for sha in line:
        committed = commits[sha][3]
        change = [commits[sha], *_brought_in(commits, sha, on_line)]
        first = min(c[2] for c in change)
        deployments.append(
            Deployment(
                id=f"git-{sha[:12]}",
                team=team,
                environment="production",
                deployed_at=_moment(str(committed)),
                committed_at=_moment(str(min(first, committed))),
                ref=sha,
                source=f"git:{location}@{branch}",
            )
        )
    return deployments


def _tag_deployments(repo: Path, pattern: str, team: str, location: str) -> list[Deployment]:
    out = _git(
        repo,
        "for-each-ref",
        "--sort=creatordate",
        "--format=%(refname:short)%09%(creatordate:unix)%09%(objectname)%09%(*objectname)",
        "refs/tags",
    )
    tags = [line.split("\t") for line in out.splitlines() if line]
    tags = [t for t in tags if fnmatch.fnmatch(t[0], pattern)]
    deployments = []
    previous: str | None = None
    for name, created, obj, peeled in tags:
        target = peeled or obj
        span = f"{previous}..{target}" if previous else target
        times = [int(x) for x in _git(repo, "log", "--format=%ct", span, "--").split()]
        deployments.append(
            Deployment(
                id=f"git-tag-{name}",
                team=team,
                environment="production",
                deployed_at=_moment(created),
                committed_at=_moment(str(min(times))) if times else None,
                ref=name,
                source=f"git:{location}",
            )
        )
        previous = target
    return deployments


def read_git_deployments(
    location: str, team: str, *, branch: str | None = None, tag_pattern: str = "*"
) -> list[Deployment]:
    """Deployments by the deploy-branch rule when `branch` is given, else by tags; a
    repository without matching tags and no branch is an error naming both options."""
    try:
        with opened_repository(location) as repo:
            if branch:
                found = _branch_deployments(repo, branch, team, location)
            else:
                found = _tag_deployments(repo, tag_pattern, team, location)
    except RepositoryError as error:
        raise InvalidInput([Issue.worded(str(error), file=location)]) from None
    if not found:
        raise InvalidInput(
            [
                Issue.worded(
                    wording(
                        "no tags match '{pattern}'; name the deploy branch (--branch main) or "
                        "a tag pattern (--tags 'v*')",
                        pattern=tag_pattern,
                    ),
                    file=location,
                )
            ]
        )
    return found
