"""The recommended route and its reason."""

from __future__ import annotations

from produktlyft.procurement.analysis.sourcing import recommend_route
from produktlyft.procurement.model import Route
from tests.unit.procurement.helpers import PACK, good


def test_small_needs_are_bought_directly() -> None:
    s = good(value_sek=300_000, options_value_sek=0)
    assert recommend_route(s, [s], PACK).route is Route.DIRECT


def test_resource_work_goes_through_the_framework_by_ranked_order_or_competition() -> None:
    s = good(outcome=None, value_sek=1_000_000, hours=700)
    assert recommend_route(s, [s], PACK).reason == "advice_framework_ranked"
    s = good(outcome=None, value_sek=1_000_000, hours=900)
    advice = recommend_route(s, [s], PACK)
    assert (advice.route, advice.reason) == (Route.FRAMEWORK, "advice_framework_competition")


def test_outcome_work_is_advertised_or_bought_through_a_dps_when_it_recurs() -> None:
    big = good(value_sek=2_000_000, options_value_sek=0)
    assert recommend_route(big, [big], PACK).reason == "advice_open_above"
    mid = good(value_sek=900_000, options_value_sek=0)
    assert recommend_route(mid, [mid], PACK).reason == "advice_open_below"
    recurring = [good(slice=str(i), value_sek=400_000, options_value_sek=0) for i in range(3)]
    assert recommend_route(recurring[0], recurring, PACK).route is Route.DPS
