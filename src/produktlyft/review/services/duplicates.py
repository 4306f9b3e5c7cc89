"""Analysts' decisions on suggested duplicates. Keyed by the unordered pair of system ids, so a
decision holds across re-runs and re-imports: a rejected pair is never suggested again."""

from __future__ import annotations

from produktlyft.inventory.repository import InventoryRepository
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import NotFound, ProduktlyftError
from produktlyft.review.model import Decision, DuplicateDecision, pair_key
from produktlyft.review.repository import ReviewRepository


def decide_duplicate(
    ctx: ServiceContext, a: str, b: str, decision: Decision | str, note: str | None = None
) -> DuplicateDecision:
    ctx.actor.require(Permission.ANALYSE)
    ctx.database.require_current()
    if a == b:
        raise ProduktlyftError("a system cannot duplicate itself; give two different ids")
    choice = Decision(decision)
    with ctx.database.unit_of_work() as uow:
        unknown = {a, b} - uow.repo(InventoryRepository).ids_among("systems", [a, b])
        if unknown:
            raise NotFound(f"no system with id {', '.join(repr(u) for u in sorted(unknown))}")
        first, second = pair_key(a, b)
        made = DuplicateDecision(first, second, choice, ctx.actor.name, ctx.now(), note)
        uow.repo(ReviewRepository).decide(made)
    return made


def list_decisions(ctx: ServiceContext) -> list[DuplicateDecision]:
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        return uow.repo(ReviewRepository).decisions()
