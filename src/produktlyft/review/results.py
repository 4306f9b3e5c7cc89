"""What a review run holds, typed: per-system results with their reasons, suggested duplicate
pairs, the capability views and heatmap, the technology rows, the summary, and the run itself.

Stored as JSON through these models (`model_dump(mode="json")` / `model_validate`). Runs stored
before a field existed still read: unknown keys are ignored and missing ones take their default.
Reasons are codes with parameters, worded when shown (`review.presenter`), so a run reads in the
reader's language whatever language it ran in.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
)

from produktlyft.review.model import JUDGE_FLOOR, Band


class Record(BaseModel):
    """Tolerant of rows stored by older and newer versions: extra keys are ignored."""

    model_config = ConfigDict(extra="ignore")


class ReasonCode(StrEnum):
    """Why a system ranks where it does, or why two systems look alike. Parameters in comments."""

    EOL_PASSED = "eol_passed"  # component, date: a component past its end of life
    EOL_SOON = "eol_soon"  # component, date: one reaching it within 18 months
    TECH_POOR = "tech_poor"
    FIT_POOR = "fit_poor"
    CONDITION_POOR = "condition_poor"
    CRIT_SOCIETY = "crit_society"
    CRIT_OPERATIONS = "crit_operations"
    COST = "cost"  # amount: yearly cost in kronor
    USERS = "users"  # users
    LOCK_IN = "lock_in"  # contract, signals: codes of the lock-in signs it shows
    WORKFLOW_PAIN = "workflow_pain"
    NO_STRONG = "no_strong"
    NOT_ASSESSABLE = "not_assessable"  # missing: keys of the missing facts
    UNCERTAIN = "uncertain"  # confidence: the share of the facts known
    DUP_CAPABILITIES = "dup_capabilities"  # items: names of the shared capabilities
    DUP_DATA = "dup_data"  # items: names of the shared data objects
    DUP_INTEGRATIONS = "dup_integrations"
    DUP_TEXT = "dup_text"  # similarity: of names and descriptions, 0..1
    DUP_FUNCTION = "dup_function"  # function: a function id of the vocabulary; words: why
    DUP_PRODUCT = "dup_product"  # product: the catalogue product both are
    DUP_MEANING = "dup_meaning"  # the optional language model puts them close in meaning
    DUP_WORD_PARTS = "dup_word_parts"  # names and descriptions share parts of words (text_grams)
    # pairs: learnt word pairs, "word|word" as the systems spell them ("fn:" and a function id
    # for a function)
    DUP_WORD_PAIRS = "dup_word_pairs"
    DUP_SUCCESSOR = "dup_successor"  # old, new: a product and its successor in the catalogue
    DUP_HOLDOVER = "dup_holdover"  # name: the one kept open read-only or on its way out
    DUP_ORIGIN = "dup_origin"  # items: an origin of each (unit or former organisation named)
    DUP_AGAINST = "dup_against"  # items: evidence-against codes (linked, role_complementary, …)


ReasonParam = bool | int | float | str | list[str] | None


class Reason(Record):
    model_config = ConfigDict(frozen=True)

    code: ReasonCode
    params: dict[str, ReasonParam] = Field(default_factory=dict)


def _absent(value: object) -> bool:
    return value is None


class EvidenceItem(Record):
    """One fact a result rests on: its source, date and value; missing is explicit."""

    fact: str
    source: str | None = None
    date: str | None = None
    value: bool | int | float | str | None = None
    missing: bool = False
    # stored and exported without the detail keys when there is no detail, as before; a
    # field's exclude_if rather than a wrapping serializer, which called back into Python for
    # each of a review's 280,000 items (0.6 s of the 10,000-system review's 10)
    detail: str | None = Field(default=None, exclude_if=_absent)  # the component or contract
    detail_date: str | None = Field(default=None, exclude_if=_absent)  # its end-of-life date


class SystemResult(Record):
    system_id: str
    name: str
    rank: int
    score: float | None = None  # priority 1..10: higher means start sooner
    confidence: float = 0.0
    condition: str | None = None
    health: float | None = None  # the profile's 1..10 (higher is better)
    band: Band = Band.UNKNOWN
    # the reason worded in the run's language when it was stored: shown only for runs stored
    # before reasons were codes, searched by the ranking's text filter
    reason: str = ""
    reasons: list[Reason] | None = None  # None in runs stored before reasons were codes
    evidence: list[EvidenceItem] = Field(default_factory=list)
    rank_min: int = 0
    rank_max: int = 0
    stable: bool = True
    factors: list[str] = Field(default_factory=list)
    annual_cost: float | None = None
    # every profile's view and every fact (analysis.assessment), for the evidence page; None
    # in runs stored before it, and left out when a run's results are read for a list
    assessment: dict[str, Any] | None = None

    def fact(self, key: str) -> EvidenceItem | None:
        return next((e for e in self.evidence if e.fact == key), None)

    @property
    def judged(self) -> bool:
        """Enough is known to judge it (review.model.JUDGE_FLOOR); otherwise it is listed as
        too little known, with what is missing, after every judged system."""
        return self.confidence >= JUDGE_FLOOR


class DuplicatePair(Record):
    system_a: str
    system_b: str
    name_a: str
    name_b: str
    score: float
    layers: list[str] = Field(default_factory=list)
    layer_scores: dict[str, float] = Field(default_factory=dict)
    reason: str = ""  # as `SystemResult.reason`
    reasons: list[Reason] | None = None
    cluster: int = 0
    confirmed: bool = False
    # what placed the pair (ADR 0023): the shared function's id and the words behind it, the
    # shared catalogue product, the evidence against that was weighed, and the member of the
    # cluster suggested to keep (better condition, lower cost, more users)
    function: str | None = None
    function_words: list[str] = Field(default_factory=list)
    product: str | None = None
    against: list[str] = Field(default_factory=list)
    survivor: str | None = None

    @field_validator("function_words", "against", mode="before")
    @classmethod
    def _none_is_empty(cls, value: object) -> object:
        return [] if value is None else value  # rows of runs stored before ADR 0023


class CapabilityRow(Record):
    """A capability ranked by the mean priority of the systems supporting it."""

    rank: int
    capability_id: str
    systems: int = 0
    priority: float | None = None
    health: float | None = None
    red: int = 0
    unknown: int = 0
    cost: float | None = None
    worst_system: str | None = None
    capability: str | None = None  # the capability's name

    @property
    def name(self) -> str:
        return self.capability or self.capability_id


class HeatmapCell(Record):
    """How many of a capability's systems are in a band."""

    capability_id: str
    band: Band
    systems: int
    capability: str | None = None


