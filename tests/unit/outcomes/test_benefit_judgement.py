"""Whether a benefit arrived: direction from baseline to target, and the due date."""

from __future__ import annotations

from datetime import date

from produktlyft.outcomes.analysis.benefits import judge, series_key
from produktlyft.outcomes.model import BenefitState

TODAY = date(2026, 12, 2)


def test_the_direction_runs_from_baseline_to_target() -> None:
    assert judge(30, 20, None, TODAY, 19)[0] is BenefitState.ARRIVED  # less is better
    assert judge(30, 20, None, TODAY, 25)[0] is BenefitState.NOT_YET
    assert judge(0.4, 0.6, None, TODAY, 0.61)[0] is BenefitState.ARRIVED
    state, reason = judge(0.4, 0.6, date(2027, 1, 1), TODAY, 0.5)
    assert state is BenefitState.NOT_YET and reason.params["share"] == "0.50"


def test_a_passed_date_is_missed_and_an_unmeasured_benefit_said_so() -> None:
    assert judge(30, 20, date(2026, 12, 1), TODAY, 25)[0] is BenefitState.MISSED
    assert judge(30, 20, date(2026, 12, 1), TODAY, 20)[0] is BenefitState.ARRIVED
    assert judge(None, 20, None, TODAY, 25)[0] is BenefitState.NOT_MEASURABLE
    assert judge(20, 20, None, TODAY, 25)[0] is BenefitState.NOT_MEASURABLE
    assert judge(30, 20, None, TODAY, None)[1].code == "benefit.no_data"


def test_benefit_metric_keys() -> None:
    assert series_key("kpi:bygglov:satisfaction") == ("", "kpi:bygglov:satisfaction")
    assert series_key("team:t-01:lead_time_hours") == ("t-01", "lead_time_hours")
    assert series_key("lead_time_hours") is None and series_key("team::x") is None
