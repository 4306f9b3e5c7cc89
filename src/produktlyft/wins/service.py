"""Use cases of the wins log: draft wins from evaluated pilots, edit, approve or reject them,
and read what is published.

Permissions: drafting and editing need EDIT; approving or rejecting (publishing to the public
page) needs ORGANISE, which analysts and administrators hold; reading drafts needs READ. The
published wins are public: `published_wins` asks for no permission, and returns only approved
items, whose fields hold no personal data and no survey result.
"""

from __future__ import annotations

import hashlib
import importlib
from dataclasses import dataclass
from typing import Any

from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import InvalidInput, Issue, NotFound, wording
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


OUTCOMES_SERVICE = "produktlyft.outcomes.service"


def _key_results(ctx: ServiceContext) -> list[Any]:
    """The outcomes area's key results (`list_key_results`), or none while it is not installed.
    Read by name so this area works before the outcomes area lands; once it has, a direct
    import is the better form."""
    try:
        outcomes: Any = importlib.import_module(OUTCOMES_SERVICE)
    except ImportError:
        return []
    reader = getattr(outcomes, "list_key_results", None)
    return list(reader(ctx)) if reader is not None else []


def draft_from_key_results(ctx: ServiceContext) -> list[Win]:
    """A draft for each achieved outcome key result (never an output), unless one exists."""
    ctx.actor.require(Permission.EDIT)
    with ctx.database.reading() as uow:
        drafted = {w.source_ref for w in uow.repo(WinRepository).all()}
    made = []
    for kr in _key_results(ctx):
        if kr.achieved is not True or str(getattr(kr, "verdict", "outcome")) != "outcome":
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


def draft_all(ctx: ServiceContext) -> list[Win]:
    """Drafts from improved pilots and from achieved key results."""
    return [*draft_from_pilots(ctx), *draft_from_key_results(ctx)]


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