class TechnologyRow(Record):
    """A technology component matched against endoflife.date."""

    id: str
    name: str
    version: str | None = None
    status: str
    product: str | None = None
    cycle: str | None = None
    eol: str | None = None
    eos: str | None = None
    months_to_eol: float | None = None
    eol_passed: bool | None = None
    risk: float | None = None
    systems: int = 0


class DuplicateCost(Record):
    total: float = 0.0
    avoidable: float = 0.0  # keeping only the dearest system of each group would free this


class RunSummary(Record):
    systems: int = 0
    data_confidence: float = 0.0
    annual_cost: float = 0.0
    duplicate_cost: DuplicateCost = Field(default_factory=DuplicateCost)
    duplicate_candidates_compared: int = 0
    rejected_pairs_skipped: int = 0
    # the duplicate model used ("layers" or "signals"; None in runs stored before it was
    # recorded), the score pairs were suggested from, and the decided pairs its weights were
    # adjusted to (None: the shipped weights)
    duplicate_model: str | None = None
    duplicate_threshold: float | None = None
    duplicate_weights_pairs: int | None = None
    # whether the signals model scored the pairs with the shipped trees (None: stored before)
    duplicate_trees: bool | None = None
    # how that score was chosen: "fixed" (the fitted threshold) or "expected_f1" (per
    # inventory, duplicates_cut); None in runs stored before it was recorded, which were cut by
    # expected F1
    duplicate_cut: str | None = None
    sensitivity_scenarios: int | None = None  # None in summaries stored before it
    unstable_systems: int = 0  # judged systems whose rank range is wide
    unjudged_systems: int = 0  # too little known to judge (SystemResult.judged)
    bands: dict[Band, int] = Field(default_factory=lambda: dict.fromkeys(Band, 0))

    def band_count(self, band: Band) -> int:
        return self.bands.get(band, 0)


class RunDetails(Record):
    """Read whole, never queried inside."""

    capabilities: list[CapabilityRow] = Field(default_factory=list)
    heatmap: list[HeatmapCell] = Field(default_factory=list)
    technologies: list[TechnologyRow] = Field(default_factory=list)
    clusters: list[list[str]] = Field(default_factory=list)


class ReviewRun(Record):
    id: int
    started_at: datetime
    actor: str
    profile: str
    lang: str  # the language the run's stored reason texts are in
    reference_date: date
    eol_snapshot: date
    weights: dict[str, dict[str, float]] = Field(default_factory=dict)
    summary: RunSummary = Field(default_factory=RunSummary)
    details: RunDetails = Field(default_factory=RunDetails)
    systems: list[SystemResult] = Field(default_factory=list)
    duplicates: list[DuplicatePair] = Field(default_factory=list)


class SystemBrief(Record):
    """Name, rank, score and cost of a system in a run."""

    system_id: str
    name: str
    rank: int
    score: float | None = None
    annual_cost: float | None = None


class RankInRun(Record):
    """A system's place in one past run."""

    id: int
    started_at: datetime
    profile: str
    rank: int
    score: float | None = None
    confidence: float = 0.0
