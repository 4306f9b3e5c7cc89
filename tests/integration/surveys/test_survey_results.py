"""Trends over rounds, readiness next steps and DiMiOS scores beside them."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import InvalidInput
from produktlyft.surveys.instruments import READINESS, Remedy
from produktlyft.surveys.repository import SurveyRepository
from produktlyft.surveys.services.readiness import import_dimios, readiness_view
from produktlyft.surveys.services.reports import group_trend, survey_report
from produktlyft.surveys.services.rounds import close_round
from tests.integration.surveys.helpers import (
    TODAY,
    answer_randomly,
    answer_with,
    at_day,
    new_round,
)


@pytest.fixture
def sctx(ctx: ServiceContext) -> ServiceContext:
    return at_day(ctx, TODAY)


def test_a_team_sees_its_own_history_and_the_whole(sctx: ServiceContext) -> None:
    first = new_round(sctx, teams=("Alpha", "Beta"), instruments=("westrum",)).round.id
    low = [{f"westrum.{i}": "2" if n % 2 else "3" for i in range(1, 7)} for n in range(6)]
    answer_with(sctx, first, "Alpha", low)
    answer_randomly(sctx, first, "Beta", 6)
    close_round(sctx, first)
    second = new_round(sctx, teams=("Alpha", "Beta"), instruments=("westrum",)).round.id
    high = [{f"westrum.{i}": "6" if n % 2 else "7" for i in range(1, 7)} for n in range(6)]
    answer_with(sctx, second, "Alpha", high)
    answer_randomly(sctx, second, "Beta", 6, seed=9)
    trend = group_trend(sctx, "Alpha", lang="en")
    assert [p.round_id for p in trend.points] == [first, second]
    change, p_value = trend.points[1].changes["westrum"]
    assert change == pytest.approx(4.0)
    assert p_value is not None and p_value < 0.001
    assert not trend.points[1].organisation.suppressed
    # Beta's history is not part of Alpha's view
    assert {p.group.name for p in trend.points} == {"Alpha"}


def test_a_round_past_its_closing_day_is_finalised_by_the_next_report(sctx: ServiceContext) -> None:
    round_id = new_round(sctx, days=2).round.id
    answer_randomly(sctx, round_id, "Alpha", 5)
    answer_randomly(sctx, round_id, "Beta", 5)
    answer_randomly(sctx, round_id, "Gamma", 1)
    at_day(sctx, TODAY + timedelta(days=3))
    report = survey_report(sctx, round_id)
    assert report.status.value == "closed" and report.round.finalised
    with sctx.database.reading() as uow:
        nodes = {n.node_id: n for n in uow.repo(SurveyRepository).nodes(round_id)}
    assert "org~rest" in nodes and nodes["new:gamma"].withheld


def test_readiness_points_at_the_remedies_of_the_weakest_items(
    sctx: ServiceContext, tmp_path: Path
) -> None:
    round_id = new_round(sctx, teams=("Alpha",), instruments=("readiness",)).round.id
    weak = {"readiness-procurement.1", "readiness-procurement.3", "readiness-culture.1"}
    rows = [
        {item.code: ("1" if item.code in weak else "4") for item in READINESS.items}
        for _ in range(6)
    ]
    answer_with(sctx, round_id, "Alpha", rows)
    path = tmp_path / "dimios.csv"
    path.write_text(
        "Dimension;Poäng;Kvadrant\nDigital förmåga;3,4;\nDigitalt arv;2,1;\n", encoding="utf-8"
    )
    assert import_dimios(sctx, path, scope="Exempelstad") == 2
    view = readiness_view(sctx, round_id, "en")
    assert view.shown
    procurement = next(c for c in view.challenges if c.challenge.value == "procurement")
    assert procurement.scale.mean == pytest.approx((1 + 4 + 1 + 4 + 4) / 5)
    remedies = [step.remedy for step in view.next_steps]
    assert remedies == [Remedy.CHECK_CONTRACT_SLICES, Remedy.MAP_DECISION_RIGHTS]
    assert len(view.next_steps[0].because) == 2
    assert "contracts" in view.next_steps[0].advice
    assert [(s.dimension, s.score) for s in view.dimios] == [
        ("Digital förmåga", 3.4),
        ("Digitalt arv", 2.1),
    ]


def test_readiness_needs_the_instrument_and_dimios_needs_numbers(
    sctx: ServiceContext, tmp_path: Path
) -> None:
    round_id = new_round(sctx).round.id
    with pytest.raises(InvalidInput, match="readiness"):
        readiness_view(sctx, round_id)
    path = tmp_path / "bad.csv"
    path.write_text("dimension,score\nFörmåga,hög\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match="row 2"):
        import_dimios(sctx, path)


def test_the_leadership_summary_shows_the_organisation_only(sctx: ServiceContext) -> None:
    from produktlyft.surveys.services.culture_summary import culture_summary

    assert culture_summary(sctx).round_id is None
    first = new_round(sctx, teams=("Alpha", "Beta"), instruments=("westrum", "readiness")).round.id
    answer_randomly(sctx, first, "Alpha", 6)
    answer_randomly(sctx, first, "Beta", 1)
    close_round(sctx, first)
    summary = culture_summary(sctx, lang="en")
    assert summary.round_id == first
    assert {s.code for s in summary.scales} >= {"westrum", "readiness-culture"}
    assert all(not s.suppressed for s in summary.scales)
    assert summary.organisation_trend is not None
    assert {p.group.name for p in summary.organisation_trend.points} == {"Organisation"}
