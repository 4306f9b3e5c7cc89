"""Every plan the solver or the heuristic calls feasible respects every constraint, and an
infeasible answer always says why."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from produktlyft.roadmap.analysis.schedule import (
    Job,
    Mode,
    Precedence,
    Problem,
    Resource,
    YearBudget,
    serial_schedule,
    solve,
    violations,
)


@st.composite
def problems(draw: st.DrawFn) -> Problem:
    resources = (
        Resource("t0", draw(st.integers(1, 2))),
        Resource("t1", 1, draw(st.sampled_from(((), ((2, 4),), ((0, 1), (6, 8)))))),
    )
    count = draw(st.integers(1, 6))
    jobs = []
    for number in range(count):
        teams = draw(st.lists(st.sampled_from(("t0", "t1")), min_size=1, max_size=2, unique=True))
        modes = tuple(
            Mode(team, draw(st.integers(1, 4)), draw(st.integers(1, 2))) for team in teams
        )
        release = draw(st.integers(0, 4))
        deadline = draw(st.none() | st.integers(release + 1, release + 14))
        pin = draw(st.none() | st.integers(0, 8).map(lambda w: (w, w + 4)))
        jobs.append(
            Job(
                f"j{number}",
                modes,
                float(draw(st.integers(0, 3)) * 50),
                float(draw(st.integers(0, 5))),
                release,
                deadline,
                pin,
            )
        )
    links = draw(
        st.lists(
            st.tuples(st.integers(0, count - 1), st.integers(0, count - 1), st.integers(0, 2)),
            max_size=4,
        )
    )
    precedences = tuple(
        Precedence(f"j{min(a, b)}", f"j{max(a, b)}", lag) for a, b, lag in links if a != b
    )
    budgets = draw(
        st.sampled_from(((), (YearBudget("y1", 0, 6, 150.0), YearBudget("y2", 6, 12, 100.0))))
    )
    return Problem(tuple(jobs), resources, precedences, budgets)


@settings(max_examples=30, deadline=None)
@given(problems(), st.sampled_from(("cost-of-delay", "makespan")))
def test_plans_respect_every_constraint(problem: Problem, objective: str) -> None:
    plan = solve(problem, objective, time_limit_s=5, workers=1)  # type: ignore[arg-type]  # drawn from the two objectives
    if plan.status == "infeasible":
        assert plan.conflicts
    else:
        assert violations(problem, plan) == []
        assert len(plan.items) == len(problem.jobs)
    quick = serial_schedule(problem, "latest-finish", objective)  # type: ignore[arg-type]  # as above
    if quick.status == "feasible":
        assert violations(problem, quick) == []
        assert plan.status != "infeasible"
        assert (plan.objective_value or 0) <= (quick.objective_value or 0) + 1e-9
    else:
        assert quick.conflicts
    if plan.status == "optimal":
        assert plan.gap == 0.0 and plan.lower_bound == plan.objective_value
