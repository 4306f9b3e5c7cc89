"""Hotspots, knowledge concentration and bus factor from a git log stream."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest

from produktlyft.review.analysis.code_health import (
    COMMIT_MARK,
    FIELD_SEP,
    analyse_history,
    bus_factor,
    main_authors,
    parse_numstat,
)
from produktlyft.review.importers.git_repo import RepositoryError, analyse_repository


def _commit(sha: str, at: int, name: str, email: str, *files: tuple[int, int, str]) -> str:
    lines = [f"{COMMIT_MARK}{sha}{FIELD_SEP}{at}{FIELD_SEP}{name}{FIELD_SEP}{email}", ""]
    lines += [f"{a}\t{d}\t{p}" for a, d, p in files]
    return "\n".join(lines) + "\n"


DAY = 86_400
NOW = 1_780_000_000  # 2026-05-28
LOG = "".join(
    [
        _commit("c1", NOW - 10 * DAY, "Ann", "Ann@x.se", (10, 2, "core.py"), (5, 0, "util.py")),
        _commit("c2", NOW - 9 * DAY, "Ann", "ann@x.se", (3, 3, "core.py")),
        _commit("c3", NOW - 8 * DAY, "Bo", "bo@x.se", (1, 1, "core.py"), (1, 0, "readme.md")),
        _commit("c4", NOW - 7 * DAY, "Ann", "ann@x.se", (2, 2, "core.py"), ("-", "-", "logo.png")),
        _commit("c5", NOW - 800 * DAY, "Cy", "cy@x.se", (50, 0, "old.py")),
    ]
)


def test_parse_numstat_reads_commits_files_and_binaries() -> None:
    changes = parse_numstat(LOG)
    assert changes.height == 8
    assert set(changes["author"]) == {"ann@x.se", "bo@x.se", "cy@x.se"}  # emails folded
    binary = changes.filter(changes["path"] == "logo.png").row(0, named=True)
    assert (binary["added"], binary["deleted"]) == (0, 0)


def test_hotspots_and_knowledge() -> None:
    changes = parse_numstat(LOG)
    health = analyse_history(
        changes,
        {"core.py": 20.0, "util.py": 2.0, "old.py": 40.0},
        today=date(2026, 5, 28),
        window_days=365,
    )
    assert health.commits == 5 and health.commits_in_window == 4
    assert health.top_author_share == pytest.approx(3 / 4)
    first = health.hotspots[0]
    assert (first.path, first.revisions, first.score) == ("core.py", 4, 1.0)
    assert "old.py" not in {h.path for h in health.hotspots}  # changed outside the window
    # lines + 1 per change: ann 13 + 7 + 5, bo 3
    assert first.main_author_share == pytest.approx(25 / 28, abs=1e-3)


def test_bus_factor_counts_main_authors() -> None:
    owners = main_authors(parse_numstat(LOG))
    # ann owns core.py, util.py, logo.png; bo readme.md; cy old.py: ann alone orphans 3 of 5
    assert bus_factor(owners) == 1
    even = parse_numstat(
        "".join(_commit(f"c{i}", NOW, f"a{i}", f"a{i}@x", (1, 0, f"f{i}.py")) for i in range(4))
    )
    assert bus_factor(main_authors(even)) == 3


def _git(repo: Path, *args: str, author: str = "Ann <ann@x.se>") -> None:
    name, email = author[:-1].split(" <")
    env = {
        "GIT_AUTHOR_NAME": name,
        "GIT_AUTHOR_EMAIL": email,
        "GIT_COMMITTER_NAME": name,
        "GIT_COMMITTER_EMAIL": email,
        "HOME": str(repo),
        "PATH": "/usr/bin:/bin",
    }
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def test_real_repository_end_to_end(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    source = "def f(x):\n    if x:\n        return 1\n    for i in x:\n        pass\n    return 2\n"
    for i, author in enumerate(["Ann <ann@x.se>", "Bo <bo@x.se>", "Ann <ann@x.se>"]):
        (repo / "app.py").write_text(source + f"# change {i}\n")
        (repo / "notes.txt").write_text(f"note {i}\n")
        _git(repo, "add", ".")
        _git(repo, "commit", "-q", "-m", f"change {i}", author=author)
    health = analyse_repository(str(repo), date.today(), 365)
    assert health.commits == 3 and health.authors == 2
    assert health.hotspots[0].path == "app.py"
    assert health.hotspots[0].complexity == 3.0  # lizard: if + for + 1
    assert health.top_author_share == pytest.approx(2 / 3)
    cloned = analyse_repository(f"file://{repo}", date.today(), 365)  # a clone URL
    assert (cloned.commits, cloned.hotspots[0].path) == (3, "app.py")


def test_not_a_repository_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(RepositoryError, match="git rev-parse failed"):
        analyse_repository(str(tmp_path), date.today())
    with pytest.raises(RepositoryError, match="no such folder"):
        analyse_repository(str(tmp_path / "nope"), date.today())
