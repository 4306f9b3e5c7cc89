"""Delivery forecasts from a team's own throughput: Monte Carlo resampling of daily counts.

The history is the number of items finished on each calendar day from the first finish to the
last, days with none included (leaving them out would make the team look faster than it is).
Each trial draws future days from that history with replacement:

- *when* will N items be done: the first day the running total reaches N; P85 is the day by
  which 85 % of the trials were done;
- *how many* by a date: the sum of the drawn days up to it; P85 is the count that 85 % of the
  trials reached (so the 15th percentile of the counts).

A back-test re-forecasts from past points of the same history and counts how often the real
finish came on or before the P85 date. Everything is numpy, vectorised over the trials, with a
seeded generator so that the same input gives the same figures.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta

import numpy as np
from numpy.typing import NDArray

from produktlyft.procurement.model import Forecast

MIN_DATA_POINTS = 20
DEFAULT_TRIALS = 10_000
DEFAULT_SEED = 20260101
BLOCK_DAYS = 256  # days drawn at a time, so memory stays at trials x block
MAX_DAYS = 365 * 50  # a forecast further out than this is no forecast
CHART_BINS = 40
BACKTEST_CUTS = 25
BACKTEST_TRIALS = 2_000

Samples = NDArray[np.int64]


def daily_throughput(finished: Sequence[date]) -> tuple[date, Samples]:
    """The first day and the count of items finished on each day from it to the last."""
    if not finished:
        raise ValueError("no finished items")
    first = min(finished)
    offsets = np.array([(day - first).days for day in finished], dtype=np.int64)
    return first, np.bincount(offsets).astype(np.int64)


def completion_days(
    samples: Samples, items: int, trials: int, rng: np.random.Generator
) -> NDArray[np.int64]:
    """For each trial, the day (1 = the first forecast day) on which the N-th item is done."""
    if items < 1:
        raise ValueError("the number of items must be at least 1")
    if samples.sum() == 0:
        raise ValueError("the history has no finished items")
    done = np.zeros(trials, dtype=np.int64)  # 0 = not yet done
    running = np.zeros(trials, dtype=np.int64)
    offset = 0
    while (done == 0).any():
        if offset >= MAX_DAYS:
            raise ValueError("the items would take more than 50 years at this throughput")
        block = rng.choice(samples, size=(trials, BLOCK_DAYS))
        totals = running[:, None] + np.cumsum(block, axis=1)
        reached = totals >= items
        newly = (done == 0) & reached[:, -1]
        done[newly] = offset + np.argmax(reached[newly], axis=1) + 1
        running = totals[:, -1]
        offset += BLOCK_DAYS
    return done


def counts_by(
    samples: Samples, days: int, trials: int, rng: np.random.Generator
) -> NDArray[np.int64]:
    """For each trial, the items finished over `days` drawn days: how often each history value
    is drawn is multinomial, so the sum needs no trials x days matrix."""
    if days <= 0:
        return np.zeros(trials, dtype=np.int64)
    values, frequency = np.unique(samples, return_counts=True)
    draws = rng.multinomial(days, frequency / frequency.sum(), size=trials)
    result: NDArray[np.int64] = draws @ values
    return result


def _percentile(values: NDArray[np.int64], share: float) -> int:
    return int(np.quantile(values, share, method="inverted_cdf"))


def _distribution(days: NDArray[np.int64]) -> list[tuple[int, float]]:
    """Completion days grouped into at most CHART_BINS equal bins: (first day, share)."""
    low, high = int(days.min()), int(days.max())
    width = max(1, math.ceil((high - low + 1) / CHART_BINS))
    bins = np.bincount((days - low) // width)
    total = float(days.size)
    return [(low + i * width, float(count) / total) for i, count in enumerate(bins)]


def backtest(
    samples: Samples, items: int, *, trials: int = BACKTEST_TRIALS, seed: int = DEFAULT_SEED
) -> tuple[float | None, int]:
    """How often the P85 date was met when forecasting from past points of the history.

    At each cut (at least MIN_DATA_POINTS days in), the days before are the history and the
    target is min(N, half the items ever finished) items; a cut counts only when the real
    history went on to finish that many. Returns (hit rate, cuts used); (None, 0) without cuts.
    """
    target = max(1, min(items, int(samples.sum()) // 2))
    rng = np.random.default_rng(seed)
    usable = range(MIN_DATA_POINTS, samples.size)
    step = max(1, len(usable) // BACKTEST_CUTS)
    hits = points = 0
    for cut in usable[::step]:
        past, future = samples[:cut], np.cumsum(samples[cut:])
        if past.sum() == 0 or future[-1] < target:
            continue
        actual = int(np.argmax(future >= target)) + 1
        p85 = _percentile(completion_days(past, target, trials, rng), 0.85)
        hits += actual <= p85
        points += 1
    return (hits / points if points else None), points


def forecast(
    finished: Sequence[date],
    items: int,
    *,
    by: date | None = None,
    start: date | None = None,
    trials: int = DEFAULT_TRIALS,
    seed: int = DEFAULT_SEED,
    with_backtest: bool = True,
) -> Forecast:
    """When `items` more items will be done (P50/P85/P95), and how many by `by`."""
    first, samples = daily_throughput(finished)
    begin = start or first + timedelta(days=samples.size)
    rng = np.random.default_rng(seed)
    days = completion_days(samples, items, trials, rng)

    def day(offset: int) -> date:
        return begin + timedelta(days=offset - 1)

    counts: dict[str, int | None] = {"count_p50": None, "count_p85": None, "count_p95": None}
    if by is not None:
        drawn = counts_by(samples, (by - begin).days + 1, trials, rng)
        counts = {
            "count_p50": _percentile(drawn, 0.50),
            "count_p85": _percentile(drawn, 0.15),
            "count_p95": _percentile(drawn, 0.05),
        }
    hit_rate, cuts = backtest(samples, items, seed=seed) if with_backtest else (None, 0)
    return Forecast(
        items=items,
        start=begin,
        data_points=int(samples.size),
        finished_items=int(samples.sum()),
        trials=trials,
        seed=seed,
        p50=day(_percentile(days, 0.50)),
        p85=day(_percentile(days, 0.85)),
        p95=day(_percentile(days, 0.95)),
        by=by,
        **counts,
        warning="few_data_points" if samples.size < MIN_DATA_POINTS else None,
        backtest_p85_hit_rate=hit_rate,
        backtest_points=cuts,
        distribution=_distribution(days),
    )
