"""Part 2 of bench/faults_under_load.py: the server SIGKILLed while it imports a file uploaded
through the API, with `--clients` readers reading. Not a script.

The moments of the kills are states of the import, not times, so that a busy machine (where
starting the server alone can take minutes) moves them as it moves the import:

- "sent": as soon as the whole upload is on the wire (the server reads, parses, validates);
- "open": as soon as the import's write transaction is seen open;
- "open + f": a share f of the write transaction's length later, as measured by a first
  import that is let finish (the calibration, which must land whole: "after").

A write transaction is seen open, on SQLite, as the write lock of its WAL (byte 120 of the
-shm file) in /proc/locks (Linux); on PostgreSQL, as a ROW EXCLUSIVE lock on the systems table
in pg_locks. After each kill the systems in the database must equal the state before the
import or the state after it, never anything between.
"""

from __future__ import annotations

import http.client
import os
import signal
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx2
from _fault_clients import Readers
from _fault_state import fingerprint, import_file, systems_state
from _server import free_port, start_server, stop_server

GUARD_SECONDS = 1800  # a last resort against a hang, never the measure: the states are
POLL_SECONDS = 0.005


@dataclass(frozen=True)
class KillPoint:
    name: str
    share: float | None  # of the write transaction's length after it opened; None: at "sent"


def kill_points(kills: int) -> list[KillPoint]:
    """The first kill once the upload is sent, the others spread over the write transaction."""
    points = [KillPoint("sent", None)]
    for number in range(kills - 1):
        share = number / max(kills - 1, 1)
        points.append(KillPoint("open" if share == 0 else f"open + {share:.0%}", share))
    return points[:kills]


class WriteProbe:
    """Whether the import's write transaction is open right now."""

    def __init__(self, url: str) -> None:
        self.url = url
        sqlite = url.startswith("sqlite")
        self.shm = Path(url.removeprefix("sqlite:///") + "-shm") if sqlite else None
        self.connection: Any = None
        if self.shm is None:
            import psycopg
            from sqlalchemy.engine import make_url

            plain = make_url(url).set(drivername="postgresql").render_as_string(False)
            self.connection = psycopg.connect(plain, autocommit=True)

    def __call__(self) -> bool:
        return self._sqlite() if self.shm is not None else self._postgresql()

    def _sqlite(self) -> bool:
        assert self.shm is not None
        try:
            inode = self.shm.stat().st_ino
        except FileNotFoundError:
            return False
        with open("/proc/locks", encoding="ascii") as locks:
            for line in locks:
                parts = line.split()  # "5: POSIX ADVISORY WRITE pid maj:min:inode 120 120"
                held = len(parts) >= 8 and parts[3] == "WRITE" and parts[6] == "120"
                if held and parts[5].endswith(f":{inode}"):
                    return True
        return False

    def _postgresql(self) -> bool:
        row = self.connection.execute(
            "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
            "WHERE l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
            "AND c.relname = 'systems' AND l.mode = 'RowExclusiveLock' AND l.granted "
            "AND l.pid <> pg_backend_pid()"
        ).fetchone()
        return bool(row and row[0])

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()


class Upload(threading.Thread):
    """POSTs an import file to the API on its own connection. `sent` is set once the whole
    request is on the wire; `answer` says what came back, or how the kill cut it off."""

    def __init__(self, port: int, token: str, path: Path) -> None:
        super().__init__(daemon=True)
        self.port, self.token, self.path = port, token, path
        self.sent = threading.Event()
        self.answer = "?"
        self.answered_at = 0.0

    def run(self) -> None:
        boundary = uuid.uuid4().hex
        body = (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
                f'filename="{self.path.name}"\r\nContent-Type: application/json\r\n\r\n'
            ).encode()
            + self.path.read_bytes()
            + f"\r\n--{boundary}--\r\n".encode()
        )
        headers = {
            "Authorization": f"Bearer {self.token}",
            "Content-Type": f"multipart/form-data; boundary={boundary}",
        }
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=GUARD_SECONDS)
        try:
            connection.request("POST", "/api/v1/imports?dry_run=false", body, headers)
            self.sent.set()
            response = connection.getresponse()
            response.read()
            self.answer = f"answered {response.status}"
        except (OSError, http.client.HTTPException) as error:
            self.answer = f"cut off ({type(error).__name__})"
        finally:
            self.answered_at = time.monotonic()
            self.sent.set()
            connection.close()


