"""A pilot with an improved evaluation, and a win drafted from it, for the pilots and wins tests."""

from __future__ import annotations

from datetime import date, timedelta

from produktlyft.kernel.context import ServiceContext
from produktlyft.pilots.analysis.simulate import demo_series
from produktlyft.pilots.model import Direction, PilotRegistration, SeriesValue
from produktlyft.pilots.service import evaluate_pilot, register_pilot, store_series

START = date(2026, 5, 4)


def registration(**changes: object) -> PilotRegistration:
    base: dict[str, object] = {
        "id": "lead-time",
        "name": "Small batches",
        "hypothesis": "Lead time falls by 12 hours",
        "metric": "uploaded",
        "pilot_team": "team-a",
        "comparison_teams": ("team-b", "team-c", "team-d", "team-e"),
        "pre_start": START - timedelta(weeks=26),
        "pre_end": START - timedelta(days=1),
        "post_start": START,
        "post_end": START + timedelta(weeks=26) - timedelta(days=1),
        "min_effect": 12.0,
        "direction": Direction.LOWER_IS_BETTER,
    }
    return PilotRegistration.model_validate({**base, **changes})


def evaluated_pilot(ctx: ServiceContext) -> PilotRegistration:
    plan = registration()
    register_pilot(ctx, plan)
    teams = [plan.pilot_team, *plan.comparison_teams]
    rows = demo_series(teams, START, 26, 26, seed=1)
    store_series(ctx, plan.id, [SeriesValue(team=t, period_start=d, value=v) for t, d, v in rows])
    evaluate_pilot(ctx, plan.id)
    return plan
