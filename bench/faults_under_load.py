"""Faults under load: background work and a killed server while 20 clients read pages.

On one database (`--db sqlite|postgresql`) with the demo organisation it starts a real
`produktlyft serve` and, while `--clients` signed-in readers request the systems list, filtered
lists, systems' pages and the dashboard (the mix of bench/web_load.py):

1. runs an inventory import, a review run and an event-log import through the CLI, and has
   `--writers` editors change the same few systems through the API with optimistic locking,
   each appending its own mark to the description and re-reading on 409. Afterwards every
   acknowledged mark must be there exactly once: a missing one is a lost write, one seen twice
   a doubled write;
2. kills the server (SIGKILL, its whole process group) while it imports a file uploaded
   through the API, `--kills` times at different moments, and checks after each that the
   systems in the database (their count and a hash of their ids, names and descriptions) equal
   the state before the import or the state after it, never anything between;
3. (SQLite) puts the database on a full disk and in a read-only folder: the CLI must exit 1
   with one line naming the path, the server must answer 503 pages, never a 500. The full disk
   is a tmpfs a little larger than the database, mounted in a private mount namespace
   (`unshare -m`, needs root or user namespaces); without one, a file-size limit
   (RLIMIT_FSIZE) on the process. The read-only folder is a read-only bind mount there, or
   chmod 555 when not root.

It prints requests, errors by status, lost and doubled writes, and each state check, and ends
with one line:

    db=… requests=… errors=… lost=… doubled=… kills=… state_between=… storage_faults=ok|…

    python bench/faults_under_load.py [--db sqlite|postgresql] [--systems 2000] [--clients 20]
                                      [--writers 4] [--kills 3]
"""

from __future__ import annotations

import argparse
import hashlib
import http.client
import json
import os
import random
import re
import signal
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import httpx2
from _server import (
    Client,
    cli,
    create_demo,
    environment,
    free_port,
    start_server,
    stop_server,
)
from _storage_faults import storage_faults
from web_load import KINDS, Targets, find_targets

ROOT = Path(__file__).resolve().parent.parent
EVENT_LOG = ROOT / "src" / "produktlyft" / "demo" / "data" / "receipt.xes.gz"
HOT = 5  # systems the editors fight over


class Readers:
    """`clients` signed-in readers asking for pages until stopped; counts answers by status."""

    def __init__(self, port: int, clients: int, targets: Targets) -> None:
        self.clients = [Client(port, "bench") for _ in range(clients)]
        self.targets = targets
        self.statuses: Counter[str] = Counter()
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.threads = [
            threading.Thread(target=self._read, args=(n, c), daemon=True)
            for n, c in enumerate(self.clients)
        ]

    def _read(self, index: int, client: Client) -> None:
        rng, turn = random.Random(index), index
        while not self.stop.is_set():
            path = self.targets.path(KINDS[turn % len(KINDS)], rng)
            turn += 1
            try:
                status, _ = client.get(path, retry=False)
                outcome = str(status)
            except (OSError, http.client.HTTPException) as error:  # the server was killed
                outcome = type(error).__name__
                client.connection.close()
                self.stop.wait(0.2)
            with self.lock:
                self.statuses[outcome] += 1

    def __enter__(self) -> Readers:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join()


def api(port: int, token: str) -> httpx2.Client:
    return httpx2.Client(
        base_url=f"http://127.0.0.1:{port}/api/v1",
        headers={"Authorization": f"Bearer {token}"},
        timeout=120,
    )


class Writers:
    """Editors appending marks to the descriptions of HOT systems with optimistic locking."""

    def __init__(self, port: int, token: str, writers: int, hot: list[str]) -> None:
        self.port, self.token, self.hot = port, token, hot
        self.acknowledged: list[tuple[str, str]] = []  # (system, mark)
        self.outcomes: Counter[str] = Counter()
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.threads = [
            threading.Thread(target=self._write, args=(n,), daemon=True) for n in range(writers)
        ]

    def _write(self, writer: int) -> None:
        rng, number = random.Random(1000 + writer), 0
        with api(self.port, self.token) as client:
            while not self.stop.is_set():
                system = rng.choice(self.hot)
                number += 1
                mark = f"[w{writer}-{number}]"
                outcome = self._edit(client, system, mark)
                with self.lock:
                    self.outcomes[outcome] += 1
                    if outcome == "200":
                        self.acknowledged.append((system, mark))

    @staticmethod
    def _edit(client: httpx2.Client, system: str, mark: str) -> str:
        try:
            read = client.get(f"/systems/{system}")
            if read.status_code != 200:
                return f"read {read.status_code}"
            record = read.json()
            description = (record.get("description") or "") + mark
            written = client.patch(
                f"/systems/{system}",
                params={"row_version": record["row_version"]},
                json={"description": description},
            )
            return str(written.status_code)
        except httpx2.HTTPError as error:
            return type(error).__name__

    def __enter__(self) -> Writers:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join()


