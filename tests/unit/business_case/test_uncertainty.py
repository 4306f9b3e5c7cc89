"""Monte Carlo, switching values and the tornado."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.stats import spearmanr

from produktlyft.business_case.analysis.economics import appraise
from produktlyft.business_case.analysis.packs import load_pack
from produktlyft.business_case.analysis.uncertainty import (
    Model,
    build_model,
    draw_inputs,
    inverse_cdf,
    simulate,
    switching_values,
    tornado,
)
from produktlyft.business_case.model import Case, Distribution, Range
from tests.unit.business_case.cases import green_book_case


def _model() -> tuple[Case, Model]:
    case = green_book_case()
    return case, build_model(case, load_pack("uk"), case.option())


def test_the_fast_model_agrees_with_the_yearly_appraisal() -> None:
    case, model = _model()
    pack = load_pack("uk")
    for delay in (0.0, 0.4, 1.0, 2.7):
        expected = appraise(case, pack, case.option(), delay=delay).npv
        got = model.npv(np.array([[1.0, 1.0]]), np.array([delay]))[0]
        assert got == pytest.approx(expected, abs=1e-9)


def test_the_same_seed_gives_the_same_figures_and_another_seed_others() -> None:
    _, model = _model()
    first = simulate(model, 0.6, 20_000, seed=7)
    again = simulate(model, 0.6, 20_000, seed=7)
    other = simulate(model, 0.6, 20_000, seed=8)
    assert (first.p10, first.p50, first.p90) == (again.p10, again.p50, again.p90)
    assert first.p50 != other.p50
    assert first.p10 < first.p50 < first.p90
    assert 0.0 <= first.prob_negative <= 1.0


def test_correlation_within_a_group_is_honoured() -> None:
    """The development cost and the delay share the group "delivery": their rank correlation
    follows the copula's (Spearman ≈ 6/π · asin(ρ/2) = 0.58 for ρ = 0.6); the benefit is in
    no group and stays uncorrelated."""
    _, model = _model()
    multipliers, delay = draw_inputs(model, 0.6, 50_000, seed=1)
    together = spearmanr(multipliers[:, 0], delay).statistic
    apart = spearmanr(multipliers[:, 1], delay).statistic
    assert together == pytest.approx(6 / np.pi * np.arcsin(0.3), abs=0.02)
    assert abs(apart) < 0.02


def test_inverse_cdfs_keep_to_the_range_and_the_triangular_median() -> None:
    uniform = np.linspace(0.0, 1.0, 1001)
    tri = inverse_cdf(uniform, Range(low=0.0, mode=0.0, high=1.0))
    # a right triangle on [0, 1] with its peak at 0: median 1 − √0.5
    assert tri[500] == pytest.approx(1 - np.sqrt(0.5))
    pert = inverse_cdf(uniform, Range(low=1.0, mode=2.0, high=5.0, distribution=Distribution.PERT))
    assert pert[0] == pytest.approx(1.0) and pert[-1] == pytest.approx(5.0)
    assert np.all(np.diff(pert) >= 0)


def test_switching_values_bring_npv_to_zero() -> None:
    case, model = _model()
    values = {s.input: s for s in switching_values(model)}
    # the benefit must fall to 100 / 135.4516 = 0.738271 of its amounts: −26.2 %
    assert values["saving"].value == pytest.approx(0.738271, abs=1e-6)
    assert values["saving"].change == pytest.approx(-0.261729, abs=1e-6)
    assert values["dev"].value == pytest.approx(1.354516, abs=1e-6)
    delay = values["delay"].value
    assert delay is not None
    pack = load_pack("uk")
    assert appraise(case, pack, case.option(), delay=delay).npv == pytest.approx(0, abs=1e-6)
    for index, found in enumerate(values.values()):
        if found.value is not None:
            assert model.npv_at(index, found.value) == pytest.approx(0.0, abs=1e-6)


def test_tornado_puts_the_widest_swing_first() -> None:
    _, model = _model()
    bars = tornado(model)
    assert bars[0].swing >= bars[-1].swing
    by_input = {bar.input: bar for bar in bars}
    # the cost at 1.5: NPV = 135.4516 − 150 = −14.5484
    assert by_input["dev"].npv_high == pytest.approx(-14.5484, abs=1e-4)


def test_pert_quantiles_match_scipys_exact_inverse() -> None:
    from scipy.special import betaincinv

    uniform = np.linspace(0.0, 1.0, 10_001)
    spread = Range(low=0.0, mode=0.2, high=1.0, distribution=Distribution.PERT)
    # alpha = 1 + 4 × 0.2 = 1.8, beta = 1 + 4 × 0.8 = 4.2
    exact = betaincinv(1.8, 4.2, uniform)
    assert np.abs(inverse_cdf(uniform, spread) - exact).max() < 1e-5
