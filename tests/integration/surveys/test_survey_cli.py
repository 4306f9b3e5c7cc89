"""The survey and decisions commands as the issue's outside checks use them."""

from __future__ import annotations

import json
from pathlib import Path

from tests.integration.inventory.test_cli import run


def test_create_links_answer_close_report(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    assert run("init", db=db).returncode == 0
    created = run(
        "survey",
        "create",
        "--instrument",
        "westrum,psych-safety",
        "--team",
        "Alfa",
        "--team",
        "Beta",
        "--min-group",
        "3",
        "--close",
        "2099-12-31",
        db=db,
    )
    assert created.returncode == 0, created.stderr
    round_id = created.stdout.strip()
    assert len(round_id.splitlines()) == 1 and "created for this round" in created.stderr
    links = run(
        "survey",
        "links",
        round_id,
        "--team",
        "Alfa",
        "--count",
        "4",
        "--csv",
        str(tmp_path / "l.csv"),
        "--sheet",
        str(tmp_path / "l.html"),
        db=db,
    )
    assert links.returncode == 0, links.stderr
    urls = links.stdout.split()
    assert len(urls) == 4 and all(u.startswith(f"/s/{round_id}-") for u in urls)
    answers = tmp_path / "a.json"
    answers.write_text(
        json.dumps(
            {f"westrum.{i}": "6" for i in range(1, 7)}
            | {f"psych-safety.{i}": "5" for i in range(1, 8)}
        )
    )
    for url in urls[:3]:
        assert run("survey", "answer", url, "--answers", str(answers), db=db).returncode == 0
    again = run("survey", "answer", urls[0], "--answers", str(answers), db=db)
    assert again.returncode == 1 and "already been used" in again.stderr
    assert "Traceback" not in again.stderr
    report = run("survey", "report", round_id, "--json", str(tmp_path / "r.json"), db=db)
    assert report.returncode == 0, report.stderr
    document = json.loads((tmp_path / "r.json").read_text())
    groups = {g["group"]: g for g in document["groups"]}
    assert groups["Alfa"]["n"] == 3 and groups["Alfa"]["suppressed"] is False
    assert groups["Alfa"]["scales"]["westrum"]["mean"] == 6.0
    assert groups["Beta"] == {**groups["Beta"], "n": None, "suppressed": True}
    assert run("survey", "close", round_id, db=db).returncode == 0
    late = run("survey", "answer", urls[3], "--answers", str(answers), db=db)
    assert late.returncode == 1 and "closed" in late.stderr


def test_bad_survey_input_is_explained(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    run("init", db=db)
    bad = run(
        "survey", "create", "--instrument", "nope", "--team", "A", "--close", "2020-01-01", db=db
    )
    assert bad.returncode == 1 and "nope" in bad.stderr and "has passed" in bad.stderr
    date = run(
        "survey", "create", "--instrument", "westrum", "--team", "A", "--close", "31/12", db=db
    )
    assert date.returncode != 0 and "YYYY-MM-DD" in date.stderr
    missing = run("survey", "report", "nosuchround", db=db)
    assert missing.returncode == 1 and "no survey round" in missing.stderr


def test_every_survey_and_decision_command_has_help(tmp_path: Path) -> None:
    for command in (["survey"], ["survey", "create"], ["decisions"], ["decisions", "rights"]):
        result = run(*command, "--help", db=tmp_path / "x.db")
        assert result.returncode == 0 and "Usage" in result.stdout, command
