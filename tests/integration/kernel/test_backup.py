"""Backup and restore (issue 15): a round trip gives back the same export, survey results and
workflow analysis, across databases too; a damaged archive or an occupied target is refused
with nothing written."""

from __future__ import annotations

import json
import re
import uuid
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from produktlyft.demo.service import load_demo
from produktlyft.inventory.services.export import export_inventory
from produktlyft.kernel.access import Role
from produktlyft.kernel.backup.archive import BackupRefused
from produktlyft.kernel.backup.service import make_backup, restore_backup
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.db import Database
from produktlyft.kernel.db.backup import target_state
from produktlyft.kernel.errors import PermissionDenied
from produktlyft.surveys.services.reports import survey_report
from produktlyft.surveys.services.rounds import list_rounds
from produktlyft.workflows.presenter import analysis_json
from produktlyft.workflows.services.analysis import analyse_event_log
from produktlyft.workflows.services.logs import list_event_logs
from tests.conftest import POSTGRES_URL, make_context
from tests.integration.inventory.test_cli import run


def _load(ctx: ServiceContext, tmp_path: Path, *, full: bool) -> None:
    if full:  # the workflows' stored log and the survey rounds too
        load_demo(ctx, 30, 3, tmp_path / "demo-out", workflows=True, culture=True)
    else:
        load_demo(ctx, 20, 3, tmp_path / "demo-out")
    uploads = ctx.settings.resolved_data_dir() / "uploads" / ("k" * 24)
    uploads.mkdir(parents=True)
    (uploads / "waiting.csv").write_bytes("namn;ägare\nÅ;B\n".encode())


def _facts(ctx: ServiceContext, tmp_path: Path, name: str) -> dict[str, Any]:
    """What a restore must give back: the export, every round's results, every log's analysis."""
    export = tmp_path / f"{name}.json"
    export_inventory(ctx, "json", export)
    rounds = {
        round_.id: survey_report(ctx, round_.id, lang="en").model_dump(mode="json")
        for round_, _status in list_rounds(ctx)
    }
    logs = {
        log.name: _canonical(analysis_json(analyse_event_log(ctx, log.name)))
        for log in list_event_logs(ctx)
    }
    data_dir = ctx.settings.resolved_data_dir()
    files = sorted(
        p.relative_to(data_dir).as_posix()
        for p in data_dir.rglob("*")
        if p.is_file() and p.name != "secret_key"
    )
    return {
        "export": export.read_text(encoding="utf-8").splitlines(),
        "rounds": rounds,
        "logs": logs,
        "files": files,
    }


def _canonical(value: Any) -> Any:
    """An analysis without what varies between two runs on the same stored log: it sums in
    parallel threads (floats differ in the last bits) and lists tied items in any order."""
    if isinstance(value, dict):
        return {key: _canonical(item) for key, item in value.items()}
    if isinstance(value, list):
        items = [_canonical(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True, default=str))
    if isinstance(value, float):
        return float(f"{value:.10g}")
    return value


def _differences(a: Any, b: Any, at: str = "") -> list[str]:
    """Where two facts differ, as paths to the differing values (a readable failure)."""
    if isinstance(a, dict) and isinstance(b, dict):
        keys = sorted(set(a) | set(b), key=str)
        return [d for k in keys for d in _differences(a.get(k), b.get(k), f"{at}/{k}")]
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return [
            d
            for i, (x, y) in enumerate(zip(a, b, strict=True))
            for d in _differences(x, y, f"{at}/{i}")
        ]
    return [] if a == b else [f"{at}: {str(a)[:80]!r} != {str(b)[:80]!r}"]


def _context(database: Database, data_dir: Path) -> ServiceContext:
    return make_context(database, data_dir=data_dir)


@pytest.fixture
def source(database: Database, tmp_path: Path) -> ServiceContext:
    """The demo organisation with a few systems, stored files and an upload waiting."""
    ctx = _context(database, tmp_path / "source-data")
    _load(ctx, tmp_path, full=False)
    return ctx


