"""Load test of the web pages: 20 concurrent clients for 60 s on a 10,000-system database.

For SQLite and then PostgreSQL it creates the demo organisation with `produktlyft demo
--systems N`, starts a real `produktlyft serve`, signs in, and has the clients request the
systems list, a filtered list, a system's detail page and the dashboard in turn, as fast as
the server answers (a closed loop, no think time, over loopback only). It prints p50/p95/p99
latency and errors per backend, the ratio to the goals (p95 under 150 ms with 20 clients, p99
under 1 s with 100, no errors) and to the machine's floor: the p95 of `/healthz` asked every
50 ms during the same run (one small request that opens a database connection and checks the
schema version, no page rendered), so that figures from a busy machine can be compared with an
idle one. It ends with one line:

    sqlite clients=20 p95_ms=… p99_ms=… errors=… healthz_p95_ms=… postgresql clients=20 …

    python bench/web_load.py --systems 10000 [--clients 20[,100]] [--seconds 60] [--workers 2]
                             [--client auto|wrk|python] [--think-ms 0]
                             [--page-cache-entries N] [--db both|sqlite|postgresql]

The load comes from wrk (Debian's `wrk`, written in C) when it is installed, so that the
client takes little of the two cores the server runs on; `--client python` uses 20 Python
threads instead, which also report each page kind separately. `--page-cache-entries 0`
measures the server with its page cache off (every request reads the database).
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from _server import (
    Client,
    HealthFloor,
    create_demo,
    environment,
    free_port,
    percentile,
    start_server,
    stop_server,
)

GOAL_P95_MS = 150.0
GOAL_P99_MS = 1000.0  # with 100 clients (issue 15, 2b)
KINDS = ("list", "filter", "detail", "dashboard")


@dataclass
class Targets:
    """What the clients ask for: system ids and filter values found on the pages."""

    system_ids: list[str]
    units: list[str]
    pages: int
    filters: list[str] = field(
        default_factory=lambda: [
            "criticality=critical_to_society",
            "lifecycle=active&criticality=critical_to_operations",
            "hosting=saas",
            "missing=cost",
            "q=system",
            "lifecycle=phase_out&sort=cost&dir=desc",
        ]
    )

    def path(self, kind: str, rng: random.Random) -> str:
        if kind == "list":
            return f"/systems?page={rng.randint(1, self.pages)}"
        if kind == "filter":
            choice = rng.choice([*self.filters, "unit"])
            if choice == "unit":
                choice = "unit=" + urllib.parse.quote(rng.choice(self.units))
            return f"/systems?{choice}"
        if kind == "detail":
            return "/systems/" + urllib.parse.quote(rng.choice(self.system_ids))
        return "/"


def find_targets(client: Client, systems: int) -> Targets:
    pages = max(1, -(-systems // 50))
    ids: list[str] = []
    for page in random.Random(1).sample(range(1, pages + 1), min(20, pages)):
        _, text = client.get(f"/systems?page={page}")
        ids += [
            urllib.parse.unquote(found)
            for found in re.findall(
                r'<th scope="row"><a class="ds-link" href="/systems/([^"?]+)"', text
            )
        ]
    _, text = client.get("/systems")
    unit_select = text.split('id="unit"', 1)[1].split("</select>", 1)[0]
    units = [value for value in re.findall(r'<option value="([^"]+)"', unit_select)]
    if not ids or not units:
        raise SystemExit("could not find systems and units on the list pages")
    return Targets(system_ids=ids, units=units, pages=pages)


def run_clients(
    port: int, clients: list[Client], targets: Targets, seconds: float, think: float = 0.0
) -> dict[str, list[tuple[float, bool]]]:
    results: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def visit(index: int, client: Client) -> None:
        rng = random.Random(index)
        mine: list[tuple[str, float, bool]] = []
        turn = index
        while time.perf_counter() < deadline:
            kind = KINDS[turn % len(KINDS)]
            turn += 1
            path = targets.path(kind, rng)
            started = time.perf_counter()
            try:
                status, _ = client.get(path, retry=False)
                ok = status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                client.connection.close()
            mine.append((kind, (time.perf_counter() - started) * 1000, ok))
            if think:
                time.sleep(rng.uniform(0, 2 * think))  # a person reading, on average `think`
        with lock:
            for kind, millis, ok in mine:
                results[kind].append((millis, ok))

    threads = [threading.Thread(target=visit, args=(n, c)) for n, c in enumerate(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


WRK_SCRIPT = """
local paths = {}
function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  counter = math.random(#paths)  -- each thread starts elsewhere in the same mix
  failed = 0
end
function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter], {["Cookie"] = args_cookie})
end
function response(status, headers, body)
  if status ~= 200 then failed = failed + 1 end
