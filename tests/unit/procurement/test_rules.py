"""Each rule at its boundaries: pass on one side, warn or fail on the other, with the reason
code, its values and the source of the parameter it used."""

from __future__ import annotations

from datetime import date

import pytest

from produktlyft.procurement.analysis.checklist import check_slices
from produktlyft.procurement.analysis.checks import check_duration, check_value, months
from produktlyft.procurement.analysis.shape import check_exit, check_shape
from produktlyft.procurement.analysis.sourcing import (
    check_code,
    check_concentration,
    check_interfaces,
    check_route,
    lock_in,
)
from produktlyft.procurement.model import Result
from tests.unit.procurement.helpers import PACK, by_rule, good

THRESHOLD = 140_000 * PACK.number("sek_per_eur")  # central government, in SEK


def test_a_good_slice_passes_every_rule() -> None:
    [checked] = check_slices([good()], PACK)
    assert [c.rule for c in checked.checks if c.result is not Result.PASS] == []
    assert checked.verdict is Result.PASS


@pytest.mark.parametrize(
    ("end", "result", "reason"),
    [
        (date(2028, 12, 31), Result.PASS, "duration_within"),  # exactly 24 months
        (date(2029, 1, 31), Result.FAIL, "duration_too_long"),
    ],
)
def test_duration_of_a_call_off(end: date, result: Result, reason: str) -> None:
    check = by_rule(check_duration(good(end=end), PACK), "duration")
    assert (check.result, check.reason) == (result, reason)
    assert check.params["limit"] == "24" and "RM1043.7" in check.source


@pytest.mark.parametrize(("options", "result"), [(100_000, Result.PASS), (100_001, Result.FAIL)])
def test_extensions_at_most_a_quarter(options: float, result: Result) -> None:
    slice_ = good(value_sek=400_000, options_value_sek=options)
    assert by_rule(check_duration(slice_, PACK), "extensions").result is result


@pytest.mark.parametrize(("length", "result"), [(48, Result.PASS), (49, Result.FAIL)])
def test_framework_at_most_four_years(length: int, result: Result) -> None:
    check = by_rule(check_duration(good(framework_months=length), PACK), "framework_length")
    assert check.result is result and "7 kap. 3 §" in check.source


def test_value_just_below_and_at_the_threshold() -> None:
    below = good(value_sek=THRESHOLD - 1, options_value_sek=0)
    at = good(value_sek=THRESHOLD, options_value_sek=0)
    assert by_rule(check_value(below, [below], PACK), "value").reason == "value_below"
    check = by_rule(check_value(at, [at], PACK), "value")
    assert (check.result, check.reason) == (Result.PASS, "value_above_advertised")
    direct = at.model_copy(update={"route": at.route.parse("direct")})
    assert by_rule(check_value(direct, [direct], PACK), "value").result is Result.FAIL


def test_options_count_towards_the_threshold() -> None:
    slice_ = good(value_sek=THRESHOLD * 0.9, options_value_sek=THRESHOLD * 0.2)
    assert by_rule(check_value(slice_, [slice_], PACK), "value").reason == "value_above_advertised"


def test_sub_central_buyers_have_the_higher_threshold() -> None:
    slice_ = good(buyer_type="sub-central", value_sek=THRESHOLD * 1.2, options_value_sek=0)
    check = by_rule(check_value(slice_, [slice_], PACK), "value")
    assert check.reason == "value_below"
    assert float(check.params["threshold"]) == pytest.approx(216_000 * PACK.number("sek_per_eur"))


def test_splitting_is_flagged_when_only_the_sum_crosses_the_threshold() -> None:
    parts = [
        good(slice="a", value_sek=THRESHOLD * 0.6, options_value_sek=0),
        good(slice="b", value_sek=THRESHOLD * 0.6, options_value_sek=0, route="direct"),
        good(slice="c", need="something else", value_sek=THRESHOLD * 0.6, options_value_sek=0),
    ]
    a, b, c = (by_rule(check_value(s, parts, PACK), "value") for s in parts)
    assert (a.result, a.reason) == (Result.WARN, "value_split")
    assert (b.result, b.reason) == (Result.FAIL, "value_split")
    assert a.params["slices"] == "2" and float(a.params["need_total"]) >= THRESHOLD
    assert (c.result, c.reason) == (Result.PASS, "value_below")


def test_no_splitting_when_one_part_is_already_above() -> None:
    parts = [
        good(slice="a", value_sek=THRESHOLD * 1.1, options_value_sek=0),
        good(slice="b", value_sek=THRESHOLD * 0.2, options_value_sek=0),
    ]
    assert by_rule(check_value(parts[1], parts, PACK), "value").reason == "value_need_above"


@pytest.mark.parametrize(
    ("end", "result"),
    [(date(2027, 6, 30), Result.PASS), (date(2027, 7, 15), Result.FAIL)],
)
def test_a_slice_lasts_at_most_six_months(end: date, result: Result) -> None:
    slice_ = good(end=end)
    assert by_rule(check_shape(slice_, PACK), "shape.length").result is result
    assert months(good(end=date(2027, 6, 30))) == pytest.approx(6, abs=0.05)


