"""Procurement's use cases: check slices against the rule pack, keep slices and contract terms,
draft slices from a roadmap phase, and forecast delivery from a team's throughput."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from produktlyft.interop import service as interop_service
from produktlyft.inventory.model import Contract
from produktlyft.inventory.repository import InventoryRepository
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import InvalidInput, Issue, NotFound, wording
from produktlyft.kernel.files.base import ImportLimits
from produktlyft.procurement.analysis.checklist import check_slices
from produktlyft.procurement.analysis.demo import demo_slices
from produktlyft.procurement.analysis.drafting import draft
from produktlyft.procurement.analysis.forecast import DEFAULT_SEED, DEFAULT_TRIALS, forecast
from produktlyft.procurement.importers import read_rules, read_slices, read_terms
from produktlyft.procurement.model import (
    BuyerType,
    ContractTerms,
    Forecast,
    RulePack,
    Slice,
    SliceCheck,
    SystemOpenness,
)
from produktlyft.procurement.repository import ProcurementRepository
from produktlyft.procurement.throughput_csv import read_finished
from produktlyft.roadmap import service as roadmap_service
from produktlyft.roadmap.model import Phase


def system_openness(ctx: ServiceContext) -> dict[str, SystemOpenness]:
    """What the interoperability check finds per system, by id."""
    return {
        found.id: SystemOpenness(
            id=found.id,
            name=found.name,
            open_standard_share=found.open_standard_share,
            silo_risk=found.silo_risk,
        )
        for found in interop_service.system_interop(ctx)
    }


def _limits(ctx: ServiceContext) -> ImportLimits:
    return ImportLimits(
        ctx.settings.max_import_bytes,
        ctx.settings.max_unpacked_bytes,
        ctx.settings.max_issues_per_file,
    )


def rule_pack(rules: Path | None = None) -> RulePack:
    """The shipped rule pack, or the user's file over it."""
    return read_rules(rules)


def check_file(ctx: ServiceContext, path: Path, rules: Path | None = None) -> list[SliceCheck]:
    """Every slice of a file checked against the rules; nothing is stored."""
    ctx.actor.require(Permission.READ)
    slices = read_slices(path, _limits(ctx))
    covers_systems = any(s.system_ids for s in slices)
    return check_slices(slices, rule_pack(rules), system_openness(ctx) if covers_systems else None)


def save_slices_file(ctx: ServiceContext, path: Path) -> list[Slice]:
    """Keep the slices of a file (all or none); slices of the same name are replaced."""
    ctx.actor.require(Permission.EDIT)
    ctx.database.require_current()
    slices = read_slices(path, _limits(ctx))
    with ctx.database.unit_of_work() as uow:
        uow.repo(ProcurementRepository).save_slices(slices, path.name, ctx.actor.name, ctx.today())
    return slices


def save_slices(ctx: ServiceContext, slices: list[Slice], origin: str) -> None:
    ctx.actor.require(Permission.EDIT)
    ctx.database.require_current()
    with ctx.database.unit_of_work() as uow:
        uow.repo(ProcurementRepository).save_slices(slices, origin, ctx.actor.name, ctx.today())


def list_slices(ctx: ServiceContext, phase_id: str | None = None) -> list[Slice]:
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        return uow.repo(ProcurementRepository).slices(phase_id)


def checked_slices(
    ctx: ServiceContext, phase_id: str | None = None, rules: Path | None = None
) -> list[SliceCheck]:
    """The saved slices, each checked together with the others and with what the
    interoperability check finds for the systems they cover."""
    slices = list_slices(ctx, phase_id)
    return check_slices(slices, rule_pack(rules), system_openness(ctx) if slices else None)


def get_slice(ctx: ServiceContext, name: str) -> SliceCheck:
    for checked in checked_slices(ctx):
        if checked.slice.slice == name:
            return checked
    raise NotFound(f"no slice '{name}'")


def draft_slices(
    ctx: ServiceContext,
    phase_id: str,
    *,
    buyer_type: BuyerType = BuyerType.CENTRAL,
    save: bool = True,
    lang: str = "sv",
) -> list[Slice]:
    """Slices for a roadmap phase's initiatives: one per team-run of at most the longest slice."""
    ctx.actor.require(Permission.EDIT if save else Permission.READ)
    phase = next((p for p in roadmap_service.list_phases(ctx) if p.id == phase_id), None)
    if phase is None:
        raise NotFound(f"no roadmap phase '{phase_id}'")
    initiatives = [roadmap_service.get_initiative(ctx, i) for i in phase.initiative_ids]
    slices = draft(phase, initiatives, rule_pack(), buyer_type=buyer_type, lang=lang)
    if save and slices:
        save_slices(ctx, slices, f"phase:{phase.id}")
    return slices


