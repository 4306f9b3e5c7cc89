"""The makespan model's redundant parts: its lower bound before search, and the weeks after the
makespan taken on every resource without away periods (never on one with them)."""

from __future__ import annotations

from ortools.sat.python import cp_model

from produktlyft.roadmap.analysis.schedule import Job, Mode, Precedence, Problem, Resource, solve
from produktlyft.roadmap.analysis.schedule_model import build, span_lower_bound
from produktlyft.roadmap.analysis.schedule_prep import prepare


def test_the_bound_is_the_longer_of_the_chain_and_the_work_per_capacity() -> None:
    three = tuple(Job(name, (Mode("t1", 2),)) for name in "abc")
    assert span_lower_bound(prepare(Problem(three, (Resource("t1", 2),)))) == 3  # 6 weeks / 2
    chained = Problem(
        (*three, Job("d", (Mode("t2", 2),)), Job("e", (Mode("t2", 3),))),
        (Resource("t1", 2), Resource("t2", 2)),
        (Precedence("d", "e"),),
    )
    assert span_lower_bound(prepare(chained)) == 5  # the chain d → e


def test_a_job_with_a_choice_of_team_adds_to_no_team_s_work() -> None:
    either = Job("x", (Mode("t1", 4), Mode("t2", 4)))
    problem = Problem((either, Job("y", (Mode("t1", 3),))), (Resource("t1"), Resource("t2")))
    assert span_lower_bound(prepare(problem)) == 4  # not 7: x may go to t2


def test_an_away_period_after_the_plan_does_not_hold_the_makespan_back() -> None:
    problem = Problem(
        (Job("a", (Mode("t1", 2),)), Job("b", (Mode("t2", 3),))),
        (Resource("t1", 1, ((10, 12),)), Resource("t2", 2)),
    )
    built = build(prepare(problem), "makespan")
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    assert solver.solve(built.model) == cp_model.OPTIMAL
    assert solver.objective_value == 3  # not 12: the team's away weeks are not after the plan
    assert solve(problem, "makespan", workers=1).objective_value == 3.0


def test_jobs_that_cannot_overlap_are_proven_optimal_with_a_matching_bound() -> None:
    # four jobs, two teams of capacity 2, every job needing both: only one at a time
    jobs = tuple(
        Job(name, (Mode("t1", weeks, 2, (("t2", 1),)),))
        for name, weeks in zip("abcd", (3, 1, 4, 2), strict=True)
    )
    plan = solve(Problem(jobs, (Resource("t1", 2), Resource("t2", 2))), "makespan", workers=2)
    assert plan.status == "optimal" and plan.objective_value == 10.0
    assert plan.lower_bound == 10.0
