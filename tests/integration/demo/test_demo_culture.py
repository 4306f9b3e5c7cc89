"""The demo's culture data goes through the real survey and decision services: two closed
rounds whose results respect the anonymity rules, the pilot team's small win in its own
history, a decision register with recommendations left waiting; and a second run adds nothing."""

from __future__ import annotations

from pathlib import Path

from produktlyft.decisions.service import decision_report, rights_matrix
from produktlyft.demo.service import load_demo
from produktlyft.kernel.context import ServiceContext
from produktlyft.surveys.model import RoundStatus
from produktlyft.surveys.services.reports import group_trend, survey_report
from produktlyft.surveys.services.rounds import list_rounds
from tests.conftest import make_context


def test_two_closed_rounds_a_small_win_and_a_register(ctx: ServiceContext, tmp_path: Path) -> None:
    ctx = make_context(ctx.database, data_dir=tmp_path / "data")
    result = load_demo(ctx, 60, 42, tmp_path / "out", culture=True)
    culture = result.culture
    assert culture is not None and culture.pilot_team and len(culture.rounds) == 2
    rounds = list_rounds(ctx)
    assert [status for _, status in rounds] == [RoundStatus.CLOSED, RoundStatus.CLOSED]
    assert all(r.finalised for r, _ in rounds)
    for made in culture.rounds:
        report = survey_report(ctx, made.round_id, lang="en")
        organisation = report.groups[0]
        assert organisation.n == made.answers and not organisation.suppressed
        teams = [g for g in report.groups if g.kind is not None and g.kind.value == "team"]
        assert len(teams) == 8 and any(g.suppressed and g.n is None for g in teams)
        assert made.hidden_teams >= 1
    trend = group_trend(ctx, culture.pilot_team, lang="en")
    spring, autumn = (p.group.scales["psych-safety"] for p in trend.points)
    assert spring.mean is not None and autumn.mean is not None
    assert autumn.mean - spring.mean > 1.0
    register = decision_report(ctx)
    assert register.overall.proposed == culture.decisions >= 28
    assert register.overall.vanished >= 3 and register.overall.decided >= 15
    assert len(rights_matrix(ctx).teams) == 8

    again = load_demo(ctx, 60, 42, tmp_path / "out", culture=True)
    assert again.culture is not None and not again.culture.rounds
    assert len(again.culture.reused_rounds) == 2 and len(list_rounds(ctx)) == 2
    assert decision_report(ctx).overall.proposed == culture.decisions
