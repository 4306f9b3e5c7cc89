"""Validation of a portfolio and its translation into the solver's weeks."""

from __future__ import annotations

from datetime import date

from produktlyft.roadmap.analysis.plan_input import (
    WhatIf,
    build_problem,
    cumulative_cost_of_delay,
    quarter_window,
    validate,
)
from produktlyft.roadmap.model import (
    Budget,
    Dependency,
    Initiative,
    InitiativeKind,
    PlanItem,
    PlanningTeam,
    Sourcing,
)

START = date(2027, 1, 4)


def _item(key: str, **fields: object) -> Initiative:
    return Initiative.model_validate(
        {"id": key, "name": key, "kind": InitiativeKind.UPGRADE, "effort_weeks": 2.5, **fields}
    )


def test_a_loop_is_named_with_its_path() -> None:
    items = [
        _item("a", dependencies=[Dependency(predecessor="c")]),
        _item("b", dependencies=[Dependency(predecessor="a")]),
        _item("c", dependencies=[Dependency(predecessor="b")]),
    ]
    (issue,) = validate(items, [])
    assert issue.column == "dependencies" and "a → c → b → a" in issue.message


def test_unknown_teams_and_predecessors_and_late_deadlines() -> None:
    bad = _item("x", teams=["nope"], dependencies=[Dependency(predecessor="ghost")])
    late = _item("y").model_copy(
        update={"earliest_start": date(2027, 5, 1), "deadline": date(2027, 4, 1)}
    )
    negative = _item("z").model_copy(update={"effort_weeks": -1.0})
    issues = validate([bad, late, negative], ["t1"])
    assert {(i.element, i.column) for i in issues} == {
        ("x", "teams"),
        ("x", "dependencies"),
        ("y", "deadline"),
        ("z", "effort_weeks"),
    }


def test_weeks_modes_budgets_and_pins() -> None:
    teams = [
        PlanningTeam(id="t1", name="T1"),
        PlanningTeam(id="p", name="P", sourcing=Sourcing.PARTNER),
    ]
    item = _item(
        "a", sourcing=Sourcing.PARTNER, earliest_start=date(2027, 1, 6), deadline=date(2027, 3, 3)
    )
    problem = build_problem(
        [item], teams, [Budget(year=2027, limit_sek=1e6)], START, WhatIf(pins={"a": "2027-Q2"})
    )
    (job,) = problem.jobs
    assert [m.team for m in job.modes] == ["p"] and job.modes[0].duration_weeks == 3
    assert job.release_week == 1 and job.deadline_week == 8
    assert job.pin_window == quarter_window(START, "2027-Q2") == (13, 26)
    assert problem.budgets[0].start_week == 0 and problem.budgets[0].end_week == 52


def test_the_cost_of_delay_curve_adds_up_until_each_finish() -> None:
    items = [PlanItem(initiative="a", team="t", start_week=0, finish_week=2, reason="x")]
    assert cumulative_cost_of_delay(items, {"a": 10.0}) == [(0, 0.0), (1, 10.0), (2, 20.0)]
