"""Initiatives, the teams that do them, and the plan that orders them.

An initiative is one piece of modernisation work drafted from a review finding (or added by a
person). The plan places every initiative with one team in weeks counted from the plan's start;
phases group the plan into tranches that can become procurement slices. These records are what
other areas (the business case, procurement, outcomes) read; they carry no storage.
"""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field, model_validator

from produktlyft.interop.model import TargetInterfaces
from produktlyft.kernel.labels import LabelledEnum


class InitiativeKind(LabelledEnum):
    REPLACE = ("replace", "ersätta", "replace")
    MIGRATE = ("migrate", "migrera", "migrate")
    CONSOLIDATE = ("consolidate", "konsolidera", "consolidate")
    RETIRE = ("retire", "avveckla", "retire")
    UPGRADE = ("upgrade", "uppgradera", "upgrade")
    FIX_WORKFLOW = ("fix_workflow", "förbättra arbetsflöde", "fix a workflow")


class Sourcing(LabelledEnum):
    """Who may do the work."""

    INTERNAL = ("internal", "egen personal", "internal team")
    PARTNER = ("partner", "leverantör", "partner")
    EITHER = ("either", "båda", "either")


class FindingRef(BaseModel):
    """The review finding an initiative was drafted from: its kind and key (a system id, a
    duplicate cluster id, a technology group, a workflow finding id)."""

    model_config = ConfigDict(frozen=True)

    # "ranked_system", "duplicate_cluster", "eol_group" or "workflow"
    kind: str = Field(min_length=1)
    key: str = Field(min_length=1)
    run_id: str | None = None


class Dependency(BaseModel):
    """Finish-to-start: this initiative starts at least `lag_weeks` after `predecessor` ends."""

    model_config = ConfigDict(frozen=True)

    predecessor: str = Field(min_length=1)
    lag_weeks: int = Field(default=0, ge=0)


class Initiative(BaseModel):
    id: str = Field(min_length=1, max_length=200)
    name: str = Field(min_length=1)
    kind: InitiativeKind
    description: str | None = None
    # effort in team-weeks: how many weeks one team needs when it works on nothing else
    effort_weeks: float = Field(gt=0)
    sourcing: Sourcing = Sourcing.EITHER
    # the teams that may do it (inventory team ids); empty means any team of the sourcing kind
    teams: list[str] = Field(default_factory=list)
    cost_sek: float = Field(default=0, ge=0)
    cost_of_delay_sek_per_week: float = Field(default=0, ge=0)
    # how the cost of delay was arrived at, as a reason code with parameters
    cost_of_delay_basis: dict[str, str] = Field(default_factory=dict)
    dependencies: list[Dependency] = Field(default_factory=list)
    earliest_start: date | None = None
    deadline: date | None = None
    deadline_reason: str | None = None  # "end of support for X", "law in force"
    system_ids: list[str] = Field(default_factory=list)
    capability_ids: list[str] = Field(default_factory=list)
    # no new silos: what the target does to the open interfaces of the systems it touches
    target_interfaces: TargetInterfaces = TargetInterfaces.NOT_STATED
    # the open standards the target names ("SS 12000, FHIR, OpenAPI"); free text
    target_standards: str | None = Field(default=None, max_length=500)
    source: FindingRef | None = None
    row_version: int | None = None

    @model_validator(mode="after")
    def _deadline_after_start(self) -> Initiative:
        if self.deadline and self.earliest_start and self.deadline < self.earliest_start:
            raise ValueError("the deadline is before the earliest start")
        return self


class Unavailable(BaseModel):
    model_config = ConfigDict(frozen=True)

    start: date
    end: date


class PlanningTeam(BaseModel):
    """A team as the plan sees it: how much it can take on per week."""

    id: str = Field(min_length=1)  # the inventory team id, or a partner's id
    name: str = Field(min_length=1)
    sourcing: Sourcing = Sourcing.INTERNAL
    # initiatives it can carry at once (1 = one initiative at a time)
    capacity_per_week: int = Field(default=1, ge=1)
    unavailable: list[Unavailable] = Field(default_factory=list)


class PlanItem(BaseModel):
    model_config = ConfigDict(frozen=True)

    initiative: str
    team: str
    start_week: int = Field(ge=0)
    finish_week: int = Field(ge=0)
    # why it sits where it does: a reason code and its parameters, worded by the presenter
    reason: str
    reason_params: dict[str, str] = Field(default_factory=dict)


class Phase(BaseModel):
    """A tranche of the plan (a quarter by default): what it delivers and what it costs."""

    model_config = ConfigDict(frozen=True)

    id: str  # "2027-Q1"
    name: str
    start: date
    end: date
    initiative_ids: tuple[str, ...]
    cost_sek: float


class Budget(BaseModel):
    """The most the roadmap may spend in one budget year (a calendar year)."""

    model_config = ConfigDict(frozen=True)

    year: int = Field(ge=1900, le=2200)
    limit_sek: float = Field(ge=0)


# what a citizen's day of waiting is valued at when no setting says otherwise (unverified: a
# placeholder a user must set; see docs/roadmap.md)
DEFAULT_CITIZEN_DAY_SEK = 1000.0


class RoadmapSettings(BaseModel):
    """When the plan starts (week 0) and how the review's findings become kronor."""

    model_config = ConfigDict(frozen=True)

    plan_start: date | None = None  # None: the Monday on or after today
    citizen_day_sek: float = Field(default=DEFAULT_CITIZEN_DAY_SEK, ge=0)


class Conflict(BaseModel):
    """A constraint that cannot be met together with others: a reason code, its parameters."""

    model_config = ConfigDict(frozen=True)

    code: str
    params: dict[str, str] = Field(default_factory=dict)


class SavedPlan(BaseModel):
    """A plan as it was computed and kept: its items, how good it is proven to be, and who
    asked for it."""

    id: int | None = None
    created_at: datetime
    created_by: str
    plan_start: date
    objective: str  # "cost-of-delay" or "makespan"
    status: str  # "optimal", "feasible" or "infeasible"
    objective_value: float | None = None
    lower_bound: float | None = None
    gap: float | None = None  # (value - bound) / value; 0 when proven optimal
    time_limit: float | None = None
    items: list[PlanItem] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
