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
   through the API: first an import let finish (the calibration, which must land whole), then
   `--kills` imports killed at states of the import, not times (once the upload is sent, as
   soon as its write transaction is seen open, and shares of that transaction's length
   later: see bench/_kill_mid_import.py). After each, the systems in the database (their
   count and a hash of their ids, names and descriptions) must equal the state before the
   import or the state after it, never anything between;
3. makes the storage full and read-only (bench/_storage_faults.py says how on each database):
   the CLI must exit 1 with one line naming the database and the cause, the server must
   answer pages or 503, never a 500, and nothing may be written; and the same for the data
   folder where event logs are stored (`workflows import`).

Every wait is for a state (a listening port, a sent upload, an open transaction), with
generous guards against a hang, so a busy two-core machine slows it down without breaking
it; each step says what it is doing as it goes.

It prints requests, errors by status, lost and doubled writes, and each state check, and ends
with one line:

    db=… requests=… errors=… lost=… doubled=… kills=… state_between=… storage_faults=ok|…

    python bench/faults_under_load.py [--db sqlite|postgresql] [--systems 2000] [--clients 20]
                                      [--writers 4] [--kills 3] [--kill-systems 2000]
                                      [--postgres-url URL]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

from _fault_clients import Readers, Writers
from _fault_state import import_file, lost_and_doubled, systems_state
from _kill_mid_import import kill_mid_import
from _server import Client, cli, create_demo, environment, free_port, start_server, stop_server
from _storage_faults import postgresql_faults, sqlite_faults
from web_load import find_targets

ROOT = Path(__file__).resolve().parent.parent
EVENT_LOG = ROOT / "src" / "produktlyft" / "demo" / "data" / "receipt.xes.gz"
HOT = 5  # systems the editors fight over


def background_jobs(database: str, env: dict[str, str], path: Path) -> dict[str, str]:
    """The inventory import, a review run and an event-log import, one after another, while
    the readers read; each with its exit code and time."""
    jobs = {
        "inventory import": ["import", str(path)],
        "review run": ["review", "--top", "1"],
        "event-log import": ["workflows", "import", str(EVENT_LOG), "--name", "faults"],
    }
    results = {}
    for name, args in jobs.items():
        print(f"  {name} ...", flush=True)
        started = time.perf_counter()
        done = cli(database, *args, env=env, check=False)
        seconds = time.perf_counter() - started
        last = (done.stderr.strip().splitlines() or [""])[-1][:120]
        results[name] = f"exit {done.returncode} in {seconds:.0f} s" + (
            f" ({last})" if done.returncode else ""
        )
    return results


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
    print(f"{args.db}: uptime load {os.getloadavg()[0]:.1f} (2 cores) at the start", flush=True)

    # 1. background work and editors while the readers read
    before = systems_state(url, set(hot))
    path, written = import_file(folder, base, "LOAD", 500, rng.sample(others, 100))
    print(f"\n1. background work while {args.clients} clients read pages:", flush=True)
    port = free_port()
    server = start_server(database, port, env, workers=args.workers)
    try:
        targets = find_targets(Client(port, "bench"), args.systems)
        with (
            Readers(port, args.clients, targets) as readers,
            Writers(port, token, args.writers, hot) as writers,
        ):
            jobs = background_jobs(database, env, path)
        statuses.update(readers.statuses)
    finally:
        stop_server(server)
    after_import = systems_state(url, set(hot))
    lost, doubled, unacknowledged = lost_and_doubled(url, writers)
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
        "args": args,
        "database": database,
        "url": url,
        "env": env,
        "hot": hot,
        "others": others,
        "rng": rng,
        "folder": folder,
        "base": base,
        "token": importer_token,
        "targets": targets,
        "statuses": killed,
        "between": 0,
    }
    print(f"\n2. the server killed (SIGKILL) mid-import, {args.kills} times:", flush=True)
    kills = kill_mid_import(ctx)

    # 3. a full disk and read-only storage
    print("\n3. full disk and read-only storage:", flush=True)
    ctx["path"], _ = import_file(folder, base, "FULL", args.kill_systems, [])  # must write
    ctx.update(event_log=EVENT_LOG, admin_url=args.postgres_url)
    storage = sqlite_faults(ctx) if args.db == "sqlite" else postgresql_faults(ctx)
    storage_ok = all(line.startswith(("ok", "not tried")) for line in storage)

    print(f"\nsummary ({args.db}, load {os.getloadavg()[0]:.1f} at the end):")
    for line in [*kills, *storage]:
        print(f"  {line}")
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
