"""Forward-backward improvement never lengthens a plan and keeps it valid."""

from __future__ import annotations

import sys

from produktlyft.roadmap.analysis.schedule import (
    Job,
    Mode,
    Precedence,
    Problem,
    Resource,
    ScheduledJob,
    Solution,
    violations,
)
from produktlyft.roadmap.analysis.schedule_heuristic import heuristic_plan, objective_of
from produktlyft.roadmap.analysis.schedule_justify import justify
from produktlyft.roadmap.analysis.schedule_prep import prepare
from tests.conftest import ROOT


def valid(problem: Problem, items: list[ScheduledJob]) -> bool:
    return (
        violations(problem, Solution("feasible", "makespan", 0.0, None, None, tuple(items))) == []
    )


def test_a_psplib_plan_gets_no_longer_and_stays_valid() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from roadmap_bench import from_psplib  # the bench's converter, to reuse real instances

    for name in ("j301_1.sm", "j301_2.sm"):
        problem = from_psplib(ROOT / "tests" / "data" / "psplib" / name, False, 0)
        p = prepare(problem)
        plan = list(heuristic_plan(p, "latest-finish", "makespan").items)
        better = justify(p, plan)
        assert valid(problem, better)
        assert objective_of(problem, better, "makespan") <= objective_of(problem, plan, "makespan")


def test_a_gap_left_by_a_poor_order_closes() -> None:
    # given order puts the long job b first on t1, so c (after a) starts late; justified, the
    # chain a → c runs beside b
    problem = Problem(
        (
            Job("b", (Mode("t1", 4),)),
            Job("a", (Mode("t1", 1),)),
            Job("c", (Mode("t2", 4),)),
        ),
        (Resource("t1"), Resource("t2")),
        (Precedence("a", "c"),),
    )
    p = prepare(problem)
    plan = list(heuristic_plan(p, "given order", "makespan").items)
    assert objective_of(problem, plan, "makespan") == 9.0
    better = justify(p, plan)
    assert valid(problem, better)
    assert objective_of(problem, better, "makespan") == 5.0


def test_plans_with_deadlines_are_left_alone() -> None:
    problem = Problem((Job("a", (Mode("t1", 2),), deadline_week=5),), (Resource("t1"),))
    p = prepare(problem)
    plan = list(heuristic_plan(p, "latest-finish", "makespan").items)
    assert justify(p, plan) == plan
