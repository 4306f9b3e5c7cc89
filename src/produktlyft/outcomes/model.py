"""Typed records and vocabularies of the outcomes area (no I/O).

Deployments and incidents feed DORA's five delivery metrics; service KPIs and key results are
the outcomes a team says it moves. Times are timezone-aware (UTC once imported).
"""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field, field_validator

from produktlyft.kernel.labels import LabelledEnum

DEFAULT_PRODUCTION_PATTERN = r"prod|production|produktion|prd|live"
DEFAULT_INCIDENT_WINDOW_DAYS = 7


class Metric(LabelledEnum):
    """DORA's five delivery metrics (current definitions), as keys `team_series` accepts."""

    LEAD_TIME = ("lead_time_hours", "ledtid för ändringar (timmar)", "change lead time (hours)")
    FREQUENCY = (
        "deployments_per_week",
        "driftsättningar per vecka",
        "deployments per week",
    )
    RECOVERY = (
        "recovery_hours",
        "återställningstid efter misslyckad driftsättning (timmar)",
        "failed-deployment recovery time (hours)",
    )
    CHANGE_FAIL = ("change_fail_rate", "andel misslyckade ändringar", "change fail rate")
    REWORK = ("rework_rate", "andel omarbetade driftsättningar", "deployment rework rate")

    @property
    def is_rate(self) -> bool:
        return self in (Metric.CHANGE_FAIL, Metric.REWORK)


class Kpi(LabelledEnum):
    """Public-sector service KPIs: the UK's four mandatory ones and three Nordic additions."""

    COST = ("cost_per_transaction", "kostnad per transaktion (kr)", "cost per transaction")
    SATISFACTION = ("satisfaction", "andel nöjda användare", "share of satisfied users")
    COMPLETION = ("completion_rate", "andel fullföljda ärenden", "completion rate")
    TAKE_UP = ("digital_take_up", "digital andel", "digital take-up")
    HANDLING_TIME = (
        "case_handling_days",
        "handläggningstid (dagar, median)",
        "case-handling time (days, median)",
    )
    AVOIDABLE_CONTACT = (
        "avoidable_contact",
        "andel onödiga kontakter",
        "share of avoidable contact",
    )
    ACCESSIBILITY = (
        "accessibility_defects",
        "tillgänglighetsbrister (antal)",
        "accessibility defects (count)",
    )

    @property
    def is_share(self) -> bool:
        return self in (Kpi.SATISFACTION, Kpi.COMPLETION, Kpi.TAKE_UP, Kpi.AVOIDABLE_CONTACT)


class Deployment(BaseModel):
    """One deployment of one team's change to an environment."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1, max_length=200)
    team: str = Field(min_length=1, max_length=200)
    environment: str = "production"
    deployed_at: datetime
    # the earliest commit of the change deployed, for the change lead time
    committed_at: datetime | None = None
    failed: bool = False  # needed immediate intervention (rollback, hotfix)
    rework: bool = False  # an unplanned deployment caused by a production incident
    ref: str | None = None  # commit sha or tag, for removing duplicate events
    source: str | None = None

    @field_validator("deployed_at", "committed_at")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("the time needs a time zone")
        return value


class Incident(BaseModel):
    """A production incident; linked to a deployment only inside the incident window."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1, max_length=200)
    team: str = Field(min_length=1, max_length=200)
    opened_at: datetime
    resolved_at: datetime | None = None
    deployment_id: str | None = None  # named by the source, checked against the window
    source: str | None = None

    @field_validator("opened_at", "resolved_at")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("the time needs a time zone")
        return value


