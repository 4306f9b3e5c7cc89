"""A pilot's evaluation from its registration and the teams' series (pure).

The method is chosen from the data:
- comparison teams with parallel pre-trends → difference-in-differences;
- comparison teams whose pre-trends are not parallel → a controlled interrupted time series
  (segmented regression on the pilot-minus-comparison gap, which models the differing trend);
- no comparison team → an interrupted time series of the pilot team alone;
- too few periods for any of them → no method, verdict inconclusive.

The verdict is read from the 95 % interval in the better direction against the pre-registered
smallest effect that matters δ: all above 0 → improved; all below 0 → worse; inside (−δ, δ) →
no detectable change; otherwise inconclusive (the interval is too wide to tell).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta

import numpy as np

from produktlyft.pilots.analysis.estimators import (
    Estimate,
    did,
    median_change,
    permutation_p,
    pre_trend,
    segmented,
)
from produktlyft.pilots.model import (
    Evaluation,
    Finding,
    Method,
    PilotRegistration,
    SeriesValue,
    Verdict,
)

MIN_PRE = 4  # periods before the start needed to estimate a trend
MIN_POST = 2
FEW_POINTS = 8  # fewer periods than this on a side: intervals rest on few points
SHORT_POST = 6  # a post window shorter than this may only show a novelty effect
MIN_PERMUTATION_TEAMS = 4
PRE_TREND_ALPHA = 0.05
EVENT_LEAD = timedelta(days=31)  # an event this long before the start still counts


@dataclass
class Panel:
    """The periods inside the windows where the pilot team has a value, with the comparison
    teams' values (NaN where a team has none) and whether each period is after the start."""

    periods: list[str]
    pilot: list[float]
    comparison: list[list[float]]  # per period, per comparison team
    post: list[bool]
    comparison_teams: list[str] = field(default_factory=list)

    @property
    def pre_points(self) -> int:
        return sum(not p for p in self.post)

    @property
    def post_points(self) -> int:
        return sum(self.post)

    def comparison_mean(self) -> list[float]:
        return [float(np.nanmean(row)) if row else math.nan for row in self.comparison]


def build_panel(plan: PilotRegistration, values: Sequence[SeriesValue]) -> Panel:
    by_team: dict[str, dict[str, float]] = {}
    for value in values:
        if plan.pre_start <= value.period_start <= plan.post_end and not (
            plan.pre_end < value.period_start < plan.post_start
        ):
            key = value.period_start.isoformat()
            by_team.setdefault(value.team, {})[key] = value.value
    pilot = by_team.get(plan.pilot_team, {})
    teams = [t for t in plan.comparison_teams if by_team.get(t)]
    panel = Panel([], [], [], [], teams)
    for period in sorted(pilot):
        row = [by_team[t].get(period, math.nan) for t in teams]
        if teams and all(math.isnan(x) for x in row):
            continue  # no comparison that period: the gap is undefined
        panel.periods.append(period)
        panel.pilot.append(pilot[period])
        panel.comparison.append(row)
        panel.post.append(period >= plan.post_start.isoformat())
    return panel


def _method(panel: Panel) -> tuple[Method, Estimate | None, Finding | None]:
    """The method the data allow, its estimate, and the pre-trend finding if it failed."""
    if panel.pre_points < MIN_PRE - (1 if panel.comparison_teams else 0) or (
        panel.post_points < MIN_POST
    ):
        return Method.NONE, None, None
    if not panel.comparison_teams:
        return Method.ITS, segmented(panel.pilot, panel.post), None
    gap = [p - c for p, c in zip(panel.pilot, panel.comparison_mean(), strict=True)]
    pre_gap = [g for g, after in zip(gap, panel.post, strict=True) if not after]
    if len(pre_gap) >= MIN_PRE:
        slope = pre_trend(pre_gap)
        if slope.p_value < PRE_TREND_ALPHA:
            finding = Finding(
                code="non_parallel_pre_trends",
                params={"slope": f"{slope.effect:.3g}", "p": f"{slope.p_value:.3f}"},
            )
            return Method.CONTROLLED_ITS, segmented(gap, panel.post), finding
    return Method.DID, did(gap, panel.post), None


