"""Read a git repository's history and measure the complexity of its most changed files.

Two git processes per repository, whatever its size: one `git log --numstat` for the whole
history and one `git cat-file --batch` for the files at HEAD. Complexity comes from lizard
(cyclomatic complexity, many languages), summed over a file's functions.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import lizard

from produktlyft.kernel.errors import ProduktlyftError
from produktlyft.review.analysis.code_health import (
    LOG_FORMAT,
    CodeHealth,
    analyse_history,
    complexity_candidates,
    parse_numstat,
)

MEASURED_FILES = 300  # complexity is measured for this many most-changed files
_URL = re.compile(r"^(https?|ssh|git|file)://|^[\w.-]+@[\w.-]+:")
_MAX_FILE_BYTES = 2_000_000


class RepositoryError(ProduktlyftError):
    pass


def _git(
    args: list[str],
    cwd: Path | None = None,
    stdin: bytes | None = None,
    config: tuple[str, ...] = (),
) -> bytes:
    try:
        result = subprocess.run(
            ["git", *(part for item in config for part in ("-c", item)), *args],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            check=False,
            timeout=600,
        )
    except FileNotFoundError as error:
        raise RepositoryError("git is not installed on this machine") from error
    except subprocess.TimeoutExpired as error:
        raise RepositoryError(f"git {args[0]} took longer than {error.timeout:.0f} s") from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RepositoryError(f"git {args[0]} failed: {message[-1] if message else 'no message'}")
    return result.stdout


def is_url(location: str) -> bool:
    return bool(_URL.match(location))


@contextmanager
def opened_repository(location: str, *, follow_redirects: bool = True) -> Iterator[Path]:
    """A local repository path as is, or a temporary bare clone of a URL (over https without
    following redirects, when asked, so a listed host cannot send git to another)."""
    if not is_url(location):
        path = Path(location).expanduser()
        if not path.exists():
            raise RepositoryError(f"no such folder: {location}")
        _git(["rev-parse", "--git-dir"], cwd=path)
        yield path
        return
    folder = Path(tempfile.mkdtemp(prefix="produktlyft-repo-"))
    try:
        _git(
            ["clone", "--bare", "--quiet", "--", location, str(folder / "repo.git")],
            config=() if follow_redirects else ("http.followRedirects=false",),
        )
        yield folder / "repo.git"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def read_log(repo: Path) -> str:
    raw = _git(
        ["log", "--numstat", "--no-renames", "--no-merges", f"--format={LOG_FORMAT}", "HEAD"],
        cwd=repo,
    )
    return raw.decode("utf-8", "replace")


def read_head_files(repo: Path, paths: list[str]) -> dict[str, bytes]:
    """Contents at HEAD of the given paths that still exist, in one `cat-file --batch`."""
    if not paths:
        return {}
    request = "".join(f"HEAD:{p}\n" for p in paths).encode()
    output = _git(["cat-file", "--batch"], cwd=repo, stdin=request)
    contents: dict[str, bytes] = {}
    position = 0
    for path in paths:
        end = output.index(b"\n", position)
        header = output[position:end].split()
        position = end + 1
        if len(header) < 3 or header[1] != b"blob":  # "missing" or a tree
            continue
        size = int(header[2])
        if size <= _MAX_FILE_BYTES:
            contents[path] = output[position : position + size]
        position += size + 1
    return contents


def is_source_file(path: str) -> bool:
    return lizard.get_reader_for(path) is not None


def measure_complexity(files: dict[str, bytes]) -> dict[str, float]:
    """Sum of the cyclomatic complexity of each file's functions, for languages lizard knows."""
    measured: dict[str, float] = {}
    for path, data in files.items():
        if lizard.get_reader_for(path) is None:
            continue
        info = lizard.analyze_file.analyze_source_code(path, data.decode("utf-8", "replace"))
        measured[path] = float(
            sum(f.cyclomatic_complexity for f in info.function_list) or (1 if info.nloc else 0)
        )
    return measured


def analyse_repository(
    location: str, today: date, window_days: int = 365, *, follow_redirects: bool = True
) -> CodeHealth:
    with opened_repository(location, follow_redirects=follow_redirects) as repo:
        changes = parse_numstat(read_log(repo))
        if changes.height == 0:
            raise RepositoryError(f"{location} has no commits with file changes")
        candidates = complexity_candidates(
            changes, today, MEASURED_FILES, window_days, is_source_file
        )
        complexity = measure_complexity(read_head_files(repo, candidates))
    return analyse_history(changes, complexity, today, window_days)
