"""A real `produktlyft serve` for tests that need one, started and awaited by its state."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pytest

# The last-resort guard against a hang, not a budget for a step: every wait is for a state, and
# this only ends a wait whose state never comes (a dead server, a lost page) so that the test
# fails instead of CI stalling. Generous because CI runners share their cores: on a loaded
# machine the server's start or a page's load can take tens of seconds, and must not fail.
HANG_GUARD_SECONDS = 120


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(url: str, folder: Path, settings: Mapping[str, str] | None = None) -> Iterator[str]:
    """`produktlyft serve` on a free port over the database at `url`, with its data folder in
    `folder` and these settings in its environment; yields its address once it answers."""
    port = free_port()
    env = {**os.environ, "PRODUKTLYFT_DATA_DIR": str(folder / "data"), **(settings or {})}
    command = [sys.executable, "-m", "produktlyft", "--database", url, "serve"]
    command += ["--host", "127.0.0.1", "--port", str(port)]
    base = f"http://127.0.0.1:{port}"
    log = folder / f"serve-{port}.log"
    with log.open("wb") as output:
        process = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT)
    try:
        wait_until_answering(base, process, log)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=HANG_GUARD_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until_answering(base: str, process: subprocess.Popen[bytes], log: Path) -> None:
    """Return once the server answers /healthz; fail at once, with its output, if it exits.

    Polled because nothing tells a client that a port has started listening; the pause between
    probes only spaces them out. HANG_GUARD ends the wait if the server neither answers nor exits.
    """
    deadline = time.monotonic() + HANG_GUARD_SECONDS
    while True:
        if process.poll() is not None:
            output = log.read_text(encoding="utf-8", errors="replace")[-4000:]
            pytest.fail(f"produktlyft serve exited with {process.returncode}:\n{output}")
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=HANG_GUARD_SECONDS):
                return
        except OSError:
            if time.monotonic() > deadline:
                pytest.fail(f"produktlyft serve did not answer within {HANG_GUARD_SECONDS} s")
            time.sleep(0.1)