def verdict(estimate: Estimate | None, plan: PilotRegistration) -> tuple[Verdict, list[Finding]]:
    if estimate is None:
        return Verdict.INCONCLUSIVE, [Finding(code="too_few_points")]
    sign = plan.direction.sign
    low, high = sorted((sign * estimate.ci_low, sign * estimate.ci_high))
    delta = plan.min_effect
    params = {"min_effect": f"{delta:g}"}
    if low > 0:
        if sign * estimate.effect < delta:
            return Verdict.IMPROVED, [Finding(code="smaller_than_min_effect", params=params)]
        return Verdict.IMPROVED, [Finding(code="interval_above_zero")]
    if high < 0:
        return Verdict.WORSE, [Finding(code="interval_below_zero")]
    if -delta < low and high < delta:
        return Verdict.NO_DETECTABLE_CHANGE, [Finding(code="interval_within_min", params=params)]
    return Verdict.INCONCLUSIVE, [Finding(code="interval_too_wide", params=params)]


def _regression_to_the_mean(panel: Panel, plan: PilotRegistration) -> Finding | None:
    """The pilot team was chosen for a bad spell: its pre-period was worse than the comparison
    teams' by more than their spread, or its last pre-periods dipped below its own pre mean."""
    sign = plan.direction.sign
    pre_pilot = [v for v, after in zip(panel.pilot, panel.post, strict=True) if not after]
    if len(panel.comparison_teams) >= 2:
        pre_rows = [r for r, after in zip(panel.comparison, panel.post, strict=True) if not after]
        team_means = np.nanmean(np.asarray(pre_rows, dtype=float), axis=0)
        spread = float(np.std(team_means, ddof=1))
        distance = sign * (float(np.mean(pre_pilot)) - float(np.mean(team_means)))
        if spread > 0 and distance < -spread:
            return Finding(code="regression_to_the_mean", params={"basis": "comparison"})
    if len(pre_pilot) >= 6:
        spread = float(np.std(pre_pilot, ddof=1))
        dip = sign * (float(np.mean(pre_pilot[-3:])) - float(np.mean(pre_pilot)))
        if spread > 0 and dip < -spread:
            return Finding(code="regression_to_the_mean", params={"basis": "own_history"})
    return None


def threats(panel: Panel, plan: PilotRegistration, trend: Finding | None) -> list[Finding]:
    found: list[Finding] = []
    if panel.pre_points < FEW_POINTS or panel.post_points < FEW_POINTS:
        found.append(
            Finding(
                code="too_few_points",
                params={"pre": str(panel.pre_points), "post": str(panel.post_points)},
            )
        )
    if trend is not None:
        found.append(trend)
    if panel.post_points < SHORT_POST:
        found.append(Finding(code="novelty", params={"post": str(panel.post_points)}))
    rtm = _regression_to_the_mean(panel, plan) if panel.pre_points >= 2 else None
    if rtm is not None:
        found.append(rtm)
    during = [e for e in plan.events if plan.post_start - EVENT_LEAD <= e.day <= plan.post_end]
    if during:
        found.append(
            Finding(
                code="other_changes",
                params={"events": "; ".join(f"{e.day.isoformat()} {e.text}" for e in during)},
            )
        )
    return found


def evaluate(plan: PilotRegistration, values: Sequence[SeriesValue]) -> Evaluation:
    """The pilot's evaluation: method, effect, 95 % interval, verdict, reasons and threats."""
    panel = build_panel(plan, values)
    method, estimate, trend = _method(panel)
    outcome, reasons = verdict(estimate, plan)
    permutation = None
    if method is Method.DID and len(panel.comparison_teams) >= MIN_PERMUTATION_TEAMS:
        # teams missing some periods (a week without deployments) still count: each placebo
        # DiD uses the periods where that team and at least one other have a value
        filled = np.asarray(panel.comparison, dtype=float)
        permutation = permutation_p(panel.pilot, filled, panel.post)
    pre = [v for v, after in zip(panel.pilot, panel.post, strict=True) if not after]
    post = [v for v, after in zip(panel.pilot, panel.post, strict=True) if after]
    medians = median_change(pre, post)
    return Evaluation(
        pilot_id=plan.id,
        method=method,
        effect=None if estimate is None else estimate.effect,
        ci_low=None if estimate is None else estimate.ci_low,
        ci_high=None if estimate is None else estimate.ci_high,
        p_value=None if estimate is None else estimate.p_value,
        permutation_p=permutation,
        verdict=outcome,
        reasons=tuple(reasons),
        threats=tuple(threats(panel, plan, trend)),
        pre_points=panel.pre_points,
        post_points=panel.post_points,
        median_change=None if medians is None else medians.effect,
        median_ci_low=None if medians is None else medians.ci_low,
        median_ci_high=None if medians is None else medians.ci_high,
    )
