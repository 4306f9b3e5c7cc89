"""Scoring profiles over one fact base: TIME, MoJ RAG, the Danish six dimensions, and a custom
weighted profile. Every profile gives, per system, a condition, a health figure 1..10 (higher is
better, ServiceNow's bands: 7–10 green, 4–7 amber, under 4 red), the "need for action" 11 − health,
and a data confidence 0..1: the weight-share of its inputs that are known.

Missing inputs are left out of a weighted mean, never filled in, and lower the confidence.
All arithmetic is column-wise (polars / NumPy), so 10,000 systems take milliseconds.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import polars as pl

from produktlyft.review.analysis.facts import FactBase
from produktlyft.review.model import PROFILE_FLOOR, PROFILES

GREEN_FROM = 7.0
RED_BELOW = 4.0


@dataclass(frozen=True)
class Indicator:
    """A raw fact column turned into a 1..10 health score."""

    key: str
    lower_is_better: bool
    bounds: tuple[float, float] | None = None  # fixed scale; None: the population's min..max
    fact: str | None = None  # column in the fact base (default: key)

    @property
    def column(self) -> str:
        return self.fact or self.key


# The custom profile's indicators and default weights (editable per organisation).
CUSTOM_INDICATORS: dict[str, Indicator] = {
    i.key: i
    for i in [
        Indicator("technical_fit", lower_is_better=False, bounds=(0, 3)),
        Indicator("lifecycle_risk", lower_is_better=True, bounds=(0, 100)),
        Indicator("functional_fit", lower_is_better=False, bounds=(0, 3)),
        Indicator("libyear", lower_is_better=True, bounds=(0, 100)),
        Indicator("hotspot_index", lower_is_better=True, bounds=(0, 1)),
        Indicator("bus_factor", lower_is_better=False, bounds=(1, 4)),
        Indicator("top_author_share", lower_is_better=True, bounds=(0.3, 1)),
        Indicator("lock_in", lower_is_better=True, bounds=(0, 1)),
        Indicator("has_technical_owner", lower_is_better=False, bounds=(0, 1)),
    ]
}
DEFAULT_CUSTOM_WEIGHTS: dict[str, float] = {
    "technical_fit": 3.0,
    "lifecycle_risk": 3.0,
    "functional_fit": 2.0,
    "libyear": 1.0,
    "hotspot_index": 1.0,
    "bus_factor": 1.0,
    "top_author_share": 0.5,
    "lock_in": 1.0,
    "has_technical_owner": 0.5,
}


def normalise(values: np.ndarray, indicator: Indicator) -> np.ndarray:
    """ServiceNow's scaling to 1..10: (x − lo)/(hi − lo)·9 + 1, flipped (11 − n) where lower is
    better. NaN (missing) stays NaN. A population without spread scores 5.5 for everyone."""
    lo, hi = (
        indicator.bounds
        if indicator.bounds
        else (np.nanmin(values, initial=np.inf), np.nanmax(values, initial=-np.inf))
    )
    if not np.isfinite(lo) or not np.isfinite(hi):
        return np.full_like(values, np.nan)
    if hi <= lo:
        scaled = np.where(np.isnan(values), np.nan, 5.5)
    else:
        scaled = (np.clip(values, lo, hi) - lo) / (hi - lo) * 9.0 + 1.0
    return 11.0 - scaled if indicator.lower_is_better else scaled


def indicator_matrix(facts: FactBase, indicators: Sequence[Indicator]) -> np.ndarray:
    """N × k health scores, NaN where the fact is missing."""
    columns = [
        normalise(facts.frame[i.column].cast(pl.Float64).to_numpy().astype(float), i)
        for i in indicators
    ]
    return np.column_stack(columns) if columns else np.empty((facts.frame.height, 0))


def weighted_mean(scores: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Weighted mean over known entries (NaN where none is known) and the confidence.

    `weights` may be k (one weighting) or k × S (S weightings at once, for sensitivity)."""
    known = ~np.isnan(scores)
    filled = np.where(known, scores, 0.0)
    present = known.astype(float) @ weights
    total = weights.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = (filled @ weights) / present
        confidence = present / total if np.all(total > 0) else np.zeros_like(present)
    return np.where(present > 0, mean, np.nan), confidence


