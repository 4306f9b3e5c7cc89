"""Use cases of the wins log: draft wins from evaluated pilots, achieved key results and
realised business-case benefits, edit, approve or reject them, and read what is published.

Permissions: drafting and editing need EDIT; approving or rejecting (publishing to the public
page) needs ORGANISE, which analysts and administrators hold; reading drafts needs READ. The
published wins are public: `published_wins` asks for no permission, and returns only approved
items, whose fields hold no personal data and no survey result.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from produktlyft.business_case.service import list_cases
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import InvalidInput, Issue, NotFound, wording
from produktlyft.outcomes.model import BenefitState
from produktlyft.outcomes.presenter.benefits import benefit_reason
from produktlyft.outcomes.service import benefit_follow_up, list_key_results
from produktlyft.pilots.model import Verdict
from produktlyft.pilots.presenter import effect_text, verdict_text
from produktlyft.pilots.service import evaluations, list_pilots, team_names
from produktlyft.wins.model import Source, Status, Win
from produktlyft.wins.repository import WinRepository


def list_wins(ctx: ServiceContext, status: Status | None = None) -> list[Win]:
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        return uow.repo(WinRepository).all(status)


def published_wins(ctx: ServiceContext) -> list[Win]:
    """The approved wins, for the public page, feed and open data (no sign-in needed)."""
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        return uow.repo(WinRepository).all(Status.APPROVED)


def get_win(ctx: ServiceContext, win_id: str) -> Win:
    ctx.actor.require(Permission.READ)
    with ctx.database.reading() as uow:
        win = uow.repo(WinRepository).get(win_id)
    if win is None:
        raise NotFound(f"no win '{win_id}'")
    return win


def save_draft(ctx: ServiceContext, win: Win) -> Win:
    """Add or edit a win; an edited win goes back to draft until approved again."""
    ctx.actor.require(Permission.EDIT)
    ctx.database.require_current()
    draft = win.model_copy(update={"status": Status.DRAFT, "decided_by": None, "decided_at": None})
    with ctx.database.unit_of_work() as uow:
        uow.repo(WinRepository).save(draft)
    return draft


def _decide(ctx: ServiceContext, win_id: str, status: Status) -> Win:
    ctx.actor.require(Permission.ORGANISE)
    ctx.database.require_current()
    with ctx.database.unit_of_work() as uow:
        repo = uow.repo(WinRepository)
        win = repo.get(win_id)
        if win is None:
            raise NotFound(f"no win '{win_id}'")
        if win.status is not Status.DRAFT:
            raise InvalidInput(
                [Issue.worded(wording("only a draft can be approved or rejected"), column="status")]
            )
        decided = win.model_copy(
            update={"status": status, "decided_by": ctx.actor.name, "decided_at": ctx.now()}
        )
        repo.save(decided)
    return decided


def approve(ctx: ServiceContext, win_id: str) -> Win:
    return _decide(ctx, win_id, Status.APPROVED)


def reject(ctx: ServiceContext, win_id: str) -> Win:
    return _decide(ctx, win_id, Status.REJECTED)


def draft_from_pilots(ctx: ServiceContext) -> list[Win]:
    """A draft for each pilot whose latest evaluation says it improved, unless one exists.
    The text says what the pilot measured and its effect, in the organisation's language;
    nothing from the survey is used."""
    ctx.actor.require(Permission.EDIT)
    lang = ctx.settings.default_language
    improved = {e.pilot_id: e for e in evaluations(ctx) if e.verdict is Verdict.IMPROVED}
    names = team_names(ctx)
    with ctx.database.reading() as uow:
        drafted = {w.source_ref for w in uow.repo(WinRepository).all()}
    made = []
    for pilot in list_pilots(ctx):
        evaluation = improved.get(pilot.id)
        win_id = f"pilot-{pilot.id}"
        if evaluation is None or pilot.id in drafted:
            continue
        made.append(
            save_draft(
                ctx,
                Win(
                    id=win_id,
                    title=pilot.plan.name,
                    what_changed=pilot.plan.hypothesis,
                    outcome=f"{verdict_text(evaluation, lang)} {effect_text(evaluation, lang)}",
                    team=names.get(pilot.plan.pilot_team, pilot.plan.pilot_team),
                    day=pilot.plan.post_end,
                    source=Source.PILOT,
                    source_ref=pilot.id,
                ),
            )
        )
    return made


def draft_from_key_results(ctx: ServiceContext) -> list[Win]:
    """A draft for each achieved outcome key result (never an output), unless one exists."""
    ctx.actor.require(Permission.EDIT)
    with ctx.database.reading() as uow:
        drafted = {w.source_ref for w in uow.repo(WinRepository).all()}
    made = []
    for kr in list_key_results(ctx):
        if kr.achieved is not True or kr.verdict != "outcome":
            continue
        ref = "kr-" + hashlib.sha256(f"{kr.team}|{kr.quarter}|{kr.text}".encode()).hexdigest()[:16]
        if ref in drafted:
            continue
        made.append(
            save_draft(
                ctx,
                Win(
                    id=ref,
                    title=str(kr.objective),
                    what_changed=str(kr.text),
                    outcome=f"{kr.baseline} → {kr.current} ({kr.target})",
                    team=str(kr.team),
                    day=ctx.today(),
                    source=Source.KEY_RESULT,
                    source_ref=ref,
                ),
            )
        )
    return made


def _figure(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"


def draft_from_benefits(ctx: ServiceContext, lang: str = "sv") -> list[Win]:
    """A draft for each business case's benefit that arrived on its bound measure, unless one
    exists (issue 13: wins are drafted from realised benefits too)."""
    ctx.actor.require(Permission.EDIT)
    with ctx.database.reading() as uow:
        drafted = {w.source_ref for w in uow.repo(WinRepository).all()}
    cases = {c.id: c.name for c in list_cases(ctx)}  # a case, not its owner: no person named
    made = []
    for benefit in benefit_follow_up(ctx):
        if benefit.state is not BenefitState.ARRIVED:
            continue
        ref = (
            "benefit-"
            + hashlib.sha256(f"{benefit.case_id}|{benefit.name}".encode()).hexdigest()[:16]
        )
        if ref in drafted:
            continue
        made.append(
            save_draft(
                ctx,
                Win(
                    id=ref,
                    title=benefit.name,
                    what_changed=benefit.measure or benefit.name,
                    outcome=f"{_figure(benefit.baseline)} → {_figure(benefit.current)} "
                    f"({_figure(benefit.target)}). {benefit_reason(benefit.reason, lang)}",
                    team=cases.get(benefit.case_id, benefit.case_id),
                    day=benefit.measured or ctx.today(),
                    source=Source.BENEFIT,
                    source_ref=ref,
                ),
            )
        )
    return made


def draft_all(ctx: ServiceContext) -> list[Win]:
    """Drafts from improved pilots, achieved key results and realised benefits."""
    return [*draft_from_pilots(ctx), *draft_from_key_results(ctx), *draft_from_benefits(ctx)]


@dataclass
class DemoWins:
    drafted: int
    approved: int


def load_demo_wins(ctx: ServiceContext) -> DemoWins:
    """Wins drafted from the demo pilot's evaluation, the first of them approved (idempotent)."""
    made = draft_from_pilots(ctx)
    approved = 0
    if made:
        approve(ctx, made[0].id)
        approved = 1
    return DemoWins(len(made), approved)
