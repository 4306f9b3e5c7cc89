"""Typed records and vocabularies of the pilots area (no I/O).

A pilot is pre-registered before it starts: the hypothesis, the primary metric, the pilot and
comparison teams, the pre and post windows, the smallest effect that matters and which direction
is better. Once the post window has started the record is locked: a change is refused unless it
is recorded as a dated, signed amendment.
"""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from produktlyft.kernel.errors import Wording, wording
from produktlyft.kernel.labels import LabelledEnum

UPLOADED = "uploaded"  # the metric key of a series uploaded as CSV for this pilot


class Direction(LabelledEnum):
    HIGHER_IS_BETTER = ("higher_is_better", "högre är bättre", "higher is better")
    LOWER_IS_BETTER = ("lower_is_better", "lägre är bättre", "lower is better")

    @property
    def sign(self) -> int:
        return 1 if self is Direction.HIGHER_IS_BETTER else -1


class Verdict(LabelledEnum):
    IMPROVED = ("improved", "förbättrades", "improved")
    NO_DETECTABLE_CHANGE = (
        "no_detectable_change",
        "ingen märkbar förändring",
        "no detectable change",
    )
    WORSE = ("worse", "försämrades", "worse")
    INCONCLUSIVE = ("inconclusive", "går inte att avgöra", "inconclusive")


class Method(LabelledEnum):
    DID = ("did", "skillnad-i-skillnader", "difference-in-differences")
    ITS = ("its", "avbruten tidsserie", "interrupted time series")
    CONTROLLED_ITS = (
        "controlled_its",
        "avbruten tidsserie mot jämförelseserie",
        "controlled interrupted time series",
    )
    NONE = ("none", "ingen (för lite data)", "none (too little data)")


class Event(BaseModel):
    """Something else that changed in the same period (a reorganisation, a new system)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    day: date
    text: str = Field(min_length=1, max_length=500)


class PilotRegistration(BaseModel):
    """The pre-registered plan: what will be measured, against whom, when, and what matters."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1, max_length=200, pattern=r"^[A-Za-z0-9._-]+$")
    name: str = Field(min_length=1, max_length=300)
    hypothesis: str = Field(min_length=1)
    metric: str = Field(min_length=1, max_length=200)  # an outcomes metric key, or "uploaded"
    pilot_team: str = Field(min_length=1, max_length=200)
    comparison_teams: tuple[str, ...] = ()
    pre_start: date
    pre_end: date
    post_start: date  # the pilot's start: the record locks on this day
    post_end: date
    min_effect: float = Field(gt=0)  # in the metric's unit
    direction: Direction
    events: tuple[Event, ...] = ()

    def locked(self, today: date) -> bool:
        return self.post_start <= today


# the fields a registration's windows are checked on, in the order a reader fills them in
WINDOW_FIELDS = ("pre_start", "pre_end", "post_start", "post_end")


def window_problems(plan: PilotRegistration) -> list[tuple[str, Wording]]:
    """(field, message) for each window that ends before it starts or overlaps the next."""
    problems: list[tuple[str, Wording]] = []
    if plan.pre_end < plan.pre_start:
        problems.append(
            (
                "pre_end",
                wording(
                    "the pre window ends ({end}) before it starts ({start})",
                    end=plan.pre_end.isoformat(),
                    start=plan.pre_start.isoformat(),
                ),
            )
        )
    if plan.post_end < plan.post_start:
        problems.append(
            (
                "post_end",
                wording(
                    "the post window ends ({end}) before it starts ({start})",
                    end=plan.post_end.isoformat(),
                    start=plan.post_start.isoformat(),
                ),
            )
        )
    if plan.post_start <= plan.pre_end:
        problems.append(
            (
                "post_start",
                wording(
                    "the post window must start ({start}) after the pre window ends ({end})",
                    start=plan.post_start.isoformat(),
                    end=plan.pre_end.isoformat(),
                ),
            )
        )
    if plan.pilot_team in plan.comparison_teams:
        problems.append(
            (
                "comparison_teams",
                wording(
                    "the pilot team '{team}' cannot also be a comparison team",
                    team=plan.pilot_team,
                ),
            )
        )
    return problems


class Amendment(BaseModel):
    """A change made to a locked registration: when, by whom, what, and why."""

    model_config = ConfigDict(frozen=True)

    pilot_id: str
    at: datetime
    by: str
    field: str
    old: str
    new: str
    reason: str


class Pilot(BaseModel):
    """A registration as stored: who registered it and when, and its amendments."""

    model_config = ConfigDict(frozen=True)

    plan: PilotRegistration
    registered_by: str
    registered_at: datetime
    amendments: tuple[Amendment, ...] = ()

    @property
    def id(self) -> str:
        return self.plan.id


class SeriesValue(BaseModel):
    """One team's value of the metric in one period (from outcomes or an uploaded CSV)."""

    model_config = ConfigDict(frozen=True)

    team: str
    period_start: date
    value: float


class Finding(BaseModel):
    """A reason or threat code with its parameters; the presenter words it."""

    model_config = ConfigDict(frozen=True)

    code: str
    params: dict[str, str] = Field(default_factory=dict)


class Evaluation(BaseModel):
    """What the pilot showed: the method chosen, the effect with its 95 % interval, the verdict
    and its reasons, and the threats to the conclusion."""

    model_config = ConfigDict(frozen=True)

    pilot_id: str
    method: Method
    effect: float | None
    ci_low: float | None
    ci_high: float | None
    p_value: float | None
    permutation_p: float | None = None
    verdict: Verdict
    reasons: tuple[Finding, ...] = ()
    threats: tuple[Finding, ...] = ()
    pre_points: int = 0
    post_points: int = 0
    median_change: float | None = None  # the pilot team's post median minus its pre median
    median_ci_low: float | None = None
    median_ci_high: float | None = None
    evaluated_at: datetime | None = None
