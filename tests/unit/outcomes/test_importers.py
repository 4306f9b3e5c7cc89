"""Each deployment and incident source, with good and bad input."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from produktlyft.kernel.errors import InvalidInput
from produktlyft.outcomes.importers import read_deployments, read_incidents

DATA = Path(__file__).parents[2] / "data" / "outcomes"
ZONE = "Europe/Stockholm"


def test_csv_deployments_with_local_and_offset_times() -> None:
    kind, found = read_deployments(DATA / "deployments.csv", "t", ZONE)
    assert kind == "table"
    assert [d.id for d in found] == ["d1", "d2", "d2", "d3", "d4"]  # duplicates go at analysis
    assert found[0].deployed_at == datetime(2026, 3, 2, 9, tzinfo=UTC)
    assert found[1].deployed_at == datetime(2026, 3, 3, 14, 30, tzinfo=UTC)  # CET, no offset
    assert found[1].failed and found[4].rework and found[4].committed_at is None
    assert {d.team for d in found} == {"t"}


def test_a_deployment_file_without_dates_names_the_field() -> None:
    with pytest.raises(InvalidInput) as caught:
        read_deployments(DATA / "deployments_no_dates.csv", "t", ZONE)
    assert "deployed_at" in str(caught.value)


def test_bad_and_missing_dates_are_located() -> None:
    with pytest.raises(InvalidInput) as caught:
        read_deployments(DATA / "deployments_bad_date.csv", "t", ZONE)
    issues = caught.value.issues
    assert [(i.row, i.column) for i in issues] == [(3, "deployed_at"), (4, "deployed_at")]
    assert "den tredje mars" in issues[0].message


def test_csv_incidents() -> None:
    found = read_incidents(DATA / "incidents.csv", "t", ZONE)
    assert [(i.id, i.deployment_id) for i in found] == [("inc-1", "d2"), ("inc-2", None)]


def test_github_deployments_with_statuses() -> None:
    kind, found = read_deployments(DATA / "github_deployments.json", "t", ZONE)
    assert kind == "github-deployment"
    by_id = {d.id: d for d in found}
    assert set(by_id) == {"github-101", "github-102", "github-104"}  # 103 never succeeded
    assert by_id["github-101"].deployed_at == datetime(2026, 3, 2, 9, 4, tzinfo=UTC)
    assert by_id["github-102"].environment == "staging"
    assert by_id["github-104"].failed and not by_id["github-101"].failed


def test_github_releases() -> None:
    kind, found = read_deployments(DATA / "github_releases.json", "t", ZONE)
    assert kind == "github-release"
    assert [(d.ref, d.environment) for d in found] == [
        ("v1.2.0", "production"),
        ("v1.3.0-rc1", "prerelease"),
    ]


def test_gitlab_deployments_and_releases() -> None:
    kind, found = read_deployments(DATA / "gitlab_deployments.json", "t", ZONE)
    assert kind == "gitlab-deployment"
    assert [(d.id, d.environment) for d in found] == [
        ("gitlab-41", "production"),
        ("gitlab-43", "review/feature-x"),
    ]
    assert found[0].committed_at == datetime(2026, 3, 30, 13, tzinfo=UTC)
    kind, found = read_deployments(DATA / "gitlab_releases.json", "t", ZONE)
    assert kind == "gitlab-release" and found[0].ref == "v2.0"
    assert found[0].committed_at == datetime(2026, 5, 1, 12, tzinfo=UTC)


def test_json_without_dates_and_broken_json(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as caught:
        read_deployments(DATA / "github_no_dates.json", "t", ZONE)
    assert "created_at" in str(caught.value) and caught.value.issues[0].element == "[1]"
    broken = tmp_path / "broken.json"
    broken.write_text("[{", encoding="utf-8")
    with pytest.raises(InvalidInput, match="not valid JSON"):
        read_deployments(broken, "t", ZONE)


def _git(repo: Path, *args: str, when: str = "2026-03-02T10:00:00+00:00") -> None:
    env = {
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_AUTHOR_NAME": "a",
        "GIT_AUTHOR_EMAIL": "a@example.org",
        "GIT_COMMITTER_NAME": "a",
        "GIT_COMMITTER_EMAIL": "a@example.org",
        "PATH": "/usr/bin:/bin",
        "HOME": str(repo),
    }
    subprocess.run(["git", "-C", str(repo), *args], check=True, env=env, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "commit", "-q", "--allow-empty", "-m", "one", when="2026-03-02T10:00:00+00:00")
    _git(tmp_path, "tag", "v1", when="2026-03-03T10:00:00+00:00")
    _git(tmp_path, "checkout", "-q", "-b", "feature")
    _git(tmp_path, "commit", "-q", "--allow-empty", "-m", "two", when="2026-03-04T10:00:00+00:00")
    _git(tmp_path, "commit", "-q", "--allow-empty", "-m", "three", when="2026-03-05T10:00:00+00:00")
    _git(tmp_path, "checkout", "-q", "main")
    _git(
        tmp_path,
        "merge",
        "-q",
        "--no-ff",
        "-m",
        "merge",
        "feature",
        when="2026-03-06T10:00:00+00:00",
    )
    _git(tmp_path, "tag", "-a", "v2", "-m", "v2", when="2026-03-07T10:00:00+00:00")
    return tmp_path


def test_git_tags_are_deployments(repo: Path) -> None:
    kind, found = read_deployments(repo, "t", ZONE)
    assert kind == "git"
    assert [(d.ref, d.deployed_at.day, d.committed_at.day) for d in found] == [  # type: ignore[union-attr]  # set by the tag rule
        ("v1", 2, 2),  # a lightweight tag has no date of its own: its commit's
        ("v2", 7, 4),  # the earliest commit since v1
    ]


def test_git_deploy_branch_merges_bring_their_commits(repo: Path) -> None:
    _, found = read_deployments(repo, "t", ZONE, branch="main")
    assert [(d.deployed_at.day, d.committed_at.day) for d in found] == [(2, 2), (6, 4)]  # type: ignore[union-attr]  # set by the branch rule


def test_git_without_tags_or_branch_and_not_a_repository(tmp_path: Path) -> None:
    untagged = tmp_path / "untagged"
    untagged.mkdir()
    _git(untagged, "init", "-q", "-b", "main")
    _git(untagged, "commit", "-q", "--allow-empty", "-m", "one")
    with pytest.raises(InvalidInput, match="--branch"):
        read_deployments(untagged, "t", ZONE)
    plain = tmp_path / "plain"
    plain.mkdir()
    with pytest.raises(InvalidInput):
        read_deployments(plain, "t", ZONE, branch="main")


def _checkout() -> tuple[Path, str] | None:
    """This repository and its branch, when it is a git checkout on a branch with history (a
    shallow or detached clone, or an unpacked source archive, has no deployments to read)."""
    root = Path(__file__).resolve().parents[3]

    def git(*args: str) -> str:
        command = ["git", "-C", str(root), *args]
        done = subprocess.run(command, check=False, capture_output=True, text=True)
        return done.stdout.strip() if done.returncode == 0 else ""

    branch, commits = git("rev-parse", "--abbrev-ref", "HEAD"), git("rev-list", "--count", "HEAD")
    if not branch or branch == "HEAD" or not commits.isdigit() or int(commits) <= 10:
        return None
    return root, branch


def test_the_tools_own_repository_is_a_real_git_source() -> None:
    checkout = _checkout()
    if checkout is None:
        pytest.skip("needs this repository as a git checkout on a branch with its history")
    main, branch = checkout
    _, found = read_deployments(main, "produktlyft", ZONE, branch=branch)
    assert len(found) > 10
    assert all(d.committed_at is not None and d.committed_at <= d.deployed_at for d in found)
    assert found == sorted(found, key=lambda d: d.deployed_at) or len(
        {d.ref for d in found}
    ) == len(found)
