"""The start page's figures: counts, cost and data quality (the presenter draws the charts).

The summary reads every system, which takes a while at 10,000 systems, so it is kept per
database until the data changes (a cheap fingerprint query tells).
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass

from produktlyft.inventory.queries import Fingerprint
from produktlyft.inventory.services.summary import InventorySummary
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext


@dataclass
class Dashboard:
    summary: InventorySummary
    fingerprint: Fingerprint


_cache: dict[str, Dashboard] = {}
_lock = threading.Lock()
_current: set[str] = set()


def dashboard(ctx: ServiceContext) -> Dashboard:
    ctx.actor.require(Permission.READ)
    if ctx.database.url not in _current:  # checking the schema costs more than the page
        ctx.database.require_current()
        _current.add(ctx.database.url)
    with ctx.database.reading() as uow:
        fingerprint = uow.browse.fingerprint()
    key = ctx.database.url
    cached = _cache.get(key)
    if cached is not None and cached.fingerprint == fingerprint:
        return cached
    with _lock:  # one thread computes; the others wait and reuse it
        cached = _cache.get(key)
        if cached is not None and cached.fingerprint == fingerprint:
            return cached
        built = Dashboard(summarise(ctx), fingerprint)
        _cache[key] = built
        return built


def summarise(ctx: ServiceContext) -> InventorySummary:
    """The same summary as `summarise_inventory`, counted in SQL, so it takes milliseconds
    rather than seconds at 10,000 systems."""
    ctx.actor.require(Permission.READ)
    with ctx.database.reading() as uow:
        counts = uow.inventory.counts()
        cost, lifecycle, criticality = uow.browse.system_profile()
        quality = uow.browse.data_quality()
    return InventorySummary(
        counts=counts,
        annual_cost=cost,
        systems_by_lifecycle=Counter({key or "unknown": n for key, n in lifecycle.items()}),
        systems_by_criticality=Counter({key or "unknown": n for key, n in criticality.items()}),
        quality=quality,
    )
