"""Registration, windows that end before they start, the lock and amendments, uploaded series
and an evaluation stored and read back, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import InvalidInput
from produktlyft.kernel.report.sections import ReportContext
from produktlyft.pilots.analysis.simulate import demo_series
from produktlyft.pilots.model import Direction, PilotRegistration, SeriesValue
from produktlyft.pilots.report import pilots as pilots_section
from produktlyft.pilots.service import (
    amend_pilot,
    evaluate_pilot,
    get_pilot,
    latest_evaluation,
    list_pilots,
    register_pilot,
    store_series,
    upload_series,
)

START = date(2026, 5, 4)


def _plan(**changes: object) -> PilotRegistration:
    base: dict[str, object] = {
        "id": "lead-time",
        "name": "Small batches",
        "hypothesis": "Lead time falls by 12 hours",
        "metric": "uploaded",
        "pilot_team": "team-a",
        "comparison_teams": ("team-b", "team-c"),
        "pre_start": START - timedelta(weeks=26),
        "pre_end": START - timedelta(days=1),
        "post_start": START,
        "post_end": START + timedelta(weeks=26) - timedelta(days=1),
        "min_effect": 12.0,
        "direction": Direction.LOWER_IS_BETTER,
    }
    return PilotRegistration.model_validate({**base, **changes})


def test_a_window_ending_before_it_starts_is_refused_and_nothing_written(
    ctx: ServiceContext,
) -> None:
    with pytest.raises(InvalidInput) as refused:
        register_pilot(ctx, _plan(post_end=START - timedelta(days=3)))
    assert [i.column for i in refused.value.issues] == ["post_end"]
    assert "ends" in str(refused.value) and "before it starts" in str(refused.value)
    assert list_pilots(ctx) == []


def test_locked_registration_changes_need_a_reason_and_are_listed(ctx: ServiceContext) -> None:
    register_pilot(ctx, _plan())  # START is in the past: locked
    with pytest.raises(InvalidInput) as refused:
        amend_pilot(ctx, _plan(min_effect=6.0))
    assert refused.value.issues[0].column == "reason"
    assert get_pilot(ctx, "lead-time").plan.min_effect == 12.0
    amended = amend_pilot(ctx, _plan(min_effect=6.0), reason="the board asked for less")
    assert amended.plan.min_effect == 6.0
    (amendment,) = amended.amendments
    assert (amendment.field, amendment.old, amendment.new) == ("min_effect", "12.0", "6.0")
    assert amendment.by == ctx.actor.name and amendment.reason == "the board asked for less"


def test_an_open_registration_changes_without_amendment(ctx: ServiceContext) -> None:
    later = date.today() + timedelta(days=60)
    plan = _plan(
        pre_end=later - timedelta(days=1), post_start=later, post_end=later + timedelta(90)
    )
    register_pilot(ctx, plan)
    changed = amend_pilot(ctx, plan.model_copy(update={"min_effect": 3.0}))
    assert changed.plan.min_effect == 3.0 and changed.amendments == ()


def test_uploaded_series_evaluates_and_is_kept(ctx: ServiceContext, tmp_path: Path) -> None:
    register_pilot(ctx, _plan())
    rows = demo_series(["team-a", "team-b", "team-c"], START, 26, 26, seed=1)
    csv = tmp_path / "series.csv"
    csv.write_text(
        "team,period,value\n" + "".join(f"{t},{d.isoformat()},{v}\n" for t, d, v in rows),
        encoding="utf-8",
    )
    assert upload_series(ctx, "lead-time", csv) == len(rows)
    result = evaluate_pilot(ctx, "lead-time")
    assert result.method.value == "did" and result.verdict.value == "improved"
    assert result.effect is not None and -40 < result.effect < -20
    stored = latest_evaluation(ctx, "lead-time")
    assert stored is not None and stored.effect == pytest.approx(result.effect)
    section = pilots_section(ReportContext("en", ctx))
    assert section is not None and section.title == "What the pilot showed"
    assert section.paragraphs[0].startswith("Small batches: The pilot improved the measure.")


def test_a_bad_series_row_names_the_row_and_writes_nothing(
    ctx: ServiceContext, tmp_path: Path
) -> None:
    register_pilot(ctx, _plan())
    store_series(ctx, "lead-time", [SeriesValue(team="team-a", period_start=START, value=1.0)])
    csv = tmp_path / "bad.csv"
    csv.write_text("team,period,value\nteam-a,2026-05-04,3\nteam-b,someday,4\n", encoding="utf-8")
    with pytest.raises(InvalidInput) as refused:
        upload_series(ctx, "lead-time", csv)
    issue = refused.value.issues[0]
    assert (issue.row, issue.column) == (3, "period")
    # the single value stored before is still the only one: too few points to evaluate
    result = evaluate_pilot(ctx, "lead-time")
    assert result.verdict.value == "inconclusive" and result.post_points == 1


def test_a_metric_of_the_outcomes_area_is_read_through_team_series(
    ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the outcomes area's `team_series` (imported directly): a metric it does not
    know is refused naming the field; one it knows is read per team, weekly."""
    from produktlyft.outcomes.model import SeriesPoint
    from produktlyft.pilots import service

    assert not hasattr(service, "importlib")  # read directly, not looked up by name
    register_pilot(ctx, _plan(id="unknown-metric", metric="lead_time_days"))
    with pytest.raises(InvalidInput) as refused:
        evaluate_pilot(ctx, "unknown-metric")
    assert refused.value.issues[0].column == "metric"

    register_pilot(ctx, _plan(metric="lead_time_hours"))
    rows = demo_series(["team-a", "team-b", "team-c"], START, 26, 26, seed=2)
    asked: list[tuple[str, str, str]] = []

    def team_series(
        _ctx: object, team: str, metric: str, *, period: str = "month"
    ) -> list[SeriesPoint]:
        asked.append((team, metric, period))
        return [SeriesPoint(period_start=d, value=v, count=5) for t, d, v in rows if t == team]

    monkeypatch.setattr(service, "team_series", team_series)
    result = evaluate_pilot(ctx, "lead-time")
    assert result.method.value == "did" and result.verdict.value == "improved"
    assert asked == [(t, "lead_time_hours", "week") for t in ("team-a", "team-b", "team-c")]
