"""Browsing the inventory: the lists, the detail of one system, the capability map, the
integration graph and the contracts, each answered by storage in SQL."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import TypeVar, cast

from produktlyft.inventory.browse_repository import BrowseRepository
from produktlyft.inventory.change_log import ChangeLogRepository
from produktlyft.inventory.changes import Change
from produktlyft.inventory.model import (
    ENTITY_TYPES,
    Capability,
    Contract,
    DataObject,
    Integration,
    System,
    Technology,
)
from produktlyft.inventory.queries import (
    CapabilityNode,
    ContractRow,
    IntegrationQuery,
    IntegrationRow,
    Option,
    Page,
    SystemQuery,
    SystemRow,
    SystemSort,
)
from produktlyft.inventory.repository import InventoryRepository
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.db import UnitOfWork

T = TypeVar("T")
PAGE_CACHE = "inventory.pages"  # the versioned page cache of decision record 0009
FILTER_OPTIONS_CACHE = "inventory.filter_options"
FILTER_OPTIONS_ENTRIES = 4  # one answer per database; a process rarely serves more than one
COUNT_CACHE = "inventory.counts"
COUNT_ENTRIES = 512  # one number per filter a reader has used since the data last changed
SYSTEMS_PER_CAPABILITY = 12  # the map lists this many per capability, then links to the list


def _page_cache(ctx: ServiceContext, version: int, key: Hashable, build: Callable[[], T]) -> T:
    pages = ctx.caches.named(PAGE_CACHE, ctx.settings.page_cache_entries)
    return pages.get_or_build(ctx.database.url, version, key, build)


def _cached(ctx: ServiceContext, key: Hashable, build: Callable[[UnitOfWork], T]) -> T:
    """The answer to `key` at the inventory's current data version: reused from this
    process's page cache, or built in the same read (see services.page_cache)."""
    with ctx.database.reading() as uow:
        version = uow.repo(BrowseRepository).fingerprint().version
        return _page_cache(ctx, version, key, lambda: build(uow))


@dataclass
class FilterOptions:
    units: list[Option]
    capabilities: list[Option]


@dataclass
class SystemList:
    """The systems list page: one page of systems and what its filters offer."""

    results: Page[SystemRow]
    options: FilterOptions


def list_systems(ctx: ServiceContext, query: SystemQuery) -> SystemList:
    """The list page in one read: one connection and one look at the data version for the
    rows, their count and the filters (on PostgreSQL each of those was a round trip, and the
    page asked for the version three times)."""
    ctx.actor.require(Permission.READ)
    with ctx.database.reading() as uow:
        repository = uow.repo(BrowseRepository)
        version = repository.fingerprint().version
        return SystemList(
            _systems(ctx, repository, version, query), _options(ctx, repository, version)
        )


def find_systems(ctx: ServiceContext, query: SystemQuery) -> Page[SystemRow]:
    ctx.actor.require(Permission.READ)
    with ctx.database.reading() as uow:
        repository = uow.repo(BrowseRepository)
        return _systems(ctx, repository, repository.fingerprint().version, query)


def filter_options(ctx: ServiceContext) -> FilterOptions:
    """Units and capabilities for the filters: every list page shows the same ones, and they
    change only when the data does. They have a cache of their own, kept also when the page
    cache is off (`page_cache_entries` 0): readers spread over many pages miss the page cache,
    but every one of them hits this (one entry per database, checked against the data
    version like the pages)."""
    ctx.actor.require(Permission.READ)
    with ctx.database.reading() as uow:
        repository = uow.repo(BrowseRepository)
        return _options(ctx, repository, repository.fingerprint().version)


def _systems(
    ctx: ServiceContext, repository: BrowseRepository, version: int, query: SystemQuery
) -> Page[SystemRow]:
    total, rows = _page_cache(
        ctx, version, ("systems", query), lambda: _search(ctx, repository, version, query)
    )
    return Page[SystemRow](items=rows, total=total, page=query.page, per_page=query.per_page)


