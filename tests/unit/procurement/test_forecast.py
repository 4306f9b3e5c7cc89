"""The delivery forecast: percentiles of a known distribution, the same figures for the same
seed, zero days kept, the 20-point warning and the back-test."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest

from produktlyft.kernel.errors import InvalidInput
from produktlyft.procurement.analysis.forecast import (
    completion_days,
    counts_by,
    daily_throughput,
    forecast,
)
from produktlyft.procurement.throughput_csv import read_finished

START = date(2026, 1, 1)


def _history(per_day: list[int]) -> list[date]:
    return [START + timedelta(days=i) for i, n in enumerate(per_day) for _ in range(n)]


def test_daily_throughput_keeps_days_without_finished_items() -> None:
    first, samples = daily_throughput(_history([2, 0, 0, 1]))
    assert first == START and samples.tolist() == [2, 0, 0, 1]


def test_a_constant_team_is_forecast_exactly() -> None:
    result = forecast(_history([1] * 30), 10, by=START + timedelta(days=39))
    assert result.start == START + timedelta(days=30)
    assert result.p50 == result.p85 == result.p95 == START + timedelta(days=39)
    assert result.count_p50 == result.count_p85 == 10
    assert result.data_points == 30 and result.warning is None
    assert result.backtest_p85_hit_rate == 1.0


def test_percentiles_of_a_known_distribution() -> None:
    # one item on half the days, none on the others: days to N items are negative binomial
    samples = np.array([0, 1] * 20, dtype=np.int64)
    rng = np.random.default_rng(1)
    days = completion_days(samples, 20, 50_000, rng)
    assert np.mean(days) == pytest.approx(40, rel=0.01)  # N / p
    expected_p85 = 20 + np.quantile(rng.negative_binomial(20, 0.5, 200_000), 0.85)
    assert np.quantile(days, 0.85) == pytest.approx(expected_p85, abs=1)
    counts = counts_by(samples, 40, 50_000, rng)
    assert np.mean(counts) == pytest.approx(20, rel=0.01)  # binomial(40, 0.5)
    assert np.quantile(counts, 0.15) == pytest.approx(20 - 1.04 * np.sqrt(10), abs=1)


def test_same_seed_same_forecast_other_seed_may_differ() -> None:
    history = _history([0, 1, 3, 0, 2, 1, 0, 0, 4, 1] * 3)
    a = forecast(history, 25, seed=7, by=START + timedelta(days=60))
    b = forecast(history, 25, seed=7, by=START + timedelta(days=60))
    assert a == b
    assert forecast(history, 25, seed=8).trials == a.trials


def test_fewer_than_twenty_days_warn() -> None:
    result = forecast(_history([1, 2, 0, 1] * 4), 5)
    assert result.data_points == 16 and result.warning == "few_data_points"


def test_the_backtest_notices_a_team_that_slowed_down() -> None:
    fast_then_slow = _history([3] * 40 + [1, 0, 0, 0] * 15)
    result = forecast(fast_then_slow, 10)
    assert result.backtest_points > 5
    assert result.backtest_p85_hit_rate is not None and result.backtest_p85_hit_rate < 0.8
    steady = forecast(_history([1, 2, 0, 1] * 20), 10)
    assert steady.backtest_p85_hit_rate is not None and steady.backtest_p85_hit_rate >= 0.8


def test_a_history_without_items_is_refused() -> None:
    with pytest.raises(ValueError):
        completion_days(np.zeros(5, dtype=np.int64), 3, 10, np.random.default_rng(0))


def test_the_csv_reader(tmp_path: Path) -> None:
    path = tmp_path / "done.csv"
    path.write_text("key;Resolved\nA-1;2026-01-02T10:00:00\nA-2;\nA-3;05/Jan/26 10:00 AM\n")
    assert read_finished(path, "resolved") == [date(2026, 1, 2), date(2026, 1, 5)]
    with pytest.raises(InvalidInput) as raised:
        read_finished(path)
    assert "finished" in raised.value.issues[0].message
    path.write_text("finished\n2026-01-02\nsoon\n")
    with pytest.raises(InvalidInput) as raised:
        read_finished(path)
    [issue] = raised.value.issues
    assert (issue.row, issue.column) == (3, "finished") and "soon" in issue.message
