"""An overview of the inventory: how much there is, what it costs and how complete it is."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from produktlyft.inventory.analysis.data_quality import DataQuality, assess_data_quality
from produktlyft.inventory.repository import InventoryRepository
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext


@dataclass
class InventorySummary:
    counts: dict[str, int]
    annual_cost: float
    systems_by_criticality: Counter[str] = field(default_factory=Counter)
    systems_by_lifecycle: Counter[str] = field(default_factory=Counter)
    quality: DataQuality = field(default_factory=DataQuality)


def summarise_inventory(ctx: ServiceContext) -> InventorySummary:
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        counts = uow.repo(InventoryRepository).counts()
        systems = uow.repo(InventoryRepository).systems()
    summary = InventorySummary(
        counts=counts,
        annual_cost=sum(s.annual_cost or 0.0 for s in systems),
        quality=assess_data_quality(systems),
    )
    for system in systems:
        summary.systems_by_criticality[system.criticality or "unknown"] += 1
        summary.systems_by_lifecycle[system.lifecycle or "unknown"] += 1
    return summary
