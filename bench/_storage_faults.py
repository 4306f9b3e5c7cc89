"""Part 3 of bench/faults_under_load.py: a full disk and read-only storage. Not a script.

The database's storage, made full or read-only for the CLI and for a server started in it:

- SQLite: its folder on a tmpfs a little larger than the database, mounted over it in a private
  mount namespace (`unshare -m`: root or user namespaces; without one, a file-size limit,
  RLIMIT_FSIZE, on the process), and its folder read-only (a read-only bind mount there, or
  chmod 555 without a namespace). The real folder is left as it was.
- PostgreSQL: the server's files are not the client's to mount, so where the server runs on
  this machine and the bench as root, the scratch database is moved to a tablespace on a tmpfs
  a little larger than it (PostgreSQL's own "could not extend file: No space left on device",
  SQLSTATE 53100), then back. Read-only is `default_transaction_read_only` on the database,
  what a hot standby or an operator's read-only setting gives (SQLSTATE 25006).

For each: the CLI import must exit 1 with one line naming the database and the cause, no
traceback; the server must answer pages or 503 problems, never a 500 (a sign-in, the systems
list and an API import, which writes); and the systems must be as before. Besides, on both
databases, the data folder (where event logs are stored, beside the database) full and
read-only: `workflows import` must exit 1 with one line naming the file it could not write,
and nothing may be recorded.
"""

from __future__ import annotations

import resource
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _fault_state import fingerprint, systems_state
from _storage_web import web_under

MARGIN = 256 * 1024  # room left on a "full" disk: a little of the write fits, not all
DATA_MARGIN = 32 * 1024  # a stored event log (the receipt log: 180 KB) does not fit


@dataclass
class Condition:
    """A storage fault as a command prefix (a mount namespace) or a preexec function."""

    name: str
    how: str
    words: str  # in the CLI's message
    wrapper: list[str] = field(default_factory=list)
    preexec: Callable[[], None] | None = None


def _namespace(script: str, folder: Path) -> list[str] | None:
    """A command prefix running `script` (which ends by exec'ing the command) in a private
    mount namespace, or None where none can be made."""
    if shutil.which("unshare") is None:
        return None
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True, check=False)
    return (
        ["unshare", "-m", "sh", "-c", script, "sh", str(folder)] if probe.returncode == 0 else None
    )


def _size_limit(limit: int) -> Callable[[], None]:
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def _used(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def full_folder(folder: Path, limit_file: Path | None, words: str, margin: int) -> Condition:
    size = _used(folder) + margin
    script = (
        f'cp -a "$1" "$1.full" && mount -t tmpfs -o size={size} tmpfs "$1" && '
        f'cp -a "$1.full"/. "$1"/ && rm -rf "$1.full" && shift && exec "$@"'
    )
    wrapper = _namespace(script, folder)
    if wrapper is not None:
        return Condition("full disk", "tmpfs in a mount namespace", words, wrapper)
    limit = (limit_file.stat().st_size if limit_file else 0) + 64 * 1024
    return Condition("full disk", "RLIMIT_FSIZE", "", [], _size_limit(limit))


def read_only_folder(folder: Path, words: str) -> Condition:
    script = 'mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" "$1" && shift && exec "$@"'
    wrapper = _namespace(script, folder)
    if wrapper is not None:
        return Condition("read-only folder", "read-only bind mount", words, wrapper)
    folder.chmod(0o555)
    return Condition("read-only folder", "chmod 555", words)


def produktlyft(
    database: str, env: dict[str, str], condition: Condition, *args: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*condition.wrapper, sys.executable, "-m", "produktlyft", "--database", database, *args],
        capture_output=True,
        text=True,
        env=env,
        preexec_fn=condition.preexec,  # no reader or writer thread runs by now
        check=False,
    )


def _one_line(done: subprocess.CompletedProcess[str], *words: str) -> tuple[bool, str]:
    message = done.stderr.strip()
    clear = done.returncode == 1 and "\n" not in message and "Traceback" not in message
    clear = clear and "Internal error" not in message and all(w in message for w in words)
    return clear, f"CLI exit {done.returncode}: {message[:240]}"


