"""A failed write on PostgreSQL is reported in one line: psycopg's own warning on ending the
aborted pipeline ("error ignored terminating <psycopg.Pipeline ...>: pipeline aborted") was
printed above it by logging's last resort (issue 15: a full disk under
bench/faults_under_load.py). Run in a subprocess: pytest's log capture would hide the last
resort."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

SCRIPT = """
import logging, sys
import typer
from produktlyft.kernel.cli.app import run
from produktlyft.kernel.errors import ProduktlyftError

app = typer.Typer()

@app.command()
def fail() -> None:
    logging.getLogger("psycopg").warning(
        "error ignored terminating %s: %s", "<psycopg.Pipeline [INERROR]>", "pipeline aborted"
    )
    raise ProduktlyftError("cannot write to the database db: the database server's disk is full")

sys.argv = ["produktlyft"]
run(app)
"""


def test_a_driver_warning_does_not_add_a_line_to_the_error() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
        timeout=300,
    )
    message = done.stderr.strip()
    assert done.returncode == 1, message
    assert message.startswith("Error: cannot write") and "\n" not in message, message
