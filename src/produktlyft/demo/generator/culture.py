"""Simulated answers to the demo's two culture surveys, spring and autumn 2026.

Pure and seeded: the same teams and seed give the same answers. Each respondent has a position
on every scale (the team's level plus their own offset), and each item is answered around it
with some noise; reverse-scored items are answered on the mirrored scale, so a respondent who
feels safe disagrees with "mistakes are held against you". The pilot team (the team behind the
building-permit case-handling system) starts low on psychological safety in the spring and is
clearly better in the autumn: the "small win" the report can tell.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from produktlyft.inventory.model import Team
from produktlyft.surveys.instruments import CURRENT, SKIP, Instrument, Item

INSTRUMENTS = ("westrum", "psych-safety", "dora-wellbeing", "readiness")
SURVEY_TEAMS = 8
MIN_LINKS, MAX_LINKS = 6, 12
SMALL_TEAMS = 2  # teams where too few answer in a round, so their results stay hidden


@dataclass(frozen=True)
class SurveyRound:
    key: str
    title: str
    opens_on: date
    closes_on: date


ROUNDS = (
    SurveyRound(
        "spring", "Kultur och förändringsberedskap, våren 2026", date(2026, 3, 2), date(2026, 3, 20)
    ),
    SurveyRound(
        "autumn",
        "Kultur och förändringsberedskap, hösten 2026",
        date(2026, 9, 14),
        date(2026, 10, 2),
    ),
)

# Where teams stand on each 7-point scale (before their own variation), and the spread of
# team levels around it. Burnout is worded so that higher is worse.
TEAM_LEVEL = {
    "westrum": (4.3, 0.5),
    "psych-safety": (5.0, 0.35),
    "burnout": (3.7, 0.45),
    "job-satisfaction": (4.9, 0.4),
}
PILOT_PSYCH_SAFETY = {"spring": 3.9, "autumn": 5.6}
PILOT_WESTRUM_GAIN = 0.5
# The organisation's readiness, item by item on the 5-point scale, in the spring; the autumn
# adds the gains the pilot and the review brought (a pilot run, results shown, processes
# measured from event data, culture measured).
READINESS_LEVEL = {
    "readiness-resistance": (2.5, 2.1, 2.8, 2.4, 3.3),
    "readiness-legacy": (2.3, 3.1, 2.5, 1.8, 2.2),
    "readiness-procurement": (2.0, 2.4, 2.7, 2.3, 2.1),
    "readiness-culture": (2.8, 2.0, 3.2, 2.9, 2.3),
}
AUTUMN_READINESS_GAIN = {
    "readiness-resistance.2": 0.9,
    "readiness-resistance.3": 0.5,
    "readiness-legacy.4": 1.0,
    "readiness-culture.5": 0.6,
}
SKIP_SHARE = {"readiness": 0.04}  # "don't know" is common on the organisation's readiness
OTHER_SKIP_SHARE = 0.01


@dataclass
class TeamPlan:
    team: Team
    links: int
    answers: dict[str, int] = field(default_factory=dict)  # round key -> answers given
    pilot: bool = False
    levels: dict[str, float] = field(default_factory=dict)  # scale -> the team's spring level


def choose_teams(teams: Sequence[Team], pilot_system: str | None, seed: int) -> list[TeamPlan]:
    """About eight teams from several departments, the pilot team first; two of them small in
    one round each, below any sensible minimum group size."""
    rng = random.Random(f"{seed}-survey-teams")
    ordered = sorted(teams, key=lambda t: t.id)
    pilot = next(
        (t for t in ordered if pilot_system in t.system_ids), ordered[0] if ordered else None
    )
    if pilot is None:
        return []
    others = [t for t in ordered if t.id != pilot.id and len(t.system_ids) > 1]
    chosen = [
        pilot,
        *sorted(rng.sample(others, min(SURVEY_TEAMS - 1, len(others))), key=lambda t: t.id),
    ]
    plans = []
    for number, team in enumerate(chosen):
        links = rng.randint(MIN_LINKS, MAX_LINKS) if number else MAX_LINKS - 2
        plan = TeamPlan(
            team,
            links,
            pilot=number == 0,
            levels={scale: rng.gauss(mean, spread) for scale, (mean, spread) in TEAM_LEVEL.items()},
        )
        for survey in ROUNDS:
            plan.answers[survey.key] = max(MIN_LINKS - 1, links - rng.randint(0, 3))
        plans.append(plan)
    for index, plan in enumerate(plans[1:][-SMALL_TEAMS:]):
        plan.answers[ROUNDS[index % len(ROUNDS)].key] = rng.randint(3, 4)
    plans[0].levels["psych-safety"] = PILOT_PSYCH_SAFETY["spring"]
    return plans


def _level(plan: TeamPlan, scale: str, survey: SurveyRound, rng: random.Random) -> float:
    level = plan.levels[scale]
    if survey.key == "autumn":
        if plan.pilot and scale == "psych-safety":
            return PILOT_PSYCH_SAFETY["autumn"]
        if plan.pilot and scale == "westrum":
            return level + PILOT_WESTRUM_GAIN
        level += rng.gauss(0.0, 0.15)  # other teams drift a little, either way
    return level


def _readiness_level(item: Item, survey: SurveyRound, pilot: bool) -> float:
    scale, number = item.code.split(".")
    level = READINESS_LEVEL[scale][int(number) - 1]
    if survey.key == "autumn":
        level += AUTUMN_READINESS_GAIN.get(item.code, 0.0)
    if pilot and scale in ("readiness-resistance", "readiness-culture"):
        level += 0.4 if survey.key == "autumn" else 0.0
    return level


def _answer(item: Item, position: float, rng: random.Random, skip_share: float) -> str:
    if item.answers.skip_label is not None and rng.random() < skip_share:
        return SKIP
    points = item.answers.points
    value = min(points, max(1, round(position + rng.gauss(0.0, 0.6))))
    return str(points + 1 - value if item.reverse else value)


def _respondent(
    plan: TeamPlan,
    survey: SurveyRound,
    instruments: Sequence[Instrument],
    rng: random.Random,
    levels: dict[str, float],
) -> dict[str, str]:
    offset = {scale: rng.gauss(0.0, 0.6) for scale in levels}
    # who feels unsafe in the team is likelier to feel burned out and less satisfied
    offset["burnout"] -= 0.4 * offset["psych-safety"]
    offset["job-satisfaction"] += 0.3 * offset["psych-safety"]
    # how a respondent sees the organisation overall, and each challenge on top of that
    readiness_offset = {challenge: rng.gauss(0.0, 0.45) for challenge in READINESS_LEVEL}
    overall = rng.gauss(0.0, 0.3)
    answers: dict[str, str] = {}
    for inst in instruments:
        skip_share = SKIP_SHARE.get(inst.code, OTHER_SKIP_SHARE)
        for item in inst.items:
            if inst.code == "readiness":
                position = (
                    _readiness_level(item, survey, plan.pilot)
                    + overall
                    + readiness_offset[item.code.split(".")[0]]
                )
            else:
                scale = item.scale or inst.code
                position = levels[scale] + offset[scale]
            answers[item.code] = _answer(item, position, rng, skip_share)
    return answers


def simulated_answers(
    plan: TeamPlan,
    survey: SurveyRound,
    seed: int,
) -> list[tuple[date, dict[str, str]]]:
    """The team's answers in one round, each with the day it was given (within the round)."""
    rng = random.Random(f"{seed}-{survey.key}-{plan.team.id}")
    instruments = [CURRENT[code] for code in INSTRUMENTS]
    levels = {scale: _level(plan, scale, survey, rng) for scale in TEAM_LEVEL}
    days = (survey.closes_on - survey.opens_on).days
    answered = []
    for _ in range(plan.answers[survey.key]):
        # most answer in the first days after the invitation, some after the reminder
        day = survey.opens_on + timedelta(days=min(days - 1, int(rng.expovariate(1 / 4))))
        answered.append((day, _respondent(plan, survey, instruments, rng, levels)))
    return sorted(answered, key=lambda pair: pair[0])
