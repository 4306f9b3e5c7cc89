"""The decision register: what teams recommend, who decides, when, and with what outcome.

With the decision-rights matrix it shows whether product teams have a real mandate, and which
recommendations "vanish in the hierarchy": proposed, escalated, never decided.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field, model_validator

from produktlyft.kernel.labels import LabelledEnum


class DecisionLevel(LabelledEnum):
    """Who decides, from nearest the work to furthest."""

    TEAM = ("team", "teamet självt", "the team itself")
    MANAGEMENT = ("management", "ledningen", "management")
    BOARD = ("board", "politisk nämnd eller styrelse", "the political board")


class DecisionKind(LabelledEnum):
    PRIORITIES = ("priorities", "prioritering av arbetet", "priorities of the work")
    RELEASE = ("release", "driftsättning", "release to production")
    TOOLS = ("tools", "verktyg och teknik", "tools and technology")
    ARCHITECTURE = ("architecture", "arkitektur", "architecture")
    SERVICE_CHANGE = (
        "service_change",
        "ändring av tjänst eller process",
        "change to a service or process",
    )
    PROCUREMENT = ("procurement", "upphandling och inköp", "procurement and purchasing")
    BUDGET = ("budget", "budget", "budget")
    STAFFING = ("staffing", "bemanning", "staffing")
    POLICY = ("policy", "riktlinjer", "policy")
    OTHER = ("other", "övrigt", "other")


class Outcome(LabelledEnum):
    PENDING = ("pending", "ej beslutad", "not decided")
    APPROVED = ("approved", "bifallen", "approved")
    AMENDED = ("amended", "bifallen med ändringar", "approved with changes")
    REJECTED = ("rejected", "avslagen", "rejected")
    WITHDRAWN = ("withdrawn", "återtagen", "withdrawn")

    @property
    def is_decision(self) -> bool:
        return self in (Outcome.APPROVED, Outcome.AMENDED, Outcome.REJECTED)


class Decision(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1, max_length=200)
    title: str = Field(min_length=1)
    description: str | None = None
    team: str = Field(min_length=1, max_length=200)  # inventory team id, or the team's name
    kind: DecisionKind = DecisionKind.OTHER
    level: DecisionLevel
    proposed_on: date
    decided_on: date | None = None
    outcome: Outcome = Outcome.PENDING
    notes: str | None = None
    source: str | None = None

    @model_validator(mode="after")
    def _dates_agree_with_outcome(self) -> Decision:
        if self.decided_on is not None and self.decided_on < self.proposed_on:
            raise ValueError("it was decided before it was proposed")
        if self.outcome.is_decision and self.decided_on is None:
            raise ValueError(f"an outcome '{self.outcome.en}' needs the date it was decided")
        if self.outcome is Outcome.PENDING and self.decided_on is not None:
            raise ValueError(
                "a decision date needs an outcome (approved, amended, rejected or withdrawn)"
            )
        return self

    @property
    def decided(self) -> bool:
        return self.outcome.is_decision


class DecisionRight(BaseModel):
    """A cell of the decision-rights matrix: for this team and kind, who decides."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    team: str = Field(min_length=1, max_length=200)
    kind: DecisionKind
    level: DecisionLevel
