"""Where to start: an impact ranking of systems and capabilities, with rank stability.

Priority combines the profile's need for action with criticality, cost, users, contract lock-in
and, once the workflow analysis supplies it, workflow pain (`{system_id: pain}`, any non-negative
scale). Each is scaled to 1..10 (higher: act sooner) and weighted; missing inputs are left out and
lower the confidence. Workflow pain is the exception: only the systems behind the activities of a
stored event log can have it, so where it is absent it is not applicable rather than unknown and
does not lower the confidence (decision 0008). Sensitivity moves every weight by ±20 % one at a
time, and puts each system's missing inputs at their worst and best, and reports the range of
ranks each system takes, so a ranking is either robust or honestly uncertain. A system with less
than JUDGE_FLOOR of its inputs known is not judged: it ranks after every judged system and its
rank is never called stable.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import polars as pl

from produktlyft.review.analysis.facts import FactBase
from produktlyft.review.analysis.scoring import (
    CUSTOM_INDICATORS,
    Indicator,
    ProfileResult,
    band,
    indicator_matrix,
    normalise,
    weighted_mean,
)
from produktlyft.review.model import JUDGE_FLOOR

IMPACT_INDICATORS: dict[str, Indicator] = {
    "condition": Indicator("condition", lower_is_better=False, bounds=(1, 10)),
    "criticality": Indicator("criticality", lower_is_better=False, bounds=(0, 2)),
    "cost": Indicator("cost", lower_is_better=False),  # log scale, population range
    "users": Indicator("users", lower_is_better=False),  # log scale, population range
    "lock_in": Indicator("lock_in", lower_is_better=False, bounds=(0, 1)),
    # log scale from no pain (0) up to the most painful system: a system mapped to a workflow
    # that causes little pain scores low, not "least of those with pain" (see impact_inputs)
    "workflow_pain": Indicator("workflow_pain", lower_is_better=False),
}
# Inputs that some systems cannot have; their absence does not lower the confidence.
OPTIONAL_INPUTS = ("workflow_pain",)
DEFAULT_IMPACT_WEIGHTS: dict[str, float] = {
    "condition": 4.0,
    "criticality": 2.0,
    "cost": 1.5,
    "users": 1.0,
    "lock_in": 1.0,
    "workflow_pain": 1.5,
}
WEIGHT_MOVE = 0.2  # ±20 %
STRONG_FACTOR = 6.5  # a scaled input at least this high is worth naming in the reason


@dataclass
class Ranking:
    """Aligned with the fact base rows."""

    system_ids: list[str]
    priority: np.ndarray  # 1..10, NaN when nothing is known
    rank: np.ndarray  # 1 = start here; systems too little known to judge, then unscored, last
    confidence: np.ndarray
    judged: np.ndarray  # confidence ≥ JUDGE_FLOOR
    rank_min: np.ndarray
    rank_max: np.ndarray
    stable: np.ndarray
    factors: list[list[str]]  # the strongest inputs per system, for its reason
    inputs: dict[str, np.ndarray]
    scenarios: int

    def frame(self) -> pl.DataFrame:
        return pl.DataFrame(
            {
                "system_id": self.system_ids,
                "priority": self.priority,
                "rank": self.rank,
                "confidence": self.confidence,
                "judged": self.judged,
                "rank_min": self.rank_min,
                "rank_max": self.rank_max,
                "stable": self.stable,
            }
        )


def ranks(scores: np.ndarray) -> np.ndarray:
    """Rank 1 for the highest score, per column; NaN last, ties in row order."""
    key = np.where(np.isnan(scores), np.inf, -scores)
    order = np.argsort(key, axis=0, kind="stable")
    result = np.empty_like(order)
    positions = np.arange(1, scores.shape[0] + 1)
    if scores.ndim == 1:
        result[order] = positions
    else:
        np.put_along_axis(result, order, positions[:, None], axis=0)
    return result


def _log(values: np.ndarray) -> np.ndarray:
    return np.log1p(np.where(values < 0, np.nan, values))


def impact_inputs(
    facts: FactBase, profile: ProfileResult, workflow_pain: Mapping[str, float] | None
) -> tuple[list[str], np.ndarray]:
    """N × k scaled inputs; workflow pain only when the workflow analysis supplied some."""
    frame = facts.frame
    raw = {
        "condition": profile.need,
        "criticality": frame["criticality"].cast(pl.Float64).to_numpy().astype(float),
        "cost": _log(frame["annual_cost"].cast(pl.Float64).to_numpy().astype(float)),
        "users": _log(frame["users"].cast(pl.Float64).to_numpy().astype(float)),
        "lock_in": frame["lock_in"].cast(pl.Float64).to_numpy().astype(float),
    }
    indicators = dict(IMPACT_INDICATORS)
    if workflow_pain:
        pain = frame.select(
            pl.col("system_id").replace_strict(
                dict(workflow_pain), default=None, return_dtype=pl.Float64
            )
        )
        raw["workflow_pain"] = _log(pain.to_series().to_numpy().astype(float))
        top = float(np.nanmax(raw["workflow_pain"], initial=0.0))
        indicators["workflow_pain"] = Indicator(
            "workflow_pain", lower_is_better=False, bounds=(0.0, max(top, 1e-9))
        )
    keys = list(raw)
    return keys, np.column_stack([normalise(raw[k], indicators[k]) for k in keys])


def _confidence_weights(matrix: np.ndarray, keys: list[str], w: np.ndarray) -> np.ndarray:
    """N × k weights for the confidence: an optional input a system does not have counts
    neither for nor against it."""
    weights = np.tile(w, (matrix.shape[0], 1))
    for key in OPTIONAL_INPUTS:
        if key in keys:
            column = keys.index(key)
            weights[:, column] = np.where(np.isnan(matrix[:, column]), 0.0, w[column])
    return weights


def _scenarios(weights: np.ndarray) -> np.ndarray:
    """k × (1 + 2k): the weights as given, then each moved down and up by 20 %."""
    columns = [weights]
    for index in range(len(weights)):
        for factor in (1 - WEIGHT_MOVE, 1 + WEIGHT_MOVE):
            moved = weights.copy()
            moved[index] *= factor
            columns.append(moved)
    return np.column_stack(columns)


def rank_systems(
    facts: FactBase,
    profile: ProfileResult,
    weights: Mapping[str, float] | None = None,
    workflow_pain: Mapping[str, float] | None = None,
    custom_weights: Mapping[str, float] | None = None,
) -> Ranking:
    weights = {**DEFAULT_IMPACT_WEIGHTS, **(weights or {})}
    keys, matrix = impact_inputs(facts, profile, workflow_pain)
    w = np.array([weights.get(k, 0.0) for k in keys])
    priority, _ = weighted_mean(matrix, w)
    applicable = _confidence_weights(matrix, keys, w)
    known_share = (~np.isnan(matrix) * applicable).sum(axis=1) / applicable.sum(axis=1)
    # the condition input counts only as much as the profile's own confidence
    condition_w = w[keys.index("condition")]
    condition_known = ~np.isnan(matrix[:, keys.index("condition")])
    confidence = known_share - condition_w * condition_known * (
        1 - profile.confidence
    ) / applicable.sum(axis=1)
    confidence = np.clip(confidence, 0.0, 1.0)
    judged = confidence >= JUDGE_FLOOR
    scenario_scores, _ = weighted_mean(matrix, _scenarios(w))
    if profile.profile == "custom" and custom_weights:
        scenario_scores = np.column_stack(
            [scenario_scores, _custom_weight_scenarios(facts, matrix, keys, w, custom_weights)]
        )
    scenario_ranks = ranks(_judged_first(scenario_scores, judged[:, None]))
    best, worst = _ranks_with_missing_at_extremes(matrix, keys, w, priority, judged)
    n = len(priority)
    tolerance = max(2, math.ceil(0.05 * n))
    rank_min = np.minimum(scenario_ranks.min(axis=1), best)
    rank_max = np.maximum(scenario_ranks.max(axis=1), worst)
    return Ranking(
        system_ids=facts.system_ids,
        priority=priority,
        rank=ranks(_judged_first(priority, judged)),
        confidence=confidence,
        judged=judged,
        rank_min=rank_min,
        rank_max=rank_max,
        stable=judged & ((rank_max - rank_min) <= tolerance),
        factors=strongest_factors(matrix, w, keys),
        inputs={k: matrix[:, i] for i, k in enumerate(keys)},
        scenarios=scenario_scores.shape[1],
    )


def _judged_first(scores: np.ndarray, judged: np.ndarray) -> np.ndarray:
    """Scores to rank by: every judged system before every unjudged one (priorities are 1..10,
    so lifting the judged by 100 keeps each group's own order); NaN stays last."""
    return np.where(judged, scores + 100.0, scores)


def _ranks_with_missing_at_extremes(
    matrix: np.ndarray, keys: list[str], w: np.ndarray, priority: np.ndarray, judged: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Best and worst rank of each system when its missing inputs take their highest (10) and
    lowest (1) scaled value and every other system keeps its own priority: what the missing
    data could change. Systems with nothing missing keep their rank; optional inputs (not
    applicable) stay out."""
    required = np.array([k not in OPTIONAL_INPUTS for k in keys])
    missing = np.isnan(matrix) & required
    high, _ = weighted_mean(np.where(missing, 10.0, matrix), w)
    low, _ = weighted_mean(np.where(missing, 1.0, matrix), w)
    central = np.nan_to_num(_judged_first(priority, judged), nan=-np.inf)
    others = np.sort(central)

    def rank_at(score: np.ndarray) -> np.ndarray:
        # 1 + how many systems score above it, not counting its own central priority
        lifted = np.nan_to_num(_judged_first(score, judged), nan=-np.inf)
        above = len(others) - np.searchsorted(others, lifted, side="right")
        at: np.ndarray = 1 + above - (central > lifted)
        return at

    own = ranks(_judged_first(priority, judged))
    return np.minimum(rank_at(high), own), np.maximum(rank_at(low), own)


def _custom_weight_scenarios(
    facts: FactBase, matrix: np.ndarray, keys: list[str], w: np.ndarray, custom: Mapping[str, float]
) -> np.ndarray:
    """Priority when each of the custom profile's own weights moves by ±20 %."""
    chosen = [k for k in CUSTOM_INDICATORS if custom.get(k, 0.0) > 0]
    health_inputs = indicator_matrix(facts, [CUSTOM_INDICATORS[k] for k in chosen])
    health, _ = weighted_mean(health_inputs, _scenarios(np.array([custom[k] for k in chosen])))
    condition = normalise(11.0 - health, IMPACT_INDICATORS["condition"])
    at = keys.index("condition")
    columns = []
    for s in range(condition.shape[1]):
        varied = matrix.copy()
        varied[:, at] = condition[:, s]
        columns.append(weighted_mean(varied, w)[0])
    return np.column_stack(columns)


def strongest_factors(
    matrix: np.ndarray, weights: np.ndarray, keys: list[str], limit: int = 3
) -> list[list[str]]:
    """Per system, the inputs that push its priority most (scaled ≥ 6.5), strongest first."""
    pushed = np.where(
        np.nan_to_num(matrix, nan=0.0) >= STRONG_FACTOR,
        np.nan_to_num(matrix, nan=0.0) * weights,
        0.0,
    )
    order = np.argsort(-pushed, axis=1, kind="stable")[:, :limit]
    strong = np.take_along_axis(pushed, order, axis=1) > 0
    names = np.array(keys, dtype=object)[order]
    return [list(row[mask]) for row, mask in zip(names, strong, strict=True)]


@dataclass
class CapabilityView:
    frame: pl.DataFrame  # one row per capability: priority, rank, counts per band, cost
    heatmap: pl.DataFrame  # capability × band → systems


def capability_views(
    links: pl.DataFrame,
    capabilities: pl.DataFrame,
    facts: FactBase,
    profile: ProfileResult,
    ranking: Ranking,
) -> CapabilityView:
    """`links`: system_id, capability_id; `capabilities`: capability_id, capability name.
    Capabilities are ranked by the mean priority of their systems; unscored systems count in
    the 'unknown' band and are left out of averages (as ServiceNow does), never dropped."""
    per_system = pl.DataFrame(
        {
            "system_id": facts.system_ids,
            "name": facts.frame["name"],
            "health": profile.health,
            "band": band(profile.health),
            "priority": ranking.priority,
            "cost": facts.frame["annual_cost"],
        }
    ).with_columns(pl.col("health", "priority").fill_nan(None))
    joined = links.join(per_system, on="system_id", how="inner")
    heatmap = joined.group_by("capability_id", "band").agg(pl.len().alias("systems"))
    summary = (
        joined.sort("priority", descending=True, nulls_last=True)
        .group_by("capability_id")
        .agg(
            pl.len().alias("systems"),
            pl.col("priority").mean().alias("priority"),
            pl.col("health").mean().alias("health"),
            (pl.col("band") == "red").sum().alias("red"),
            (pl.col("band") == "unknown").sum().alias("unknown"),
            pl.col("cost").sum().alias("cost"),
            pl.col("name").first().alias("worst_system"),
        )
        .join(capabilities, on="capability_id", how="left")
    )
    summary = summary.sort(
        ["priority", "red", "capability_id"], descending=[True, True, False], nulls_last=True
    ).with_row_index("rank", offset=1)
    return CapabilityView(summary, heatmap.join(capabilities, on="capability_id", how="left"))