def systems_state(url: str, leave_out: set[str]) -> dict[str, tuple[str, str | None]]:
    """Every system's name and description, read straight from the database."""
    from produktlyft.inventory.repository import InventoryRepository
    from produktlyft.kernel.db import Database

    database = Database(url)
    try:
        with database.reading() as uow:
            records = uow.repo(InventoryRepository).load("systems")
        return {
            r.id: (r.name, getattr(r, "description", None))
            for r in records
            if r.id not in leave_out
        }
    finally:
        database.dispose()


def fingerprint(state: dict[str, tuple[str, str | None]]) -> tuple[int, str]:
    digest = hashlib.sha256(json.dumps(sorted(state.items())).encode()).hexdigest()[:16]
    return len(state), digest


def import_file(
    folder: Path, base: dict[str, Any], label: str, new: int, changed: list[str]
) -> tuple[Path, dict[str, tuple[str, str | None]]]:
    """A JSON import adding `new` systems and changing the descriptions of `changed`; returns
    it with the systems it writes (id -> name, description)."""
    template = base["systems"][0]
    systems = []
    for number in range(new):
        system = {**template, "id": f"{label}-{number:05d}", "name": f"{label} system {number}"}
        systems.append({**system, "description": f"added by {label}", "row_version": None})
    by_id = {s["id"]: s for s in base["systems"]}
    for system_id in changed:
        systems.append({**by_id[system_id], "description": f"changed by {label}"})
    document = {key: [] for key in base if key != "format"}
    document.update({"format": base["format"], "systems": systems})
    path = folder / f"{label}.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path, {s["id"]: (s["name"], s["description"]) for s in systems}


def background_jobs(database: str, env: dict[str, str], path: Path) -> tuple[dict[str, str], float]:
    """The inventory import, a review run and an event-log import, one after another, while
    the readers read; each with its exit code and time, and the inventory import's seconds."""
    jobs = {
        "inventory import": ["import", str(path)],
        "review run": ["review", "--top", "1"],
        "event-log import": ["workflows", "import", str(EVENT_LOG), "--name", "faults"],
    }
    results, seconds_of = {}, {}
    for name, args in jobs.items():
        started = time.perf_counter()
        done = cli(database, *args, env=env, check=False)
        seconds = seconds_of[name] = time.perf_counter() - started
        last = (done.stderr.strip().splitlines() or [""])[-1][:120]
        results[name] = f"exit {done.returncode} in {seconds:.0f} s" + (
            f" ({last})" if done.returncode else ""
        )
    return results, seconds_of["inventory import"]


def lost_and_doubled(url: str, writers: Writers) -> tuple[int, int, int]:
    """(lost, doubled, written without acknowledgement) among the editors' marks."""
    state = systems_state(url, set())
    seen: Counter[str] = Counter()
    for system in writers.hot:
        for mark in re.findall(r"\[w\d+-\d+\]", state[system][1] or ""):
            seen[f"{system}{mark}"] += 1
    acknowledged = {f"{system}{mark}" for system, mark in writers.acknowledged}
    lost = sum(1 for key in acknowledged if seen[key] == 0)
    doubled = sum(1 for count in seen.values() if count > 1)
    unacknowledged = sum(1 for key in seen if key not in acknowledged)
    return lost, doubled, unacknowledged


def kill_mid_import(
    url: str, database: str, env: dict[str, str], args: argparse.Namespace, ctx: dict[str, Any]
) -> list[str]:
    """Upload an import through the API and SIGKILL the server while it works, `kills` times
    at growing delays; after each, the systems must be as before or as after."""
    verdicts = []
    for trial in range(args.kills):
        before = systems_state(url, set(ctx["hot"]))
        label = f"KILL{trial}"
        changed = ctx["rng"].sample(ctx["others"], 50)
        path, written = import_file(ctx["folder"], ctx["base"], label, args.kill_systems, changed)
        after = {**before, **written}
        port = free_port()
        server = start_server(database, port, env, workers=args.workers)
        delay = ctx["import_seconds"] * (trial + 1) / (args.kills + 1)
        answer: list[str] = []
        upload = threading.Thread(
            target=_upload, args=(port, ctx["token"], path, answer), daemon=True
        )
        with Readers(port, args.clients, ctx["targets"]) as readers:
            upload.start()
            time.sleep(delay)
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        upload.join()
        ctx["statuses"].update(readers.statuses)
        now = systems_state(url, set(ctx["hot"]))
        verdict = (
            "before" if now == before else "after" if now == after else "BETWEEN (a partial write)"
        )
        ctx["between"] += verdict.startswith("BETWEEN")
        verdicts.append(
            f"kill {trial + 1} after {delay:.1f} s (upload: {answer[0] if answer else '?'}): "
            f"state {verdict}; systems {fingerprint(now)} "
            f"(before {fingerprint(before)}, after {fingerprint(after)})"
        )
    return verdicts


