"""PostgreSQL's storage faults for bench/_storage_faults.py: the database's tablespace on a
full disk, and the database read-only. Not a script.

The full disk needs the database server on this machine and the bench running as root: a tmpfs
a little larger than the scratch database is mounted (in this machine's mount namespace, where
the server sees it), made a tablespace, and the database moved onto it; afterwards it is moved
back, the tablespace dropped and the tmpfs unmounted. Nothing else of the server is touched.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg
from _storage_faults import Condition
from sqlalchemy.engine import make_url

GUARD_SECONDS = 600  # waiting for the database's last connections to end


def _plain(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _why_not(admin: Any, admin_url: str) -> str:
    """Why a tablespace on a tmpfs cannot be made here, or ''."""
    if make_url(admin_url).host not in (None, "", "127.0.0.1", "localhost", "::1"):
        return "the database server is on another machine"
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return "mounting a tmpfs needs root"
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        return "no 'postgres' account owns the server's files here"
    directory = admin.execute("SHOW data_directory").fetchone()[0]
    return "" if Path(directory).is_dir() else "the server's data directory is not on this machine"


def _wait_for_no_connections(admin: Any, name: str) -> None:
    """ALTER DATABASE … SET TABLESPACE needs the database unused: killed servers' sessions end
    when PostgreSQL notices, so wait for that state."""
    deadline = time.monotonic() + GUARD_SECONDS
    query = "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()"
    while admin.execute(query, (name,)).fetchone()[0]:
        if time.monotonic() > deadline:
            raise SystemExit(f"the database {name} was still in use after {GUARD_SECONDS} s")
        time.sleep(0.2)


@contextmanager
def full_tablespace(
    url: str, admin_url: str, margin: int
) -> Iterator[tuple[Condition | None, str]]:
    name = make_url(url).database or ""
    with psycopg.connect(_plain(admin_url), autocommit=True) as admin:
        reason = _why_not(admin, admin_url)
        if reason:
            yield None, f"full disk on PostgreSQL: {reason}"
            return
        folder = Path(tempfile.mkdtemp(prefix="produktlyft-pgfull-"))
        tablespace = f"produktlyft_full_{uuid.uuid4().hex[:8]}"
        done: list[str] = []
        try:
            size = admin.execute("SELECT pg_database_size(%s)", (name,)).fetchone()[0] + margin
            options = f"size={size},mode=0700"
            mount = ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)]
            subprocess.run(mount, check=True)
            done.append("mounted")
            shutil.chown(folder, "postgres", "postgres")
            admin.execute(f"CREATE TABLESPACE \"{tablespace}\" LOCATION '{folder}'")
            done.append("created")
            _wait_for_no_connections(admin, name)
            admin.execute(f'ALTER DATABASE "{name}" SET TABLESPACE "{tablespace}"')
            done.append("moved")
            how = f"its tablespace on a {size // 1024:,} KiB tmpfs, {margin // 1024} KiB free"
            yield Condition("full disk", how, "disk is full"), ""
        finally:
            if "moved" in done:
                _wait_for_no_connections(admin, name)
                admin.execute(f'ALTER DATABASE "{name}" SET TABLESPACE pg_default')
            if "created" in done:
                admin.execute(f'DROP TABLESPACE "{tablespace}"')
            if "mounted" in done:
                subprocess.run(["umount", str(folder)], check=False)
            folder.rmdir()


@contextmanager
def read_only_database(
    url: str, admin_url: str, _margin: int
) -> Iterator[tuple[Condition | None, str]]:
    name = make_url(url).database or ""
    with psycopg.connect(_plain(admin_url), autocommit=True) as admin:
        admin.execute(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')
        try:
            how = "default_transaction_read_only = on"
            yield Condition("read-only database", how, "read-only"), ""
        finally:
            admin.execute(f'ALTER DATABASE "{name}" RESET default_transaction_read_only')
