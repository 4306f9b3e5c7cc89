"""A pilot's primary measure is named in the reader's language with where its figures come
from, never shown as its key (`lead_time_hours`, `uploaded`)."""

from __future__ import annotations

from datetime import date

from produktlyft.pilots.model import Direction, PilotRegistration
from produktlyft.pilots.presenter import measure_text


def _plan(metric: str) -> PilotRegistration:
    return PilotRegistration(
        id="p",
        name="Pilot",
        hypothesis="Shorter lead time",
        metric=metric,
        pilot_team="T1",
        comparison_teams=("T2",),
        pre_start=date(2026, 1, 5),
        pre_end=date(2026, 3, 29),
        post_start=date(2026, 3, 30),
        post_end=date(2026, 6, 28),
        min_effect=1.0,
        direction=Direction.LOWER_IS_BETTER,
    )


def test_a_measured_metric_is_named_with_its_source() -> None:
    plan = _plan("lead_time_hours")
    english = measure_text(plan, "outcomes", "en")
    assert (
        english == "change lead time (hours), measured under Outcomes from the teams' deployments"
    )
    swedish = measure_text(plan, "outcomes", "sv")
    assert swedish.startswith("ledtid för ändringar (timmar), mätt under Effekter")
    assert "lead_time_hours" not in english + swedish


def test_an_uploaded_series_says_so() -> None:
    assert measure_text(_plan("uploaded"), "uploaded", "en") == "a series uploaded for this pilot"
    assert (
        measure_text(_plan("uploaded"), "uploaded", "sv") == "en serie som laddats upp för piloten"
    )
