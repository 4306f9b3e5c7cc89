"""The decision register: record and import recommendations and decisions, set the
decision-rights matrix, and measure how decisions flow."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from produktlyft.decisions.analysis.measures import (
    MandateGap,
    Measures,
    by_level,
    by_quarter,
    mandate_gap,
    measure,
)
from produktlyft.decisions.importers import (
    FORM_FIELDS,
    decision_from_form,
    read_decisions,
    read_rights,
)
from produktlyft.decisions.model import Decision, DecisionKind, DecisionLevel, DecisionRight
from produktlyft.decisions.repository import DecisionRepository
from produktlyft.inventory.model import Team
from produktlyft.inventory.repository import InventoryRepository
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.db import UnitOfWork
from produktlyft.kernel.errors import InvalidInput, Issue
from produktlyft.kernel.files.base import ImportLimits

DEFAULT_UNDECIDED_DAYS = 90


def _limits(ctx: ServiceContext) -> ImportLimits:
    return ImportLimits(
        ctx.settings.max_import_bytes,
        ctx.settings.max_unpacked_bytes,
        ctx.settings.max_issues_per_file,
    )


def _team_ids(uow: UnitOfWork) -> dict[str, str]:
    """Folded team id or name -> inventory team id, so a register may name teams either way."""
    found: dict[str, str] = {}
    for team in uow.repo(InventoryRepository).load("teams"):
        if isinstance(team, Team):
            found[team.id.casefold()] = team.id
            found[team.name.casefold()] = team.id
    return found


def _team_names(uow: UnitOfWork) -> dict[str, str]:
    """Inventory team id -> the team's name, as pages and reports name teams."""
    teams = uow.repo(InventoryRepository).load("teams")
    return {team.id: team.name for team in teams if isinstance(team, Team)}


def _canonical(uow: UnitOfWork, team: str) -> str:
    return _team_ids(uow).get(team.casefold(), team)


@dataclass
class DecisionImport:
    created: int
    updated: int
    unknown_teams: list[str] = field(default_factory=list)


def import_decisions(ctx: ServiceContext, path: Path) -> DecisionImport:
    """Import a register (CSV or .xlsx): all rows or none; known ids are updated."""
    ctx.actor.require(Permission.ORGANISE)
    ctx.database.require_current()
    decisions = read_decisions(path, _limits(ctx))
    with ctx.database.unit_of_work() as uow:
        teams = _team_ids(uow)
        canonical = [
            d.model_copy(update={"team": teams.get(d.team.casefold(), d.team)}) for d in decisions
        ]
        created, updated = uow.repo(DecisionRepository).upsert(
            canonical, ctx.actor.name, ctx.today()
        )
    unknown = sorted({d.team for d in decisions if d.team.casefold() not in teams})
    return DecisionImport(created, updated, unknown)


def record_decision(ctx: ServiceContext, decision: Decision) -> Decision:
    """Add or update one recommendation (the web form's path)."""
    ctx.actor.require(Permission.ORGANISE)
    ctx.database.require_current()
    with ctx.database.unit_of_work() as uow:
        stored = decision.model_copy(update={"team": _canonical(uow, decision.team)})
        uow.repo(DecisionRepository).upsert([stored], ctx.actor.name, ctx.today())
    return stored


# the web form's fields, for the page (which may not import the importers itself)
DECISION_FORM_FIELDS = FORM_FIELDS


def add_decision(ctx: ServiceContext, fields: dict[str, str]) -> Decision:
    """Add (or, with a known id, update) one recommendation from the web form's fields;
    `InvalidInput` names each field that is wrong, and nothing is written then."""
    ctx.actor.require(Permission.ORGANISE)
    return record_decision(ctx, decision_from_form(fields))


def set_rights(ctx: ServiceContext, rights: list[DecisionRight]) -> None:
    ctx.actor.require(Permission.ORGANISE)
    ctx.database.require_current()
    with ctx.database.unit_of_work() as uow:
        uow.repo(DecisionRepository).set_rights(
            [r.model_copy(update={"team": _canonical(uow, r.team)}) for r in rights],
            ctx.actor.name,
            ctx.today(),
        )


def import_rights(ctx: ServiceContext, path: Path) -> int:
    rights = read_rights(path, _limits(ctx))
    set_rights(ctx, rights)
    return len(rights)


@dataclass
class RightsMatrix:
    teams: list[str]
    cells: dict[tuple[str, DecisionKind], DecisionLevel]
    team_names: dict[str, str] = field(default_factory=dict)  # id -> name, where known

    def level(self, team: str, kind: DecisionKind) -> DecisionLevel | None:
        return self.cells.get((team, kind))

    def name(self, team: str) -> str:
        return self.team_names.get(team, team)


def rights_matrix(ctx: ServiceContext) -> RightsMatrix:
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        rights = uow.repo(DecisionRepository).rights()
        names = _team_names(uow)
    matrix = RightsMatrix([], {(r.team, r.kind): r.level for r in rights}, names)
    matrix.teams = sorted({r.team for r in rights}, key=lambda team: matrix.name(team).casefold())
    return matrix


@dataclass
class DecisionReport:
    as_of: date
    undecided_after_days: int
    team: str | None
    overall: Measures
    levels: dict[DecisionLevel, Measures]
    quarters: dict[str, Measures]
    gap: MandateGap
    vanished: list[Decision]  # still undecided after the given days, oldest first
    decisions: list[Decision]
    team_names: dict[str, str] = field(default_factory=dict)  # id -> name, where known

    def team_name(self, team: str) -> str:
        return self.team_names.get(team, team)


def decision_report(
    ctx: ServiceContext,
    *,
    undecided_after_days: int = DEFAULT_UNDECIDED_DAYS,
    team: str | None = None,
    as_of: date | None = None,
) -> DecisionReport:
    """Measures per level and per quarter: median time to decision, the share decided within
    the team, the share still undecided after N days. A team may look at its own register;
    teams are never ranked against each other."""
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    if undecided_after_days < 1:
        raise InvalidInput([Issue(message="the number of days must be at least 1", column="days")])
    day = as_of or ctx.today()
    with ctx.database.reading() as uow:
        decisions = uow.repo(DecisionRepository).all()
        rights = uow.repo(DecisionRepository).rights()
        wanted = _canonical(uow, team) if team else None
        names = _team_names(uow)
    if wanted is not None:
        decisions = [d for d in decisions if d.team == wanted]
    vanished = [
        d
        for d in decisions
        if d.outcome.value == "pending" and (day - d.proposed_on).days >= undecided_after_days
    ]
    return DecisionReport(
        as_of=day,
        undecided_after_days=undecided_after_days,
        team=wanted,
        overall=measure(decisions, day, undecided_after_days),
        levels=by_level(decisions, day, undecided_after_days),
        quarters=by_quarter(decisions, day, undecided_after_days),
        gap=mandate_gap(decisions, {(r.team, r.kind): r.level for r in rights}),
        vanished=sorted(vanished, key=lambda d: d.proposed_on),
        decisions=decisions,
        team_names=names,
    )