def _upload(port: int, token: str, path: Path, answer: list[str]) -> None:
    try:
        with api(port, token) as client:
            response = client.post(
                "/imports",
                params={"dry_run": "false"},
                files={"file": (path.name, path.read_bytes(), "application/json")},
            )
        answer.append(f"answered {response.status_code} before the kill")
    except httpx2.HTTPError as error:
        answer.append(f"cut off by the kill ({type(error).__name__})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--systems", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--kills", type=int, default=3)
    parser.add_argument(
        "--kill-systems", type=int, default=2000, help="systems added by each killed import"
    )
    parser.add_argument("--workers", type=int, default=2, help="server processes")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get(
            "PRODUKTLYFT_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
        ),
        help="a server where a scratch database may be created and dropped",
    )
    args = parser.parse_args()
    from produktlyft.kernel.db.testing import create_scratch_database, drop_scratch_database

    with tempfile.TemporaryDirectory(prefix="faults-") as temporary:
        folder = Path(temporary)
        if args.db == "sqlite":
            (folder / "db").mkdir()
            return run(f"sqlite:///{folder / 'db' / 'faults.db'}", args, folder)
        name = f"produktlyft_faults_{uuid.uuid4().hex[:8]}"
        url = create_scratch_database(args.postgres_url, name)
        try:
            return run(url, args, folder)
        finally:
            drop_scratch_database(args.postgres_url, name)


def run(database: str, args: argparse.Namespace, folder: Path) -> int:
    from produktlyft.kernel.db.database import normalise_url

    url = normalise_url(database)
    env = environment(folder)
    create_demo(args.db, database, args.systems, args.seed, folder, env)
    token = cli(database, "token", "create", "editor", env=env).stdout.strip().splitlines()[-1]
    importer = cli(database, "token", "create", "importer", "--role", "admin", env=env)
    importer_token = importer.stdout.strip().splitlines()[-1]
    cli(database, "export", "--format", "json", "-o", str(folder / "base.json"), env=env)
    base = json.loads((folder / "base.json").read_text(encoding="utf-8"))
    rng = random.Random(args.seed)
    ids = sorted(s["id"] for s in base["systems"])
    hot = rng.sample(ids, HOT)
    others = [i for i in ids if i not in hot]
    statuses: Counter[str] = Counter()
    print(f"{args.db}: uptime load {os.getloadavg()[0]:.1f} (2 cores) at the start")

    # 1. background work and editors while the readers read
    before = systems_state(url, set(hot))
    path, written = import_file(folder, base, "LOAD", 500, rng.sample(others, 100))
    port = free_port()
    server = start_server(database, port, env, workers=args.workers)
    try:
        targets = find_targets(Client(port, "bench"), args.systems)
        with (
            Readers(port, args.clients, targets) as readers,
            Writers(port, token, args.writers, hot) as writers,
        ):
            jobs, import_seconds = background_jobs(database, env, path)
        statuses.update(readers.statuses)
    finally:
        stop_server(server)
    after_import = systems_state(url, set(hot))
    lost, doubled, unacknowledged = lost_and_doubled(url, writers)
    print(f"\n1. background work while {args.clients} clients read pages:")
    for name, outcome in jobs.items():
        print(f"  {name}: {outcome}")
    print(f"  inventory import landed whole: {after_import == {**before, **written}}")
    print(
        f"  editors: {sum(writers.outcomes.values())} edits, by outcome "
        f"{dict(writers.outcomes)}; acknowledged {len(writers.acknowledged)}, "
        f"lost {lost}, doubled {doubled}, written without acknowledgement {unacknowledged}"
    )

    # 2. the server killed mid-import
    killed: Counter[str] = Counter()
    ctx: dict[str, Any] = {
        "hot": hot,
        "others": others,
        "rng": rng,
        "folder": folder,
        "base": base,
        "token": importer_token,
        "targets": targets,
        "statuses": killed,
        "between": 0,
        # the server's import takes about as long per system as the CLI's did
        "import_seconds": import_seconds * args.kill_systems / 600,
    }
    print(f"\n2. the server killed (SIGKILL) mid-import, {args.kills} times:")
    for line in kill_mid_import(url, database, env, args, ctx):
        print(f"  {line}")

    # 3. a full disk and a read-only folder
    fresh, _ = import_file(folder, base, "FULL", args.kill_systems, [])  # must write to fail
    storage = storage_faults(database, env, folder, fresh) if args.db == "sqlite" else []
    print("\n3. full disk and read-only folder:" if storage else "")
    for line in storage:
        print(f"  {line}")
    storage_ok = all(line.startswith("ok") for line in storage)

    errors = {status: n for status, n in statuses.items() if status != "200"}
    requests = sum(statuses.values())
    print(f"\nreaders: {requests} requests, errors by status {errors or 'none'}")
    print(
        f"  (while the server was being killed: {sum(killed.values())} more requests, by "
        f"outcome {dict(killed)}; refused connections there are the kill, not a fault)"
    )
    print(
        f"db={args.db} requests={requests} errors={sum(errors.values())} lost={lost} "
        f"doubled={doubled} kills={args.kills} state_between={ctx['between']} "
        f"storage_faults={'ok' if storage_ok else 'FAILED'}"
    )
    return 0 if not (lost or doubled or ctx["between"] or not storage_ok) else 1


if __name__ == "__main__":
    sys.exit(main())
