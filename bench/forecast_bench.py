"""The delivery forecast's speed: 10,000 Monte Carlo trials over a year of daily throughput.

A synthetic history (seeded): one year of days, each finishing 0–4 items with more zero days
than busy ones. The forecast asks when 150 items will be done and how many by a date 90 days
on, as `produktlyft forecast` does; the back-test is timed separately. The fastest of `--runs`
runs counts (the machine may be shared). Prints one line:
`trials=… forecast_s=… goal_s=… ratio=… backtest_s=…` (ratio = time / goal; at most 1 meets it).

Usage: python bench/forecast_bench.py [--trials 10000] [--items 150] [--runs 3]
"""

from __future__ import annotations

import argparse
import time
from datetime import date, timedelta

import numpy as np

from produktlyft.procurement.analysis.forecast import backtest, daily_throughput, forecast

GOAL_SECONDS = 1.0  # a page answers within a second


def history(days: int, seed: int) -> list[date]:
    rng = np.random.default_rng(seed)
    per_day = rng.choice([0, 0, 0, 1, 1, 2, 3, 4], size=days)
    start = date(2025, 1, 1)
    return [start + timedelta(days=i) for i, n in enumerate(per_day) for _ in range(int(n))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trials", type=int, default=10_000)
    parser.add_argument("--items", type=int, default=150)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    finished = history(options.days, 1)
    by = max(finished) + timedelta(days=90)
    times = []
    for _ in range(options.runs):
        began = time.perf_counter()
        forecast(finished, options.items, by=by, trials=options.trials, with_backtest=False)
        times.append(time.perf_counter() - began)
    began = time.perf_counter()
    backtest(daily_throughput(finished)[1], options.items)
    backtest_seconds = time.perf_counter() - began
    best = min(times)
    print(
        f"trials={options.trials} forecast_s={best:.3f} goal_s={GOAL_SECONDS:.1f} "
        f"ratio={best / GOAL_SECONDS:.2f} backtest_s={backtest_seconds:.3f} "
        f"runs={','.join(f'{t:.3f}' for t in times)}"
    )


if __name__ == "__main__":
    main()
