"""No new silos: what an initiative inherits from the systems it touches (the interop area's
suggested disposition and cloud check) and what it does to the integration map."""

from __future__ import annotations

from dataclasses import dataclass

from produktlyft.interop.analysis.initiative import initiative_silo_check
from produktlyft.interop.model import CloudCheck, DispositionAdvice
from produktlyft.interop.model import Reason as InteropReason
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.roadmap.model import Initiative
from produktlyft.roadmap.repository import RoadmapRepository


# --- no new silos ----------------------------------------------------------------------------
@dataclass
class TouchedSystem:
    id: str
    name: str
    disposition: DispositionAdvice | None
    cloud: CloudCheck | None


@dataclass
class InitiativeInterop:
    """What an initiative inherits from the systems it touches (their suggested disposition
    and cloud check) and what it does to the integration map (silo reasons)."""

    systems: list[TouchedSystem]
    silo: list[InteropReason]


def _confirmed_clusters(ctx: ServiceContext) -> dict[str, list[str]]:
    from produktlyft.roadmap.proposals import confirmed_clusters

    return {str(n): group for n, group in enumerate(confirmed_clusters(ctx), start=1)}


def initiative_interop(ctx: ServiceContext, initiative: Initiative) -> InitiativeInterop:
    ctx.actor.require(Permission.READ)
    from produktlyft.interop import service as interop

    graph = interop.integration_graph(ctx)
    names = {s.id: s.name for s in interop.system_interop(ctx)}
    wanted = set(initiative.system_ids)
    advice = {
        d.system_id: d
        for d in interop.system_dispositions(ctx, _confirmed_clusters(ctx))
        if d.system_id in wanted
    }
    cloud = {c.system_id: c for c in interop.cloud_suitability(ctx) if c.system_id in wanted}
    return InitiativeInterop(
        systems=[
            TouchedSystem(s, names.get(s, s), advice.get(s), cloud.get(s))
            for s in initiative.system_ids
        ],
        silo=initiative_silo_check(graph, initiative.system_ids, None),
    )


def silo_warnings(ctx: ServiceContext) -> dict[str, list[InteropReason]]:
    """Initiative id -> what it breaks or leaves as a silo (only those with a warning)."""
    ctx.actor.require(Permission.READ)
    from produktlyft.interop import service as interop

    graph = interop.integration_graph(ctx)
    found = {}
    with ctx.database.reading() as uow:
        initiatives = uow.repo(RoadmapRepository).initiatives()
    for initiative in initiatives:
        reasons = initiative_silo_check(graph, initiative.system_ids, None)
        if reasons:
            found[initiative.id] = reasons
    return found


def system_names(ctx: ServiceContext) -> dict[str, str]:
    ctx.actor.require(Permission.READ)
    from produktlyft.interop import service as interop

    return {s.id: s.name for s in interop.system_interop(ctx)}