def test_shape_needs_one_team_an_outcome_a_measurable_criterion_and_a_go_no_go() -> None:
    assert by_rule(check_shape(good(team="A; B"), PACK), "shape.team").result is Result.WARN
    assert by_rule(check_shape(good(outcome=None), PACK), "shape.outcome").reason == (
        "shape_no_outcome"
    )
    assert by_rule(check_shape(good(success_criterion=None), PACK), "shape.outcome").result is (
        Result.FAIL
    )
    vague = by_rule(check_shape(good(success_criterion="users are happy"), PACK), "shape.outcome")
    assert (vague.result, vague.reason) == (Result.WARN, "shape_criterion_not_measurable")
    assert by_rule(check_shape(good(go_no_go=None), PACK), "shape.go_no_go").result is Result.WARN


@pytest.mark.parametrize(
    ("notice", "result"), [(3, Result.PASS), (3.5, Result.FAIL), (None, Result.WARN)]
)
def test_notice_at_most_three_months(notice: float | None, result: Result) -> None:
    assert by_rule(check_exit(good(notice_months=notice), PACK), "exit.notice").result is result


def test_exit_needs_a_clause_open_data_and_knowledge_transfer() -> None:
    assert by_rule(check_exit(good(exit_clause=False), PACK), "exit.clause").result is Result.FAIL
    closed = by_rule(check_exit(good(data_return_format="vendor dump"), PACK), "exit.data_format")
    assert closed.reason == "exit_closed_format" and "csv" in closed.params["formats"]
    assert by_rule(
        check_exit(good(data_return_format="JSON"), PACK), "exit.data_format"
    ).result is (Result.PASS)
    assert by_rule(check_exit(good(data_return_format=None), PACK), "exit.data_format").result is (
        Result.FAIL
    )
    transfer = by_rule(check_exit(good(knowledge_transfer=None), PACK), "exit.knowledge_transfer")
    assert transfer.result is Result.WARN


def test_code_owned_by_the_supplier_gets_a_lock_in_score() -> None:
    assert by_rule(check_code(good(code_ownership="open-source"), PACK), "code_ip").result is (
        Result.PASS
    )
    mild = by_rule(check_code(good(code_ownership="supplier"), PACK), "code_ip")
    assert (mild.result, mild.params["score"]) == (Result.WARN, "0.40")
    bad = good(code_ownership="supplier", data_return_format="vendor dump")
    assert by_rule(check_code(bad, PACK), "code_ip").result is Result.FAIL
    assert lock_in(bad, PACK) == (0.6, ["supplier_code", "closed_data"])


def test_interfaces_are_named_open_standards() -> None:
    assert by_rule(check_interfaces(good(), PACK), "interfaces").result is Result.PASS
    assert by_rule(check_interfaces(good(interfaces=[]), PACK), "interfaces").reason == (
        "interfaces_none"
    )
    unknown = by_rule(
        check_interfaces(good(interfaces=["OpenAPI", "VendorBus"]), PACK), "interfaces"
    )
    assert (unknown.result, unknown.params["names"]) == (Result.WARN, "VendorBus")


def test_vendor_concentration_across_the_file() -> None:
    slices = [
        good(slice="a", supplier="Acme", value_sek=600_000, options_value_sek=0),
        good(slice="b", supplier="Beta", value_sek=200_000, options_value_sek=0),
        good(slice="c", supplier="Gamma", value_sek=200_000, options_value_sek=0),
    ]
    high = by_rule(check_concentration(slices[0], slices, PACK), "concentration")
    assert (high.result, high.params["share"]) == (Result.WARN, "0.60")
    assert by_rule(check_concentration(slices[1], slices, PACK), "concentration").result is (
        Result.PASS
    )
    few = by_rule(check_concentration(slices[0], slices[:2], PACK), "concentration")
    assert few.reason == "concentration_too_few"
    lonely = good(bidders=1)
    assert by_rule(check_concentration(lonely, [lonely], PACK), "concentration.bidders").result is (
        Result.WARN
    )


def test_route_rules() -> None:
    outcome_via_framework = good(route="framework")
    check = by_rule(check_route(outcome_via_framework, [outcome_via_framework], PACK), "route")
    assert check.reason == "route_outcome_via_resource_framework" and "750" in check.source
    resource = good(route="framework", outcome=None, hours=751)
    assert by_rule(check_route(resource, [resource], PACK), "route.hours").result is Result.WARN
    small = good(route="direct", value_sek=600_000, options_value_sek=100_000)
    assert by_rule(check_route(small, [small], PACK), "route").result is Result.PASS
    large = good(route="direct", value_sek=600_000, options_value_sek=100_001)
    assert by_rule(check_route(large, [large], PACK), "route").reason == "route_direct_too_large"


def test_silo_systems_from_the_interoperability_check_warn() -> None:
    from produktlyft.procurement.analysis.sourcing import check_systems
    from produktlyft.procurement.model import SystemOpenness

    systems = {
        "s1": SystemOpenness(id="s1", name="Ärende", open_standard_share=0.1, silo_risk=0.5),
        "s2": SystemOpenness(id="s2", name="Portal", open_standard_share=0.9, silo_risk=0.1),
    }
    assert check_systems(good(), PACK, systems) == []  # covers no known system
    silo = by_rule(
        check_systems(good(system_ids=["s1", "s2"]), PACK, systems), "interfaces.systems"
    )
    assert (silo.result, silo.params["names"]) == (Result.WARN, "Ärende")
    open_ = by_rule(check_systems(good(system_ids=["s2"]), PACK, systems), "interfaces.systems")
    assert open_.result is Result.PASS and open_.reason == "interfaces_systems_open"
    [checked] = check_slices([good(system_ids=["s1"])], PACK, systems)
    assert checked.verdict is Result.WARN