end
"""

WRK_REPORT = """
local threads = {}
function setup(thread)
  thread:set("args_cookie", os.getenv("BENCH_COOKIE"))
  table.insert(threads, thread)
end
function done(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do failed = failed + thread:get("failed") end
  local e = summary.errors
  io.write(string.format("RESULT requests=%d errors=%d p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f\\n",
    summary.requests, failed + e.connect + e.read + e.write + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000))
end
"""


def run_wrk(
    port: int, cookie: str, targets: Targets, clients: int, seconds: float, folder: Path
) -> dict[str, float]:
    """The same mix of pages as the Python clients, requested by wrk over `clients`
    keep-alive connections; returns requests, errors and latency percentiles."""
    rng = random.Random(7)
    paths = [targets.path(KINDS[turn % len(KINDS)], rng) for turn in range(40_000)]
    (folder / "paths.txt").write_text("\n".join(paths) + "\n", encoding="utf-8")
    (folder / "load.lua").write_text(WRK_SCRIPT + WRK_REPORT, encoding="utf-8")
    command = [
        "wrk",
        f"-t{min(2, clients)}",
        f"-c{clients}",
        f"-d{seconds:.0f}s",
        "--timeout",
        "30s",
        "-s",
        str(folder / "load.lua"),
        f"http://127.0.0.1:{port}",
        "--",
        str(folder / "paths.txt"),
    ]
    finished = subprocess.run(
        command,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "BENCH_COOKIE": cookie},
    )
    found = re.search(r"RESULT (.*)", finished.stdout)
    if finished.returncode != 0 or found is None:
        raise SystemExit(f"wrk failed:\n{finished.stdout}\n{finished.stderr}")
    return {
        key: float(value) for key, value in (pair.split("=") for pair in found.group(1).split())
    }


def one_at_a_time(client: Client, targets: Targets, rounds: int = 30) -> dict[str, float]:
    """The median latency of each page kind with a single client: the work one request takes,
    before any queueing."""
    rng = random.Random(99)
    medians = {}
    for kind in KINDS:
        times = []
        for _ in range(rounds):
            started = time.perf_counter()
            client.get(targets.path(kind, rng))
            times.append((time.perf_counter() - started) * 1000)
        medians[kind] = statistics.median(times)
    return medians


@dataclass
class Figures:
    p95: float
    p99: float
    errors: int
    floor_p95: float  # /healthz in the same run


def summary_line(backend: str, figures: Figures) -> str:
    return (
        f"  p95 is {figures.p95 / GOAL_P95_MS:.2f}x the {GOAL_P95_MS:.0f} ms goal and "
        f"{figures.p95 / max(figures.floor_p95, 0.01):.1f}x the /healthz floor "
        f"(p95 {figures.floor_p95:.1f} ms in the same run); p99 {figures.p99:.1f} ms is "
        f"{figures.p99 / GOAL_P99_MS:.2f}x the {GOAL_P99_MS:.0f} ms goal at 100 clients"
    )


def report(
    backend: str,
    results: dict[str, list[tuple[float, bool]]],
    seconds: float,
    alone: dict[str, float],
    load: tuple[float, float],
    floor_p95: float,
) -> Figures:
    everything = [millis for kind in KINDS for millis, _ in results[kind]]
    errors = sum(1 for kind in KINDS for _, ok in results[kind] if not ok)
    print(
        f"\n{backend}: {len(everything)} requests in {seconds:.0f} s "
        f"({len(everything) / seconds:.0f}/s); machine load average {load[0]:.1f} before, "
        f"{load[1]:.1f} after (2 cores)"
    )
    print(
        f"  {'page':10} {'requests':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
        f"{'errors':>7} {'alone p50 ms':>13}"
    )
    for kind in KINDS:
        times = [millis for millis, _ in results[kind]]
        failed = sum(1 for _, ok in results[kind] if not ok)
        print(
            f"  {kind:10} {len(times):9d} {percentile(times, 0.5):8.1f} "
            f"{percentile(times, 0.95):8.1f} {percentile(times, 0.99):8.1f} {failed:7d} "
            f"{alone[kind]:13.1f}"
        )
    figures = Figures(percentile(everything, 0.95), percentile(everything, 0.99), errors, floor_p95)
    print(
        f"  {'all':10} {len(everything):9d} {percentile(everything, 0.5):8.1f} "
        f"{figures.p95:8.1f} {figures.p99:8.1f} {errors:7d}"
    )
    print(summary_line(backend, figures))
    return figures


def report_wrk(
    backend: str,
    clients: int,
    figures: dict[str, float],
    args: argparse.Namespace,
    alone: dict[str, float],
    load: tuple[float, float],
    floor_p95: float,
) -> Figures:
    requests, seconds = figures["requests"], args.seconds
    print(
        f"\n{backend}: {requests:.0f} requests from wrk over {clients} connections in "
        f"{seconds:.0f} s ({requests / seconds:.0f}/s); machine load average {load[0]:.1f} "
        f"before, {load[1]:.1f} after (2 cores)"
    )
    print(
        "  one client alone, median ms: " + ", ".join(f"{kind} {alone[kind]:.1f}" for kind in KINDS)
    )
    print(
        f"  all pages: p50 {figures['p50_ms']:.1f} ms, p95 {figures['p95_ms']:.1f} ms, p99 "
        f"{figures['p99_ms']:.1f} ms, errors {figures['errors']:.0f}"
    )
    result = Figures(figures["p95_ms"], figures["p99_ms"], int(figures["errors"]), floor_p95)
    print(summary_line(backend, result))
    return result


def measure(
    backend: str,
    database: str,
    args: argparse.Namespace,
    folder: Path,
) -> dict[int, Figures]:
    """One demo and one server; then each number of clients in turn, each with its own floor."""
    env = environment(folder, args.page_cache_entries)
    create_demo(backend, database, args.systems, args.seed, folder, env)
    port = free_port()
    server = start_server(database, port, env, workers=args.workers)
    try:
        use_wrk = not args.think_ms and (
            args.client == "wrk" or (args.client == "auto" and shutil.which("wrk") is not None)
        )
        first = Client(port, "bench")
        targets = find_targets(first, args.systems)
        figures = {}
        for count in args.clients:
            clients = [first] + [Client(port, "bench") for _ in range(0 if use_wrk else count - 1)]
            for client in clients:  # fill every worker's caches
                for kind in KINDS:
                    client.get(targets.path(kind, random.Random(0)))
            alone = one_at_a_time(first, targets)
            for client in clients:  # wake connections the server closed while idle
                client.get("/healthz")
            before = os.getloadavg()[0]
            with HealthFloor(port) as floor:
                if use_wrk:
                    found = run_wrk(port, first.cookie, targets, count, args.seconds, folder)
                else:
                    results = run_clients(
                        port, clients, targets, args.seconds, args.think_ms / 1000
                    )
            load = (before, os.getloadavg()[0])
            name = f"{backend} with {count} clients"
            if use_wrk:
                figures[count] = report_wrk(name, count, found, args, alone, load, floor.p95())
            else:
                figures[count] = report(name, results, args.seconds, alone, load, floor.p95())
        return figures
    finally:
        stop_server(server)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--systems", type=int, default=10_000)
    parser.add_argument(
        "--clients",
        type=lambda text: [int(part) for part in text.split(",")],
        default=[20],
        help="concurrent clients, or several in turn on the same server, e.g. 20,100",
    )
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2, help="server processes")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--client",
        choices=("auto", "wrk", "python"),
        default="auto",
        help="what makes the load: wrk when installed (auto), or Python threads",
    )
    parser.add_argument(
        "--page-cache-entries",
        type=int,
        default=None,
        help="the server's page cache size (default: the setting's default; 0 turns it off)",
    )
    parser.add_argument(
        "--think-ms",
        type=float,
        default=0.0,
        help="average pause of each client between requests (default none: "
        "each client asks again as soon as it has its answer)",
    )
    parser.add_argument(
        "--db",
        choices=("both", "sqlite", "postgresql"),
        default="both",
        help="which databases to measure (default both, SQLite first)",
    )
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get(
            "PRODUKTLYFT_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
        ),
        help="a server where a scratch database may be created and dropped",
    )
    args = parser.parse_args()
    from produktlyft.kernel.db.testing import create_scratch_database, drop_scratch_database

    figures: dict[str, dict[int, Figures]] = {}
    with tempfile.TemporaryDirectory(prefix="web-load-") as temporary:
        folder = Path(temporary)
        if args.db in ("both", "sqlite"):
            (folder / "sqlite").mkdir()
            figures["sqlite"] = measure(
                "sqlite", f"sqlite:///{folder / 'sqlite' / 'load.db'}", args, folder / "sqlite"
            )
        if args.db in ("both", "postgresql"):
            name = f"produktlyft_load_{uuid.uuid4().hex[:8]}"
            url = create_scratch_database(args.postgres_url, name)
            try:
                (folder / "postgresql").mkdir()
                figures["postgresql"] = measure("postgresql", url, args, folder / "postgresql")
            finally:
                drop_scratch_database(args.postgres_url, name)
    print()
    print(
        " ".join(
            f"{backend} clients={count} p95_ms={f.p95:.1f} p99_ms={f.p99:.1f} errors={f.errors} "
            f"healthz_p95_ms={f.floor_p95:.1f}"
            for backend, by_count in figures.items()
            for count, f in by_count.items()
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
