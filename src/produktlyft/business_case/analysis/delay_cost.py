"""What a week's delay costs, read from a case's own benefit profile: the present value the
preferred option's slipping benefits lose when delivery comes one week later, by the case's
own rules (its discounting, its horizon, its most likely delay). The roadmap plans with this
figure for the initiative the case belongs to."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from produktlyft.business_case.analysis.economics import appraise, line_amounts
from produktlyft.business_case.analysis.packs import CountryPack
from produktlyft.business_case.model import Case, LineKind

WEEK_IN_YEARS = 1 / 52


@dataclass(frozen=True)
class DelayCost:
    per_week: float  # kronor of present value lost per week of delay
    slipping_per_year: float  # the slipping benefits' mean yearly amount, for the reader
    option_id: str


def delay_cost(case: Case, pack: CountryPack) -> DelayCost | None:
    """None when the case has no option with benefits that slip (nothing is lost by waiting)."""
    if not case.options:
        return None
    option = case.option()
    slipping = [line for line in option.lines if line.kind is LineKind.BENEFIT and line.slips]
    if not slipping:
        return None
    on_time = appraise(case, pack, option)
    a_week_late = appraise(case, pack, option, delay=case.delay.mode + WEEK_IN_YEARS)
    lost = on_time.pv_benefits - a_week_late.pv_benefits
    if lost <= 0:
        return None
    yearly = np.zeros(case.horizon_years)
    for line in slipping:
        yearly += line_amounts(line, case.horizon_years) * line.range.mode
    flowing = yearly[yearly > 0]
    return DelayCost(
        per_week=round(float(lost), 2),
        slipping_per_year=float(flowing.mean()) if len(flowing) else 0.0,
        option_id=option.id,
    )
