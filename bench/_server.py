"""What the web benchmarks share: the demo database, a real `produktlyft serve` process,
signed-in HTTP clients, the /healthz floor and percentiles. Not a script: the scripts beside it
(web_load.py, faults_under_load.py) import it."""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

PASSWORD = "bench-password-2026"
START_GUARD_SECONDS = 900


def environment(folder: Path, page_cache_entries: int | None = None) -> dict[str, str]:
    """The server's and the commands' environment: their own data folder and secret."""
    env = {
        **os.environ,
        "PRODUKTLYFT_DATA_DIR": str(folder / "data"),
        "PRODUKTLYFT_SECRET_KEY": uuid.uuid4().hex,
    }
    if page_cache_entries is not None:
        env["PRODUKTLYFT_PAGE_CACHE_ENTRIES"] = str(page_cache_entries)
    return env


def cli(
    database: str,
    *args: str,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
    check: bool = True,
) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "produktlyft", "--database", database, *args]
    result = subprocess.run(
        command, input=stdin, capture_output=True, text=True, env=env, check=False
    )
    if check and result.returncode != 0:
        raise SystemExit(f"`produktlyft {' '.join(args)}` failed:\n{result.stderr}")
    return result


def analyse(database: str) -> None:
    """Refresh the planner's statistics after the bulk load, as PostgreSQL's autovacuum does
    within a minute or so of a large import (and as `ANALYZE` does for SQLite). PostgreSQL
    also gets the storage cost docs/web.md recommends for data held in memory or on SSD."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from produktlyft.kernel.db.database import normalise_url

    url = normalise_url(database)
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        if url.startswith("postgresql"):
            name = make_url(url).database
            connection.execute(text(f'ALTER DATABASE "{name}" SET random_page_cost = 1.1'))
        connection.execute(text("ANALYZE"))
    engine.dispose()


def create_demo(
    backend: str, database: str, systems: int, seed: int, folder: Path, env: dict[str, str]
) -> None:
    """The demo organisation with `systems` systems, analysed, and a viewer and an editor
    account ('bench' and 'editor') with PASSWORD."""
    started = time.perf_counter()
    cli(database, "init", env=env)
    cli(
        database,
        "demo",
        "--systems",
        str(systems),
        "--seed",
        str(seed),
        "--out",
        str(folder / "demo"),
        env=env,
    )
    print(
        f"{backend}: created the {systems:,}-system demo in {time.perf_counter() - started:.0f} s"
    )
    analyse(database)
    for name, role in (("bench", "viewer"), ("editor", "editor")):
        cli(
            database,
            "user",
            "add",
            name,
            "--role",
            role,
            "--password-stdin",
            stdin=PASSWORD + "\n",
            env=env,
        )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(
    database: str,
    port: int,
    env: dict[str, str],
    workers: int = 2,
    wrapper: Sequence[str] = (),
    stderr: int | None = subprocess.DEVNULL,
    preexec: Callable[[], None] | None = None,
) -> subprocess.Popen[bytes]:
    """`produktlyft serve` on loopback, returned once it accepts connections. `wrapper` is
    put in front of the command (e.g. to run it in its own mount namespace), `preexec` run
    in the child before it (e.g. to limit the size of the files it writes)."""
    server = subprocess.Popen(
        [
            *wrapper,
            sys.executable,
            "-m",
            "produktlyft",
            "--database",
            database,
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=stderr,
        preexec_fn=preexec,  # noqa: PLW1509 - set only where no other thread runs
        start_new_session=True,  # so that killing it kills its workers too
    )
    # on a busy machine importing the app and checking the schema can take minutes: wait
    # for the state (a listening port), with a last-resort guard against a hang
    deadline = time.monotonic() + START_GUARD_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server ended at start with code {server.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server
        except OSError:
            time.sleep(0.2)
    stop_server(server)
    raise SystemExit(f"the server did not start within {START_GUARD_SECONDS} s")


def stop_server(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:  # a worker stuck on a busy machine
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


class Client:
    """One signed-in visitor with its own keep-alive connection and session cookie."""

    def __init__(self, port: int, name: str, password: str = PASSWORD) -> None:
        self.port = port
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookie = ""
        status, page = self.get("/login")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page)
        if status != 200 or token is None:
            raise SystemExit("the login page did not answer")
        form = urllib.parse.urlencode(
            {"name": name, "password": password, "csrf_token": token.group(1), "next": "/"}
        )
        status, _ = self.request(
            "POST", "/login", form, {"Content-Type": "application/x-www-form-urlencoded"}
        )
        if status != 303:
            raise SystemExit(f"signing in as {name} failed with {status}")

    def request(
        self,
        method: str,
        path: str,
        body: str | None = None,
        headers: dict[str, str] | None = None,
        retry: bool = True,
    ) -> tuple[int, str]:
        try:
            self.connection.request(
                method, path, body=body, headers={"Cookie": self.cookie, **(headers or {})}
            )
            response = self.connection.getresponse()
        except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
            # the server closes idle keep-alive connections; during setup, connect again
            self.connection.close()
            if not retry:
                raise
            return self.request(method, path, body, headers, retry=False)
        text = response.read().decode("utf-8", "replace")
        cookie = response.getheader("set-cookie")
        if cookie:
            self.cookie = cookie.split(";", 1)[0]
        return response.status, text

    def get(self, path: str, retry: bool = True) -> tuple[int, str]:
        return self.request("GET", path, retry=retry)


def percentile(values: list[float], share: float) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[round(share * 100) - 1]


class HealthFloor:
    """Asks /healthz (no database, no template) every `interval` seconds on its own
    connection while the load runs: its p95 is the machine's floor in the same run, what
    any request costs on this machine at this moment, so figures from busy and idle machines
    can be compared through their ratio to it."""

    def __init__(self, port: int, interval: float = 0.05) -> None:
        self.port, self.interval = port, interval
        self.times: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        while not self._stop.is_set():
            started = time.perf_counter()
            try:
                connection.request("GET", "/healthz")
                connection.getresponse().read()
                self.times.append((time.perf_counter() - started) * 1000)
            except (OSError, http.client.HTTPException):
                connection.close()
            self._stop.wait(self.interval)
        connection.close()

    def __enter__(self) -> HealthFloor:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def p95(self) -> float:
        return percentile(self.times, 0.95)