def _wait_until(condition: Any, upload: Upload, what: str) -> bool:
    """Poll `condition` until it holds (True) or the upload was answered first (False)."""
    deadline = time.monotonic() + GUARD_SECONDS
    while not condition():
        if not upload.is_alive():
            return False
        if time.monotonic() > deadline:
            raise SystemExit(f"gave up waiting for {what} after {GUARD_SECONDS} s")
        time.sleep(POLL_SECONDS)
    return True


def _warm_up(port: int, token: str) -> None:
    """One API read with the importer's token before the upload: the token's last use is
    recorded (a small write) here, not while the probe watches for the import's writes."""
    with httpx2.Client(base_url=f"http://127.0.0.1:{port}/api/v1", timeout=GUARD_SECONDS) as c:
        c.get("/systems", params={"page_size": 1}, headers={"Authorization": f"Bearer {token}"})


def _drive(
    point: KillPoint | None, upload: Upload, probe: WriteProbe, transaction: float
) -> tuple[str, float]:
    """Start the upload and wait for the kill point (None: let it finish). Returns what
    happened and, for the calibration, the write transaction's seconds."""
    upload.start()
    if point is not None and point.share is None:
        upload.sent.wait()
        return "killed once the upload was sent", 0.0
    if not _wait_until(probe, upload, "the import's write transaction"):
        upload.join()
        return "the import ended before its write transaction was seen open", 0.0
    opened = time.monotonic()
    if point is None:
        upload.join()
        return "let finish", upload.answered_at - opened
    target = opened + (point.share or 0.0) * transaction
    if not _wait_until(lambda: time.monotonic() >= target, upload, "the kill's moment"):
        return "the import was answered before the kill's moment", 0.0
    return f"killed {time.monotonic() - opened:.2f} s after the write transaction opened", 0.0


def _trial(
    ctx: dict[str, Any], label: str, point: KillPoint | None, transaction: float
) -> tuple[str, float]:
    args, url = ctx["args"], ctx["url"]
    before = systems_state(url, set(ctx["hot"]))
    changed = ctx["rng"].sample(ctx["others"], 50)
    path, written = import_file(ctx["folder"], ctx["base"], label, args.kill_systems, changed)
    after = {**before, **written}
    port = free_port()
    print(f"  {label}: starting the server ...", flush=True)
    server = start_server(ctx["database"], port, ctx["env"], workers=args.workers)
    probe = WriteProbe(url)
    try:
        _warm_up(port, ctx["token"])
        print(f"  {label}: signing in {args.clients} readers, then uploading ...", flush=True)
        upload = Upload(port, ctx["token"], path)
        with Readers(port, args.clients, ctx["targets"]) as readers:
            what, seconds = _drive(point, upload, probe, transaction)
            if point is not None:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
            else:
                stop_server(server)
        upload.join()
    finally:
        probe.close()
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
    ctx["statuses"].update(readers.statuses)
    now = systems_state(url, set(ctx["hot"]))
    verdict = "before" if now == before else "after" if now == after else "BETWEEN"
    ok = verdict != "BETWEEN" and (point is not None or verdict == "after")
    ctx["between"] += not ok
    line = (
        f"{label} ({point.name if point else 'calibration, no kill'}): {what}; upload "
        f"{upload.answer}; state {verdict if ok else verdict + ' (FAILED)'}; systems "
        f"{fingerprint(now)} (before {fingerprint(before)}, after {fingerprint(after)})"
    )
    print(f"  {line}", flush=True)
    return line, seconds


def kill_mid_import(ctx: dict[str, Any]) -> list[str]:
    """The calibration import, then one killed import per kill point; a line for each."""
    line, transaction = _trial(ctx, "CAL", None, 0.0)
    lines = [line + f"; its write transaction took {transaction:.2f} s"]
    for number, point in enumerate(kill_points(ctx["args"].kills)):
        lines.append(_trial(ctx, f"KILL{number + 1}", point, transaction)[0])
    return lines
