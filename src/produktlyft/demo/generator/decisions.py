"""The demo's decision register and decision-rights matrix, seeded.

About thirty recommendations from the surveyed teams, from September 2025 to October 2026:
the team's own decisions come in days, management's in weeks, the political board's in months,
and some escalated recommendations have waited far longer than 90 days: the ones that
"vanished in the hierarchy". A few were escalated although the matrix lets the team decide.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta

from produktlyft.decisions.model import (
    Decision,
    DecisionKind,
    DecisionLevel,
    DecisionRight,
    Outcome,
)
from produktlyft.inventory.model import Team

K = DecisionKind
TEAM, MANAGEMENT, BOARD = DecisionLevel.TEAM, DecisionLevel.MANAGEMENT, DecisionLevel.BOARD
FIRST_PROPOSAL = date(2025, 9, 1)
LAST_PROPOSAL = date(2026, 10, 20)
# (title, kind, who decides, pilot team's): the pilot team's come from the bygglov work
RECOMMENDATIONS: tuple[tuple[str, DecisionKind, DecisionLevel, bool], ...] = (
    (
        "Skicka mottagningsbekräftelsen digitalt i stället för som brev",
        K.SERVICE_CHANGE,
        TEAM,
        True,
    ),
    ("Begär komplettering direkt i e-tjänsten för bygglov", K.SERVICE_CHANGE, MANAGEMENT, True),
    (
        "Mät handläggningstiden för bygglov ur ärendesystemets händelselogg",
        K.PRIORITIES,
        TEAM,
        True,
    ),
    ("Driftsätt ändringar i e-tjänsten varje vecka", K.RELEASE, TEAM, True),
    ("Låt bygglovsteamet prioritera sin egen backlogg", K.PRIORITIES, MANAGEMENT, True),
    ("Förhandla om avtalet för ärendesystemet i kortare etapper", K.PROCUREMENT, MANAGEMENT, True),
    (
        "Finansiera bygglovsteamet som ett långlivat team i stället för ett projekt",
        K.BUDGET,
        BOARD,
        True,
    ),
    ("Anställ en tjänstedesigner i bygglovsteamet", K.STAFFING, MANAGEMENT, True),
    ("Byt testverktyg till ett med öppen källkod", K.TOOLS, TEAM, False),
    ("Flytta testmiljön till kommunens privata moln", K.ARCHITECTURE, MANAGEMENT, False),
    (
        "Avveckla det gamla diariet och flytta ärendena till det nya",
        K.ARCHITECTURE,
        MANAGEMENT,
        False,
    ),
    ("Inför gemensam inloggning med BankID i alla e-tjänster", K.ARCHITECTURE, MANAGEMENT, False),
    ("Säg upp avtalet för dubbla schemaläggningssystem", K.PROCUREMENT, MANAGEMENT, False),
    ("Upphandla nytt lönesystem i delar med exitklausul", K.PROCUREMENT, BOARD, False),
    ("Ta fram riktlinje för öppen källkod", K.POLICY, BOARD, False),
    ("Riktlinje: data ska kunna lämnas ut i öppna format", K.POLICY, MANAGEMENT, False),
    (
        "Ersätt manuell överföring av fakturor med en integration",
        K.SERVICE_CHANGE,
        MANAGEMENT,
        False,
    ),
    ("Inför automatisk påminnelse om kompletteringar", K.SERVICE_CHANGE, TEAM, False),
    (
        "Prioritera tillgänglighetsbrister i e-tjänsterna före nya funktioner",
        K.PRIORITIES,
        TEAM,
        False,
    ),
    ("Ändra sprintlängden till två veckor", K.PRIORITIES, TEAM, False),
    ("Driftsätt utan att vänta på förvaltningens ändringsråd", K.RELEASE, MANAGEMENT, False),
    ("Automatisera driftsättningen av verksamhetssystemet", K.RELEASE, TEAM, False),
    ("Byt versionshantering till kommunens gemensamma Git-tjänst", K.TOOLS, TEAM, False),
    ("Köp licenser för ett verktyg för användartester", K.TOOLS, MANAGEMENT, False),
    ("Flytta budget för systemförvaltning till teamen", K.BUDGET, BOARD, False),
    ("Avsätt tid varje vecka för att minska teknisk skuld", K.PRIORITIES, TEAM, False),
    (
        "Rekrytera en utvecklare i stället för att förlänga konsultavtalet",
        K.STAFFING,
        MANAGEMENT,
        False,
    ),
    ("Samla vård och omsorgs planeringsverktyg i ett system", K.ARCHITECTURE, BOARD, False),
    ("Låt teamet ändra blanketterna i e-tjänsten själv", K.SERVICE_CHANGE, MANAGEMENT, False),
    ("Publicera teamets resultat på intranätet varje kvartal", K.OTHER, TEAM, False),
    ("Ersätt Excel-uppföljningen med en gemensam rapport", K.TOOLS, MANAGEMENT, False),
    ("Inför en gemensam kodgranskningsrutin", K.POLICY, TEAM, False),
)
DAYS_TO_DECIDE = {TEAM: (2, 14), MANAGEMENT: (14, 80), BOARD: (45, 170)}
# Of the escalated recommendations proposed long ago, this share is still waiting.
VANISH_SHARE = 0.3
# The team may decide these itself; everything else goes to management, budget to the board.
TEAM_DECIDES = (K.PRIORITIES, K.TOOLS, K.RELEASE)
PILOT_ALSO_DECIDES = (K.SERVICE_CHANGE,)


def rights_matrix(teams: Sequence[Team], pilot: Team | None) -> list[DecisionRight]:
    rights = []
    for team in teams:
        own = TEAM_DECIDES + (
            PILOT_ALSO_DECIDES if pilot is not None and team.id == pilot.id else ()
        )
        for kind in DecisionKind:
            if kind is K.OTHER:
                continue
            level = TEAM if kind in own else BOARD if kind in (K.BUDGET, K.POLICY) else MANAGEMENT
            rights.append(DecisionRight(team=team.id, kind=kind, level=level))
    return rights


def _outcome(
    rng: random.Random,
    level: DecisionLevel,
    proposed: date,
    as_of: date,
) -> tuple[Outcome, date | None]:
    low, high = DAYS_TO_DECIDE[level]
    waited = (as_of - proposed).days
    if level is not TEAM and waited > 120 and rng.random() < VANISH_SHARE:
        return Outcome.PENDING, None
    decided = proposed + timedelta(days=rng.randint(low, high))
    if decided > as_of:
        return Outcome.PENDING, None
    outcome = rng.choices(
        [Outcome.APPROVED, Outcome.AMENDED, Outcome.REJECTED, Outcome.WITHDRAWN], [11, 4, 3, 1]
    )[0]
    return outcome, decided


def decision_register(
    teams: Sequence[Team], pilot: Team | None, seed: int, as_of: date
) -> list[Decision]:
    """The recommendations, spread over the teams (the pilot's from the pilot team), with
    outcomes as they stood on `as_of`."""
    rng = random.Random(f"{seed}-decisions")
    others = [t for t in teams if pilot is None or t.id != pilot.id] or list(teams)
    span = (LAST_PROPOSAL - FIRST_PROPOSAL).days
    register = []
    for number, (title, kind, level, from_pilot) in enumerate(RECOMMENDATIONS, start=1):
        team = pilot if from_pilot and pilot is not None else rng.choice(others)
        proposed = FIRST_PROPOSAL + timedelta(days=rng.randint(0, span))
        outcome, decided = _outcome(rng, level, proposed, as_of)
        if outcome is Outcome.WITHDRAWN:
            decided = None
        register.append(
            Decision(
                id=f"EX-{number:03d}",
                title=title,
                team=team.id,
                kind=kind,
                level=level,
                proposed_on=proposed,
                decided_on=decided,
                outcome=outcome,
                source="demo",
            )
        )
    return sorted(register, key=lambda d: (d.proposed_on, d.id))
