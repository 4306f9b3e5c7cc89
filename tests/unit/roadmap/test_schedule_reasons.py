"""Why each job sits where it does, and the plan grouped into quarters."""

from __future__ import annotations

from datetime import date, timedelta

from produktlyft.roadmap.analysis.schedule import (
    REASON_CODES,
    Job,
    Mode,
    Precedence,
    Problem,
    Resource,
    ScheduledJob,
    Solution,
    phases,
    serial_schedule,
    solve,
)


def job(name: str, weeks: int, cod: float, team: str = "t1", **extra: object) -> Job:
    return Job(name, (Mode(team, weeks),), cost_of_delay_per_week=cod, **extra)  # type: ignore[arg-type]  # extra holds Job's optional fields


def reasons(problem: Problem) -> dict[str, tuple[str, dict[str, str]]]:
    plan = solve(problem, workers=1)
    assert plan.status == "optimal"
    return {item.job: (item.reason_code, dict(item.reason_params)) for item in plan.items}


def test_a_lower_cost_of_delay_goes_behind_a_higher_one() -> None:
    found = reasons(Problem((job("low", 2, 1), job("high", 2, 10)), (Resource("t1"),)))
    assert found["high"] == ("starts_at_release", {"week": "0"})
    assert found["low"] == (
        "ordered_by_cost_of_delay",
        {"behind": "high", "team": "t1", "rank": "2", "of": "2"},
    )


def test_equal_cost_of_delay_waits_for_the_team() -> None:
    found = reasons(Problem((job("a", 2, 5), job("b", 2, 5)), (Resource("t1"),)))
    codes = sorted(code for code, _ in found.values())
    assert codes == ["starts_at_release", "waits_for_team"]
    waiting = next(params for code, params in found.values() if code == "waits_for_team")
    assert waiting["team"] == "t1" and waiting["busy_with"] in {"a", "b"}


def test_a_release_week_and_a_predecessor() -> None:
    found = reasons(
        Problem(
            (job("a", 2, 1, release_week=3), job("b", 1, 1, team="t2")),
            (Resource("t1"), Resource("t2")),
            (Precedence("a", "b", 1),),
        )
    )
    assert found["a"] == ("starts_at_release", {"week": "3"})
    assert found["b"] == ("waits_for_predecessor", {"predecessor": "a", "lag_weeks": "1"})


def test_a_job_finishing_on_its_deadline_is_bound_by_it() -> None:
    found = reasons(Problem((job("e", 2, 1, deadline_week=5), job("f", 3, 10)), (Resource("t1"),)))
    assert found["e"] == ("deadline_bound", {"deadline_week": "5"})


def test_every_reason_code_is_known() -> None:
    problem = Problem(
        tuple(job(f"j{n}", 1 + n % 3, n % 4, team=f"t{n % 2}") for n in range(10)),
        (Resource("t0"), Resource("t1")),
        (Precedence("j0", "j4"), Precedence("j2", "j7", 2)),
    )
    assert {code for code, _ in reasons(problem).values()} <= set(REASON_CODES)


def test_phases_group_by_the_quarter_a_job_is_delivered() -> None:
    plan = Solution(
        "optimal",
        "cost-of-delay",
        0.0,
        0.0,
        0.0,
        (
            ScheduledJob("a", "t1", 0, 5),
            ScheduledJob("b", "t1", 5, 13),
            ScheduledJob("c", "t2", 0, 20),
        ),
    )
    monday = date(2027, 1, 4)
    grouped = phases(plan, lambda week: monday + timedelta(weeks=week), {"a": 10.0, "c": 5.0})
    assert grouped == [("2027-Q1", ("a", "b"), 10.0), ("2027-Q2", ("c",), 5.0)]


def test_the_instant_heuristic_plan_has_reasons_too() -> None:
    problem = Problem((job("low", 2, 1), job("high", 2, 10)), (Resource("t1"),))
    plan = serial_schedule(problem, "wsjf")
    assert {item.job: item.reason_code for item in plan.items} == {
        "high": "starts_at_release",
        "low": "ordered_by_cost_of_delay",
    }
