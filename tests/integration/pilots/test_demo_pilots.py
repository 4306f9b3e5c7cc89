"""The demo's pilot: the outcomes demo's pilot team and comparison teams, a pre-registered pilot
locked before its start (the day the outcomes story's pilot team starts to change), evaluated on
the weekly change lead time the outcomes area measures from the teams' deployments, the team's
survey rounds before and after as the surveys service discloses them, and one approved win; a
second run adds nothing. The public wins leak no survey figure of any team."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from produktlyft.bootstrap import web_app
from produktlyft.demo.service import load_demo
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.settings import Settings
from produktlyft.outcomes.service import load_demo_outcomes, team_series
from produktlyft.pilots.service import (
    get_pilot,
    latest_evaluation,
    list_pilots,
    load_demo_pilots,
    pilot_series,
    survey_before_after,
    team_names,
)
from produktlyft.surveys.services.reports import group_trend
from produktlyft.wins.model import Status
from produktlyft.wins.service import list_wins, load_demo_wins
from tests.conftest import make_context


def _survey_figures(ctx: ServiceContext, teams: list[str]) -> set[str]:
    """Every team-level survey mean, written as the pages and feeds could write it."""
    figures: set[str] = set()
    for team in teams:
        try:
            trend = group_trend(ctx, team, lang="en")
        except Exception:  # a team outside the survey: nothing to leak
            continue
        for point in trend.points:
            for scale in point.group.scales.values():
                if scale.mean is not None:
                    figures |= {f"{scale.mean:.2f}", f"{scale.mean:.2f}".replace(".", ",")}
    return figures


def test_demo_pilot_evaluation_survey_and_wins(ctx: ServiceContext, tmp_path: Path) -> None:
    ctx = make_context(ctx.database, data_dir=tmp_path / "data")
    demo_org = load_demo(ctx, 60, 42, tmp_path / "out", workflows=True, culture=True)
    culture = demo_org.culture
    assert culture is not None and culture.pilot_team
    outcomes = load_demo_outcomes(ctx, seed=42)
    demo = load_demo_pilots(ctx, outcomes)
    assert demo.pilot_team == culture.pilot_team and not demo.reused
    assert demo.verdict == "improved"
    pilot = get_pilot(ctx, demo.pilot_id or "")
    assert pilot.registered_at.date() < pilot.plan.post_start and pilot.plan.locked(ctx.today())
    # one story: the pilot starts when the outcomes demo's pilot team starts to change, and is
    # evaluated on the lead time outcomes measures, against all its comparison teams
    assert pilot.plan.post_start == outcomes.pilot_start
    assert pilot.plan.pilot_team == outcomes.pilot_team
    assert list(pilot.plan.comparison_teams) == outcomes.comparison_teams
    assert len(outcomes.comparison_teams) >= 4
    measured = team_series(ctx, outcomes.pilot_team or "", "lead_time_hours", period="week")
    used = {
        v.period_start: v.value for v in pilot_series(ctx, pilot) if v.team == pilot.plan.pilot_team
    }
    assert used == {p.period_start: p.value for p in measured}
    evaluation = latest_evaluation(ctx, pilot.id)
    assert evaluation is not None and evaluation.method.value == "did"
    assert evaluation.ci_high is not None and evaluation.ci_high < -pilot.plan.min_effect
    assert evaluation.permutation_p is not None  # enough comparison teams for the placebo test
    assert "other_changes" in {t.code for t in evaluation.threats}
    rounds = survey_before_after(ctx, pilot, "en")
    assert [r.after_start for r in rounds] == [False, True]
    assert all(r.means or r.suppressed for r in rounds)
    wins = load_demo_wins(ctx)
    assert (wins.drafted, wins.approved) == (1, 1)
    again = load_demo_pilots(ctx, outcomes)
    assert again.reused and len(list_pilots(ctx)) == 1
    assert load_demo_wins(ctx).drafted == 0
    assert [w.status for w in list_wins(ctx)] == [Status.APPROVED]

    # the public page, feed and open data show no team's survey result
    names = team_names(ctx)
    figures = _survey_figures(ctx, list(names.values()))
    assert figures  # the survey did produce team figures that could leak
    settings = Settings(
        database_url=ctx.database.url,
        cookie_secure=False,
        data_dir=tmp_path / "data",
        secret_key="test-secret-key",
    )
    app = web_app(settings)
    try:
        _assert_no_survey_figure(TestClient(app, base_url="http://testserver"), figures)
    finally:
        app.state.web.database.dispose()  # the app's own pool, not the fixture's


def _assert_no_survey_figure(client: TestClient, figures: set[str]) -> None:
    for path in ("/public/wins", "/public/wins?lang=en", "/public/wins.atom", "/public/wins.csv"):
        response = client.get(path)
        assert response.status_code == 200, path
        shown = set(re.findall(r"\d+[.,]\d\d", response.text))
        assert not shown & figures, (path, shown & figures)
    assert "psych" not in client.get("/public/wins.json").text.casefold()
