"""An output path the user gave that cannot be written (a folder that does not exist) is
reported in one line naming the path, not as an internal error: `review --json
missing/out.json` said "Internal error: FileNotFoundError ... This is a bug in produktlyft".
Run in a subprocess, as the command line ends with sys.exit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

SCRIPT = """
import sys
from pathlib import Path
import typer
from produktlyft.kernel.cli.app import run

app = typer.Typer()

@app.command()
def write(path: Path) -> None:
    path.write_text("{}", encoding="utf-8")

run(app)
"""


def _run(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", SCRIPT, *arguments],
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
        timeout=300,
    )


def test_a_missing_folder_is_named_in_one_line(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "out.json"
    done = _run(str(target))
    message = done.stderr.strip()
    assert done.returncode == 1, message
    assert message.startswith(f"Error: {target}") and "\n" not in message, message
    assert "Internal error" not in message and not target.parent.exists()


def test_a_folder_given_for_a_file_is_named(tmp_path: Path) -> None:
    done = _run(str(tmp_path))
    message = done.stderr.strip()
    assert done.returncode == 1 and message.startswith(f"Error: {tmp_path}"), message
