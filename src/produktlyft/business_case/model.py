"""Typed records and vocabularies of the business_case area (no I/O).

A business case belongs to one initiative or one roadmap phase. Its economic case compares
options (business as usual and do-minimum always present) whose cost and benefit lines are
amounts per year in real prices of the case's price base year: year 0 is the price base year.
Every line carries a range (multipliers of its amounts: low, most likely, high) that the Monte
Carlo draws from; the delivery delay (in years) is a range of its own.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from produktlyft.kernel.labels import LabelledEnum


class Distribution(LabelledEnum):
    TRIANGULAR = ("triangular", "triangelfördelning", "triangular")
    PERT = ("pert", "PERT (beta)", "PERT (beta)")


class LineKind(LabelledEnum):
    COST = ("cost", "kostnad", "cost")
    BENEFIT = ("benefit", "nytta", "benefit")


class OptionKind(LabelledEnum):
    BUSINESS_AS_USUAL = ("bau", "nollalternativ (som i dag)", "business as usual")
    DO_MINIMUM = ("do_minimum", "minsta åtgärd", "do-minimum")
    OPTION = ("option", "alternativ", "option")


class SubjectKind(LabelledEnum):
    INITIATIVE = ("initiative", "initiativ", "initiative")
    PHASE = ("phase", "etapp", "roadmap phase")


# Cost categories carry their own optimism bias (per country pack, overridable per case).
COST_CATEGORIES = ("development", "operations", "transition")
BENEFIT_CATEGORIES = ("cash_releasing", "non_cash", "societal")
DELAY_INPUT = "delay"  # the name of the timing input in switching values and the tornado


class Range(BaseModel):
    """Low, most likely and high values. For a line they multiply its yearly amounts (1.0 is
    the amounts as entered); for the delivery delay they are years."""

    model_config = ConfigDict(frozen=True)

    low: float = 1.0
    mode: float = 1.0
    high: float = 1.0
    distribution: Distribution = Distribution.TRIANGULAR


class Line(BaseModel):
    """One cost or benefit of one option, per year (index 0 = the price base year)."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(min_length=1, max_length=200)
    kind: LineKind
    name: str = Field(min_length=1)
    category: str = Field(min_length=1)
    amounts: tuple[float, ...]
    range: Range = Range()
    # lines in the same group move together in the Monte Carlo (Gaussian copula)
    group: str | None = None
    # a benefit that starts later when delivery slips
    slips: bool = False
    # how the amounts were derived, for the reader (the drafting rule with its figures)
    basis: str | None = None


class Option(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str = Field(min_length=1, max_length=200)
    name: str = Field(min_length=1)
    kind: OptionKind = OptionKind.OPTION
    description: str | None = None
    lines: tuple[Line, ...] = ()


class Risk(BaseModel):
    model_config = ConfigDict(frozen=True)

    text: str = Field(min_length=1)
    owner: str | None = None
    mitigation: str | None = None


class Benefit(BaseModel):
    """A benefits-realisation record: who answers for it and how it is measured. The
    outcomes area reads these (through `service.list_benefits`) to show whether it arrived."""

    model_config = ConfigDict(frozen=True)

    case_id: str
    name: str = Field(min_length=1)
    owner: str | None = None
    measure: str | None = None
    baseline: float | None = None
    target: float | None = None
    unit: str | None = None
    due: date | None = None
    metric: str | None = None  # an outcomes metric key when bound


class Case(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str = Field(min_length=1, max_length=200)
    name: str = Field(min_length=1)
    subject_kind: SubjectKind = SubjectKind.INITIATIVE
    subject_id: str = Field(min_length=1)
    country_pack: str = "se"
    pack_version: str = ""
    price_base_year: int = Field(ge=1990, le=2200)
    horizon_years: int = Field(default=10, ge=1, le=100)
    seed: int = Field(default=0, ge=0)
    draws: int = Field(default=10_000, ge=100, le=1_000_000)
    correlation: float = Field(default=0.6, ge=0.0, le=0.95)
    delay: Range = Range(low=0.0, mode=0.0, high=0.0)
    # category -> uplift (0.4 = +40 %); categories not named take the pack's default
    optimism_bias: dict[str, float] = Field(default_factory=dict)
    preferred_option: str | None = None
    strategic_case: tuple[str, ...] = ()  # paragraphs of the case for change
    non_monetised: tuple[str, ...] = ()
    options: tuple[Option, ...] = ()
    risks: tuple[Risk, ...] = ()
    benefits: tuple[Benefit, ...] = ()
    created_on: date | None = None
    row_version: int | None = None

    def option(self, option_id: str | None = None) -> Option:
        """The named option, else the preferred one, else the last one added."""
        wanted = option_id or self.preferred_option
        for option in self.options:
            if option.id == wanted:
                return option
        return self.options[-1]


class CaseSummary(BaseModel):
    """A case as the list page and `case list` show it."""

    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    subject_kind: SubjectKind
    subject_id: str
    country_pack: str
    price_base_year: int
    created_on: date | None = None
