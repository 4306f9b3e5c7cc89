"""The review commands from the command line: output, JSON file and clear errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from produktlyft.inventory.exporters.json_export import write_json
from produktlyft.review import cli as review_cli
from produktlyft.review.model import PROFILES
from tests.review_fixtures import organisation

CLI = Path(sys.executable).parent / "produktlyft"


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        "PRODUKTLYFT_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
    }
    return subprocess.run(
        [str(CLI), *args], env=env, capture_output=True, text=True, check=False, timeout=300
    )


def _imported(tmp_path: Path) -> None:
    """A database with the review fixtures' organisation imported, from the command line."""
    write_json(organisation(), tmp_path / "org.json")
    assert _run(tmp_path, "init").returncode == 0
    assert _run(tmp_path, "import", str(tmp_path / "org.json")).returncode == 0


def test_profiles_listed_in_the_cli_match_analytics() -> None:
    assert review_cli.PROFILES == PROFILES


def test_review_attach_decide_and_report_from_the_command_line(tmp_path: Path) -> None:
    _imported(tmp_path)
    done = _run(tmp_path, "review", "--as-of", "2026-09-01", "--json", str(tmp_path / "r.json"))
    assert done.returncode == 0, done.stderr
    assert "Raindance" in done.stdout
    document = json.loads((tmp_path / "r.json").read_text())
    assert document["systems"][0]["id"] == "sys-ekonomi"
    rejected = _run(tmp_path, "duplicates", "reject", "sys-skola-a", "sys-skola-b")
    assert rejected.returncode == 0 and "Rejected" in rejected.stdout
    missing = _run(tmp_path, "attach", "sbom", "nope", str(tmp_path / "r.json"))
    assert missing.returncode == 1 and "no system with id 'nope'" in missing.stderr
    assert "Traceback" not in missing.stderr
    bad = _run(tmp_path, "weights", "set", "custom.colour=2")
    assert bad.returncode == 1 and "unknown indicator" in bad.stderr
    report = _run(tmp_path, "report", "--format", "html", "-o", str(tmp_path / "r.html"))
    assert report.returncode == 0, report.stderr
    assert "De tre största hindren" in (tmp_path / "r.html").read_text()


def test_eol_update_from_a_folder(tmp_path: Path) -> None:
    source = tmp_path / "release-data" / "releases"
    source.mkdir(parents=True)
    (source / "python.json").write_text(
        json.dumps({"releases": {"3.9": {"name": "3.9", "eol": "2025-10-31"}}, "versions": {}})
    )
    assert _run(tmp_path, "init").returncode == 0
    done = _run(
        tmp_path, "eol", "update", "--from", str(tmp_path / "release-data"), "--date", "2026-10-01"
    )
    assert done.returncode == 0, done.stderr
    assert "1 products, snapshot 2026-10-01" in done.stdout
    shown = _run(tmp_path, "eol", "show")
    assert "refreshed copy" in shown.stdout
    broken = tmp_path / "broken" / "releases"
    broken.mkdir(parents=True)
    (broken / "x.json").write_text("{not json")
    failed = _run(tmp_path, "eol", "update", "--from", str(tmp_path / "broken"))
    assert failed.returncode == 1 and "nothing was changed" in failed.stderr


def test_duplicate_weights_adjusted_shown_and_reset_from_the_command_line(tmp_path: Path) -> None:
    _imported(tmp_path)
    too_few = _run(tmp_path, "duplicates", "refit")
    assert too_few.returncode == 1 and "at least 3 confirmed and 3 rejected" in too_few.stderr
    for a, b in (("sys-skola-a", "sys-skola-b"), ("sys-bygglov-a", "sys-bygglov-b")):
        assert _run(tmp_path, "duplicates", "confirm", a, b).returncode == 0
    assert _run(tmp_path, "duplicates", "confirm", "sys-ekonomi", "sys-lon").returncode == 0
    for a, b in (("sys-arkiv", "sys-webb"), ("sys-ekonomi", "sys-webb"), ("sys-lon", "sys-arkiv")):
        assert _run(tmp_path, "duplicates", "reject", a, b).returncode == 0
    adjusted = _run(tmp_path, "duplicates", "refit")
    assert adjusted.returncode == 0, adjusted.stderr
    assert "adjusted to 6 decided pairs" in adjusted.stdout and "origin_apart" in adjusted.stdout
    assert "to 6 decided pairs" in _run(tmp_path, "duplicates", "weights").stdout
    assert _run(tmp_path, "duplicates", "reset").returncode == 0
    shipped = _run(tmp_path, "duplicates", "weights").stdout
    assert "Shipped weights" in shipped and "150 decision trees" in shipped


def test_duplicates_are_listed_by_group_with_the_system_to_keep(tmp_path: Path) -> None:
    # `duplicates list` printed a flat table of ids: no names, groups, cost or system to keep,
    # which the web page and the report show
    _imported(tmp_path)
    empty = _run(tmp_path, "duplicates", "list")
    assert empty.returncode == 1 and "no review has been run yet" in empty.stderr
    assert _run(tmp_path, "review", "--as-of", "2026-09-01").returncode == 0
    assert _run(tmp_path, "duplicates", "reject", "sys-skola-a", "sys-skola-b").returncode == 0
    listed = _run(tmp_path, "duplicates", "list", "--lang", "en")
    assert listed.returncode == 0, listed.stderr
    text = " ".join(listed.stdout.split())
    assert "suggested pair(s) in" in text and "keeping one system per group" in text
    assert "Group 1:" in text and "suggested to keep:" in text
    assert "ByggR (sys-bygglov-a)" in text  # the ids `confirm` and `reject` take
    assert "Bygglovsportalen (sys-bygglov-b)" in text and "rejected by" in text
    assert "both serve" in text or "share the capabilities" in text  # the reason, in English
    assert "reject: Elevregistret (sys-skola-a) + Elevadministrationen (sys-skola-b)" in text
    swedish = " ".join(_run(tmp_path, "duplicates", "list", "--lang", "sv").stdout.split())
    assert "mnkr" in swedish and "SEK" not in swedish and "tjänar båda" in swedish
    wrong = _run(tmp_path, "duplicates", "list", "--lang", "de")
    assert wrong.returncode != 0 and "choose sv or en" in " ".join(wrong.stderr.split())


def test_duplicate_commands_on_an_uninitialised_database_say_to_run_init(tmp_path: Path) -> None:
    # `duplicates weights` answered with a fragment of SQL and "This is a bug in produktlyft"
    for args in (("duplicates", "weights"), ("duplicates", "list"), ("duplicates", "refit")):
        result = _run(tmp_path, *args)
        assert result.returncode == 1, args
        assert "run `produktlyft init` first" in result.stderr, (args, result.stderr)
        assert "SELECT" not in result.stderr + result.stdout
