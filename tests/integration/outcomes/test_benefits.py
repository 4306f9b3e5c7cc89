"""Issue 13, section 2: the business cases' benefits (owner, measure, baseline, target, due)
followed up on the outcomes measure each is bound to, shown as arrived, not yet, missed or
not measurable on /outcomes/benefits' service, in the report section, and drafted as wins."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from produktlyft.business_case import service as cases
from produktlyft.business_case.model import Benefit
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import InvalidInput
from produktlyft.kernel.report.sections import ReportContext
from produktlyft.outcomes.model import BenefitState, Kpi, KpiValue, Service
from produktlyft.outcomes.report import outcomes as outcomes_section
from produktlyft.outcomes.service import benefit_follow_up, record_kpi, save_service
from produktlyft.wins.model import Source
from produktlyft.wins.service import draft_all, draft_from_benefits
from tests.integration.business_case.conftest import INITIATIVES


def _case_with_benefits(ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(cases, "get_initiative", lambda ctx, i: INITIATIVES[i])
    monkeypatch.setattr(cases, "list_initiatives", lambda ctx: list(INITIATIVES.values()))
    case = cases.create_case(ctx, "replace-case-system", price_base_year=2026)
    today = ctx.today()
    key = "kpi:bygglov:digital_take_up"

    def benefit(name: str, **fields: object) -> Benefit:
        return Benefit(case_id=case.id, name=name, **fields)  # type: ignore[arg-type]  # test data

    benefits = (
        benefit("More digital", owner="Head of permits", baseline=0.4, target=0.6, metric=key),
        benefit("Even more digital", baseline=0.4, target=0.9, due=today + timedelta(days=90)),
        benefit("Digital by now", baseline=0.4, target=0.9, due=today - timedelta(days=1)),
        benefit("Fewer complaints", baseline=100.0, target=50.0),
    )
    cases.save_case(ctx, cases.get_case(ctx, case.id).model_copy(update={"benefits": benefits}))
    save_service(ctx, Service(id="bygglov", name="Bygglov"))
    month = today.replace(day=1)
    for start, value in ((month - timedelta(days=40), 0.42), (month, 0.65)):
        record_kpi(
            ctx, KpiValue(service_id="bygglov", kpi=Kpi.TAKE_UP, period_start=start, value=value)
        )
    return case.id


def test_benefits_are_judged_on_their_bound_measure(
    ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    case_id = _case_with_benefits(ctx, monkeypatch)
    key = "kpi:bygglov:digital_take_up"
    cases.update_benefit(ctx, case_id, "Even more digital", {"metric": key, "owner": "CIO"})
    cases.update_benefit(ctx, case_id, "3", {"metric": key})
    states = {f.name: f for f in benefit_follow_up(ctx)}
    assert states["More digital"].state is BenefitState.ARRIVED
    assert states["More digital"].current == pytest.approx(0.65)
    assert states["Even more digital"].state is BenefitState.NOT_YET
    assert states["Even more digital"].owner == "CIO"
    assert states["Digital by now"].state is BenefitState.MISSED
    fewer = states["Fewer complaints"]
    assert fewer.state is BenefitState.NOT_MEASURABLE and fewer.reason.code == "benefit.no_metric"

    section = outcomes_section(ReportContext("en", ctx))
    assert section is not None
    assert any("More digital" in p and "arrived" in p for p in section.items)
    assert any("4 benefits" in p and "1 arrived" in p for p in section.paragraphs)
    swedish = outcomes_section(ReportContext("sv", ctx))
    assert swedish is not None and any("har kommit" in p for p in swedish.items)


def test_a_bad_benefit_edit_names_the_field_and_saves_nothing(
    ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    case_id = _case_with_benefits(ctx, monkeypatch)
    with pytest.raises(InvalidInput) as refused:
        cases.update_benefit(
            ctx, case_id, "1", {"owner": "Someone", "target": "lots", "due": "soon"}
        )
    assert {i.column for i in refused.value.issues} == {"target", "due"}
    with pytest.raises(InvalidInput) as refused:
        cases.update_benefit(ctx, case_id, "1", {"metric": "lead_time_hours"})
    assert [i.column for i in refused.value.issues] == ["metric"]
    first = cases.get_case(ctx, case_id).benefits[0]
    assert first.owner == "Head of permits" and first.target == 0.6


def test_realised_benefits_are_drafted_as_wins_once(
    ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    _case_with_benefits(ctx, monkeypatch)
    (win,) = draft_from_benefits(ctx, "en")
    assert win.source is Source.BENEFIT and win.title == "More digital"
    assert "0.65" in win.outcome and win.team == "Replace the case system"
    assert draft_all(ctx) == []  # once per benefit
    assert date.fromisoformat(win.day.isoformat()) <= ctx.today()
