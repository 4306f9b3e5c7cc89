"""`attach repo` from the web clones only from the hosts an administrator lists in
PRODUKTLYFT_REPOSITORY_HOSTS: anything else is refused before git runs, so the server cannot be
made to reach other addresses, and a failed clone reads the same whatever git said, so the
answer tells nothing about the network. No test here touches the network: git is replaced."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from produktlyft.kernel.access import Role
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import InvalidInput, ProduktlyftError
from produktlyft.review.importers import git_repo
from produktlyft.review.services.evidence import attach_repo_url, list_evidence
from tests.web.review.conftest import csrf

GIT_SAYS = (
    "fatal: unable to access 'https://git.example.org/x.git/': "
    "Failed to connect to git.example.org port 443 after 3 ms: Connection refused"
)


@pytest.fixture
def git_calls(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Every git command the importer starts; each fails as an unreachable host would."""
    calls: list[list[str]] = []

    def run(args: list[str], **_: Any) -> subprocess.CompletedProcess[bytes]:
        calls.append(list(args))
        return subprocess.CompletedProcess(args, 128, b"", GIT_SAYS.encode())

    monkeypatch.setattr(git_repo.subprocess, "run", run)
    return calls


def _allowing(ctx: ServiceContext, *hosts: str) -> ServiceContext:
    return ServiceContext(
        ctx.database,
        ctx.actor,
        ctx.settings.model_copy(update={"repository_hosts": list(hosts)}),
        ctx.caches,
    )


REFUSED = (
    "https://10.0.0.5:8080/x.git",
    "https://localhost/x.git",
    "ssh://git@internal.example.org:22/x.git",
    "https://git.example.org@169.254.169.254/latest/meta-data",
    "https://git.example.org.evil.example/x.git",
)


@pytest.mark.parametrize("url", REFUSED)
def test_a_host_not_listed_is_refused_before_git_runs(
    review_ctx: ServiceContext, git_calls: list[list[str]], url: str
) -> None:
    for ctx in (review_ctx, _allowing(review_ctx, "git.example.org")):
        with pytest.raises(InvalidInput) as refused:
            attach_repo_url(ctx, "sys-lon", url)
        assert "PRODUKTLYFT_REPOSITORY_HOSTS" in refused.value.issues[0].message
    assert git_calls == []


def test_no_host_is_listed_unless_an_administrator_does(
    review_ctx: ServiceContext, git_calls: list[list[str]]
) -> None:
    assert review_ctx.settings.repository_hosts == []
    with pytest.raises(InvalidInput):
        attach_repo_url(review_ctx, "sys-lon", "https://git.example.org/x.git")
    assert git_calls == []


def test_a_listed_host_is_cloned_and_a_failure_is_generic(
    review_ctx: ServiceContext, git_calls: list[list[str]]
) -> None:
    ctx = _allowing(review_ctx, "Git.Example.org")
    with pytest.raises(ProduktlyftError) as failed:
        attach_repo_url(ctx, "sys-lon", "https://git.example.org/x.git")
    [clone] = git_calls
    assert "clone" in clone and "https://git.example.org/x.git" in clone
    assert "http.followRedirects=false" in clone  # a listed host cannot send git elsewhere
    assert str(failed.value) == "the repository could not be read"
    assert list_evidence(review_ctx, "sys-lon") == []


def test_the_page_shows_neither_git_nor_the_network(
    review_app: FastAPI,
    as_role: Callable[[Role], TestClient],
    git_calls: list[list[str]],
) -> None:
    state = review_app.state.web
    state.settings = state.settings.model_copy(update={"repository_hosts": ["git.example.org"]})
    client = as_role(Role.ANALYST)
    answers = []
    for url in ("https://git.example.org/x.git", "https://10.0.0.5:22/x.git"):
        response = client.post(
            "/review/attach/repo",
            data={
                "csrf_token": csrf(client, "/review/systems/sys-lon"),
                "system_id": "sys-lon",
                "url": url,
            },
        )
        assert response.status_code == 422
        answers.append(response.text)
    assert "the repository could not be read" in answers[0]
    for text in answers:
        assert "port 443" not in text and "Connection refused" not in text and "fatal" not in text
    assert len(git_calls) == 1