def _search(
    ctx: ServiceContext, repository: BrowseRepository, version: int, query: SystemQuery
) -> tuple[int, list[SystemRow]]:
    """The page's rows, and the count of everything the filters select. The count is the same
    for every page and order of one filter, and counting a text search reads every system
    (10 ms of 11 at 10,000 systems), so it has a cache of its own, kept also when the page
    cache is off: a reader paging through a search or the whole list counts once."""
    counts = ctx.caches.named(COUNT_CACHE, COUNT_ENTRIES)
    selection = query.model_copy(update={"page": 1, "sort": SystemSort.NAME, "descending": False})
    total = counts.get_or_build(
        ctx.database.url, version, selection, lambda: repository.count_systems(query)
    )
    return total, repository.page_of_systems(query)


def _options(ctx: ServiceContext, repository: BrowseRepository, version: int) -> FilterOptions:
    options = ctx.caches.named(FILTER_OPTIONS_CACHE, FILTER_OPTIONS_ENTRIES)
    return options.get_or_build(
        ctx.database.url,
        version,
        "filter options",
        lambda: FilterOptions(repository.options("units"), repository.options("capabilities")),
    )


@dataclass
class SystemDetail:
    system: System
    unit: Option | None
    capabilities: list[tuple[Option, str | None, object]]  # capability, unit name, fit
    technologies: list[Technology]
    data: list[tuple[DataObject, object]]
    integrations: list[IntegrationRow]
    contracts: list[ContractRow]
    teams: list[Option] = field(default_factory=list)
    history: list[Change] = field(default_factory=list)


def system_detail(ctx: ServiceContext, system_id: str) -> SystemDetail:
    ctx.actor.require(Permission.READ)
    return _cached(ctx, ("system", system_id), lambda uow: _read_system_detail(uow, system_id))


def _read_system_detail(uow: UnitOfWork, system_id: str) -> SystemDetail:
    system = cast(System, uow.repo(InventoryRepository).get("systems", system_id))
    unit_ids = [system.owning_unit_id] if system.owning_unit_id else []
    unit_ids += [fit.unit_id for fit in system.capabilities if fit.unit_id]
    units = uow.repo(BrowseRepository).names("units", unit_ids)
    capability_names = uow.repo(BrowseRepository).names(
        "capabilities", [fit.capability_id for fit in system.capabilities]
    )
    technologies = cast(
        list[Technology], uow.repo(InventoryRepository).load("technologies", system.technology_ids)
    )
    data_objects = {
        record.id: cast(DataObject, record)
        for record in uow.repo(InventoryRepository).load(
            "data_objects", [use.data_object_id for use in system.data_uses]
        )
    }
    integrations = uow.repo(BrowseRepository).integrations_of(system_id)
    contracts = uow.repo(BrowseRepository).contracts(system_id=system_id)
    teams = uow.repo(BrowseRepository).teams_of(system_id)
    history = uow.repo(ChangeLogRepository).history("systems", system_id, limit=50)
    owning = system.owning_unit_id
    return SystemDetail(
        system=system,
        unit=Option(id=owning, name=units.get(owning, owning)) if owning else None,
        capabilities=[
            (
                Option(
                    id=fit.capability_id,
                    name=capability_names.get(fit.capability_id, fit.capability_id),
                ),
                units.get(fit.unit_id) if fit.unit_id else None,
                fit.fit,
            )
            for fit in system.capabilities
        ],
        technologies=technologies,
        data=[
            (data_objects[use.data_object_id], use.access)
            for use in system.data_uses
            if use.data_object_id in data_objects
        ],
        integrations=integrations,
        contracts=contracts,
        teams=teams,
        history=history,
    )


def capability_map(ctx: ServiceContext) -> list[CapabilityNode]:
    """The capability hierarchy as trees, each capability with its systems."""
    ctx.actor.require(Permission.READ)
    with ctx.database.reading() as uow:
        capabilities = cast(list[Capability], uow.repo(InventoryRepository).load("capabilities"))
        counts, samples = uow.repo(BrowseRepository).capability_systems(SYSTEMS_PER_CAPABILITY)
    nodes = {
        c.id: CapabilityNode(
            id=c.id,
            name=c.name,
            description=c.description,
            system_count=counts.get(c.id, 0),
            systems=samples.get(c.id, []),
        )
        for c in capabilities
    }
    roots: list[CapabilityNode] = []
    for capability in sorted(capabilities, key=lambda c: (c.name.casefold(), c.id)):
        parent = nodes.get(capability.parent_id) if capability.parent_id else None
        (parent.children if parent is not None else roots).append(nodes[capability.id])
    return roots


