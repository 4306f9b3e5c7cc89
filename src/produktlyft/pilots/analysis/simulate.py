"""Simulated panels with a known effect, to check the estimators' interval coverage (pure).

Each team has its own level, every team shares the period's shock (which DiD removes), and each
team's own noise is AR(1). The pilot team gains `effect` from the first post period on.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from produktlyft.pilots.analysis.estimators import Estimate, did, segmented


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


@dataclass(frozen=True)
class Coverage:
    """How an estimator's 95 % intervals did over the simulations."""

    simulations: int
    coverage: float  # the share of intervals that hold the true effect
    bias: float  # mean estimate minus the true effect
    width: float  # mean interval width

    @property
    def margin(self) -> float:
        """Half the 95 % Monte Carlo interval of the coverage, 1.96·√(p(1−p)/n)."""
        p = self.coverage
        return 1.96 * math.sqrt(p * (1 - p) / self.simulations)


def _summary(estimates: list[Estimate], effect: float) -> Coverage:
    hits = sum(e.ci_low <= effect <= e.ci_high for e in estimates)
    n = len(estimates)
    return Coverage(
        simulations=n,
        coverage=hits / n,
        bias=float(np.mean([e.effect for e in estimates])) - effect,
        width=float(np.mean([e.ci_high - e.ci_low for e in estimates])),
    )


def coverage(
    simulations: int, s: Scenario, seed: int = 7, errors: str = "ar1"
) -> tuple[Coverage, Coverage]:
    """How the 95 % intervals hold the true effect: (DiD, ITS of the pilot alone)."""
    rng = np.random.default_rng(seed)
    dids: list[Estimate] = []
    its: list[Estimate] = []
    n = s.pre + s.post
    for _ in range(simulations):
        pilot, comparison, post = panel(rng, s)
        gap = pilot - comparison.mean(axis=1)
        dids.append(did(gap.tolist(), post.tolist(), errors))
        # the ITS sees one series with its own trend and noise, without the shared shocks
        alone = 10.0 + s.trend * np.arange(n) + _ar1(rng, n, s.rho, s.noise) + s.effect * post
        its.append(segmented(alone.tolist(), post.tolist(), errors))
    return _summary(dids, s.effect), _summary(its, s.effect)


def demo_series(
    teams: list[str], start: date, weeks_before: int, weeks_after: int, seed: int
) -> list[tuple[str, date, float]]:
    """Weekly change lead time in hours, as a team would upload it (the tests' series): the
    first team is the pilot, which starts a little slower than the others and gets about 30
    hours faster after the start."""
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
