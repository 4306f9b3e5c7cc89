"""The disclosure auditor: minimum group size, complementary suppression, differencing."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from produktlyft.surveys.analysis.disclosure import (
    Candidate,
    Reason,
    difference_size,
    in_span,
    plan_release,
    smallest_exposed_set,
    storage_targets,
)

K = 5


def _plan(views: dict[str, dict[str, int]], ledger=(), k: int = K):  # type: ignore[no-untyped-def]
    return plan_release([Candidate(key, counts) for key, counts in views.items()], list(ledger), k)


def test_a_group_below_k_is_hidden_with_its_n() -> None:
    plan = _plan({"org": {"a": 4}})
    assert plan.shown == [] and plan.suppressed == {"org": Reason.BELOW_MINIMUM}


def test_k_may_not_go_below_three() -> None:
    with pytest.raises(ValueError):
        _plan({"org": {"a": 9}}, k=2)


def test_parent_minus_shown_children_never_reveals_a_hidden_child() -> None:
    plan = _plan({"org": {"a": 9, "b": 1}, "a": {"a": 9}, "b": {"b": 1}})
    assert plan.shown == ["org"]
    assert plan.suppressed == {"a": Reason.COMPLEMENTARY, "b": Reason.BELOW_MINIMUM}


def test_the_smallest_sibling_is_hidden_when_one_must_be() -> None:
    plan = _plan({"org": {"a": 9, "b": 8, "c": 3}, "a": {"a": 9}, "b": {"b": 8}, "c": {"c": 3}})
    assert plan.shown == ["org", "a"]
    assert plan.suppressed["b"] is Reason.COMPLEMENTARY


def test_two_hidden_siblings_may_together_make_a_shown_remainder() -> None:
    plan = _plan({"org": {"a": 9, "b": 3, "c": 3}, "a": {"a": 9}, "b": {"b": 3}, "c": {"c": 3}})
    assert plan.shown == ["org", "a"]  # org − a covers b and c together: 6 ≥ k


def test_a_late_single_answer_is_never_shown_as_a_difference() -> None:
    first = _plan({"org": {"a": 5, "b": 5}, "a": {"a": 5}, "b": {"b": 5}})
    assert first.shown == ["org", "a", "b"]
    later = _plan({"org": {"a": 6, "b": 5}, "a": {"a": 6}, "b": {"b": 5}}, first.new_releases)
    assert later.shown == ["b"]  # unchanged, so it reveals nothing new
    assert later.suppressed == {"org": Reason.DIFFERENCING, "a": Reason.DIFFERENCING}
    enough = _plan({"org": {"a": 10, "b": 5}, "a": {"a": 10}, "b": {"b": 5}}, first.new_releases)
    assert enough.shown == ["org", "a", "b"]


def test_differencing_across_filters_and_time_is_refused() -> None:
    ledger = [{"a": 5}, {"b": 5}, {"a": 5, "b": 5}, {"a": 10}]
    plan = _plan({"filter": {"a": 10, "b": 6}}, ledger)
    # org now minus a(10) is b(6); minus the earlier b(5) is one person
    assert plan.suppressed == {"filter": Reason.DIFFERENCING}


def test_crossing_filters_that_differ_by_few_people_are_refused() -> None:
    plan = _plan({"one": {"a": 6}}, [{"a": 5, "b": 1}])
    assert plan.suppressed == {"one": Reason.DIFFERENCING}
    assert difference_size({"a": 6}, {"a": 5, "b": 1}) == 2


def test_a_result_already_derivable_is_always_allowed() -> None:
    assert in_span([{"a": 5}, {"b": 5}], {"a": 5, "b": 5})
    plan = _plan({"ab": {"a": 5, "b": 5}}, [{"a": 5}, {"b": 5}])
    assert plan.shown == ["ab"] and plan.new_releases == []


def test_cells_split_by_time_are_audited() -> None:
    assert smallest_exposed_set([{"a": 5}, {"a": 6}], 5) == 1
    assert smallest_exposed_set([{"a": 5, "b": 5}], 5) is None
    assert smallest_exposed_set([{"a": 5, "b": 5}, {"a": 5}], 6) == 5


def test_two_late_answers_in_two_teams_are_not_exposed_together() -> None:
    # (a3) + (b3) − (a2 + b2) is the sum of the two late answers
    assert smallest_exposed_set([{"a": 2, "b": 2}, {"a": 3}, {"b": 3}], 3) == 2
    plan = _plan({"a": {"a": 3}, "b": {"b": 3}}, [{"a": 2, "b": 2}], k=3)
    assert plan.shown == ["a"] and plan.suppressed == {"b": Reason.DIFFERENCING}


def test_storage_targets_merge_hidden_leaves_into_the_nearest_shown_group() -> None:
    parents = {"org": None, "u": "org", "a": "u", "b": "u", "c": "org"}
    targets = storage_targets(parents, ["a", "b", "c"], {"org", "a"})
    assert targets == {"a": "a", "b": "org", "c": "org"}
    assert storage_targets(parents, ["a"], set()) == {"a": None}


# --- an independent adversary: linear algebra over individual respondents -----------------


def _matrix(releases: list[dict[str, int]], leaves: list[str], sizes: dict[str, int]):  # type: ignore[no-untyped-def]
    people = [(leaf, i) for leaf in leaves for i in range(sizes[leaf])]
    rows = [
        [1.0 if i < release.get(leaf, 0) else 0.0 for leaf, i in people] for release in releases
    ]
    return np.array(rows), len(people)


def _derivable(matrix: np.ndarray, target: np.ndarray) -> bool:
    coefficients, *_ = np.linalg.lstsq(matrix.T, target, rcond=None)
    return bool(np.abs(matrix.T @ coefficients - target).max() < 1e-8)


def _smallest_derivable_set(
    releases: list[dict[str, int]], leaves: list[str], sizes: dict[str, int], below: int
) -> int | None:
    """Brute force: the smallest set of people whose total the releases reveal."""
    if not releases:
        return None
    matrix, people = _matrix(releases, leaves, sizes)
    for size in range(1, below):
        for chosen in itertools.combinations(range(people), size):
            target = np.zeros(people)
            target[list(chosen)] = 1.0
            if _derivable(matrix, target):
                return size
    return None


@st.composite
def histories(draw):  # type: ignore[no-untyped-def]
    leaves = ["a", "b", "c"][: draw(st.integers(2, 3))]
    k = draw(st.sampled_from([3, 4]))
    steps = draw(st.integers(1, 4))
    counts = dict.fromkeys(leaves, 0)
    reports = []
    for _ in range(steps):
        for leaf in leaves:
            counts[leaf] += draw(st.integers(0, 3))
        kind = draw(st.sampled_from(["tree", "filter", "team"]))
        if kind == "tree":
            views = {"org": dict(counts), **{leaf: {leaf: counts[leaf]} for leaf in leaves}}
            if len(leaves) == 3:
                views["unit"] = {"a": counts["a"], "b": counts["b"]}
        elif kind == "filter":
            chosen = draw(st.lists(st.sampled_from(leaves), min_size=1, unique=True))
            views = {"filter": {leaf: counts[leaf] for leaf in chosen}}
        else:
            leaf = draw(st.sampled_from(leaves))
            views = {"org": dict(counts), leaf: {leaf: counts[leaf]}}
        reports.append(views)
    return leaves, k, reports, dict(counts)


@settings(max_examples=150, deadline=None)
@given(histories())
def test_no_sequence_of_reports_reveals_fewer_than_k_people(case) -> None:  # type: ignore[no-untyped-def]
    leaves, k, reports, sizes = case
    ledger: list[dict[str, int]] = []
    for views in reports:
        plan = _plan(views, ledger, k)
        ledger.extend(plan.new_releases)
    for one, other in itertools.combinations(ledger, 2):
        assert difference_size(one, other) == 0 or difference_size(one, other) >= k
    assert _smallest_derivable_set(ledger, leaves, sizes, k) is None
