"""Review bench: a 10,000-system organisation reviewed end to end, duplicate precision/recall on
the planted ground truth, blocked vs brute-force duplicate detection on the same features, the
same organisation reviewed again end to end without its tags (issue 14: the signals model finds
the duplicates, as for an inventory from an EA tool; `review_untagged_s`) and code health on a
synthetic git history of tens of thousands of commits.

    python bench/review_bench.py [--systems 10000] [--seed 42] [--commits 30000] [--keep DIR]

Goals (issue 4): review ≤ 10 s on 2 cores; duplicate precision and recall ≥ 0.9; blocked
detection faster than brute force with the same or better recall; git history in well under a
minute. Ends with exactly one line:
systems=… review_s=… dup_precision=… dup_recall=… dup_speedup_vs_bruteforce=… review_untagged_s=…
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from multiprocessing import get_context
from pathlib import Path

from sqlalchemy import update

from produktlyft.inventory.repository import InventoryRepository
from produktlyft.inventory.tables import systems
from produktlyft.kernel.context import ServiceContext, local_operator
from produktlyft.kernel.db.open import open_database
from produktlyft.kernel.settings import Settings
from produktlyft.review.analysis.duplicates import (
    DuplicateSettings,
    all_pairs,
    build_features,
    candidate_pairs,
    combine,
    cutoff,
    precision_recall,
    resolve_model,
    score_pairs,
)
from produktlyft.review.analysis.review import duplicate_features
from produktlyft.review.importers.git_repo import analyse_repository
from produktlyft.review.services.run import review_document, review_with_run

HERE = Path(__file__).resolve().parent
CLI = Path(sys.executable).parent / "produktlyft"
SYNTHETIC_START, SYNTHETIC_STEP = 1_600_000_000, 1800  # a commit every half hour from 2020


def load_demo(folder: Path, systems: int, seed: int) -> tuple[str, dict[str, object]]:
    url = f"sqlite:///{folder / 'bench.db'}"
    # PYTHONPATH passes on, so a worktree's code (and its migrations) builds the database
    env = {
        "PRODUKTLYFT_DATABASE_URL": url,
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": os.environ.get("PYTHONPATH", ""),
        "PRODUKTLYFT_DATA_DIR": str(folder / "data"),  # where the review reads the event log
    }
    subprocess.run([str(CLI), "init"], check=True, env=env, capture_output=True)
    started = time.perf_counter()
    subprocess.run(
        [
            str(CLI),
            "demo",
            "--systems",
            str(systems),
            "--seed",
            str(seed),
            "--out",
            str(folder / "demo"),
            "--no-culture",
        ],
        check=True,
        env=env,
        capture_output=True,
    )
    print(
        f"demo organisation: {systems} systems generated and imported in "
        f"{time.perf_counter() - started:.1f} s (not part of the review time)"
    )
    truth = json.loads((folder / "demo" / "ground_truth.json").read_text())
    return url, truth


def bench_review(
    url: str, truth: dict[str, object], folder: Path, label: str = ""
) -> tuple[float, list, dict[str, float]]:
    ctx = ServiceContext(
        open_database(url), local_operator(), Settings(database_url=url, data_dir=folder / "data")
    )
    today = date.fromisoformat(str(truth["reference_date"]))
    steps: list[tuple[str, float]] = []
    mark = [time.perf_counter()]

    def progress(step: str) -> None:
        now = time.perf_counter()
        steps.append((step, now - mark[0]))
        mark[0] = now

    load = os.getloadavg()[0]
    started = time.perf_counter()
    run, outcome = review_with_run(ctx, today=today, progress=progress)
    progress("json")
    document = review_document(run)
    (folder / "review.json").write_text(json.dumps(document, default=str), encoding="utf-8")
    elapsed = time.perf_counter() - started
    labels = ["start"] + [name for name, _ in steps]
    timings = ", ".join(f"{labels[i]} {seconds:.2f}" for i, (_, seconds) in enumerate(steps))
    print(
        f"review{' ' + label if label else ''} end to end (load, facts, profiles, ranking with "
        f"sensitivity, duplicates, store, JSON): {elapsed:.2f} s; goal ≤ 10 s, ratio "
        f"{elapsed / 10:.2f} of the goal "
        f"(machine load average {load:.1f} on {os.cpu_count()} cores when it started)"
    )
    print(f"  step times (s): {timings}")
    unsupported = set(map(str, truth["unsupported_technology_systems"]))  # type: ignore[arg-type]
    found = {
        s.system_id
        for s in outcome.systems
        for e in s.evidence
        if e.fact == "eol_months" and isinstance(e.value, int | float) and e.value <= 0
    }
    print(
        f"unsupported technology: found {len(found)}, planted {len(unsupported)}, "
        f"both {len(found & unsupported)}"
    )
    by_step = dict(zip(labels, [seconds for _, seconds in steps], strict=False))
    return elapsed, [(d.system_a, d.system_b) for d in outcome.duplicates], by_step


def bench_duplicates(url: str, truth: dict[str, object]) -> float:
    with open_database(url).reading() as uow:
        inventory = uow.repo(InventoryRepository).load_inventory()
    features = duplicate_features(inventory)
    settings = resolve_model(features, DuplicateSettings())
    started = time.perf_counter()
    matrices = build_features(features, settings)
    built = time.perf_counter() - started
    started = time.perf_counter()
    candidates = candidate_pairs(matrices, settings)
    scores = combine(score_pairs(matrices, candidates, settings), settings)
    blocked = {
        tuple(sorted((matrices.ids[i], matrices.ids[j])))
        for (i, j), s in zip(candidates, scores, strict=True)
        if s >= cutoff(settings)
    }
    blocked_s = time.perf_counter() - started
    started = time.perf_counter()
    brute = {
        tuple(sorted((matrices.ids[i], matrices.ids[j]))) for i, j in all_pairs(matrices, settings)
    }
    brute_s = time.perf_counter() - started
    pairs = truth["duplicate_pairs"]
    n = len(matrices.ids)
    _, blocked_recall = precision_recall(blocked, pairs)  # type: ignore[arg-type]
    _, brute_recall = precision_recall(brute, pairs)  # type: ignore[arg-type]
    print(
        f"duplicates, same features (built once in {built:.2f} s): blocked compared "
        f"{len(candidates):,} of {n * (n - 1) // 2:,} pairs in {blocked_s:.2f} s; brute force "
        f"all pairs in {brute_s:.2f} s; speed-up {brute_s / blocked_s:.1f}x; recall blocked "
        f"{blocked_recall:.3f} vs brute force {brute_recall:.3f}; pairs found blocked "
        f"{len(blocked)}, brute force {len(brute)}, brute-force pairs missed by blocking "
        f"{len(brute - blocked)}"
    )
    return brute_s / blocked_s


def bench_untagged(url: str, truth: dict[str, object], folder: Path) -> float:
    """The same organisation reviewed again end to end without its tags, as an inventory
    exported from an EA tool arrives: the duplicates come from the signals model (functions,
    roles, products, word pairs and trees) in place of the layers model the demo's tags
    allow. The tags are cleared in the database, so every step is timed as a user's review
    would run it, and the review runs in a fresh process, its caches as cold as the first
    review's. Returns the review's time end to end."""
    database = open_database(url)
    with database.engine.begin() as connection:
        connection.execute(update(systems).values(tags=[]))
    database.dispose()
    with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as fresh:
        review_s, found, steps = fresh.submit(
            bench_review, url, truth, folder, "without the tags"
        ).result()
    precision, recall = precision_recall(found, truth["duplicate_pairs"])  # type: ignore[arg-type]
    print(
        f"duplicates without the tags (signals model): {steps['duplicates']:.2f} s of it; "
        f"{len(found)} suggested, precision {precision:.3f}, recall {recall:.3f} against the "
        "planted pairs (a large demo repeats each function per city district under the same "
        "name and text, and those copies are not planted twins)"
    )
    return review_s


def synthetic_repository(folder: Path, commits: int, files: int = 2000, authors: int = 40) -> Path:
    """A git history built with one `git fast-import` stream: many commits, skewed authors
    and a few hot, complex files, as real histories have."""
    repo = folder / "synthetic.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(repo)], check=True)
    lines: list[bytes] = []
    start = SYNTHETIC_START
    for number in range(commits):
        author = min(int((number * 7919) % 1000 / 1000 * authors**0.5) ** 2, authors - 1)
        hot = number % 3 == 0
        index = (number * 31) % 20 if hot else (number * 7) % files
        path = f"src/module_{index:04d}.py"
        branches = "\n".join(
            f"    if x == {k}:\n        return {k}" for k in range(40 if index < 20 else 3)
        )
        content = f"def f_{number}(x):\n{branches}\n    return -1\n".encode()
        message = f"change {number}".encode()
        stamp = start + number * SYNTHETIC_STEP
        lines += [
            b"commit refs/heads/main",
            f"mark :{number + 1}".encode(),
            f"author Dev{author} <dev{author}@example.se> {stamp} +0000".encode(),
            f"committer Dev{author} <dev{author}@example.se> {stamp} +0000".encode(),
            f"data {len(message)}".encode(),
            message,
        ]
        if number:
            lines.append(f"from :{number}".encode())
        lines += [f"M 644 inline {path}".encode(), f"data {len(content)}".encode(), content, b""]
    subprocess.run(
        ["git", "fast-import", "--quiet"], cwd=repo, input=b"\n".join(lines) + b"\n", check=True
    )
    return repo


def bench_git(folder: Path, commits: int) -> None:
    started = time.perf_counter()
    repo = synthetic_repository(folder, commits)
    built = time.perf_counter() - started
    started = time.perf_counter()
    last_commit = date.fromtimestamp(SYNTHETIC_START + (commits - 1) * SYNTHETIC_STEP)
    health = analyse_repository(str(repo), last_commit, window_days=365)
    elapsed = time.perf_counter() - started
    top = health.hotspots[0] if health.hotspots else None
    print(
        f"code health: synthetic history of {health.commits:,} commits by {health.authors} "
        f"authors (built in {built:.1f} s) analysed in {elapsed:.2f} s; goal well under "
        f"60 s, ratio {elapsed / 60:.3f}; hottest {top.path if top else '–'} "
        f"({top.revisions if top else 0} changes, complexity "
        f"{top.complexity if top else 0:.0f}); top author share "
        f"{health.top_author_share or 0:.0%}; bus factor {health.bus_factor}"
    )
    own = HERE.parent
    started = time.perf_counter()
    mine = analyse_repository(str(own), date.today(), window_days=365)
    print(
        f"code health of this repository: {mine.commits} commits, {mine.authors} author(s), "
        f"{len(mine.hotspots)} hotspots, bus factor {mine.bus_factor}, in "
        f"{time.perf_counter() - started:.2f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--systems", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--commits", type=int, default=30_000)
    parser.add_argument("--keep", type=Path, help="keep the files in this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="review-bench-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        url, truth = load_demo(folder, args.systems, args.seed)
        review_s, found, _ = bench_review(url, truth, folder)
        precision, recall = precision_recall(found, truth["duplicate_pairs"])  # type: ignore[arg-type]
        print(
            f"duplicates against the planted ground truth: {len(found)} suggested, "
            f"{len(truth['duplicate_pairs'])} planted; precision {precision:.3f}, recall "  # type: ignore[arg-type]
            f"{recall:.3f} (goal ≥ 0.9 each)"
        )
        speedup = bench_duplicates(url, truth)
        untagged_s = bench_untagged(url, truth, folder)
        bench_git(folder, args.commits)
    print(
        f"systems={args.systems} review_s={review_s:.2f} dup_precision={precision:.3f} "
        f"dup_recall={recall:.3f} dup_speedup_vs_bruteforce={speedup:.1f} "
        f"review_untagged_s={untagged_s:.2f}"
    )


if __name__ == "__main__":
    main()
