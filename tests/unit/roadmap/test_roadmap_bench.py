"""bench/roadmap_bench.py runs end to end on two small PSPLIB instances (the figures themselves
are measured by hand, never timed in a test)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

DATA = ROOT / "tests" / "data" / "psplib"


def run(*options: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "roadmap_bench.py"), *options],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip().splitlines()


def test_psplib_makespan_against_the_known_optima() -> None:
    lines = run("--instances", str(DATA), "--bounds", str(DATA / "optimum.csv"), "--workers", "1")
    assert lines[0].startswith("j301_1.sm status=optimal objective=43.0")
    assert lines[1].startswith("j301_2.sm status=optimal objective=47.0")
    assert lines[-1] == lines[-1].strip()
    fields = dict(part.split("=") for part in lines[-1].split())
    assert list(fields) == ["instances", "proven_optimal", "median_s", "mean_gap_pct"]
    assert (fields["instances"], fields["proven_optimal"], fields["mean_gap_pct"]) == (
        "2",
        "2",
        "0.000",
    )


def test_cost_of_delay_is_compared_with_wsjf() -> None:
    lines = run("--instances", str(DATA), "--objective", "cost-of-delay", "--limit", "1")
    assert lines[-1].startswith("instances=1 ")
    improvement = next(line for line in lines if line.startswith("cod_improvement_vs_wsjf_pct="))
    assert float(improvement.split("=")[1]) >= 0.0
