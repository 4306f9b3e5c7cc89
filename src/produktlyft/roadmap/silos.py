"""No new silos: what an initiative inherits from the systems it touches (the interop area's
suggested disposition and cloud check) and what it does to the integration map, given what its
target is stated to do to their open interfaces (`Initiative.target_interfaces`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from produktlyft.interop.analysis.graph import IntegrationGraph
from produktlyft.interop.analysis.initiative import initiative_silo_check
from produktlyft.interop.model import (
    INITIATIVE_EVIDENCE,
    CloudCheck,
    DispositionAdvice,
    TargetInterfaces,
)
from produktlyft.interop.model import Reason as InteropReason
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import NotFound
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
    and cloud check) and what it does to the integration map: the silo warnings (`silo`) and
    the evidence that it reduces silo risk (`evidence`)."""

    systems: list[TouchedSystem]
    silo: list[InteropReason]
    evidence: list[InteropReason] = field(default_factory=list)


@dataclass
class SiloFindings:
    """Per initiative id (only those with something to say): what creates or leaves a silo,
    and what reduces silo risk."""

    warnings: dict[str, list[InteropReason]] = field(default_factory=dict)
    evidence: dict[str, list[InteropReason]] = field(default_factory=dict)


def _checked(
    graph: IntegrationGraph, initiative: Initiative
) -> tuple[list[InteropReason], list[InteropReason]]:
    """(warnings, evidence) of one initiative on the integration map."""
    reasons = initiative_silo_check(
        graph,
        initiative.system_ids,
        initiative.target_interfaces,
        standards=initiative.target_standards,
    )
    warnings = [r for r in reasons if r.code not in INITIATIVE_EVIDENCE]
    return warnings, [r for r in reasons if r.code in INITIATIVE_EVIDENCE]


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
    warnings, evidence = _checked(graph, initiative)
    return InitiativeInterop(
        systems=[
            TouchedSystem(s, names.get(s, s), advice.get(s), cloud.get(s))
            for s in initiative.system_ids
        ],
        silo=warnings,
        evidence=evidence,
    )


def silo_findings(ctx: ServiceContext) -> SiloFindings:
    """Every initiative's silo check: what creates or leaves a silo, what reduces one."""
    ctx.actor.require(Permission.READ)
    from produktlyft.interop import service as interop

    graph = interop.integration_graph(ctx)
    found = SiloFindings()
    with ctx.database.reading() as uow:
        initiatives = uow.repo(RoadmapRepository).initiatives()
    for initiative in initiatives:
        warnings, evidence = _checked(graph, initiative)
        if warnings:
            found.warnings[initiative.id] = warnings
        if evidence:
            found.evidence[initiative.id] = evidence
    return found


def silo_warnings(ctx: ServiceContext) -> dict[str, list[InteropReason]]:
    """Initiative id -> what it breaks, creates or leaves as a silo (only those with one)."""
    return silo_findings(ctx).warnings


def set_target_interfaces(
    ctx: ServiceContext,
    initiative_id: str,
    target: TargetInterfaces,
    standards: str | None = None,
    row_version: int | None = None,
) -> Initiative:
    """State what an initiative's target does to open interfaces (and the standards it names);
    Conflict if someone saved it since `row_version` (the version read, when given). Nothing
    else of the initiative changes, so the portfolio needs no new check."""
    ctx.actor.require(Permission.EDIT)
    ctx.database.require_current()
    with ctx.database.unit_of_work() as uow:
        repo = uow.repo(RoadmapRepository)
        current = repo.initiative(initiative_id)
        if current is None:
            raise NotFound(f"no initiative with id '{initiative_id}'")
        changes = {"target_interfaces": target, "target_standards": standards or None}
        edited = Initiative.model_validate({**current.model_dump(), **changes})
        expected = row_version or current.row_version or 1
        repo.update_checked(edited, expected, ctx.actor.name, ctx.now())
        saved = repo.initiative(initiative_id)
    assert saved is not None  # written just now, in this transaction
    return saved


def system_names(ctx: ServiceContext) -> dict[str, str]:
    ctx.actor.require(Permission.READ)
    from produktlyft.interop import service as interop

    return {s.id: s.name for s in interop.system_interop(ctx)}