@pytest.fixture
def fresh_postgres(postgres_url: str) -> Iterator[Database]:
    """A PostgreSQL database of its own that nobody has initialised."""
    from produktlyft.kernel.db.testing import create_scratch_database, drop_scratch_database

    name = f"produktlyft_restore_{uuid.uuid4().hex[:10]}"
    database = Database.for_tests(create_scratch_database(POSTGRES_URL, name))
    yield database
    database.dispose()
    drop_scratch_database(POSTGRES_URL, name)


@pytest.fixture
def fresh_sqlite(tmp_path: Path) -> Iterator[Database]:
    database = Database.for_tests(f"sqlite:///{tmp_path / 'restored.db'}")
    yield database
    database.dispose()


_ZONED = re.compile(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?)(?:Z|\+00:00)")


def _same_instant(value: Any) -> Any:
    """The facts with times in one form: SQLite hands back UTC times without the zone that
    PostgreSQL gives them, so the two databases show the same instant in two spellings."""
    if isinstance(value, dict):
        return {key: _same_instant(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_same_instant(item) for item in value]
    if isinstance(value, str):
        return _ZONED.sub(r"\1", value)
    return value


def test_round_trip_gives_back_the_same_export_results_and_analysis_on_either_database(
    database: Database, fresh_sqlite: Database, fresh_postgres: Database, tmp_path: Path
) -> None:
    source = _context(database, tmp_path / "source-data")
    _load(source, tmp_path, full=True)
    before = _facts(source, tmp_path, "before")
    assert before["rounds"] and before["logs"] and "uploads" in " ".join(before["files"])
    archive = tmp_path / "backup.zip"
    summary = make_backup(source, archive)
    assert summary.rows["systems"] == 30 and summary.files == len(before["files"])

    same, other = (
        (fresh_sqlite, fresh_postgres) if database.is_sqlite else (fresh_postgres, fresh_sqlite)
    )
    # into a database of the same kind, never initialised (restore migrates it): the same
    # export byte for byte, the same results and analysis
    target = _context(same, tmp_path / "same-data")
    assert restore_backup(target, archive).rows == summary.rows
    assert _differences(_facts(target, tmp_path, "same"), before) == []
    # into the other kind: the same, times spelled alike
    across = _context(other, tmp_path / "other-data")
    restore_backup(across, archive)
    after = _same_instant(_facts(across, tmp_path, "other"))
    assert _differences(after, _same_instant(before)) == []
    # the keys PostgreSQL hands out next follow the restored ones
    postgres = target if not database.is_sqlite else across
    load_demo(postgres, 32, 3, tmp_path / "more")
    assert target_state(postgres.database)[1]["systems"] == 32


def _state(database: Database, data_dir: Path) -> tuple[object, ...]:
    revision, counts = target_state(database)
    files = sorted(p.as_posix() for p in data_dir.rglob("*")) if data_dir.exists() else None
    return revision, counts, files


def _damaged(archive: Path, tmp_path: Path) -> dict[str, Path]:
    data = archive.read_bytes()
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(data[: len(data) // 2])
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(archive) as old, zipfile.ZipFile(tampered, "w") as new:
        for info in old.infolist():
            content = old.read(info.filename)
            if info.filename == "tables/systems.jsonl":
                content = content.replace(b'"name": "', b'"name": "X', 1)
            new.writestr(info, content)
    newer = tmp_path / "newer.zip"
    with zipfile.ZipFile(archive) as old, zipfile.ZipFile(newer, "w") as new:
        for info in old.infolist():
            content = old.read(info.filename)
            if info.filename == "manifest.json":
                manifest = json.loads(content)
                manifest["alembic_revision"] = "9999_from_the_future"
                content = json.dumps(manifest).encode()
            new.writestr(info, content)
    not_ours = tmp_path / "not-ours.zip"
    with zipfile.ZipFile(not_ours, "w") as new:
        new.writestr("hello.txt", "hello")
    return {
        "truncated": truncated,
        "tampered": tampered,
        "newer": newer,
        "not-ours": not_ours,
        "not a zip": tmp_path / "before.json",
    }


def test_a_damaged_archive_or_an_occupied_target_is_refused_with_nothing_written(
    source: ServiceContext, tmp_path: Path
) -> None:
    (tmp_path / "before.json").write_text("{}")
    archive = tmp_path / "backup.zip"
    make_backup(source, archive)
    target_db = Database.for_tests(f"sqlite:///{tmp_path / 'target.db'}")
    target_dir = tmp_path / "target-data"
    target = _context(target_db, target_dir)
    try:
        expected = {
            "truncated": "truncated",
            "tampered": "checksum of tables/systems.jsonl does not match",
            "newer": "schema revision 9999_from_the_future is unknown",
            "not-ours": "no manifest.json",
            "not a zip": "not a zip archive",
        }
        for kind, path in _damaged(archive, tmp_path).items():
            with pytest.raises(BackupRefused, match=expected[kind]):
                restore_backup(target, path)
            assert _state(target_db, target_dir) == (None, {}, None), kind

        # a target that holds data is refused unless --replace
        restore_backup(target, archive)
        state = _state(target_db, target_dir)
        with pytest.raises(BackupRefused, match="already holds data"):
            restore_backup(target, archive)
        restore_backup(target, archive, replace=True)
        assert _state(target_db, target_dir) == state
    finally:
        target_db.dispose()


def test_a_failure_while_writing_rows_undoes_the_rows_and_the_files(
    source: ServiceContext, tmp_path: Path
) -> None:
    archive = tmp_path / "backup.zip"
    make_backup(source, archive)
    # a row whose parent is missing: valid as an archive, refused by the database at commit
    broken = tmp_path / "orphan.zip"
    _rewrite(archive, broken, "tables/units.jsonl", lambda rows: [])
    state = _state(source.database, source.settings.resolved_data_dir())
    with pytest.raises(Exception, match="nothing was written"):
        restore_backup(source, broken, replace=True)
    assert _state(source.database, source.settings.resolved_data_dir()) == state


def _rewrite(archive: Path, out: Path, member: str, change: Any) -> None:
    """The archive with one table's rows changed and its manifest made to match."""
    import hashlib

    with zipfile.ZipFile(archive) as old:
        manifest = json.loads(old.read("manifest.json"))
        contents = {name: old.read(name) for name in old.namelist()}
    rows = [json.loads(line) for line in contents[member].splitlines()]
    rows = change(rows)
    contents[member] = b"".join(json.dumps(row).encode() + b"\n" for row in rows)
    manifest["sha256"][member] = hashlib.sha256(contents[member]).hexdigest()
    table = member.removeprefix("tables/").removesuffix(".jsonl")
    for entry in manifest["tables"]:
        if entry["name"] == table:
            entry["rows"] = len(rows)
    contents["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(out, "w") as new:
        for name, content in contents.items():
            new.writestr(name, content)


def test_only_an_administrator_backs_up_or_restores(source: ServiceContext, tmp_path: Path) -> None:
    analyst = source.as_actor(source.actor.__class__("a", Role.ANALYST))
    with pytest.raises(PermissionDenied):
        make_backup(analyst, tmp_path / "b.zip")
    assert not (tmp_path / "b.zip").exists()


def test_the_commands(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    assert run("init", db=db).returncode == 0
    assert run("demo", "--systems", "20", "--out", str(tmp_path / "out"), db=db).returncode == 0
    archive = tmp_path / "b.zip"
    made = run("backup", "-o", str(archive), db=db)
    assert made.returncode == 0, made.stderr
    assert "Backup written" in made.stdout
    occupied = run("restore", str(archive), db=db)
    assert occupied.returncode == 1 and "--replace" in occupied.stderr
    assert "Internal error" not in occupied.stderr
    fresh = tmp_path / "fresh.db"
    restored = run("restore", str(archive), db=fresh)
    assert restored.returncode == 0, restored.stderr
    first = run("export", "-f", "json", "-o", str(tmp_path / "1.json"), db=db)
    second = run("export", "-f", "json", "-o", str(tmp_path / "2.json"), db=fresh)
    assert first.returncode == second.returncode == 0
    assert (tmp_path / "1.json").read_bytes() == (tmp_path / "2.json").read_bytes()
    (tmp_path / "cut.zip").write_bytes(archive.read_bytes()[:1000])
    cut = run("restore", str(tmp_path / "cut.zip"), db=tmp_path / "other.db")
    assert cut.returncode == 1 and "nothing was written" in cut.stderr
    assert not (tmp_path / "other.db.data").exists()
