"""What a week's delay costs a case's benefits, by its own rules: a benefit stream that slips
loses, per week, a 52nd of its first year's amount discounted to today (the shares moved a
year on telescope), and what passes the horizon is lost."""

from __future__ import annotations

import pytest

from produktlyft.business_case.analysis.delay_cost import delay_cost
from produktlyft.business_case.analysis.packs import load_pack
from produktlyft.business_case.model import Option
from tests.unit.business_case.cases import green_book_case


def test_a_week_costs_a_52nd_of_the_first_years_benefit_discounted() -> None:
    cost = delay_cost(green_book_case(), load_pack("uk"))
    assert cost is not None and cost.option_id == "build"
    assert cost.per_week == pytest.approx(30 / 1.035 / 52, abs=0.01)  # by hand: 0.557
    assert cost.slipping_per_year == pytest.approx(30)


def test_benefits_that_do_not_slip_cost_nothing_to_wait_for() -> None:
    case = green_book_case()
    build = case.option("build")
    steady = build.model_copy(
        update={"lines": tuple(line.model_copy(update={"slips": False}) for line in build.lines)}
    )
    assert delay_cost(case.model_copy(update={"options": (steady,)}), load_pack("uk")) is None
    empty = case.model_copy(update={"options": (Option(id="bau", name="BAU"),)})
    assert delay_cost(empty, load_pack("uk")) is None
