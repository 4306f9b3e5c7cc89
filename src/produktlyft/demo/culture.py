"""The demo's culture data: two closed survey rounds answered through the real survey services,
and a decision register with its rights matrix.

Rounds open and close on days, so each step runs in a context whose clock shows the simulated
day (`SimulatedDay`). That clock lives here, in the demo, and nowhere in the services: they
keep asking `ctx.now()` as always.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from produktlyft.decisions.service import record_decision, set_rights
from produktlyft.demo.generator.culture import (
    INSTRUMENTS,
    ROUNDS,
    SurveyRound,
    TeamPlan,
    choose_teams,
    simulated_answers,
)
from produktlyft.demo.generator.decisions import decision_register, rights_matrix
from produktlyft.demo.generator.systems import ANCHORS, REFERENCE_DATE
from produktlyft.inventory.model import System, Team
from produktlyft.inventory.repository import InventoryRepository
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.surveys.services.answers import submit_answer
from produktlyft.surveys.services.rounds import (
    close_round,
    create_round,
    generate_links,
    list_rounds,
)

NOON = time(12, 0)


class SimulatedDay(ServiceContext):
    """The same database, actor and settings, with the clock at noon of a given day in the
    organisation's time zone."""

    def __init__(self, ctx: ServiceContext, day: date) -> None:
        super().__init__(ctx.database, ctx.actor, ctx.settings)
        zone = ZoneInfo(ctx.settings.time_zone)
        self._moment = datetime.combine(day, NOON, tzinfo=zone).astimezone(UTC)

    def now(self) -> datetime:
        return self._moment


@dataclass
class DemoRound:
    round_id: str
    title: str
    answers: int
    links: int
    teams: int
    hidden_teams: int  # teams with fewer answers than the minimum group size


@dataclass
class DemoCulture:
    rounds: list[DemoRound] = field(default_factory=list)
    reused_rounds: list[str] = field(default_factory=list)  # titles already there
    pilot_team: str | None = None
    decisions: int = 0
    rights: int = 0


def _teams_and_pilot_system(ctx: ServiceContext) -> tuple[list[Team], str | None]:
    with ctx.database.reading() as uow:
        teams = [t for t in uow.repo(InventoryRepository).load("teams") if isinstance(t, Team)]
        case = next(
            (
                s.id
                for s in sorted(
                    (
                        s
                        for s in uow.repo(InventoryRepository).load("systems")
                        if isinstance(s, System)
                    ),
                    key=lambda s: s.id,
                )
                if s.name == ANCHORS[("bygglov", "case")]
            ),
            None,
        )
    return teams, case


def _run_round(
    ctx: ServiceContext, survey: SurveyRound, plans: list[TeamPlan], seed: int
) -> DemoRound:
    opening = SimulatedDay(ctx, survey.opens_on)
    created = create_round(
        opening,
        instruments=list(INSTRUMENTS),
        groups=[p.team.id for p in plans],
        opens_on=survey.opens_on,
        closes_on=survey.closes_on,
        title=survey.title,
    )
    round_id = created.round.id
    answered: list[tuple[date, str, dict[str, str]]] = []
    for plan in plans:
        tokens = generate_links(opening, round_id, plan.team.id, plan.links).tokens
        for token, (day, answer) in zip(
            tokens, simulated_answers(plan, survey, seed), strict=False
        ):
            answered.append((day, token, answer))
    clocks: dict[date, SimulatedDay] = {}
    for day, token, answer in sorted(answered, key=lambda item: item[0]):
        submit_answer(clocks.setdefault(day, SimulatedDay(ctx, day)), token, answer)
    close_round(SimulatedDay(ctx, survey.closes_on), round_id)
    minimum = created.round.min_group
    return DemoRound(
        round_id,
        survey.title,
        len(answered),
        sum(p.links for p in plans),
        len(plans),
        sum(p.answers[survey.key] < minimum for p in plans),
    )


def load_demo_culture(ctx: ServiceContext, seed: int) -> DemoCulture:
    """Simulate the spring and autumn rounds for about eight teams (once: rounds already in
    the database are kept), then record the decision register and the rights matrix."""
    ctx.actor.require(Permission.ORGANISE)
    teams, pilot_system = _teams_and_pilot_system(ctx)
    plans = choose_teams(teams, pilot_system, seed)
    result = DemoCulture(pilot_team=plans[0].team.name if plans else None)
    if not plans:
        return result
    existing = {r.title for r, _ in list_rounds(ctx)}
    for survey in ROUNDS:
        if survey.title in existing:
            result.reused_rounds.append(survey.title)
        else:
            result.rounds.append(_run_round(ctx, survey, plans, seed))
    chosen = [p.team for p in plans]
    pilot = plans[0].team
    as_of = SimulatedDay(ctx, REFERENCE_DATE)
    rights = rights_matrix(chosen, pilot)
    set_rights(as_of, rights)
    register = decision_register(chosen, pilot, seed, REFERENCE_DATE)
    for decision in register:  # each recorded on the day it was last changed
        record_decision(SimulatedDay(ctx, decision.decided_on or decision.proposed_on), decision)
    result.decisions, result.rights = len(register), len(rights)
    return result
