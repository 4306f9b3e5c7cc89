"""The command line as a user meets it: exit codes, messages, and no stack traces."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

COMMANDS = ["init", "template", "import", "export", "summary", "demo"]


def run(*args: str, db: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "produktlyft", "--database", f"sqlite:///{db}", *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=300,
        check=False,
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cli.db"
    assert run("init", db=path).returncode == 0
    return path


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str, tmp_path: Path) -> None:
    result = run(command, "--help", db=tmp_path / "x.db")
    assert result.returncode == 0 and "Usage" in result.stdout


def test_demo_export_and_reimport(db: Path, tmp_path: Path) -> None:
    demo = run("demo", "--systems", "40", "--out", str(tmp_path / "out"), db=db)
    assert demo.returncode == 0, demo.stderr
    assert (tmp_path / "out/ground_truth.json").exists()
    exported = run("export", "--format", "json", "-o", str(tmp_path / "inv.json"), db=db)
    assert exported.returncode == 0
    document = json.loads((tmp_path / "inv.json").read_text())
    for key in (
        "systems",
        "capabilities",
        "integrations",
        "contracts",
        "technologies",
        "teams",
        "units",
        "data_objects",
    ):
        assert isinstance(document[key], list)
    assert len(document["systems"]) == 40
    again = run("import", str(tmp_path / "inv.json"), db=db)
    assert again.returncode == 0
    assert "│ systems      │       0 │       0 │        40 │" in again.stdout


def test_user_error_exits_1_with_message_and_no_traceback(db: Path, tmp_path: Path) -> None:
    bad = tmp_path / "systems.csv"
    bad.write_text("ID;Namn;Kritikalitet\nS1;Ekonomi;hög\n", encoding="utf-8")
    result = run("import", str(bad), db=db)
    assert result.returncode == 1
    assert "row 2, column 'Kritikalitet': 'hög' is not one of" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_uninitialised_database_is_a_clear_error(tmp_path: Path) -> None:
    result = run("summary", db=tmp_path / "never.db")
    assert result.returncode == 1
    assert "run `produktlyft init` first" in result.stderr


def test_bad_option_value(db: Path, tmp_path: Path) -> None:
    result = run("export", "--format", "pdf", "-o", str(tmp_path / "x"), db=db)
    assert result.returncode != 0 and "choose one of" in (result.stderr + result.stdout)
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("token", "create", "x", "--user", "y"), "No such option: --user"),
        (("token", "create"), "Missing argument"),
        (("frobnicate",), "No such command"),
        (("export", "--format"), "Option '--format' requires an argument"),
    ],
)
def test_usage_errors_print_the_usage_and_exit_2(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    result = run(*args, db=tmp_path / "x.db")
    assert result.returncode == 2, result.stderr
    assert f"Error: {message}" in result.stderr
    if args[0] != "export":  # click knows no command for an option left without its value
        assert "Usage:" in result.stderr
    assert "Internal error" not in result.stderr + result.stdout
    assert "Traceback" not in result.stderr + result.stdout


def test_no_command_prints_the_usage(tmp_path: Path) -> None:
    result = run(db=tmp_path / "x.db")
    assert result.returncode == 2 and "Usage:" in result.stderr
    assert "Internal error" not in result.stderr + result.stdout


def test_template_writes_both_formats(tmp_path: Path) -> None:
    assert (
        run(
            "template", "--format", "xlsx", "-o", str(tmp_path / "t.xlsx"), db=tmp_path / "x.db"
        ).returncode
        == 0
    )
    assert (
        run(
            "template",
            "--format",
            "csv",
            "--lang",
            "en",
            "-o",
            str(tmp_path / "t"),
            db=tmp_path / "x.db",
        ).returncode
        == 0
    )
    header = (tmp_path / "t/systems.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("ID;Name;Description;Tags")
