"""Records of the review that are stored: evidence and duplicate decisions, and the condition
bands every result is sorted into. What a run holds is typed in `review.results`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, Self

from produktlyft.kernel.i18n import N_

# The scoring profiles a review can rank by (review.analysis.scoring scores each).
PROFILES = ("custom", "time", "moj", "danish")
# Missing facts must never read as bad condition (issue 16). Below this share of what a
# profile weighs, it states no health and no band: one known indicator out of nine is not a
# condition. The ranking then treats the condition as unknown.
PROFILE_FLOOR = 0.25
# Below this share of the ranking's weighted inputs a system is "too little known to judge":
# more is unknown than known, so it is listed apart with what is missing and ranked after every
# system that can be judged, never among the confident problems. One definition: pages, report,
# summary counts and exports all ask `SystemResult.judged`.
JUDGE_FLOOR = 0.5


class Band(StrEnum):
    """ServiceNow's condition bands of the health score, stored by code.

    Each carries a short label (tables, legends), a label naming its range of health (the web
    pages' filters and chart) and its chart colour. Every colour is always paired with a text
    label and has at least 4.5:1 contrast against white (WCAG 1.4.11 asks 3:1 of graphics)."""

    label: str
    scale: str
    colour: str

    def __new__(cls, code: str, label: str, scale: str, colour: str) -> Self:
        member = str.__new__(cls, code)
        member._value_ = code
        member.label = label
        member.scale = scale
        member.colour = colour
        return member

    RED = ("red", N_("red"), N_("red (health under 4)"), "#b2182b")
    AMBER = ("amber", N_("amber"), N_("amber (4–7)"), "#b35806")
    GREEN = ("green", N_("green"), N_("green (7–10)"), "#1b7837")
    UNKNOWN = ("unknown", N_("unknown"), N_("cannot be assessed"), "#6f6f6f")

    @classmethod
    def of(cls, code: str) -> Band:
        """The band stored as `code`."""
        for band in cls:
            if band.value == code:
                return band
        raise ValueError(f"'{code}' is not a condition band")

    @classmethod
    def colours(cls) -> dict[str, str]:
        """Code to colour, in band order: the colour scale of a chart coloured by band."""
        return {band.value: band.colour for band in cls}


class Decision(StrEnum):
    CONFIRM = "confirm"
    REJECT = "reject"


class EvidenceKind(StrEnum):
    SBOM = "sbom"
    REPO = "repo"


def pair_key(a: str, b: str) -> tuple[str, str]:
    """An unordered pair of system ids, written the one way it is stored."""
    return (a, b) if a <= b else (b, a)


@dataclass(frozen=True)
class DuplicateDecision:
    system_a: str
    system_b: str
    decision: Decision
    decided_by: str
    decided_at: datetime
    note: str | None = None


@dataclass(frozen=True)
class DuplicateWeights:
    """The duplicate model's weights re-fitted from this organisation's decisions (ADR 0023),
    in the order of `analysis.duplicates.SIGNALS`."""

    weights: tuple[float, ...]
    intercept: float
    threshold: float
    pairs: int  # decided pairs they were fitted on
    fitted_by: str
    fitted_at: datetime
    # "logistic": the signals model's own weights and intercept; "trees": a term added to the
    # shipped trees' logit (DuplicateSettings.adjustment), the threshold the shipped one
    model: str = "logistic"


@dataclass(frozen=True)
class Evidence:
    system_id: str
    kind: EvidenceKind
    location: str
    label: str
    attached_at: datetime
    attached_by: str
    facts: dict[str, Any] = field(default_factory=dict)
    stored_path: str | None = None
