"""Simulated panels with a known effect, to check the estimators' interval coverage (pure).

Each team has its own level, every team shares the period's shock (which DiD removes), and each
team's own noise is AR(1). The pilot team gains `effect` from the first post period on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from produktlyft.pilots.analysis.estimators import did, segmented


@dataclass(frozen=True)
class Scenario:
    effect: float = 1.5
    pre: int = 26  # half a year of weeks on each side
    post: int = 26
    comparison_teams: int = 5
    rho: float = 0.3  # autocorrelation of a team's own noise
    noise: float = 1.0
    trend: float = 0.05  # per period, shared by all teams


def _ar1(rng: np.random.Generator, n: int, rho: float, sd: float) -> np.ndarray:
    shocks = rng.normal(0.0, sd * np.sqrt(1 - rho**2), n)
    out = np.empty(n)
    out[0] = rng.normal(0.0, sd)
    for t in range(1, n):
        out[t] = rho * out[t - 1] + shocks[t]
    return out


def panel(rng: np.random.Generator, s: Scenario) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(pilot series, comparison matrix periods×teams, post flags)."""
    n = s.pre + s.post
    post = np.arange(n) >= s.pre
    common = rng.normal(0.0, 1.0, n) + s.trend * np.arange(n)
    teams = [
        rng.normal(10.0, 2.0) + common + _ar1(rng, n, s.rho, s.noise)
        for _ in range(s.comparison_teams + 1)
    ]
    pilot = teams[0] + s.effect * post
    return pilot, np.column_stack(teams[1:]), post


def coverage(
    simulations: int, s: Scenario, seed: int = 7, errors: str = "ar1"
) -> tuple[float, float]:
    """The share of 95 % intervals that hold the true effect: (DiD, ITS of the pilot alone)."""
    rng = np.random.default_rng(seed)
    did_hits = its_hits = 0
    for _ in range(simulations):
        pilot, comparison, post = panel(rng, s)
        gap = pilot - comparison.mean(axis=1)
        d = did(gap.tolist(), post.tolist(), errors)
        did_hits += d.ci_low <= s.effect <= d.ci_high
        # the ITS sees one series with its own trend and noise, without the shared shocks
        n = s.pre + s.post
        alone = 10.0 + s.trend * np.arange(n) + _ar1(rng, n, s.rho, s.noise) + s.effect * post
        i = segmented(alone.tolist(), post.tolist(), errors)
        its_hits += i.ci_low <= s.effect <= i.ci_high
    return did_hits / simulations, its_hits / simulations


def demo_series(
    teams: list[str], start: date, weeks_before: int, weeks_after: int, seed: int
) -> list[tuple[str, date, float]]:
    """Weekly change lead time in hours for the demo: the first team is the pilot, which starts
    a little slower than the others and gets about 30 hours faster after the start."""
    rng = np.random.default_rng(seed)
    n = weeks_before + weeks_after
    common = rng.normal(0.0, 4.0, n) - 0.2 * np.arange(n)
    rows: list[tuple[str, date, float]] = []
    for index, team in enumerate(teams):
        level = 132.0 if index == 0 else float(rng.normal(118.0, 10.0))
        own = _ar1(rng, n, 0.3, 8.0)
        gain = -30.0 if index == 0 else 0.0
        for week in range(n):
            value = level + common[week] + own[week] + (gain if week >= weeks_before else 0.0)
            day = start + timedelta(weeks=week - weeks_before)
            rows.append((team, day, round(max(value, 1.0), 1)))
    return rows