@dataclass
class IntegrationOverview:
    page: Page[IntegrationRow]
    kinds: dict[str | None, int]
    graph_rows: list[IntegrationRow]
    graph_truncated: bool
    # what the graph's drawing depends on: the database, its data version and the filter
    graph_key: tuple[str, Hashable, str | None, str | None]


GRAPH_LIMIT = 150  # more lines than this make an unreadable picture; the table has them all


def integration_overview(ctx: ServiceContext, query: IntegrationQuery) -> IntegrationOverview:
    """A page of integrations for the table, and (at most GRAPH_LIMIT of) them for the graph."""
    ctx.actor.require(Permission.READ)
    with ctx.database.reading() as uow:
        total, rows = uow.repo(BrowseRepository).integrations(query)
        kinds = uow.repo(BrowseRepository).integration_kinds()
        graph_total, graph_rows = uow.repo(BrowseRepository).integrations(
            query.model_copy(update={"page": 1, "per_page": GRAPH_LIMIT})
        )
        fingerprint = uow.repo(BrowseRepository).fingerprint()
    return IntegrationOverview(
        page=Page[IntegrationRow](
            items=rows, total=total, page=query.page, per_page=query.per_page
        ),
        kinds=kinds,
        graph_rows=graph_rows,
        graph_truncated=graph_total > GRAPH_LIMIT,
        graph_key=(
            ctx.database.url,
            fingerprint,
            query.system_id,
            query.kind.value if query.kind else None,
        ),
    )


def find_integrations(ctx: ServiceContext, query: IntegrationQuery) -> Page[IntegrationRow]:
    ctx.actor.require(Permission.READ)
    with ctx.database.reading() as uow:
        total, rows = uow.repo(BrowseRepository).integrations(query)
    return Page[IntegrationRow](items=rows, total=total, page=query.page, per_page=query.per_page)


def contracts_by_end_date(
    ctx: ServiceContext, page: int = 1, per_page: int = 50
) -> Page[ContractRow]:
    """One page of the contracts, the soonest to end first."""
    ctx.actor.require(Permission.READ)
    with ctx.database.reading() as uow:
        total = uow.repo(BrowseRepository).contract_count()
        rows = uow.repo(BrowseRepository).contracts(page=page, per_page=per_page)
    return Page[ContractRow](items=rows, total=total, page=page, per_page=per_page)


def get_record(
    ctx: ServiceContext, entity: str, record_id: str
) -> Capability | Integration | Contract | System:
    ctx.actor.require(Permission.READ)
    with ctx.database.reading() as uow:
        return cast(System, uow.repo(InventoryRepository).get(entity, record_id))


# The change log's entities that belong to the audit log: who signed in when and from where,
# account and role changes, API tokens.
AUDIT_ENTITIES = ("sessions", "users", "api_tokens")


def history_permission(entity: str) -> Permission:
    """Who may read an entity's change history: the inventory's records are for every reader;
    everything else in the change log (sign-ins with their addresses, accounts, API tokens,
    whatever is added later) is the audit log's, for administrators."""
    return Permission.READ if entity in ENTITY_TYPES else Permission.ADMINISTER


def record_history(ctx: ServiceContext, entity: str, record_id: str) -> list[Change]:
    ctx.actor.require(history_permission(entity))
    with ctx.database.reading() as uow:
        return uow.repo(ChangeLogRepository).history(entity, record_id, limit=50)


def audit_log(ctx: ServiceContext, limit: int = 200) -> list[Change]:
    """The most recent changes and sign-ins, for administrators."""
    ctx.actor.require(Permission.ADMINISTER)
    with ctx.database.reading() as uow:
        return uow.repo(ChangeLogRepository).recent(limit=limit)