def check_database(ctx: dict[str, Any], condition: Condition, where: str) -> list[str]:
    """The CLI import and the server under `condition`; the systems must not change."""
    database, url, env, path = ctx["database"], ctx["url"], ctx["env"], ctx["path"]
    before = fingerprint(systems_state(url, set()))
    print(f"  {condition.name}: the CLI import ...", flush=True)
    done = produktlyft(database, env, condition, "import", str(path))
    clear, said = _one_line(done, where, condition.words)
    lines = [f"{'ok' if clear else 'FAILED'}: {condition.name} ({condition.how}), {said}"]
    print(f"  {condition.name}: the server ...", flush=True)
    web = web_under(condition.name, condition.how, database, env, condition, ctx["token"], path)
    lines.append(web)
    after = fingerprint(systems_state(url, set()))
    lines.append(
        f"{'ok' if after == before else 'FAILED'}: {condition.name}, systems before {before}, "
        f"after {after}"
    )
    return lines


def _event_logs(url: str) -> int:
    from sqlalchemy import func, select

    from produktlyft.kernel.db import Database
    from produktlyft.workflows.tables import event_logs

    database = Database(url)
    try:
        with database.reading() as uow:
            count = uow.connection.execute(select(func.count()).select_from(event_logs))
            return int(count.one()[0])
    finally:
        database.dispose()


def check_data_folder(ctx: dict[str, Any], condition: Condition) -> str:
    """An event-log import with the data folder under `condition`: one line, nothing kept."""
    database, url, env, event_log = ctx["database"], ctx["url"], ctx["env"], ctx["event_log"]
    data = Path(env["PRODUKTLYFT_DATA_DIR"])
    before = _event_logs(url)
    print(f"  data folder, {condition.name}: the event-log import ...", flush=True)
    name = f"storage-{condition.name.split()[0]}"
    args = ("workflows", "import", str(event_log), "--name", name)
    done = produktlyft(database, env, condition, *args)
    clear, said = _one_line(done, str(data), condition.words)
    after = _event_logs(url)
    ok = clear and after == before
    return (
        f"{'ok' if ok else 'FAILED'}: data folder {condition.name} ({condition.how}), {said}; "
        f"event logs recorded before {before}, after {after}"
    )


def sqlite_faults(ctx: dict[str, Any]) -> list[str]:
    db_file = Path(ctx["database"].removeprefix("sqlite:///"))
    lines = []
    for make in (
        lambda: full_folder(db_file.parent, db_file, "disk is full", MARGIN),
        lambda: read_only_folder(db_file.parent, "read-only"),
    ):
        try:
            lines += check_database(ctx, make(), str(db_file))
        finally:
            db_file.parent.chmod(0o755)
    return lines + _data_folder_faults(ctx)


def _data_folder_faults(ctx: dict[str, Any]) -> list[str]:
    data = Path(ctx["env"]["PRODUKTLYFT_DATA_DIR"])
    lines = []
    for make in (
        lambda: full_folder(data, None, "No space left on device", DATA_MARGIN),
        lambda: read_only_folder(data, "Read-only file system"),
    ):
        try:
            condition = make()
            if condition.preexec is not None:
                condition.words = "File too large"  # the file-size limit's EFBIG
            lines.append(check_data_folder(ctx, condition))
        finally:
            data.chmod(0o755)
    return lines


def postgresql_faults(ctx: dict[str, Any]) -> list[str]:
    from _pg_storage import full_tablespace, read_only_database

    lines = []
    for fault in (full_tablespace, read_only_database):
        with fault(ctx["url"], ctx["admin_url"], MARGIN) as (condition, skipped):
            if condition is None:
                lines.append(f"not tried: {skipped}")
                continue
            name = ctx["url"].rsplit("/", 1)[-1]
            lines += check_database(ctx, condition, name)
    return lines + _data_folder_faults(ctx)
