"""The deterministic economic case of one option: yearly cash flows in real prices, optimism
bias per cost category, the tax factor, present values, NPV, BCR and the payback year.

Rules (stated in the guide and the workbook):
- amounts are real prices of the price base year; year 0 is the price base year;
- a cost line's amount is uplifted by its category's optimism bias, then multiplied by the
  pack's tax factor (the shadow price of public funds: all costs of a case are tax-financed);
  the two uplifts are reported separately from the base cost;
- benefits are not uplifted; a benefit that slips starts `delay` years later (a fraction of a
  year moves that share of each year's amount one year on), and what slips past the horizon is
  lost;
- NPV = PV(benefits) − PV(costs with uplifts); BCR = PV(benefits) / PV(costs with uplifts);
- the payback year is the first year in which the cumulative discounted net benefit is ≥ 0.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from produktlyft.business_case.analysis.discounting import discount_factors
from produktlyft.business_case.analysis.packs import CountryPack
from produktlyft.business_case.model import Case, Line, LineKind, Option

Vector = NDArray[np.float64]


def shifted(amounts: Vector, delay: float) -> Vector:
    """The amounts moved `delay` years later, the horizon kept (what passes it is lost)."""
    if delay <= 0:
        return amounts.copy()
    whole = math.floor(delay)
    part = delay - whole
    out = np.zeros_like(amounts)
    n = len(amounts)
    if whole < n:
        out[whole:] += (1.0 - part) * amounts[: n - whole]
    if part > 0 and whole + 1 < n:
        out[whole + 1 :] += part * amounts[: n - whole - 1]
    return out


def line_amounts(line: Line, years: int) -> Vector:
    """The line's amounts over the horizon (cut or padded with zeros)."""
    values = np.zeros(years, dtype=np.float64)
    given = np.array(line.amounts[:years], dtype=np.float64)
    values[: len(given)] = given
    return values


def cost_uplift(case: Case, pack: CountryPack, category: str) -> float:
    """The optimism bias uplift for a cost category: the case's own, else the pack's."""
    if category in case.optimism_bias:
        return case.optimism_bias[category]
    return pack.optimism_bias.get(category, 0.0)


@dataclass
class Appraisal:
    option_id: str
    years: list[int]  # calendar years, the first is the price base year
    discount_factors: Vector
    rates: list[float]
    benefits: Vector  # per year, real prices
    costs: Vector  # per year, base costs before uplifts
    optimism_bias: dict[str, Vector]  # category -> the uplift's amount per year
    tax: Vector  # the tax factor's amount per year
    pv_benefits: float
    pv_costs_base: float
    pv_optimism_bias: dict[str, float]
    pv_tax: float
    pv_costs: float  # base + optimism bias + tax factor
    npv: float
    bcr: float | None
    payback_year: int | None
    cumulative: Vector = field(default_factory=lambda: np.zeros(0))

    @property
    def net(self) -> Vector:
        return (
            self.benefits
            - self.costs
            - self.tax
            - sum(self.optimism_bias.values(), np.zeros_like(self.costs))
        )


def appraise(
    case: Case,
    pack: CountryPack,
    option: Option,
    *,
    scale: dict[str, float] | None = None,
    delay: float | None = None,
) -> Appraisal:
    """The option's economic case at the ranges' most likely values, or with some lines
    scaled (`scale`: line id -> multiplier) and another delay, as sensitivity needs."""
    years = case.horizon_years
    factors = discount_factors(pack, years)
    slip = case.delay.mode if delay is None else delay
    multipliers = scale or {}
    benefits = np.zeros(years)
    costs = np.zeros(years)
    uplifts: dict[str, Vector] = {}
    for line in option.lines:
        amounts = line_amounts(line, years) * multipliers.get(line.id, line.range.mode)
        if line.kind is LineKind.BENEFIT:
            benefits += shifted(amounts, slip) if line.slips else amounts
        else:
            costs += amounts
            uplift = cost_uplift(case, pack, line.category)
            uplifts[line.category] = uplifts.get(line.category, np.zeros(years)) + amounts * uplift
    uplifted = costs + sum(uplifts.values(), np.zeros(years))
    tax = uplifted * (pack.tax_factor - 1.0)
    net = benefits - uplifted - tax
    cumulative = np.cumsum(net * factors)
    pv_costs = float(((uplifted + tax) * factors).sum())
    pv_benefits = float((benefits * factors).sum())
    return Appraisal(
        option_id=option.id,
        years=[case.price_base_year + t for t in range(years)],
        discount_factors=factors,
        rates=[pack.rate(t) for t in range(years)],
        benefits=benefits,
        costs=costs,
        optimism_bias=uplifts,
        tax=tax,
        pv_benefits=pv_benefits,
        pv_costs_base=float((costs * factors).sum()),
        pv_optimism_bias={k: float((v * factors).sum()) for k, v in uplifts.items()},
        pv_tax=float((tax * factors).sum()),
        pv_costs=pv_costs,
        npv=pv_benefits - pv_costs,
        bcr=pv_benefits / pv_costs if pv_costs > 0 else None,
        payback_year=_payback(cumulative, net, case.price_base_year),
        cumulative=cumulative,
    )


def _payback(cumulative: Vector, net: Vector, first_year: int) -> int | None:
    """The first year from which the cumulative discounted net benefit stays at or above zero
    (None when it never gets there within the horizon)."""
    below = np.flatnonzero(cumulative < -1e-9)
    if len(below) == 0:
        moving = np.flatnonzero(net != 0)
        return first_year + int(moving[0]) if len(moving) else None
    last = int(below[-1])
    return first_year + last + 1 if last + 1 < len(cumulative) else None
