"""Monte Carlo speed of the business case: 100,000 draws of a case with 12 cost and benefit
lines (three correlated groups, triangular and PERT ranges) and a delivery delay over a
10-year horizon, from the seeded generator to the NPV percentiles. Goal: under 2 s.

The machine may be shared, so the run repeats `--runs` times and the fastest counts.
Prints one line: `draws=… seconds=… ratio_to_goal=…` (seconds ÷ 2; below 1 meets the goal).

Usage: python bench/business_case_bench.py [--draws 100000] [--runs 3]
"""

from __future__ import annotations

import argparse
import time

from produktlyft.business_case.analysis.packs import load_pack
from produktlyft.business_case.analysis.uncertainty import build_model, simulate
from produktlyft.business_case.model import (
    Case,
    Distribution,
    Line,
    LineKind,
    Option,
    OptionKind,
    Range,
)

GOAL_SECONDS = 2.0


def bench_case() -> Case:
    lines = []
    for i in range(6):
        lines.append(
            Line(
                id=f"cost{i}",
                kind=LineKind.COST,
                name=f"Cost {i}",
                category=("development", "operations", "transition")[i % 3],
                amounts=tuple(1e6 * (3 if t < 2 else 0.5) for t in range(10)),
                range=Range(low=0.9, mode=1.0, high=1.6),
                group="delivery" if i % 2 == 0 else "run",
            )
        )
        lines.append(
            Line(
                id=f"benefit{i}",
                kind=LineKind.BENEFIT,
                name=f"Benefit {i}",
                category="cash_releasing",
                amounts=tuple(0.0 if t < 2 else 2e6 for t in range(10)),
                range=Range(low=0.5, mode=1.0, high=1.2, distribution=Distribution.PERT),
                group="demand",
                slips=True,
            )
        )
    return Case(
        id="bench",
        name="Bench",
        subject_id="bench",
        price_base_year=2026,
        horizon_years=10,
        delay=Range(low=0.0, mode=0.25, high=2.0),
        options=(
            Option(id="bau", name="BAU", kind=OptionKind.BUSINESS_AS_USUAL),
            Option(id="build", name="Build", lines=tuple(lines)),
        ),
        preferred_option="build",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--draws", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    case = bench_case()
    pack = load_pack("se")
    best = float("inf")
    for run in range(args.runs):
        start = time.perf_counter()
        model = build_model(case, pack, case.option())
        result = simulate(model, case.correlation, args.draws, seed=run)
        best = min(best, time.perf_counter() - start)
    print(f"p10={result.p10:.0f} p50={result.p50:.0f} p90={result.p90:.0f}")
    print(f"draws={args.draws} seconds={best:.3f} ratio_to_goal={best / GOAL_SECONDS:.3f}")


if __name__ == "__main__":
    main()
