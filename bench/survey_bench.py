"""Survey bench: 10,000 respondents × 30 items, aggregation plus report, against the 2 s goal.

Measured in one run:
  1. in memory: fold the answers into per-team aggregates, then every group's statistics and
     the disclosure plan (the analytics the report runs);
  2. end to end: the same answers folded and stored in a fresh database through the survey
     repository, then the report service (tree, aggregates from the database, audit, ledger);
  3. for reference, single answers through `submit_answer` (link consumed and folded in one
     transaction), as answers per second.

Usage: python bench/survey_bench.py [--postgres ADMIN_URL | --database URL] [--respondents N]
       [--teams T]. With --postgres a scratch database is made on that server and dropped after.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import numpy as np

from produktlyft.inventory.model import Team, Unit
from produktlyft.inventory.repository import InventoryRepository
from produktlyft.kernel.access import Actor, Role
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.db import Database
from produktlyft.kernel.db.testing import create_scratch_database, drop_scratch_database
from produktlyft.kernel.settings import Settings
from produktlyft.surveys.analysis.disclosure import Candidate, plan_release
from produktlyft.surveys.analysis.stats import family_specs, fold, summarise, total
from produktlyft.surveys.instruments import instrument
from produktlyft.surveys.repository import SurveyRepository
from produktlyft.surveys.services.answers import submit_answer
from produktlyft.surveys.services.reports import survey_report
from produktlyft.surveys.services.rounds import create_round, generate_links, round_specs

GOAL_SECONDS = 2.0
INSTRUMENTS = ("westrum", "psych-safety", "dora-wellbeing", "competence")  # 6+7+5+12 = 30 items
DAY = date(2026, 3, 2)


def answers(respondents: int, items: int, seed: int = 1) -> np.ndarray:
    """Answers with a common factor, so the scales have a realistic α; 2 % skipped."""
    rng = np.random.default_rng(seed)
    latent = rng.normal(size=(respondents, 1))
    raw = 4 + 1.2 * latent + rng.normal(scale=1.0, size=(respondents, items))
    values = np.clip(np.rint(raw), 1, 7).astype(np.int64)
    values[rng.random((respondents, items)) < 0.02] = 0
    return values


def _specs_and_columns() -> tuple[list, list[str]]:
    specs = [spec for code in INSTRUMENTS for spec in family_specs(instrument(code))]
    columns = [item for spec in specs for item in spec.items]
    return specs, columns


def in_memory(values: np.ndarray, team_of: np.ndarray, teams: int, units: int) -> float:
    specs, columns = _specs_and_columns()
    started = time.perf_counter()
    unit_of_team = np.arange(teams) % units
    by_team = {}
    for spec in specs:
        cols = [columns.index(item) for item in spec.items]
        block = values[:, cols]
        if spec.points < 7:
            block = np.minimum(block, spec.points)
        by_team[spec.code] = fold(spec, block, team_of, teams)
    counts = np.bincount(team_of, minlength=teams)
    nodes = {"org": list(range(teams))}
    nodes |= {f"u{u}": [t for t in range(teams) if unit_of_team[t] == u] for u in range(units)}
    nodes |= {f"t{t}": [t] for t in range(teams)}
    for spec in specs:
        for members in nodes.values():
            summarise(spec, total([by_team[spec.code][t] for t in members], spec))
        candidates = [
            Candidate(key, {f"t{t}": by_team[spec.code][t].n for t in members})
            for key, members in nodes.items()
        ]
        plan_release(candidates, [], 5)
    plan_release(
        [Candidate(k, {f"t{t}": int(counts[t]) for t in m}) for k, m in nodes.items()], [], 5
    )
    return time.perf_counter() - started


def _context(url: str) -> ServiceContext:
    database = Database(url)  # pooled, as the server runs it
    database.migrate()
    ctx = ServiceContext(database, Actor("bench", Role.ADMIN), Settings(database_url=url))
    moment = datetime(DAY.year, DAY.month, DAY.day, 11, tzinfo=UTC)
    ctx.now = lambda: moment  # type: ignore[method-assign]
    return ctx


def end_to_end(
    url: str, values: np.ndarray, team_of: np.ndarray, teams: int, units: int
) -> tuple[float, float, int]:
    ctx = _context(url)
    with ctx.database.unit_of_work() as uow:
        uow.repo(InventoryRepository).insert(
            "units", [Unit(id=f"u{u}", name=f"Förvaltning {u}") for u in range(units)]
        )
        uow.repo(InventoryRepository).insert(
            "teams",
            [Team(id=f"t{t}", name=f"Team {t}", unit_id=f"u{t % units}") for t in range(teams)],
        )
    created = create_round(
        ctx,
        instruments=list(INSTRUMENTS),
        groups=[f"t{t}" for t in range(teams)],
        opens_on=DAY,
        closes_on=DAY + timedelta(days=14),
    )
    round_ = created.round
    specs = round_specs(round_)
    _, columns = _specs_and_columns()
    started = time.perf_counter()
    with ctx.database.unit_of_work() as uow:
        for t in range(teams):
            rows = values[team_of == t]
            parts = []
            for spec in specs:
                block = rows[:, [columns.index(item) for item in spec.items]]
                block = np.minimum(block, spec.points)
                parts.append((spec, fold(spec, block, np.zeros(len(block), np.int64), 1)[0]))
            uow.repo(SurveyRepository).add_to_aggregates(round_.id, f"team:t{t}", len(rows), parts)
    stored = time.perf_counter()
    report = survey_report(ctx, round_.id, lang="sv")
    done = time.perf_counter()
    assert report.groups[0].n == len(values), "the report must count every respondent"
    single = _single_answers(ctx, round_.id, columns, 200)
    ctx.database.dispose()
    return stored - started, done - stored, single


def _single_answers(ctx: ServiceContext, round_id: str, columns: list[str], count: int) -> int:
    tokens = generate_links(ctx, round_id, "t0", count).tokens
    started = time.perf_counter()
    for token in tokens:
        submit_answer(ctx, token, {c: "4" for c in columns})
    return int(count / (time.perf_counter() - started))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database", help="An empty, migratable database URL; default a fresh SQLite file."
    )
    parser.add_argument(
        "--postgres",
        help="Admin URL of a PostgreSQL server to make a scratch "
        "database on, e.g. postgresql://postgres@127.0.0.1:5432/test.",
    )
    parser.add_argument("--respondents", type=int, default=10_000)
    parser.add_argument("--teams", type=int, default=60)
    parser.add_argument("--units", type=int, default=8)
    args = parser.parse_args()
    _, columns = _specs_and_columns()
    values = answers(args.respondents, len(columns))
    team_of = np.random.default_rng(2).integers(0, args.teams, size=args.respondents)
    in_memory(values[:200], team_of[:200], args.teams, args.units)  # load SciPy, as a server has
    memory = in_memory(values, team_of, args.teams, args.units)
    scratch = f"survey_bench_{os.getpid()}"
    with tempfile.TemporaryDirectory() as folder:
        url = args.database or f"sqlite:///{Path(folder) / 'bench.db'}"
        if args.postgres:
            url = create_scratch_database(args.postgres, scratch)
        try:
            fold_store, report, per_second = end_to_end(
                url, values, team_of, args.teams, args.units
            )
        finally:
            if args.postgres:
                drop_scratch_database(args.postgres, scratch)
    total_seconds = fold_store + report
    print(
        f"{args.respondents} respondents × {len(columns)} items, {args.teams} teams in "
        f"{args.units} units, database {url.split(':')[0]}"
    )
    print(
        f"in memory, aggregation + report:        {memory:6.3f} s "
        f"= {memory / GOAL_SECONDS:.2f} × the 2 s goal"
    )
    print(f"database, aggregation + storing:        {fold_store:6.3f} s")
    print(f"database, report service:               {report:6.3f} s")
    print(
        f"database, aggregation + report (total): {total_seconds:6.3f} s "
        f"= {total_seconds / GOAL_SECONDS:.2f} × the 2 s goal"
    )
    print(f"single answers through submit_answer:   {per_second} answers/s (reference)")
    print(
        f"SUMMARY survey_bench: {args.respondents} × {len(columns)} aggregation + report "
        f"{total_seconds:.2f} s = {total_seconds / GOAL_SECONDS:.2f} × the 2 s goal "
        f"({'met' if total_seconds < GOAL_SECONDS else 'NOT met'}, {url.split(':')[0]})"
    )
    sys.exit(0 if total_seconds < GOAL_SECONDS else 1)


if __name__ == "__main__":
    main()
