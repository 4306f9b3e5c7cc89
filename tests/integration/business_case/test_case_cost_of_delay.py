"""The roadmap plans an initiative with the cost of delay its business case gives (what a
week's delay costs the case's slipping benefits), not the figure the review derived; a figure
a person set by hand stays."""

from __future__ import annotations

from produktlyft.business_case import service
from produktlyft.business_case.analysis.delay_cost import delay_cost
from produktlyft.business_case.analysis.packs import load_pack
from produktlyft.kernel.context import ServiceContext
from produktlyft.roadmap import service as roadmap
from produktlyft.roadmap.model import Initiative, InitiativeKind
from produktlyft.roadmap.presenter import basis_text

DERIVED = {"code": "risk", "parts": "risk", "risk_per_year": "52000", "risk_share": "0.1"}


def _initiative(ident: str, per_week: float, basis: dict[str, str]) -> Initiative:
    return Initiative(
        id=ident,
        name=f"Replace {ident}",
        kind=InitiativeKind.REPLACE,
        effort_weeks=20,
        cost_sek=1_500_000,
        cost_of_delay_sek_per_week=per_week,
        cost_of_delay_basis=basis,
    )


def test_the_case_sets_the_cost_of_delay_the_plan_uses(ctx: ServiceContext) -> None:
    roadmap.create_initiative(ctx, _initiative("derived", 1_000, DERIVED))
    case = service.create_case(ctx, "derived", price_base_year=2026)
    expected = delay_cost(case, load_pack(case.country_pack))
    assert expected is not None and expected.per_week > 0

    planned = roadmap.get_initiative(ctx, "derived")
    assert planned.cost_of_delay_sek_per_week == expected.per_week
    assert planned.cost_of_delay_basis["code"] == "business_case"
    assert planned.cost_of_delay_basis["case"] == case.id
    english = basis_text(planned.cost_of_delay_basis, "en")
    assert f"business case «{case.name}»" in english and "SEK" in english
    assert "investeringskalkylen" in basis_text(planned.cost_of_delay_basis, "sv")

    # a changed case changes the figure the roadmap plans with
    doubled = case.model_copy(
        update={
            "options": tuple(
                option.model_copy(
                    update={
                        "lines": tuple(
                            line.model_copy(update={"amounts": tuple(2 * a for a in line.amounts)})
                            if line.slips
                            else line
                            for line in option.lines
                        )
                    }
                )
                for option in case.options
            )
        }
    )
    service.save_case(ctx, doubled)
    again = roadmap.get_initiative(ctx, "derived").cost_of_delay_sek_per_week
    assert again == round(2 * expected.per_week, 2) or abs(again - 2 * expected.per_week) < 0.02


def test_a_figure_set_by_hand_stays(ctx: ServiceContext) -> None:
    roadmap.create_initiative(ctx, _initiative("by-hand", 7_500, {}))
    service.create_case(ctx, "by-hand", price_base_year=2026)
    kept = roadmap.get_initiative(ctx, "by-hand")
    assert kept.cost_of_delay_sek_per_week == 7_500 and kept.cost_of_delay_basis == {}
