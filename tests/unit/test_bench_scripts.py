"""Each benchmark script under bench/ still starts: its imports resolve and it parses options.
(The benchmarks themselves are run by hand, never timed in tests.)"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT

# Modules whose name starts with an underscore are shared helpers the scripts import.
SCRIPTS = sorted(path for path in (ROOT / "bench").glob("*.py") if not path.name.startswith("_"))


def test_the_benchmarks_are_all_here() -> None:
    names = {script.name for script in SCRIPTS}
    assert {
        "web_load.py",
        "review_bench.py",
        "eventlog_bench.py",
        "survey_bench.py",
        "survey_load.py",
        "faults_under_load.py",
    } <= names


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda script: script.name)
def test_a_benchmark_starts(script) -> None:  # type: ignore[no-untyped-def]
    done = subprocess.run(
        [sys.executable, str(script), "--help"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "usage" in done.stdout.lower()