@dataclass
class ProfileResult:
    """Per system (aligned with the fact base rows): condition, health, need, confidence."""

    profile: str
    condition: Sequence[str | None]
    health: np.ndarray
    confidence: np.ndarray
    inputs: tuple[str, ...]  # facts the profile reads, for evidence and appendix
    dimensions: dict[str, np.ndarray] = field(default_factory=dict)

    @property
    def need(self) -> np.ndarray:
        return 11.0 - self.health


def band(health: np.ndarray) -> list[str]:
    """green / amber / red / unknown, ServiceNow's heatmap bands."""
    bands: list[str] = np.select(
        [np.isnan(health), health >= GREEN_FROM, health >= RED_BELOW],
        ["unknown", "green", "amber"],
        "red",
    ).tolist()
    return bands


def custom_profile(facts: FactBase, weights: Mapping[str, float]) -> ProfileResult:
    chosen = [k for k in CUSTOM_INDICATORS if weights.get(k, 0.0) > 0]
    indicators = [CUSTOM_INDICATORS[k] for k in chosen]
    matrix = indicator_matrix(facts, indicators)
    health, confidence = weighted_mean(matrix, np.array([weights[k] for k in chosen]))
    return ProfileResult(
        "custom",
        band(health),
        health,
        confidence,
        tuple(i.column for i in indicators),
        {k: matrix[:, n] for n, k in enumerate(chosen)},
    )


def _col(facts: FactBase, name: str) -> np.ndarray:
    return facts.frame[name].cast(pl.Float64).to_numpy().astype(float)


TIME_NEED = {"eliminate": 10.0, "migrate": 7.5, "tolerate": 4.0, "invest": 1.0}


def time_profile(facts: FactBase) -> ProfileResult:
    """LeanIX TIME: functional fit (mean over capabilities; high = 1.5 or more on 0..3) against
    technical condition (assessed fit high, overruled by a component past end of life; from the
    end-of-life data alone when no one assessed it)."""
    functional = _col(facts, "functional_fit")
    assessed = _col(facts, "technical_fit")
    eol = _col(facts, "eol_months")
    eol_known = ~np.isnan(eol)
    past_eol = eol_known & (eol <= 0)
    tech_known = ~np.isnan(assessed) | eol_known
    tech_high = np.where(~np.isnan(assessed), assessed >= 2, True) & ~past_eol
    func_high = functional >= 1.5
    labels = np.select(
        [
            np.isnan(functional) | ~tech_known,
            func_high & tech_high,
            ~func_high & tech_high,
            func_high & ~tech_high,
        ],
        ["unknown", "invest", "tolerate", "migrate"],
        "eliminate",
    ).tolist()
    need = np.array([TIME_NEED.get(label, np.nan) for label in labels])
    confidence = (~np.isnan(functional)).astype(float) * 0.5 + tech_known.astype(float) * 0.5
    return ProfileResult(
        "time",
        [None if x == "unknown" else x for x in labels],
        11.0 - need,
        confidence,
        ("functional_fit", "technical_fit", "eol_months"),
    )


# "neglect": MoJ's intentional neglect, allowed only with a retirement plan.
RAG_NEED = {"red": 10.0, "amber": 6.0, "neglect": 3.0, "green": 1.0}


def _rag(red: np.ndarray, amber: np.ndarray, green: np.ndarray) -> np.ndarray:
    return np.select([red, amber, green], ["red", "amber", "green"], "unknown")


def _known(values: np.ndarray) -> np.ndarray:
    known: np.ndarray = ~np.isnan(values)
    return known


