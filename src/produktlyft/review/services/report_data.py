"""Everything the leadership report (and the web overview) shows, gathered from the latest review
and the inventory: the obstacles with named examples, where to start, and what it all costs."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import cast

from produktlyft.inventory.browse_repository import BrowseRepository
from produktlyft.inventory.model import Contract, Integration, Unit
from produktlyft.inventory.repository import InventoryRepository
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import NotFound
from produktlyft.review.analysis.facts import contract_lock_in
from produktlyft.review.results import DuplicateCost, DuplicatePair, ReviewRun, SystemResult
from produktlyft.review.services.run import latest_review, review


@dataclass(frozen=True)
class UnsupportedSystem:
    """A system running a component past its end of life."""

    id: str
    name: str
    component: str | None
    eol: str | None  # the component's end-of-life date
    annual_cost: float | None
    rank: int


@dataclass(frozen=True)
class LockedContract:
    """A contract showing every sign of lock-in we know of."""

    id: str
    name: str
    supplier: str | None
    end: date | None
    value: float | None
    signals: list[str]  # codes of the signs
    systems: list[str]  # names of the systems it covers
    annual_cost: float


@dataclass(frozen=True)
class ManualRekeying:
    """An integration that is staff re-typing data by hand."""

    id: str
    name: str | None
    source: str
    target: str


Example = UnsupportedSystem | DuplicatePair | LockedContract | ManualRekeying


@dataclass
class Obstacle:
    key: str  # unsupported_technology, duplicates, lock_in, manual_rekeying
    count: int
    annual_cost: float | None  # cost at stake each year; None when unknown
    examples: Sequence[Example]


@dataclass
class ReportData:
    organisation: str
    run: ReviewRun
    reference_date: date
    eol_snapshot: date
    systems: int
    annual_cost: float
    data_confidence: float
    unsupported: list[UnsupportedSystem]
    duplicates: list[DuplicatePair]
    duplicate_cost: DuplicateCost
    lock_in: list[LockedContract]
    manual_rekeying: list[ManualRekeying]
    start_here: list[SystemResult]
    uncertain: list[SystemResult]
    obstacles: list[Obstacle] = field(default_factory=list)


def _organisation(units: Sequence[Unit]) -> str:
    top = [u.name for u in units if u.kind is not None and u.kind.value == "organisation"]
    return top[0] if top else ""


def _unsupported(run: ReviewRun) -> list[UnsupportedSystem]:
    rows = []
    for system in run.systems:
        fact = system.fact("eol_months")
        if fact and isinstance(fact.value, int | float) and fact.value <= 0:
            rows.append(
                UnsupportedSystem(
                    id=system.system_id,
                    name=system.name,
                    component=fact.detail,
                    eol=fact.detail_date,
                    annual_cost=system.annual_cost,
                    rank=system.rank,
                )
            )
    return sorted(rows, key=lambda r: (-(r.annual_cost or 0.0), r.name))


def _lock_in(
    contracts: Sequence[Contract], names: Mapping[str, str], costs: Mapping[str, float]
) -> list[LockedContract]:
    """Contracts showing every lock-in sign we know of, with at least four known."""
    rows = []
    for contract in contracts:
        share, signals = contract_lock_in(contract)
        if share == 1.0 and len(signals) >= 4:
            rows.append(
                LockedContract(
                    id=contract.id,
                    name=contract.name,
                    supplier=contract.supplier,
                    end=(contract.latest_end_date or contract.end_date),
                    value=contract.value,
                    signals=list(signals),
                    systems=[names.get(s, s) for s in contract.system_ids],
                    annual_cost=sum(costs.get(s, 0.0) for s in contract.system_ids),
                )
            )
    return sorted(rows, key=lambda r: (-(r.annual_cost or 0.0), r.name))


def _manual(integrations: Sequence[Integration], names: Mapping[str, str]) -> list[ManualRekeying]:
    return [
        ManualRekeying(
            id=i.id,
            name=i.name,
            source=names.get(i.source_id, i.source_id),
            target=names.get(i.target_id, i.target_id),
        )
        for i in integrations
        if i.kind is not None and i.kind.value == "manual_rekeying"
    ]


def _obstacles(data: ReportData) -> list[Obstacle]:
    candidates = [
        Obstacle(
            "unsupported_technology",
            len(data.unsupported),
            sum(r.annual_cost or 0.0 for r in data.unsupported),
            data.unsupported[:2],
        ),
        Obstacle(
            "duplicates",
            len(data.duplicates),
            data.duplicate_cost.avoidable,
            data.duplicates[:2],
        ),
        Obstacle(
            "lock_in",
            len(data.lock_in),
            sum(r.annual_cost for r in data.lock_in),
            data.lock_in[:2],
        ),
        Obstacle("manual_rekeying", len(data.manual_rekeying), None, data.manual_rekeying[:2]),
    ]
    present = [o for o in candidates if o.count]
    # the biggest first: by the yearly cost at stake; obstacles without a cost come last
    present.sort(key=lambda o: (o.annual_cost is None, -(o.annual_cost or 0.0), -o.count))
    return present[:3]


def gather_report_data(
    ctx: ServiceContext, *, lang: str | None = None, today: date | None = None
) -> ReportData:
    """The latest review (one is run first if there is none and the user may, in `lang`)
    with the inventory facts the report names."""
    ctx.actor.require(Permission.READ)
    try:
        run = latest_review(ctx)
    except NotFound:
        if not ctx.actor.can(Permission.ANALYSE):
            raise
        review(ctx, lang=lang, today=today)
        run = latest_review(ctx)
    # names and costs come from the run (every system is in it); only the few record kinds
    # the report names are read, not the whole inventory (seconds at 10,000 systems)
    names = {r.system_id: r.name for r in run.systems}
    costs = {r.system_id: r.annual_cost or 0.0 for r in run.systems}
    with ctx.database.reading() as uow:
        units = cast(list[Unit], uow.repo(InventoryRepository).load("units"))
        contracts = cast(list[Contract], uow.repo(InventoryRepository).load("contracts"))
        integrations = cast(list[Integration], uow.repo(InventoryRepository).load("integrations"))
        unknown = {i for c in contracts for i in c.system_ids} | {
            i for x in integrations for i in (x.source_id, x.target_id)
        }
        names.update(uow.repo(BrowseRepository).names("systems", sorted(unknown - set(names))))
    summary = run.summary
    data = ReportData(
        organisation=_organisation(units),
        run=run,
        reference_date=run.reference_date,
        eol_snapshot=run.eol_snapshot,
        systems=summary.systems or len(run.systems),
        annual_cost=summary.annual_cost,
        data_confidence=summary.data_confidence,
        unsupported=_unsupported(run),
        duplicates=run.duplicates,
        duplicate_cost=summary.duplicate_cost,
        lock_in=_lock_in(contracts, names, costs),
        manual_rekeying=_manual(integrations, names),
        # "start here" names only systems that can be judged (SystemResult.judged)
        start_here=[s for s in run.systems if s.judged and s.score is not None][:3],
        uncertain=[s for s in run.systems if not s.judged],
    )
    data.obstacles = _obstacles(data)
    return data
