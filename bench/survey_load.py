"""Load on the answering endpoint: N submissions per second for S seconds against a real
`produktlyft serve` process, with zero lost or doubled answers, on SQLite and PostgreSQL.

Every second the driver sends `--rate` new answers through fresh links, from a pool of
`--rate` concurrent clients, and re-sends a tenth of them a second time at the same moment
(each must be refused with 409). At the end the counters in the database must equal the number
of accepted answers exactly: nothing lost, nothing counted twice.

Usage: python bench/survey_load.py [--seconds 60] [--rate 50] [--postgres ADMIN_URL]
The goal (issue 6): 50 per second for 60 s with zero lost or doubled answers.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

import httpx2

from produktlyft.kernel.access import Actor, Role
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.db import Database
from produktlyft.kernel.db.testing import create_scratch_database, drop_scratch_database
from produktlyft.kernel.settings import Settings
from produktlyft.surveys.repository import SurveyRepository
from produktlyft.surveys.services.rounds import create_round, generate_links

FIELDS = [f"westrum.{i}" for i in range(1, 7)] + [f"psych-safety.{i}" for i in range(1, 8)]
TEAMS = [f"Team {n}" for n in range(1, 11)]


def prepare(url: str, answers: int) -> tuple[str, list[str]]:
    database = Database(url)
    database.migrate()
    ctx = ServiceContext(database, Actor("load", Role.ADMIN), Settings(database_url=url))
    round_id = create_round(
        ctx,
        instruments=["westrum", "psych-safety"],
        groups=TEAMS,
        closes_on=date.today() + timedelta(days=2),
    ).round.id
    per_team = answers // len(TEAMS) + 1
    tokens = [t for team in TEAMS for t in generate_links(ctx, round_id, team, per_team).tokens]
    random.Random(1).shuffle(tokens)
    database.dispose()
    return round_id, tokens[:answers]


def counted(url: str, round_id: str) -> int:
    database = Database(url)
    with database.reading() as uow:
        total = sum(uow.repo(SurveyRepository).respondents(round_id).values())
    database.dispose()
    return total


def serve(url: str, port: int, folder: Path) -> subprocess.Popen[bytes]:
    environment = {
        **os.environ,
        "PRODUKTLYFT_DATABASE_URL": url,
        "PRODUKTLYFT_DATA_DIR": str(folder / "data"),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "produktlyft", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    for _ in range(300):
        try:
            if httpx2.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return process
        except httpx2.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit(f"the server did not start: {process.stderr.read().decode()[-2000:]}")


class Tally:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.status: dict[int, int] = {}
        self.latencies: list[float] = []
        self.accepted: set[str] = set()
        self.accepted_twice = 0

    def add(self, token: str, status: int, seconds: float) -> None:
        with self.lock:
            self.status[status] = self.status.get(status, 0) + 1
            self.latencies.append(seconds)
            if status == 200:
                if token in self.accepted:
                    self.accepted_twice += 1
                self.accepted.add(token)


def drive(port: int, tokens: list[str], rate: int, seconds: int) -> tuple[Tally, float]:
    tally = Tally()
    rng = random.Random(2)
    local = threading.local()

    def submit(token: str) -> None:
        client = getattr(local, "client", None)
        if client is None:
            client = local.client = httpx2.Client(base_url=f"http://127.0.0.1:{port}", timeout=30)
        answer = {field: str(rng.randint(1, 7)) for field in FIELDS}
        started = time.perf_counter()
        try:
            status = client.post(f"/s/{token}", data=answer).status_code
        except httpx2.HTTPError:
            status = 599
        tally.add(token, status, time.perf_counter() - started)

    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=rate + rate // 10) as pool:
        for second in range(seconds):
            batch = tokens[second * rate : (second + 1) * rate]
            again = batch[: max(1, rate // 10)]
            for token in batch + again:  # a tenth are sent twice, at the same moment
                pool.submit(submit, token)
            pause = began + second + 1 - time.perf_counter()
            if pause > 0:
                time.sleep(pause)
    return tally, time.perf_counter() - began


def run(name: str, url: str, args: argparse.Namespace, folder: Path) -> bool:
    answers = args.rate * args.seconds
    round_id, tokens = prepare(url, answers)
    port = args.port
    process = serve(url, port, folder)
    try:
        tally, elapsed = drive(port, tokens, args.rate, args.seconds)
    finally:
        process.terminate()
        process.wait(timeout=30)
    stored = counted(url, round_id)
    accepted = len(tally.accepted)
    lost = accepted - stored if stored < accepted else 0
    doubled = (
        stored - accepted + tally.accepted_twice if stored > accepted else tally.accepted_twice
    )
    latencies = sorted(tally.latencies)
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    errors = sum(n for status, n in tally.status.items() if status not in (200, 409))
    ok = lost == 0 and doubled == 0 and errors == 0 and accepted == answers
    print(
        f"{name}: {accepted} answers accepted of {answers} sent once "
        f"({accepted / elapsed:.1f}/s over {elapsed:.1f} s), {tally.status.get(409, 0)} "
        f"second sends refused with 409, {errors} errors; stored {stored}: lost {lost}, "
        f"doubled {doubled}; latency p50 {statistics.median(latencies) * 1000:.0f} ms, "
        f"p95 {p95 * 1000:.0f} ms; goal {args.rate}/s for {args.seconds} s "
        f"{'met' if ok else 'NOT met'}"
    )
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--rate", type=int, default=50)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--postgres",
        help="Admin URL of a PostgreSQL server, e.g. "
        "postgresql://postgres@127.0.0.1:5432/test; omit to skip PostgreSQL.",
    )
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as folder:
        results.append(run("SQLite", f"sqlite:///{Path(folder) / 'load.db'}", args, Path(folder)))
        if args.postgres:
            scratch = f"survey_load_{os.getpid()}"
            url = create_scratch_database(args.postgres, scratch)
            try:
                results.append(run("PostgreSQL", url, args, Path(folder)))
            finally:
                drop_scratch_database(args.postgres, scratch)
    print(
        f"SUMMARY survey_load: {args.rate}/s for {args.seconds} s, zero lost or doubled: "
        f"{'met' if all(results) else 'NOT met'} on "
        f"{' and '.join(['SQLite', 'PostgreSQL'][: len(results)])}"
    )
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
