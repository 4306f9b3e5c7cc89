"""Statistics from aggregates equal the same statistics computed from individual rows."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from produktlyft.surveys.analysis.stats import (
    FamilySpec,
    alpha_from_rows,
    compare,
    fold,
    summarise,
    total,
)


@st.composite
def answers(draw):  # type: ignore[no-untyped-def]
    k = draw(st.integers(1, 6))
    points = draw(st.integers(3, 7))
    n = draw(st.integers(0, 60))
    groups = draw(st.integers(1, 4))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    values = rng.integers(1, points + 1, size=(n, k))
    skip = rng.random((n, k)) < draw(st.sampled_from([0.0, 0.05, 0.3]))
    values[skip] = 0
    reverse = tuple(draw(st.lists(st.booleans(), min_size=k, max_size=k)))
    spec = FamilySpec("f", tuple(f"f.{i}" for i in range(k)), points, reverse)
    return spec, values, rng.integers(0, groups, size=n), groups


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


@settings(max_examples=200, deadline=None)
@given(answers())
def test_aggregate_statistics_equal_row_statistics(case) -> None:  # type: ignore[no-untyped-def]
    spec, values, group_of, groups = case
    parts = fold(spec, values, group_of, groups)
    summary = summarise(spec, total(parts, spec))
    rows = values[(values > 0).all(axis=1)]
    scored = np.where(np.array(spec.reverse)[None, :], spec.points + 1 - rows, rows)
    n = len(rows)
    assert summary.n == n
    if n == 0:
        assert summary.mean is None and summary.alpha is None
        return
    score = scored.mean(axis=1)
    assert _close(summary.mean, float(score.mean()))
    if n >= 2:
        sd = float(score.std(ddof=1))
        assert _close(summary.sd, sd)
        half = stats.t.ppf(0.975, n - 1) * sd / math.sqrt(n)
        assert _close(summary.ci_low, float(score.mean() - half))
        assert _close(summary.ci_high, float(score.mean() + half))
    assert _close(summary.alpha, alpha_from_rows(scored) if spec.k >= 2 else None)
    for index, code in enumerate(spec.items):
        counts = np.bincount(rows[:, index], minlength=spec.points + 1)[1:]
        assert summary.items[code].distribution == tuple(int(c) for c in counts)
        assert _close(summary.items[code].mean, float(rows[:, index].mean()))
        rest = scored.sum(axis=1) - scored[:, index]
        item = scored[:, index]
        if spec.k >= 2 and n >= 2 and item.std() > 0 and rest.std() > 1e-9:
            expected = float(np.corrcoef(item, rest)[0, 1])
            got = summary.items[code].item_total
            assert got is not None and math.isclose(got, expected, abs_tol=1e-7)


@settings(max_examples=100, deadline=None)
@given(answers())
def test_aggregates_add_up_like_the_groups_they_came_from(case) -> None:  # type: ignore[no-untyped-def]
    spec, values, group_of, groups = case
    whole = fold(spec, values, np.zeros(len(values), np.int64), 1)[0]
    summed = total(fold(spec, values, group_of, groups), spec)
    assert whole.n == summed.n and whole.total_sum == summed.total_sum
    assert whole.total_sumsq == summed.total_sumsq
    assert (whole.counts == summed.counts).all() and (whole.cross == summed.cross).all()


def test_alpha_of_a_textbook_example() -> None:
    # item variances 1.3, 1.0 and 0.5; totals 5, 7, 9, 11, 11 have variance 6.8;
    # α = 3/2 · (1 − 2.8 / 6.8) = 0.8824
    rows = np.array([[1, 2, 2], [2, 2, 3], [3, 3, 3], [4, 4, 3], [3, 4, 4]])
    spec = FamilySpec("t", ("t.1", "t.2", "t.3"), 5, (False, False, False))
    summary = summarise(spec, fold(spec, rows, np.zeros(5, np.int64), 1)[0])
    item_var = rows.var(axis=0, ddof=1).sum()
    expected = 1.5 * (1 - item_var / rows.sum(axis=1).var(ddof=1))
    assert summary.alpha is not None and math.isclose(summary.alpha, expected)
    assert math.isclose(summary.alpha, 0.8824, abs_tol=1e-4)
    assert not summary.alpha_low


def test_low_alpha_is_flagged() -> None:
    rows = np.array([[1, 7], [7, 1], [2, 6], [6, 2], [4, 4]])
    spec = FamilySpec("t", ("t.1", "t.2"), 7, (False, False))
    summary = summarise(spec, fold(spec, rows, np.zeros(5, np.int64), 1)[0])
    assert summary.alpha is None or summary.alpha_low


def test_change_between_rounds_is_welchs_test() -> None:
    spec = FamilySpec("t", ("t.1",), 7, (False,))
    before = np.array([[3], [4], [3], [5], [4], [3]])
    after = np.array([[5], [6], [6], [5], [7], [6], [5]])
    one = summarise(spec, fold(spec, before, np.zeros(6, np.int64), 1)[0])
    two = summarise(spec, fold(spec, after, np.zeros(7, np.int64), 1)[0])
    change = compare(one, two)
    assert change is not None and change.p_value is not None
    expected = stats.ttest_ind(after[:, 0], before[:, 0], equal_var=False)
    assert math.isclose(change.p_value, float(expected.pvalue))
    assert math.isclose(change.difference, after.mean() - before.mean())
