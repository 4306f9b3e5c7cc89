"""DORA's five metrics on hand-made data, their intervals, the production filter, duplicate
removal and the incident window."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import numpy as np
import pytest

from produktlyft.outcomes.analysis import events
from produktlyft.outcomes.analysis.dora import metrics, series
from produktlyft.outcomes.analysis.scores import score
from produktlyft.outcomes.analysis.stats import median_with_interval, poisson_rate, wilson
from produktlyft.outcomes.model import Deployment, Incident, Metric, MetricValue

T0 = datetime(2026, 3, 2, 9, tzinfo=UTC)  # a Monday


def deploy(n: int, hours_after: float, lead: float | None = 10, **kw: object) -> Deployment:
    at = T0 + timedelta(hours=hours_after)
    fields: dict[str, object] = {
        "id": f"d{n}",
        "team": "t",
        "deployed_at": at,
        "committed_at": None if lead is None else at - timedelta(hours=lead),
        "ref": f"sha{n}",
    }
    fields.update(kw)
    return Deployment.model_validate(fields)


def incident(n: int, hours_after: float, lasted: float = 2, **kw: object) -> Incident:
    opened = T0 + timedelta(hours=hours_after)
    fields: dict[str, object] = {
        "id": f"i{n}",
        "team": "t",
        "opened_at": opened,
        "resolved_at": opened + timedelta(hours=lasted),
    }
    fields.update(kw)
    return Incident.model_validate(fields)


def run(ds: list[Deployment], incs: list[Incident], window: int = 7) -> dict[Metric, MetricValue]:
    frame = events.deployment_frame(ds)
    linked = events.link_incidents(events.incident_frame(incs), frame, window)
    return metrics(frame, linked, date(2026, 3, 2), date(2026, 3, 30), seed=1)


def test_the_five_metrics_on_hand_made_data() -> None:
    ds = [
        deploy(1, 0, lead=4),
        deploy(2, 24, lead=8, failed=True),
        deploy(3, 48, lead=12),
        deploy(4, 72, lead=100, rework=True),
    ]
    result = run(ds, [incident(1, 50, lasted=3)])
    assert result[Metric.LEAD_TIME].value == pytest.approx(10.0)  # median of 4, 8, 12, 100
    assert result[Metric.FREQUENCY].value == pytest.approx(1.0)  # 4 in four weeks
    assert result[Metric.RECOVERY].value == pytest.approx(3.0)
    assert result[Metric.CHANGE_FAIL].value == pytest.approx(0.5)  # d2 marked, d3 blamed
    assert result[Metric.REWORK].value == pytest.approx(0.25)
    for value in result.values():
        assert value.ci_low is not None and value.ci_high is not None
        assert value.ci_low <= value.value <= value.ci_high  # type: ignore[operator]  # set above
        assert value.benchmark.government_score is not None


def test_nothing_to_measure_gives_none_not_zero() -> None:
    result = run([], [])
    assert result[Metric.LEAD_TIME].value is None and result[Metric.CHANGE_FAIL].value is None
    assert result[Metric.FREQUENCY].value == 0.0  # no deployments in four weeks is a measure


def test_an_incident_outside_the_window_blames_no_deployment() -> None:
    ds = [deploy(1, 0)]
    late = incident(1, 24 * 10)  # ten days after the only deployment
    assert run(ds, [late], window=7)[Metric.CHANGE_FAIL].value == 0.0
    assert run(ds, [late], window=14)[Metric.CHANGE_FAIL].value == 1.0


def test_a_named_deployment_counts_only_inside_the_window() -> None:
    ds = [deploy(1, 0), deploy(2, 24 * 9)]
    named_old = incident(1, 24 * 9 + 1, deployment_id="d1")  # names d1, nine days back
    frame = events.deployment_frame(ds)
    linked = events.link_incidents(events.incident_frame([named_old]), frame, 7)
    assert linked["linked_deployment"].to_list() == [None]
    named_recent = incident(2, 24 * 9 + 1, deployment_id="d2")
    linked = events.link_incidents(events.incident_frame([named_recent]), frame, 7)
    assert linked["linked_deployment"].to_list() == ["d2"]


def test_duplicates_are_removed_by_id_and_by_event() -> None:
    ds = [deploy(1, 0), deploy(1, 0), deploy(2, 0, ref="sha1"), deploy(3, 5)]
    frame = events.without_duplicates(events.deployment_frame(ds))
    assert frame["id"].to_list() == ["d1", "d3"]


def test_the_production_filter_matches_whole_names_in_any_case() -> None:
    ds = [
        deploy(1, 0, environment="Production"),
        deploy(2, 1, environment="prod"),
        deploy(3, 2, environment="preprod"),
        deploy(4, 3, environment="staging"),
    ]
    kept = events.production_only(events.deployment_frame(ds), r"prod|production")
    assert kept["id"].to_list() == ["d1", "d2"]
    assert events.is_production("PRODUKTION", r"prod|produktion")


def test_wilson_matches_the_textbook_values() -> None:
    share, low, high = wilson(5, 20)  # type: ignore[misc]  # not None for trials > 0
    assert share == 0.25
    assert low == pytest.approx(0.1119, abs=1e-4) and high == pytest.approx(0.4687, abs=1e-4)
    assert wilson(0, 10)[1] == 0.0  # type: ignore[index]  # not None
    assert wilson(0, 0) is None


def test_poisson_interval_for_a_weekly_rate() -> None:
    rate, low, high = poisson_rate(10, 5.0)  # type: ignore[misc]  # not None
    assert (
        rate == 2.0
        and low == pytest.approx(0.959, abs=1e-3)
        and high == pytest.approx(3.678, abs=1e-3)
    )


def test_bootstrap_is_seeded_and_covers_the_true_median_about_95_percent() -> None:
    rng = np.random.default_rng(7)
    true_median = float(np.exp(3.0))  # lognormal(3, 1)
    hits = 0
    runs = 200
    for number in range(runs):
        sample = rng.lognormal(3.0, 1.0, size=60)
        _, low, high = median_with_interval(sample, seed=number, resamples=500)  # type: ignore[misc]  # not None
        hits += low <= true_median <= high
    assert 0.88 <= hits / runs <= 0.99
    sample = rng.lognormal(3.0, 1.0, size=30)
    assert median_with_interval(sample, seed=3) == median_with_interval(sample, seed=3)


def test_scores_follow_dora_2025() -> None:
    assert score(Metric.LEAD_TIME, 0.5) == 10.0
    assert score(Metric.LEAD_TIME, 30) == 6.0  # a day to a week: category 4
    assert score(Metric.RECOVERY, 24 * 365) == 0.0
    assert score(Metric.FREQUENCY, 1.5) == 6.0  # weekly to daily: category 4
    assert score(Metric.CHANGE_FAIL, 0.21) == 7.9
    assert score(Metric.REWORK, None) is None


def test_monthly_series() -> None:
    ds = [deploy(1, 0, lead=2), deploy(2, 24 * 40, lead=6), deploy(3, 24 * 41, lead=8)]
    frame = events.deployment_frame(ds)
    linked = events.link_incidents(events.incident_frame([]), frame, 7)
    lead = series(frame, linked, Metric.LEAD_TIME)
    assert [(p.period_start, p.value, p.count) for p in lead] == [
        (date(2026, 3, 1), 2.0, 1),
        (date(2026, 4, 1), 7.0, 2),
    ]
    frequency = series(frame, linked, Metric.FREQUENCY)
    assert [p.count for p in frequency] == [1, 2]
    assert frequency[0].value == pytest.approx(7 / 31)
    with pytest.raises(ValueError):
        series(frame, linked, Metric.LEAD_TIME, "year")


def test_wilson_covers_the_true_share_about_95_percent() -> None:
    rng = np.random.default_rng(11)
    true, trials, runs = 0.2, 30, 2000
    successes = rng.binomial(trials, true, size=runs)
    hits = 0
    for k in successes:
        _, low, high = wilson(int(k), trials)  # type: ignore[misc]  # not None for trials > 0
        hits += low <= true <= high
    assert 0.92 <= hits / runs <= 0.98


def test_linking_by_team_prints_no_warning(capfd: pytest.CaptureFixture[str]) -> None:
    """polars writes its sortedness warning straight to stderr, past Python's warnings."""
    ds = [deploy(1, 0), deploy(2, 5, team="u"), deploy(3, 10)]
    incs = [incident(1, 6, team="u"), incident(2, 11)]
    frame = events.deployment_frame(ds)
    linked = events.link_incidents(events.incident_frame(incs), frame, 7)
    assert linked["linked_deployment"].to_list() == ["d2", "d3"]
    assert "Sortedness" not in capfd.readouterr().err
