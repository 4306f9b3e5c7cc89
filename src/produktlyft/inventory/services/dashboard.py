"""The start page's figures: counts, cost and data quality (the presenter draws the charts).

The summary reads every system, which takes a while at 10,000 systems, so it is kept per
database until the data changes (a cheap fingerprint query tells).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from produktlyft.inventory.browse_repository import BrowseRepository
from produktlyft.inventory.queries import Fingerprint
from produktlyft.inventory.repository import InventoryRepository
from produktlyft.inventory.services.summary import InventorySummary
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext


@dataclass
class Dashboard:
    summary: InventorySummary
    fingerprint: Fingerprint


DASHBOARDS = 4  # one per database is all that is ever current


def dashboard(ctx: ServiceContext) -> Dashboard:
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()  # checked once per process; the page costs more
    with ctx.database.reading() as uow:
        fingerprint = uow.repo(BrowseRepository).fingerprint()
    # one thread computes; the others wait and reuse it
    cache = ctx.caches.named("inventory.dashboard", DASHBOARDS, one_builder=True)
    return cache.get_or_build(
        ctx.database.url, fingerprint, "dashboard", lambda: Dashboard(summarise(ctx), fingerprint)
    )


def summarise(ctx: ServiceContext) -> InventorySummary:
    """The same summary as `summarise_inventory`, counted in SQL, so it takes milliseconds
    rather than seconds at 10,000 systems."""
    ctx.actor.require(Permission.READ)
    with ctx.database.reading() as uow:
        counts = uow.repo(InventoryRepository).counts()
        cost, lifecycle, criticality = uow.repo(BrowseRepository).system_profile()
        quality = uow.repo(BrowseRepository).data_quality()
    return InventorySummary(
        counts=counts,
        annual_cost=cost,
        systems_by_lifecycle=Counter({key or "unknown": n for key, n in lifecycle.items()}),
        systems_by_criticality=Counter({key or "unknown": n for key, n in criticality.items()}),
        quality=quality,
    )
