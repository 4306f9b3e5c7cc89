"""`make demo` before it serves: init, the demo with the real receipt log (the one the package
ships, so a bare clone needs nothing beside it) and culture data,
the review, the report as PDF and HTML, the demo account. Run through the Makefile itself, on
SQLite, and read back: the PDF names a finding of the receipt log and has the culture section;
the review ranks the building-permit system with its workflow pain as the reason; the change
programme (outcomes, pilot, roadmap, business case, slices, wins) loads on top and the report
has its sections."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, missing_component

WORKFLOW_REASON = "ligger bakom väntan och omtag i de arbetsflöden det stöder"


def _make(target: str, tmp_path: Path, *variables: str) -> subprocess.CompletedProcess[str]:
    if shutil.which("make") is None:
        missing_component("make is not installed")
    env = {**os.environ, "PRODUKTLYFT_DATABASE_URL": f"sqlite:///{tmp_path / 'demo.db'}"}
    env.pop("PRODUKTLYFT_DATA_DIR", None)
    return subprocess.run(
        [
            "make",
            "--no-print-directory",
            target,
            f"DEMO_OUT={tmp_path / 'out'}",
            *variables,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def _pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        missing_component("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return " ".join(text.split())  # lines joined: phrases are found across line breaks


def test_make_demo_data_tells_the_whole_story(tmp_path: Path) -> None:
    done = _make("demo-data", tmp_path)  # no EVENTLOG: the receipt log the package ships
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    said = " ".join(done.stdout.split())
    assert "bygglov-mottagning" in said and "Pilot team:" in said
    assert "Finding: Between «T05 Print and send confirmation of receipt»" in said
    out = tmp_path / "out"
    text = _pdf_text(out / "genomlysning.pdf")
    assert "Föråldrade arbetsflöden" in text
    assert "Händelseloggen «bygglov-mottagning» innehåller 8 577 händelser i 1 434 ärenden" in text
    assert "«T05 Print and send confirmation of receipt»" in text  # a finding on the real log
    assert "System bakom aktiviteterna: Ärendehanteringssystem för bygglov" in text
    assert "Kultur, förändringsberedskap och teamens mandat" in text
    assert "Beredskap för de fyra utmaningarna" in text
    assert "Teamens mandat: beslutsregistret" in text
    assert "Kulturenkäten «Kultur och förändringsberedskap, hösten 2026»" in text
    # the change programme built on the review (`demo --after-review`), and its report sections
    assert "rejected as output-only: Leverera 3 nya funktioner" in said
    assert "and 5 comparison teams;" in said  # the outcomes demo measures the pilot's controls
    assert "): improved." in said  # the pilot's evaluation, on the lead time outcomes measures
    assert "plan optimal" in said or "plan feasible" in said  # never infeasible
    assert "Business case: case-" in said and "Wins: 1 drafted, 1 approved." in said
    for heading in (
        "Inga nya silor: öppna gränssnitt",
        "Här börjar vi, och sedan",
        "Investeringskalkyl",
        "Upphandling: delavtal",
        "Effekter",
        "Vad piloten visade",
        "Publicerade framsteg",
    ):
        assert heading in text, heading
    html = (out / "genomlysning.html").read_text(encoding="utf-8")
    assert "Kultur, förändringsberedskap och teamens mandat" in html
    review = json.loads((out / "review.json").read_text(encoding="utf-8"))
    reasons = {s["name"]: s for s in review["systems"]}
    case = reasons["Ärendehanteringssystem för bygglov"]
    assert WORKFLOW_REASON in case["reason"] and case["rank"] >= 1
    others = [s for s in review["systems"] if WORKFLOW_REASON in s["reason"]]
    assert {s["name"] for s in others} <= {
        "Ärendehanteringssystem för bygglov",
        "E-tjänst för bygglov",
    }


def _demo(tmp_path: Path, *extra: str) -> str:
    """`produktlyft demo` on a small organisation in a fresh SQLite file: what it said."""
    env = {**os.environ, "PRODUKTLYFT_DATABASE_URL": f"sqlite:///{tmp_path / 'demo.db'}"}
    env.pop("PRODUKTLYFT_DATA_DIR", None)
    cli = [sys.executable, "-m", "produktlyft"]
    subprocess.run([*cli, "init"], env=env, check=True, capture_output=True)
    done = subprocess.run(
        [*cli, "demo", "--systems", "40", "--no-culture", "--out", str(tmp_path / "out"), *extra],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,  # nothing beside the working folder: the log must come from the package
    )
    assert done.returncode == 0, done.stderr
    return " ".join(done.stdout.split())


def test_a_missing_log_file_is_skipped_with_a_note_and_the_demo_goes_on(tmp_path: Path) -> None:
    said = _demo(tmp_path, "--eventlog", str(tmp_path / "no-such-log.xes.gz"))
    assert "Workflow part skipped." in said and "was not found" in said
    assert "produktlyft demo --eventlog PATH" in said


def test_without_eventlog_the_demo_imports_the_receipt_log_it_ships(tmp_path: Path) -> None:
    said = _demo(tmp_path)
    assert "Workflow part skipped." not in said
    assert (
        "Workflow: event log «bygglov-mottagning» imported: 8,577 events in 1,434 cases, "
        "27 activities." in said
    )
    assert "activities mapped to «Ärendehanteringssystem för bygglov»" in said
