"""The deterministic economic case against hand-computed figures."""

from __future__ import annotations

import numpy as np
import pytest

from produktlyft.business_case.analysis.economics import appraise, shifted
from produktlyft.business_case.analysis.packs import load_pack
from tests.unit.business_case.cases import green_book_case


def test_npv_bcr_and_payback_by_hand() -> None:
    """Cost 100 in year 0, benefit 30 in years 1–5, UK 3.5 %, no optimism bias:
    the five-year annuity factor at 3.5 % is Σ 1/1.035^t (t = 1..5) = 4.515052, so
    PV(benefits) = 30 × 4.515052 = 135.4516, NPV = 135.4516 − 100 = 35.4516,
    BCR = 1.354516. Cumulative discounted net: −100, −71.01, −43.01, −15.95, +10.19 →
    payback in year 4 = 2030."""
    case = green_book_case()
    result = appraise(case, load_pack("uk"), case.option())
    assert result.pv_benefits == pytest.approx(135.4516, abs=1e-4)
    assert result.npv == pytest.approx(35.4516, abs=1e-4)
    assert result.bcr == pytest.approx(1.354516, abs=1e-6)
    assert result.payback_year == 2030


def test_optimism_bias_and_tax_factor_are_shown_separately() -> None:
    """Sweden: the development cost of 100 takes +66 % optimism bias (the pack's default)
    and then the tax factor 1.3: 100 + 66 + 0.3 × 166 = 100 + 66 + 49.8 = 215.8 in year 0."""
    case = green_book_case("se", optimism_bias={})
    result = appraise(case, load_pack("se"), case.option())
    assert result.pv_costs_base == pytest.approx(100.0)
    assert result.pv_optimism_bias == {"development": pytest.approx(66.0)}
    assert result.pv_tax == pytest.approx(49.8)
    assert result.pv_costs == pytest.approx(215.8)
    assert result.npv == pytest.approx(135.4516 - 215.8, abs=1e-4)
    assert result.payback_year is None


def test_a_slipping_benefit_moves_later_and_what_passes_the_horizon_is_lost() -> None:
    amounts = np.array([0.0, 30.0, 30.0, 30.0])
    assert list(shifted(amounts, 1.0)) == [0.0, 0.0, 30.0, 30.0]
    assert list(shifted(amounts, 0.5)) == [0.0, 15.0, 30.0, 30.0]
    case = green_book_case()
    later = appraise(case, load_pack("uk"), case.option(), delay=1.0)
    # benefits in years 2–5 only: 30 × (4.515052 − 1/1.035) = 30 × 3.548869 = 106.4661
    assert later.pv_benefits == pytest.approx(106.4661, abs=1e-4)
