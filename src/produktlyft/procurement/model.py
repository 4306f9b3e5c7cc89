"""Typed records and vocabularies of the procurement area (no I/O).

A contract slice is one piece of a roadmap bought as one contract (or call-off): one team, a
few months, a user-visible outcome. The rule pack holds every parameter the checks use, each
dated and with its source, so that a buyer can replace it with their own.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from produktlyft.kernel.labels import LabelledEnum


class BuyerType(LabelledEnum):
    CENTRAL = ("central", "statlig myndighet", "central government")
    SUB_CENTRAL = ("sub-central", "övrig upphandlande myndighet", "sub-central authority")


class Route(LabelledEnum):
    FRAMEWORK = ("framework", "avrop från ramavtal", "framework call-off")
    DPS = ("dps", "dynamiskt inköpssystem", "dynamic purchasing system")
    OPEN = ("open", "öppet förfarande", "open procedure")
    DIRECT = ("direct", "direktupphandling", "direct award")


class CodeOwnership(LabelledEnum):
    AGENCY = ("agency", "myndigheten", "the agency")
    OPEN_SOURCE = ("open-source", "öppen källkod", "open source")
    SUPPLIER = ("supplier", "leverantören", "the supplier")


class Result(LabelledEnum):
    PASS = ("pass", "godkänd", "pass")
    WARN = ("warn", "varning", "warning")
    FAIL = ("fail", "underkänd", "fail")


class Slice(BaseModel):
    """One contract slice as a buyer plans it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    slice: str = Field(min_length=1, max_length=200)  # the slice's id or short name
    need: str = Field(min_length=1)  # slices serving the same need are valued together
    supplier: str | None = None
    start: date
    end: date
    value_sek: float = Field(ge=0)
    options_value_sek: float = Field(default=0, ge=0)
    buyer_type: BuyerType = BuyerType.CENTRAL
    route: Route
    outcome: str | None = None
    success_criterion: str | None = None
    exit_clause: bool = False
    notice_months: float | None = Field(default=None, ge=0)
    data_return_format: str | None = None
    code_ownership: CodeOwnership | None = None
    # optional refinements
    team: str | None = None
    go_no_go: str | None = None  # a date or a short description of the review point
    knowledge_transfer: bool | None = None
    interfaces: list[str] = Field(default_factory=list)
    hours: float | None = Field(default=None, ge=0)  # estimated hours, for ranked-order call-offs
    framework_months: float | None = Field(default=None, gt=0)  # the framework's own length
    bidders: int | None = Field(default=None, ge=0)
    contract_id: str | None = None  # the inventory contract it became, when it did
    phase_id: str | None = None
    initiative_id: str | None = None
    system_ids: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _ends_after_start(self) -> Slice:
        if self.end < self.start:
            raise ValueError("the slice ends before it starts")
        return self

    @property
    def total_value_sek(self) -> float:
        return self.value_sek + self.options_value_sek


class SystemOpenness(BaseModel):
    """What the interoperability check found for a system a slice covers."""

    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    open_standard_share: float | None = None  # None: the system has no integrations
    silo_risk: float = Field(default=0, ge=0, le=1)


class Parameter(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    value: Any
    unit: str = ""
    dated: date
    source: str = Field(min_length=1)
    verified: bool = True


class RulePack(BaseModel):
    """Every parameter the checks use, dated and sourced; a user's file may replace any."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    version: str = Field(min_length=1)
    valid_from: date
    valid_to: date | None = None
    currency: str = "SEK"
    parameters: dict[str, Parameter]

    def value(self, key: str) -> Any:
        return self.parameters[key].value

    def number(self, key: str) -> float:
        return float(self.parameters[key].value)

    def source(self, *keys: str) -> str:
        """The sources of the parameters a check used, each once, with its date."""
        seen: list[str] = []
        for key in keys:
            parameter = self.parameters[key]
            text = f"{parameter.source} ({parameter.dated.isoformat()})"
            if not parameter.verified:
                text += " [unverified]"
            if text not in seen:
                seen.append(text)
        return "; ".join(seen)

    def threshold_sek(self, buyer: BuyerType) -> float:
        key = "threshold_central_eur" if buyer is BuyerType.CENTRAL else "threshold_sub_central_eur"
        return self.number(key) * self.number("sek_per_eur")


REQUIRED_PARAMETERS = (
    "threshold_central_eur",
    "threshold_sub_central_eur",
    "sek_per_eur",
    "direct_award_limit_sek",
    "call_off_max_months",
    "extension_max_share",
    "framework_max_months",
    "slice_preferred_months",
    "slice_max_months",
    "notice_max_months",
    "open_data_formats",
    "open_standards",
    "vendor_share_warn",
    "vendor_min_slices",
    "ranked_order_max_hours",
    "lock_in_fail",
    "silo_risk_warn",
)


class Check(BaseModel):
    """One line of a slice's checklist: a rule's verdict, why (a reason code and its values,
    worded by the presenter) and the rule's source."""

    model_config = ConfigDict(frozen=True)

    rule: str
    result: Result
    reason: str
    params: dict[str, str] = Field(default_factory=dict)
    source: str


class RouteAdvice(BaseModel):
    model_config = ConfigDict(frozen=True)

    route: Route
    reason: str
    params: dict[str, str] = Field(default_factory=dict)


class SliceCheck(BaseModel):
    model_config = ConfigDict(frozen=True)

    slice: Slice
    checks: list[Check]
    route: RouteAdvice

    def count(self, result: Result) -> int:
        return sum(1 for check in self.checks if check.result is result)

    @property
    def verdict(self) -> Result:
        for worst in (Result.FAIL, Result.WARN):
            if self.count(worst):
                return worst
        return Result.PASS


class ContractTerms(BaseModel):
    """Procurement's register fields for an inventory contract, keyed by the contract's id."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    contract_id: str = Field(min_length=1, max_length=200)
    options_value_sek: float | None = Field(default=None, ge=0)
    extension_months: float | None = Field(default=None, ge=0)
    notice_months: float | None = Field(default=None, ge=0)
    exit_clause: bool | None = None
    data_return_format: str | None = None
    code_ownership: CodeOwnership | None = None
    system_ids: list[str] = Field(default_factory=list)
    route: Route | None = None


class Forecast(BaseModel):
    """When N items will be done and how many by a date, from resampled daily throughput."""

    model_config = ConfigDict(frozen=True)

    items: int
    start: date  # the first day forecast (the day after the history ends, unless given)
    data_points: int  # days of history resampled, zero days included
    finished_items: int  # items in the history
    trials: int
    seed: int
    p50: date
    p85: date
    p95: date
    by: date | None = None
    count_p50: int | None = None
    count_p85: int | None = None
    count_p95: int | None = None
    warning: str | None = None  # a reason code: "few_data_points"
    backtest_p85_hit_rate: float | None = None
    backtest_points: int = 0
    # days until done per trial, summarised for the chart: (day offset, share of trials)
    distribution: list[tuple[int, float]] = Field(default_factory=list)
