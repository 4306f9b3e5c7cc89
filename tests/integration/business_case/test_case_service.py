"""Business cases through the service, on SQLite and PostgreSQL: drafted, stored whole, read
back, changed all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from produktlyft.business_case import service
from produktlyft.business_case.model import OptionKind, Range
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import Conflict, InvalidInput, NotFound

pytestmark = pytest.mark.usefixtures("fake_roadmap")


def test_a_drafted_case_round_trips_with_bau_and_do_minimum(ctx: ServiceContext) -> None:
    case = service.create_case(ctx, "replace-case-system", price_base_year=2026)
    assert case.id == "case-replace-case-system" and case.row_version == 1
    kinds = [option.kind for option in case.options]
    assert kinds[:2] == [OptionKind.BUSINESS_AS_USUAL, OptionKind.DO_MINIMUM]
    stored = service.get_case(ctx, case.id)
    assert stored.options == case.options
    assert stored.strategic_case == case.strategic_case
    assert stored.seed == case.seed == service.case_seed(case.id)
    assert [s.id for s in service.list_cases(ctx)] == [case.id]
    # a second case for the same initiative gets its own id
    again = service.create_case(ctx, "replace-case-system", price_base_year=2026)
    assert again.id == "case-replace-case-system-2"


def test_the_case_reproduces_its_figures(ctx: ServiceContext) -> None:
    case = service.create_case(ctx, "retire-old-portal", price_base_year=2026)
    first = service.case_analysis(ctx, case.id)
    second = service.case_analysis(ctx, case.id)
    assert first.simulation.p50 == second.simulation.p50
    assert first.preferred.npv == pytest.approx(second.preferred.npv)
    # a retirement with no run cost known falls back on the cost of delay × 52 a year
    lines = {line.id for line in case.option().lines}
    assert "cost-of-delay" in lines


def test_a_range_with_min_above_max_names_the_field_and_writes_nothing(
    ctx: ServiceContext,
) -> None:
    case = service.create_case(ctx, "replace-case-system", price_base_year=2026)
    with pytest.raises(InvalidInput) as error:
        service.update_ranges(ctx, case.id, {"development": Range(low=1.5, mode=1.0, high=0.9)})
    assert error.value.issues[0].column == "development.low"
    stored = service.get_case(ctx, case.id)
    assert stored.row_version == 1 and stored.option().lines == case.option().lines


def test_ranges_change_and_a_stale_version_is_refused(ctx: ServiceContext) -> None:
    case = service.create_case(ctx, "replace-case-system", price_base_year=2026)
    changed = service.update_ranges(
        ctx, case.id, {"delay": Range(low=0.0, mode=0.5, high=2.0)}, row_version=1
    )
    assert changed.row_version == 2
    assert service.get_case(ctx, case.id).delay.high == 2.0
    with pytest.raises(Conflict):
        service.update_ranges(ctx, case.id, {"delay": Range(low=0, mode=0, high=1)}, row_version=1)


def test_an_unknown_pack_is_named_and_nothing_is_written(ctx: ServiceContext) -> None:
    with pytest.raises(InvalidInput) as error:
        service.create_case(ctx, "replace-case-system", country_pack="fi")
    assert "'fi'" in str(error.value)
    assert service.list_cases(ctx) == []


def test_benefits_are_listed_for_the_outcomes_area(ctx: ServiceContext) -> None:
    case = service.create_case(ctx, "replace-case-system", price_base_year=2026)
    benefits = service.list_benefits(ctx)
    assert benefits and all(b.case_id == case.id for b in benefits)
    assert all(b.owner is None for b in benefits)  # owners left to fill


def test_exports_are_written(ctx: ServiceContext, tmp_path: Path) -> None:
    case = service.create_case(ctx, "replace-case-system", price_base_year=2026)
    for fmt in ("docx", "xlsx"):
        path = service.export_case(ctx, case.id, fmt, tmp_path / f"case.{fmt}", "en")
        assert path.stat().st_size > 1000


def test_the_demo_case_is_for_the_top_initiative_and_idempotent(ctx: ServiceContext) -> None:
    case = service.load_demo_business_case(ctx)
    assert case is not None and case.subject_id == "retire-old-portal"  # 80,000 a week
    assert service.load_demo_business_case(ctx) == case
    assert len(service.list_cases(ctx)) == 1


def test_a_case_for_a_roadmap_phase_holds_each_initiatives_lines(ctx: ServiceContext) -> None:
    case = service.create_case(ctx, phase_id="2027-Q1", price_base_year=2026, lang="en")
    assert case.id == "case-2027-Q1" and case.subject_kind.value == "phase"
    ids = {line.id for line in case.option().lines}
    assert {"replace-case-system:development", "retire-old-portal:development"} <= ids
    # do-minimum: 20 % of both development costs (4,000,000 and 20 weeks × 200,000)
    support = case.option("do-minimum").lines[0]
    assert support.amounts[0] == pytest.approx(0.2 * (4_000_000 + 4_000_000))
    assert service.get_case(ctx, case.id).subject_kind == case.subject_kind
    with pytest.raises(NotFound):
        service.create_case(ctx, phase_id="2031-Q4")
