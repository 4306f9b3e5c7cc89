"""The roadmap planner on hand-made instances whose best plan is known."""

from __future__ import annotations

from produktlyft.roadmap.analysis.schedule import (
    Job,
    Mode,
    Precedence,
    Problem,
    Resource,
    ScheduledJob,
    Solution,
    YearBudget,
    serial_schedule,
    solve,
    violations,
)


def job(name: str, weeks: int, cod: float = 0.0, team: str = "t1", **extra: object) -> Job:
    return Job(name, (Mode(team, weeks),), cost_of_delay_per_week=cod, **extra)  # type: ignore[arg-type]  # extra holds Job's optional fields


def at(solution: Solution, name: str) -> ScheduledJob:
    return next(item for item in solution.items if item.job == name)


def test_one_team_weighted_jobs_are_proven_optimal_and_the_heuristic_is_feasible() -> None:
    problem = Problem((job("c", 3, 1), job("b", 2, 2), job("a", 1, 3)), (Resource("t1"),))
    plan = solve(problem, workers=1)
    assert plan.status == "optimal"
    assert plan.objective_value == 15.0  # a, b, c: 3·1 + 2·3 + 1·6 (Smith's rule)
    assert plan.lower_bound == 15.0 and plan.gap == 0.0
    for priority in ("latest-finish", "wsjf", "given order"):
        quick = serial_schedule(problem, priority)
        assert quick.status == "feasible" and violations(problem, quick) == []
        assert (quick.objective_value or 0) >= 15.0
    assert serial_schedule(problem, "wsjf").objective_value == 15.0
    assert serial_schedule(problem, "given order").objective_value == 3 * 1 + 5 * 2 + 6 * 3


def test_a_lag_delays_the_successor() -> None:
    problem = Problem(
        (job("a", 2, 1), job("b", 1, 1, team="t2")),
        (Resource("t1"), Resource("t2")),
        (Precedence("a", "b", 3),),
    )
    plan = solve(problem, "makespan", workers=1)
    assert (at(plan, "b").start_week, plan.objective_value) == (5, 6.0)
    assert at(plan, "b").reason_code == "waits_for_predecessor"
    assert at(plan, "b").reason_params == {"predecessor": "a", "lag_weeks": "3"}


def test_a_team_away_takes_no_work() -> None:
    problem = Problem((job("a", 2, 1),), (Resource("t1", 1, ((1, 4),)),))
    for plan in (solve(problem, workers=1), serial_schedule(problem)):
        assert (at(plan, "a").start_week, at(plan, "a").finish_week) == (4, 6)
    assert at(solve(problem, workers=1), "a").reason_code == "waits_for_team"


def test_a_team_with_capacity_two_runs_two_jobs_at_once() -> None:
    problem = Problem((job("a", 2), job("b", 2), job("c", 2)), (Resource("t1", 2),))
    plan = solve(problem, "makespan", workers=1)
    assert plan.status == "optimal" and plan.objective_value == 4.0


def test_the_faster_team_is_chosen() -> None:
    problem = Problem(
        (Job("a", (Mode("t1", 5), Mode("t2", 2)), cost_of_delay_per_week=1),),
        (Resource("t1"), Resource("t2")),
    )
    assert at(solve(problem, workers=1), "a").team == "t2"
    assert at(serial_schedule(problem), "a").team == "t2"


def test_a_spent_budget_year_pushes_a_job_into_the_next_year() -> None:
    years = (YearBudget("2027", 0, 52, 150.0), YearBudget("2028", 52, 104, 150.0))
    problem = Problem(
        (job("dear", 1, 10, cost_sek=100.0), job("cheap", 1, 1, team="t2", cost_sek=100.0)),
        (Resource("t1"), Resource("t2")),
        budgets=years,
    )
    plan = solve(problem, workers=1)
    assert plan.status == "optimal" and violations(problem, plan) == []
    assert (at(plan, "dear").start_week, at(plan, "cheap").start_week) == (0, 52)
    assert at(plan, "cheap").reason_code == "waits_for_budget"
    assert at(plan, "cheap").reason_params == {"year": "2027"}
    quick = serial_schedule(problem)
    assert quick.status == "feasible" and violations(problem, quick) == []


def test_a_pin_holds_a_job_in_its_window() -> None:
    problem = Problem((job("a", 2, 5, pin_window=(10, 13)),), (Resource("t1"),))
    plan = solve(problem, workers=1)
    assert at(plan, "a").start_week == 10
    assert at(plan, "a").reason_code == "pinned"
    assert at(serial_schedule(problem), "a").start_week == 10


def test_cost_of_delay_and_makespan_choose_different_plans() -> None:
    problem = Problem(
        (job("a", 3), job("c", 3, team="t2"), job("b", 3, 10)),
        (Resource("t1"), Resource("t2")),
        (Precedence("a", "c"),),
    )
    by_cost = solve(problem, "cost-of-delay", workers=1)
    by_span = solve(problem, "makespan", workers=1)
    assert at(by_cost, "b").start_week == 0 and by_cost.objective_value == 30.0
    assert max(item.finish_week for item in by_cost.items) == 9
    assert by_span.objective_value == 6.0 and at(by_span, "a").start_week == 0


def test_the_same_problem_gives_the_same_plan() -> None:
    jobs = tuple(job(f"j{n}", 1 + n % 3, (n * 7) % 5, team=f"t{n % 2}") for n in range(8))
    links = (Precedence("j0", "j3"), Precedence("j1", "j5", 1))
    problem = Problem(jobs, (Resource("t0"), Resource("t1")), links)
    first, second = solve(problem, workers=1), solve(problem, workers=1)
    assert first.items == second.items and first.objective_value == second.objective_value


def test_the_checker_names_what_a_plan_breaks() -> None:
    problem = Problem(
        (job("a", 2, deadline_week=2), job("b", 2)),
        (Resource("t1"),),
        (Precedence("a", "b"),),
    )
    wrong = Solution(
        "feasible",
        "makespan",
        3.0,
        None,
        None,
        (ScheduledJob("a", "t1", 1, 3), ScheduledJob("b", "t1", 1, 3)),
    )
    found = violations(problem, wrong)
    assert any("deadline" in text for text in found)
    assert any("starts before a finishes" in text for text in found)
    assert any("carries 2" in text for text in found)