def moj_profile(facts: FactBase) -> ProfileResult:
    """UK MoJ technical-risk measures, each red/amber/green; the worst one sets the need."""
    staff, contractors = _col(facts, "civil_servants"), _col(facts, "contractors")
    contract = ~np.isnan(_col(facts, "contract_end_months"))  # a managed-service contract
    cs, co = np.nan_to_num(staff), np.nan_to_num(contractors)
    people_known = _known(staff) | _known(contractors)
    people = _rag(
        people_known & (cs + co == 0),
        people_known & ~((cs >= 2) | ((cs >= 1) & ((co >= 2) | contract))),
        people_known,
    )
    missing, medium, high = (
        _col(facts, k) for k in ("tech_criteria_missing", "medium_risks", "high_risks")
    )
    tech_red = (missing > 2) | (medium > 5) | (high > 0)
    tech_amber = (medium >= 2) & (medium <= 5)
    technology = _rag(tech_red, tech_amber, _known(missing) & _known(medium) & _known(high))
    eol, unapplied = _col(facts, "eol_months"), _col(facts, "oldest_unapplied_days")
    contract_end, legal = _col(facts, "contract_end_months"), _col(facts, "legal_change_months")
    atrophy_red = (eol <= 0) | (unapplied > 365) | (contract_end <= 0) | (legal <= 0)
    atrophy_amber = (eol <= 6) | (unapplied > 91) | (contract_end <= 9) | (legal <= 6)
    atrophy_inputs = np.column_stack([_known(x) for x in (eol, unapplied, contract_end, legal)])
    atrophy = _rag(atrophy_red, atrophy_amber, np.asarray(atrophy_inputs.any(axis=1)))
    planned = facts.frame["retirement_planned"].fill_null(False).to_numpy()
    atrophy = np.where(planned & (atrophy != "green"), "neglect", atrophy)
    measures = np.column_stack([people, technology, atrophy])
    need = np.vectorize(lambda r: RAG_NEED.get(r, np.nan))(measures).astype(float)
    worst = np.max(np.where(np.isnan(need), -np.inf, need), axis=1)
    worst = np.where(np.isinf(worst), np.nan, worst)
    condition = ["/".join(row) for row in measures.tolist()]
    confidence = (
        people_known.astype(float) + (technology != "unknown") + atrophy_inputs.mean(axis=1)
    ) / 3.0
    return ProfileResult(
        "moj",
        condition,
        11.0 - worst,
        confidence,
        (
            "civil_servants",
            "contractors",
            "tech_criteria_missing",
            "medium_risks",
            "high_risks",
            "eol_months",
            "oldest_unapplied_days",
            "contract_end_months",
            "legal_change_months",
        ),
        {
            "people": _rag_health(people),
            "technology": _rag_health(technology),
            "atrophy": _rag_health(atrophy),
        },
    )


def _rag_health(values: np.ndarray) -> np.ndarray:
    need: np.ndarray = np.vectorize(lambda r: RAG_NEED.get(r, np.nan))(values).astype(float)
    return 11.0 - need


# The Danish state model's six dimensions, each a mean of 1..10 indicators.
DANISH_DIMENSIONS: dict[str, list[Indicator]] = {
    "business_support": [Indicator("functional_fit", False, (0, 3))],
    "technical_condition": [
        Indicator("technical_fit", False, (0, 3)),
        Indicator("lifecycle_risk", True, (0, 100)),
        Indicator("libyear", True, (0, 100)),
        Indicator("hotspot_index", True, (0, 1)),
    ],
    "documentation_knowledge": [
        Indicator("has_owner", False, (0, 1)),
        Indicator("has_technical_owner", False, (0, 1)),
        Indicator("team_count", False, (0, 1)),
        Indicator("bus_factor", False, (1, 4)),
        Indicator("top_author_share", True, (0.3, 1)),
    ],
    "economy": [Indicator("cost_per_user", True)],
    "contracts_sourcing": [
        Indicator("lock_in", True, (0, 1)),
        Indicator("contract_end_months", False, (0, 24)),
    ],
    "security": [
        Indicator("high_risks", True, (0, 1)),
        Indicator("medium_risks", True, (0, 5)),
        Indicator("exposure", True, (0, 1)),
    ],
}