class OutcomeSettings(BaseModel):
    """The area's settings: which environments count as production, and how long after a
    deployment an incident may still be blamed on it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    production_pattern: str = DEFAULT_PRODUCTION_PATTERN
    incident_window_days: int = Field(default=DEFAULT_INCIDENT_WINDOW_DAYS, ge=1, le=90)


class Benchmark(BaseModel):
    """DORA 2025's government benchmark for one metric, with all industries beside it."""

    model_config = ConfigDict(frozen=True)

    government_score: float | None
    government_sd: float | None
    all_industries_score: float | None
    government_raw: float | None = None  # a raw rate, where DORA gives one


class MetricValue(BaseModel):
    """One metric for one team and period, with its 95 % interval and DORA 2025's 0–10
    score; `value` is None when there is nothing to measure."""

    model_config = ConfigDict(frozen=True)

    metric: Metric
    value: float | None
    ci_low: float | None
    ci_high: float | None
    count: int  # deployments, incidents or weeks it rests on
    score_0_10: float | None
    benchmark: Benchmark
    method: str  # "bootstrap-median", "poisson", "wilson"


class SeriesPoint(BaseModel):
    model_config = ConfigDict(frozen=True)

    period_start: date
    value: float
    count: int


class Service(BaseModel):
    """A public service whose outcomes are followed; `event_log` names the workflows log its
    case-handling time is computed from."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1, max_length=200)
    name: str = Field(min_length=1)
    event_log: str | None = None


class KpiValue(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    service_id: str = Field(min_length=1, max_length=200)
    kpi: Kpi
    period_start: date  # the first day of the month measured
    value: float
    source: str | None = None

    @field_validator("period_start")
    @classmethod
    def _month(cls, value: date) -> date:
        return value.replace(day=1)


class Verdict(LabelledEnum):
    OUTCOME = ("outcome", "effekt", "outcome")
    OUTPUT = ("output", "leverans (inte ett nyckelresultat)", "output (not a key result)")


class Reason(BaseModel):
    """A reason code and its values; the presenter words it in the reader's language."""

    model_config = ConfigDict(frozen=True)

    code: str
    params: dict[str, str] = Field(default_factory=dict)


class KeyResult(BaseModel):
    """A key result: "<verb> <measure> from X to Y by <date>", bound to a metric key."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1, max_length=200)
    team: str = Field(min_length=1, max_length=200)
    quarter: str = Field(pattern=r"^\d{4}-Q[1-4]$")
    objective: str = Field(min_length=1)
    text: str = Field(min_length=1)
    metric: str | None = None  # a DORA key or "kpi:<service>:<kpi>"
    baseline: float | None = None
    target: float | None = None
    due: date | None = None
    verdict: Verdict = Verdict.OUTCOME
    reasons: tuple[Reason, ...] = ()


class KeyResultStatus(BaseModel):
    """What `list_key_results` gives other areas: a key result and how far it moved."""

    model_config = ConfigDict(frozen=True)

    id: str
    objective: str
    text: str
    team: str
    quarter: str
    metric: str | None
    baseline: float | None
    target: float | None
    current: float | None
    achieved: bool | None  # None when there is no current value or no target
    verdict: str  # "outcome" | "output"


class BenefitState(LabelledEnum):
    """Whether a business case's benefit arrived, judged on its bound measure."""

    ARRIVED = ("arrived", "har kommit", "arrived")
    NOT_YET = ("not_yet", "inte än", "not yet")
    MISSED = ("missed", "uteblev till datumet", "missed its date")
    NOT_MEASURABLE = ("not_measurable", "kan inte mätas", "not measurable")


class BenefitFollowUp(BaseModel):
    """A business case's benefit followed up on the measure it is bound to: the latest value
    and the judgement, with a reason code the presenter words."""

    model_config = ConfigDict(frozen=True)

    case_id: str
    name: str
    owner: str | None
    measure: str | None
    unit: str | None
    metric: str | None  # "kpi:<service>:<kpi>" or "team:<team>:<DORA metric>"
    baseline: float | None
    target: float | None
    due: date | None
    current: float | None
    measured: date | None  # the period of the current value
    state: BenefitState
    reason: Reason