def save_terms(ctx: ServiceContext, terms: ContractTerms) -> None:
    """Procurement's register fields for an inventory contract (by the contract's id)."""
    ctx.actor.require(Permission.EDIT)
    ctx.database.require_current()
    with ctx.database.unit_of_work() as uow:
        uow.repo(ProcurementRepository).save_terms(terms, ctx.actor.name, ctx.today())


def list_terms(ctx: ServiceContext) -> list[ContractTerms]:
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        return uow.repo(ProcurementRepository).terms()


def import_terms(ctx: ServiceContext, path: Path) -> int:
    """Register fields for inventory contracts from a file (all rows or none)."""
    ctx.actor.require(Permission.EDIT)
    ctx.database.require_current()
    terms = read_terms(path, _limits(ctx))
    with ctx.database.unit_of_work() as uow:
        repository = uow.repo(ProcurementRepository)
        for item in terms:
            repository.save_terms(item, ctx.actor.name, ctx.today())
    return len(terms)


@dataclass
class RegisterEntry:
    """An inventory contract with procurement's fields, where they are recorded."""

    contract: Contract
    terms: ContractTerms | None


def contract_register(ctx: ServiceContext) -> list[RegisterEntry]:
    """The contract register: the inventory's contracts (supplier, value, dates, notice, exit,
    data format, IP owner, systems) beside procurement's fields for each."""
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        contracts = [c for c in uow.repo(InventoryRepository).load("contracts")]
        terms = {t.contract_id: t for t in uow.repo(ProcurementRepository).terms()}
    return [
        RegisterEntry(contract, terms.get(contract.id))
        for contract in contracts
        if isinstance(contract, Contract)
    ]


def forecast_file(
    ctx: ServiceContext,
    path: Path,
    items: int,
    *,
    date_column: str | None = None,
    by: date | None = None,
    start: date | None = None,
    trials: int = DEFAULT_TRIALS,
    seed: int = DEFAULT_SEED,
) -> Forecast:
    """When `items` more items will be done, from the team's finished items in a CSV."""
    ctx.actor.require(Permission.READ)
    if items < 1:
        raise InvalidInput(
            [Issue.worded(wording("the number of items must be at least 1"), column="items")]
        )
    finished = read_finished(path, date_column, _limits(ctx))
    try:
        return forecast(finished, items, by=by, start=start, trials=trials, seed=seed)
    except ValueError as error:
        raise InvalidInput(
            [Issue.worded(wording("no forecast: {reason}", reason=error), file=path.name)]
        ) from None


@dataclass
class DemoProcurement:
    phase_id: str
    slices: list[str]
    created: bool


DEMO_NEEDS = ("Digital bygglovsansökan", "Nytt ärendeflöde", "Migrering av arkivet")
DEMO_SUPPLIERS = ("Leverantör A AB", "Leverantör B AB", "Leverantör C AB")


def _first_phase(ctx: ServiceContext) -> tuple[str, date, list[str]]:
    """The first roadmap phase's id, start and initiative names; without a roadmap (an
    organisation that has not planned yet), the coming quarter under the id "demo"."""
    phases: list[Phase] = roadmap_service.list_phases(ctx)
    if phases:
        phase = phases[0]
        names = [roadmap_service.get_initiative(ctx, i).name for i in phase.initiative_ids[:3]]
        return phase.id, phase.start, names
    today = ctx.today()
    following = (today.month - 1) // 3 + 1  # the coming quarter, counted from 0
    return "demo", date(today.year + following // 4, following % 4 * 3 + 1, 1), []


def _suppliers(ctx: ServiceContext) -> list[str]:
    with ctx.database.reading() as uow:
        contracts = uow.repo(InventoryRepository).load("contracts")
    vendors = sorted({c.supplier for c in contracts if isinstance(c, Contract) and c.supplier})
    return vendors


def load_demo_procurement(ctx: ServiceContext) -> DemoProcurement:
    """Three contract slices for the demo's first roadmap phase (idempotent): two shaped as the
    rules ask, one of nine months with the incumbent, which the rules then fail."""
    ctx.actor.require(Permission.IMPORT)
    phase_id, start, names = _first_phase(ctx)
    needs = [*names, *DEMO_NEEDS[len(names) :]]
    vendors = _suppliers(ctx)
    suppliers = [*vendors[:3], *DEMO_SUPPLIERS[len(vendors[:3]) :]]
    slices = demo_slices(phase_id, start, needs, suppliers)
    known = {s.slice for s in list_slices(ctx)}
    created = not all(s.slice in known for s in slices)
    if created:
        save_slices(ctx, slices, "demo")
    return DemoProcurement(phase_id, [s.slice for s in slices], created)
