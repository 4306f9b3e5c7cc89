"""The demo's simulated survey answers and decision register: seeded, plausible, and telling
the pilot team's "small win"."""

from __future__ import annotations

from datetime import date
from statistics import mean

from produktlyft.decisions.model import DecisionLevel, Outcome
from produktlyft.demo.generator import generate_demo
from produktlyft.demo.generator.culture import ROUNDS, choose_teams, simulated_answers
from produktlyft.demo.generator.decisions import decision_register, rights_matrix
from produktlyft.surveys.instruments import CURRENT, SKIP

SPRING, AUTUMN = ROUNDS
AS_OF = date(2026, 11, 1)


def _plans(seed: int = 42):  # type: ignore[no-untyped-def]
    demo = generate_demo(300, 42)
    case = next(
        s.id for s in demo.inventory.systems if s.name == "Ärendehanteringssystem för bygglov"
    )
    return choose_teams(demo.inventory.teams, case, seed), case


def _scale_mean(answers: list[dict[str, str]], code: str) -> float:
    items = CURRENT[code].items
    scored = [
        item.scored(int(row[item.code]))
        for row in answers
        for item in items
        if row[item.code] != SKIP
    ]
    return mean(scored)


def test_eight_teams_the_pilot_first_some_too_small_to_show() -> None:
    plans, case = _plans()
    assert len(plans) == 8 and plans[0].pilot and case in plans[0].team.system_ids
    assert all(6 <= p.links <= 12 for p in plans)
    for survey in ROUNDS:
        answered = [p.answers[survey.key] for p in plans]
        assert all(a <= p.links for a, p in zip(answered, plans, strict=True))
        assert any(a < 5 for a in answered)  # hidden under the minimum
        assert sum(a >= 5 for a in answered) >= 6
    assert plans[0].answers["spring"] >= 5 and plans[0].answers["autumn"] >= 5


def test_answers_are_seeded_and_complete() -> None:
    plans, _ = _plans()
    first = simulated_answers(plans[1], SPRING, 42)
    assert first == simulated_answers(plans[1], SPRING, 42)
    assert first != simulated_answers(plans[1], SPRING, 7)
    codes = {
        item.code
        for code in ("westrum", "psych-safety", "dora-wellbeing", "readiness")
        for item in CURRENT[code].items
    }
    for day, row in first:
        assert SPRING.opens_on <= day < SPRING.closes_on and set(row) == codes


def test_the_pilot_team_feels_clearly_safer_in_the_autumn() -> None:
    plans, _ = _plans()
    pilot = plans[0]
    spring = [row for _, row in simulated_answers(pilot, SPRING, 42)]
    autumn = [row for _, row in simulated_answers(pilot, AUTUMN, 42)]
    assert _scale_mean(autumn, "psych-safety") - _scale_mean(spring, "psych-safety") > 1.0


def test_reverse_scored_items_are_answered_consistently() -> None:
    plans, _ = _plans()
    rows = [
        row for plan in plans for survey in ROUNDS for _, row in simulated_answers(plan, survey, 42)
    ]
    # who agrees that they can raise problems (item 2) disagrees that mistakes are held
    # against them (item 1, reversed): scored, the two go together
    pairs = [
        (int(r["psych-safety.1"]), int(r["psych-safety.2"]))
        for r in rows
        if SKIP not in (r["psych-safety.1"], r["psych-safety.2"])
    ]
    safe = [reverse for reverse, forward in pairs if forward >= 6]
    unsafe = [reverse for reverse, forward in pairs if forward <= 4]
    assert safe and unsafe and mean(safe) < mean(unsafe) - 1


def test_decision_register_with_vanished_recommendations_and_rights() -> None:
    plans, _ = _plans()
    teams = [p.team for p in plans]
    register = decision_register(teams, teams[0], 42, AS_OF)
    assert 28 <= len(register) <= 34
    assert register == decision_register(teams, teams[0], 42, AS_OF)
    vanished = [
        d for d in register if d.outcome is Outcome.PENDING and (AS_OF - d.proposed_on).days > 90
    ]
    assert len(vanished) >= 3 and all(d.level is not DecisionLevel.TEAM for d in vanished)
    decided = [d for d in register if d.decided]
    assert {d.level for d in decided} == set(DecisionLevel)
    assert {d.team for d in register} <= {t.id for t in teams}
    rights = rights_matrix(teams, teams[0])
    assert {r.team for r in rights} == {t.id for t in teams}
    assert sum(r.level is DecisionLevel.TEAM for r in rights if r.team == teams[0].id) > sum(
        r.level is DecisionLevel.TEAM for r in rights if r.team == teams[1].id
    )
