"""`produktlyft procurement …` and `produktlyft forecast` as a user meets them: the JSON the
outside checks read, exit code 1 with a located message for bad input, nothing written."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

SLICES = (
    "delavtal;behov;leverantör;startdatum;slutdatum;värde sek;myndighetstyp;upphandlingsväg;"
    "effekt;framgångskriterium;exitklausul;uppsägningstid;dataformat;kodägande\n"
    "A;Bygglov;Acme;2027-01-01;2027-04-30;900000;statlig myndighet;öppet förfarande;"
    "Ansök digitalt;80 % digitalt;ja;1;csv;myndigheten\n"
    "B;Arkiv;Beta;2027-01-01;2027-09-30;800000;central;framework;Arkivsök;12 kopplingar;"
    "ja;3;csv;supplier\n"
)


def run(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "produktlyft", "--database", f"sqlite:///{db}", *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_check_writes_the_checklist_as_json(tmp_path: Path) -> None:
    (tmp_path / "slices.csv").write_text(SLICES, encoding="utf-8")
    out = tmp_path / "checks.json"
    done = run(
        "procurement",
        "check",
        str(tmp_path / "slices.csv"),
        "--json",
        str(out),
        db=tmp_path / "x.db",
    )
    assert done.returncode == 0, done.stderr
    document = json.loads(out.read_text(encoding="utf-8"))
    assert [item["slice"] for item in document] == ["A", "B"]
    b = document[1]
    length = next(c for c in b["checks"] if c["rule"] == "shape.length")
    assert length["result"] == "fail" and "at most 6 months" in length["reason"]
    assert b["route"] in {"framework", "dps", "open", "direct"} and b["route_reason"]
    assert "B" in done.stdout and "fail" in done.stdout


def test_a_users_rule_pack_changes_the_verdict(tmp_path: Path) -> None:
    (tmp_path / "slices.csv").write_text(SLICES, encoding="utf-8")
    rules = tmp_path / "rules.json"
    rules.write_text(
        json.dumps(
            {
                "parameters": {
                    "slice_max_months": {"value": 12, "dated": "2026-06-01", "source": "Vår policy"}
                }
            }
        ),
        encoding="utf-8",
    )
    out = tmp_path / "checks.json"
    done = run(
        "procurement",
        "check",
        str(tmp_path / "slices.csv"),
        "--rules",
        str(rules),
        "--json",
        str(out),
        db=tmp_path / "x.db",
    )
    assert done.returncode == 0, done.stderr
    b = json.loads(out.read_text(encoding="utf-8"))[1]
    length = next(c for c in b["checks"] if c["rule"] == "shape.length")
    assert length["result"] == "pass" and "Vår policy (2026-06-01)" in length["source"]


def test_bad_slices_exit_1_with_located_messages_and_no_json(tmp_path: Path) -> None:
    bad = SLICES.replace("2027-09-30", "2026-09-30").replace("800000", "-1")
    (tmp_path / "slices.csv").write_text(bad, encoding="utf-8")
    out = tmp_path / "checks.json"
    done = run(
        "procurement",
        "check",
        str(tmp_path / "slices.csv"),
        "--json",
        str(out),
        db=tmp_path / "x.db",
    )
    assert done.returncode == 1
    assert "slices.csv, row 3, column 'end'" in done.stderr
    assert "Traceback" not in done.stderr and not out.exists()


def test_save_list_and_export(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    assert run("init", db=db).returncode == 0
    (tmp_path / "slices.csv").write_text(SLICES, encoding="utf-8")
    assert run("procurement", "save", str(tmp_path / "slices.csv"), db=db).returncode == 0
    listed = run("procurement", "list", "--json", str(tmp_path / "l.json"), db=db)
    assert listed.returncode == 0 and len(json.loads((tmp_path / "l.json").read_text())) == 2
    docx = tmp_path / "b.docx"
    assert run("procurement", "export", "B", "-o", str(docx), db=db).returncode == 0
    assert docx.read_bytes()[:2] == b"PK"
    missing = run("procurement", "export", "Z", "-o", str(docx), db=db)
    assert missing.returncode == 1 and "no slice 'Z'" in missing.stderr


def test_forecast(tmp_path: Path) -> None:
    start = date(2026, 1, 1)
    rows = "".join(f"{i},{start + timedelta(days=i // 2)}\n" for i in range(40))
    (tmp_path / "done.csv").write_text(f"id,finished\n{rows}", encoding="utf-8")
    out = tmp_path / "f.json"
    done = run(
        "forecast",
        str(tmp_path / "done.csv"),
        "--items",
        "10",
        "--by",
        "2026-02-15",
        "--json",
        str(out),
        db=tmp_path / "x.db",
    )
    assert done.returncode == 0, done.stderr
    document = json.loads(out.read_text())
    assert document["p50"] <= document["p85"] <= document["p95"]
    assert document["data_points"] == 20 and document["warning"] is None
    assert document["p50"] == "2026-01-25"  # two a day, every day: 10 items in 5 days
    # 26 days from 21 January to 15 February at two a day
    assert document["count_p85"] == 52 and document["backtest_p85_hit_rate"] is None


def test_a_bad_throughput_file_is_located(tmp_path: Path) -> None:
    (tmp_path / "done.csv").write_text("id;Klar\n1;2026-01-01\n2;igår\n", encoding="utf-8")
    out = tmp_path / "f.json"
    done = run(
        "forecast",
        str(tmp_path / "done.csv"),
        "--items",
        "3",
        "--json",
        str(out),
        db=tmp_path / "x.db",
    )
    assert done.returncode == 1 and "no date column 'finished'" in done.stderr
    done = run(
        "forecast",
        str(tmp_path / "done.csv"),
        "--items",
        "3",
        "--date-column",
        "klar",
        "--json",
        str(out),
        db=tmp_path / "x.db",
    )
    assert done.returncode == 1 and "row 3, column 'Klar'" in done.stderr and not out.exists()
