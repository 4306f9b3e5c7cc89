"""When the constraints cannot all be met, the planner says which ones instead of failing."""

from __future__ import annotations

from produktlyft.roadmap.analysis.schedule import (
    Conflict,
    Job,
    Mode,
    Precedence,
    Problem,
    Resource,
    YearBudget,
    solve,
)

TEAMS = (Resource("t1"), Resource("t2"))


def job(name: str, weeks: int, team: str = "t1", **extra: object) -> Job:
    return Job(name, (Mode(team, weeks),), cost_of_delay_per_week=1, **extra)  # type: ignore[arg-type]  # extra holds Job's optional fields


def conflicts(problem: Problem) -> list[Conflict]:
    plan = solve(problem, workers=1, time_limit_s=5)
    assert plan.status == "infeasible"
    return list(plan.conflicts)


def test_a_dependency_loop_is_named() -> None:
    problem = Problem(
        (job("a", 1), job("b", 1), job("c", 1)),
        TEAMS,
        (Precedence("a", "b"), Precedence("b", "c"), Precedence("c", "a")),
    )
    [found] = conflicts(problem)
    assert found.code == "dependency_loop"
    assert found.params["cycle"] in {"a → b → c → a", "b → c → a → b", "c → a → b → c"}


def test_a_deadline_before_release_and_duration() -> None:
    problem = Problem((job("a", 3, release_week=5, deadline_week=6),), TEAMS)
    [found] = conflicts(problem)
    assert found.code == "deadline_before_release"
    assert found.params == {
        "job": "a",
        "release_week": "5",
        "duration": "3",
        "deadline_week": "6",
    }


def test_a_deadline_the_predecessor_chain_cannot_reach() -> None:
    problem = Problem((job("a", 5), job("b", 2, deadline_week=6)), TEAMS, (Precedence("a", "b"),))
    [found] = conflicts(problem)
    assert found.code == "deadline_unreachable"
    assert found.params["chain"] == "a → b" and found.params["earliest_finish"] == "7"


def test_a_job_no_team_can_do() -> None:
    problem = Problem((job("a", 2, team="ghost"), job("b", 2)), TEAMS)
    [found] = conflicts(problem)
    assert (found.code, found.params["job"], found.params["teams"]) == (
        "no_feasible_team",
        "a",
        "ghost",
    )


def test_a_dependency_on_an_unknown_job() -> None:
    problem = Problem((job("a", 2),), TEAMS, (Precedence("nothing", "a"),))
    [found] = conflicts(problem)
    assert found.code == "unknown_job" and found.params == {"job": "nothing"}


def test_a_job_dearer_than_every_budget_year() -> None:
    years = (YearBudget("2027", 0, 52, 100.0), YearBudget("2028", 52, 104, 100.0))
    problem = Problem((job("a", 2, cost_sek=200.0),), TEAMS, budgets=years, horizon_weeks=104)
    codes = [c.code for c in conflicts(problem)]
    assert "cost_exceeds_budget" in codes


def test_a_pin_before_the_predecessor_is_done() -> None:
    problem = Problem(
        (job("a", 5), job("b", 1, team="t2", pin_window=(0, 3))), TEAMS, (Precedence("a", "b"),)
    )
    [found] = conflicts(problem)
    assert found.code == "pin_unreachable" and found.params["earliest_start"] == "5"


def test_deadlines_against_team_capacity_name_the_jobs_and_the_team() -> None:
    problem = Problem(
        (job("a", 3, deadline_week=4), job("b", 3, deadline_week=4), job("c", 1, team="t2")),
        TEAMS,
    )
    plan = solve(problem, workers=1, time_limit_s=5)
    assert plan.status == "infeasible"
    [found] = plan.conflicts
    assert found.code == "deadlines_vs_capacity"
    assert (found.params["jobs"], found.params["teams"]) == ("a, b", "t1")
    assert len(plan.items) == 3  # the best-effort heuristic plan is still shown


def test_budgets_too_small_for_the_deadlines() -> None:
    years = (YearBudget("2027", 0, 52, 150.0), YearBudget("2028", 52, 104, 150.0))
    problem = Problem(
        (
            job("a", 2, cost_sek=100.0, deadline_week=10),
            job("b", 2, "t2", cost_sek=100.0, deadline_week=10),
        ),
        TEAMS,
        budgets=years,
    )
    [found] = conflicts(problem)
    assert found.code == "budget_too_small"
    assert (found.params["years"], found.params["jobs"]) == ("2027", "a, b")


def test_a_horizon_too_short() -> None:
    problem = Problem((job("a", 2), job("b", 2)), TEAMS, horizon_weeks=3)
    codes = [c.code for c in conflicts(problem)]
    assert codes == ["horizon_too_short"]