def _danish_extra(facts: FactBase) -> FactBase:
    """Derived facts: cost per user, and exposure = lifecycle risk × information sensitivity."""
    sensitivity = (
        pl.col("classification").fill_null(0) / 3 * 0.5
        + pl.col("personal_data").fill_null(0) / 2 * 0.5
    )
    frame = facts.frame.with_columns(
        pl.when(pl.col("users") > 0)
        .then(pl.col("annual_cost") / pl.col("users"))
        .alias("cost_per_user"),
        pl.when(pl.col("classification").is_not_null() | pl.col("personal_data").is_not_null())
        .then(pl.col("lifecycle_risk") / 100 * sensitivity)
        .alias("exposure"),
    )
    return FactBase(frame, facts.reference_date, facts.eol_snapshot, facts.sources)


def danish_profile(facts: FactBase) -> ProfileResult:
    """Six dimensions; overall is their mean; 'insufficient' if the overall is under 5.5 or any
    dimension is red (under 4), as the state model rates condition sufficient or not."""
    extended = _danish_extra(facts)
    dims: dict[str, np.ndarray] = {}
    for name, indicators in DANISH_DIMENSIONS.items():
        matrix = indicator_matrix(extended, indicators)
        dims[name], _ = weighted_mean(matrix, np.ones(len(indicators)))
    stacked = np.column_stack(list(dims.values()))
    overall, confidence = weighted_mean(stacked, np.ones(stacked.shape[1]))
    with np.errstate(invalid="ignore"):
        any_red = np.nanmin(np.where(np.isnan(stacked), np.inf, stacked), axis=1) < RED_BELOW
    condition = np.select(
        [np.isnan(overall), (overall < 5.5) | any_red], ["unknown", "insufficient"], "sufficient"
    ).tolist()
    inputs = tuple(
        dict.fromkeys(
            i.column
            for group in DANISH_DIMENSIONS.values()
            for i in group
            if i.column in facts.frame.columns
        )
    )
    return ProfileResult(
        "danish",
        [None if c == "unknown" else c for c in condition],
        overall,
        confidence,
        (*inputs, "annual_cost", "users", "classification", "personal_data"),
        dims,
    )


# profiles whose condition is read from their health score
HEALTH_CONDITIONS = ("custom", "danish")


def score_profile(
    facts: FactBase, profile: str, custom_weights: Mapping[str, float] | None = None
) -> ProfileResult:
    """The profile's result, with no health or condition stated where less than
    PROFILE_FLOOR of what it weighs is known (missing facts never read as bad condition)."""
    if profile == "custom":
        result = custom_profile(facts, custom_weights or DEFAULT_CUSTOM_WEIGHTS)
    elif profile == "time":
        result = time_profile(facts)
    elif profile == "moj":
        result = moj_profile(facts)
    elif profile == "danish":
        result = danish_profile(facts)
    else:
        raise ValueError(f"unknown profile '{profile}'; choose one of {', '.join(PROFILES)}")
    return above_floor(result)


def above_floor(result: ProfileResult) -> ProfileResult:
    """Health only where the profile knows at least PROFILE_FLOOR of its inputs, and the
    condition too where it is read from the health (custom's band, the Danish verdict); TIME's
    quadrant and MoJ's measures mark their own unknown parts. The dimensions stay, for the
    evidence page."""
    too_little = result.confidence < PROFILE_FLOOR
    if not too_little.any():
        return result
    health = np.where(too_little, np.nan, result.health)
    condition = list(result.condition)
    if result.profile in HEALTH_CONDITIONS:
        condition = [None if low else c for c, low in zip(condition, too_little, strict=True)]
    return replace(result, health=health, condition=condition)
