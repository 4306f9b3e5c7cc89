"""Generating what connects the systems: integrations, contracts and teams, with the planted
manual re-keying and the contracts that lock key systems in."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from produktlyft.demo.generator.catalogue import DEPARTMENTS
from produktlyft.inventory.model import Contract, Integration, System, Team

KIND_WEIGHTS = {
    "rest": 35,
    "soap": 15,
    "messaging": 10,
    "file_transfer": 25,
    "database_link": 7,
    "manual_rekeying": 8,
}
OPEN_STANDARD = {
    "rest": True,
    "soap": True,
    "messaging": True,
    "database_link": False,
    "manual_rekeying": False,
}
DATA_RETURN_FORMATS = ("CSV och JSON", "XML enligt eCH/FGS", "SQL-dump", "Arkivpaket enligt FGS")
KEY_CRITICALITY = ("critical_to_society", "critical_to_operations")


@dataclass
class Connections:
    integrations: list[Integration] = field(default_factory=list)
    contracts: list[Contract] = field(default_factory=list)
    teams: list[Team] = field(default_factory=list)
    manual_rekeying: list[str] = field(default_factory=list)
    lock_in: list[dict[str, object]] = field(default_factory=list)


def _department(system: System) -> str:
    return system.tags[0] if system.tags else ""


def integrations(rng: random.Random, systems: list[System]) -> tuple[list[Integration], list[str]]:
    """About 1.5 integrations per system, mostly within a department or to shared hubs."""
    by_department: dict[str, list[System]] = defaultdict(list)
    for system in systems:
        by_department[_department(system)].append(system)
    hubs = [
        s
        for s in systems
        if s.name
        in (
            "Ekonomisystem",
            "Ärende- och dokumenthanteringssystem",
            "Kommunens kartplattform",
            "Katalogtjänst och behörigheter",
        )
    ]
    made: list[Integration] = []
    seen: set[tuple[str, str]] = set()
    for source in systems:
        for _ in range(rng.choices([0, 1, 2, 3], [2, 4, 3, 1])[0]):
            peers = by_department[_department(source)]
            target = rng.choice(hubs if hubs and rng.random() < 0.35 else peers)
            if target.id == source.id or (source.id, target.id) in seen:
                continue
            seen.add((source.id, target.id))
            kind = rng.choices(list(KIND_WEIGHTS), list(KIND_WEIGHTS.values()))[0]
            data = source.data_uses[0].data_object_id if source.data_uses else None
            made.append(
                Integration(
                    id=f"INT-{len(made) + 1:04d}",
                    source_id=source.id,
                    target_id=target.id,
                    name=f"{source.name} → {target.name}",
                    description=(
                        "Uppgifterna skrivs av för hand från det ena systemet till det andra."
                        if kind == "manual_rekeying"
                        else f"Överför uppgifter ({data}) automatiskt."
                    ),
                    direction=rng.choices(["one_way", "two_way"], [4, 1])[0],
                    kind=kind,
                    open_standard=OPEN_STANDARD.get(kind, rng.random() < 0.4),
                )
            )
    manual = [i.id for i in made if i.kind == "manual_rekeying"]
    return made, manual


def contracts(
    rng: random.Random, systems: list[System], today: date, lock_ins: int
) -> tuple[list[Contract], list[dict[str, object]]]:
    """One or a few contracts per vendor. A handful of contracts over key systems are planted
    as lock-in: long terms, no exit clause, no data-return format, the supplier owns the code;
    every other contract avoids at least one of those traits."""
    by_vendor: dict[str, list[System]] = defaultdict(list)
    for system in systems:
        if system.vendor:
            by_vendor[system.vendor].append(system)
    made: list[Contract] = []
    for vendor in sorted(by_vendor):
        covered = by_vendor[vendor]
        rng.shuffle(covered)
        start = 0
        while start < len(covered):  # a contract usually covers one to four systems
            size = rng.choices([1, 2, 3, 4], [5, 3, 1, 1])[0]
            made.append(_contract(rng, vendor, covered[start : start + size], len(made) + 1, today))
            start += size
    key_systems = {s.id for s in systems if s.criticality in KEY_CRITICALITY}
    candidates = [i for i, c in enumerate(made) if key_systems & set(c.system_ids)]
    planted = rng.sample(candidates, min(lock_ins, len(candidates)))
    truth: list[dict[str, object]] = []
    for index in planted:
        locked = _lock_in(rng, made[index], today)
        made[index] = locked
        truth.append(
            {
                "contract": locked.id,
                "systems": locked.system_ids,
                "reason": (
                    f"Avtalet med {locked.supplier} löper till {locked.latest_end_date} utan "
                    "exitklausul och utan avtalat format för återlämning av data; "
                    "leverantören äger "
                    "koden."
                ),
            }
        )
    return made, truth


def _contract(
    rng: random.Random, vendor: str, covered: list[System], number: int, today: date
) -> Contract:
    start = today - timedelta(days=rng.randint(120, 2600))
    end = today + timedelta(days=rng.randint(-150, 1100))
    options = rng.choice([0, 1])  # so that no ordinary contract runs five years or more
    exit_clause = rng.random() < 0.7
    return Contract(
        id=f"AVT-{number:04d}",
        name=f"Avtal {vendor.removesuffix(' AB')} {start.year}",
        supplier=vendor,
        scope=f"Licenser, drift och förvaltning av {covered[0].name}"
        + (f" och {len(covered) - 1} system till" if len(covered) > 1 else ""),
        start_date=start,
        end_date=end,
        extension_options=f"{options} × 1 år" if options else None,
        latest_end_date=date(end.year + options, end.month, min(end.day, 28)),
        value=round(
            sum((s.annual_licence_cost or 0) + (s.annual_operating_cost or 0) for s in covered)
            * rng.uniform(2.5, 4.0),
            -3,
        ),
        notice_period_months=rng.choice([3, 6, 6, 9, 12]),
        exit_clause=exit_clause,
        data_return_format=rng.choice(DATA_RETURN_FORMATS)
        if exit_clause or rng.random() < 0.5
        else None,
        ip_owner=rng.choices(["supplier", "buyer", "shared", "open_source"], [6, 2, 1, 1])[0],
        system_ids=[s.id for s in covered],
    )


def _lock_in(rng: random.Random, contract: Contract, today: date) -> Contract:
    end = date(today.year + rng.randint(5, 8), rng.randint(1, 12), 1)
    return Contract.model_validate(
        {
            **contract.model_dump(),
            "end_date": end,
            "latest_end_date": date(end.year + 2, end.month, 1),
            "extension_options": "2 × 1 år",
            "exit_clause": False,
            "data_return_format": None,
            "ip_owner": "supplier",
            "notice_period_months": rng.choice([18, 24]),
            "value": max(contract.value or 0, 5_000_000.0),
        }
    )


def teams(
    rng: random.Random, systems: list[System], units_by_department: dict[str, list[str]], size: int
) -> list[Team]:
    """Product teams, each owning the systems of a few objects in one department."""
    by_department: dict[str, list[System]] = defaultdict(list)
    for system in systems:
        by_department[_department(system)].append(system)
    made: list[Team] = []
    per_department = max(1, size // len(DEPARTMENTS))
    for department in DEPARTMENTS:
        owned = sorted(by_department.get(department.key, []), key=lambda s: s.id)
        if not owned:
            continue
        chunk = max(1, len(owned) // per_department)
        for start in range(0, len(owned), chunk):
            group = owned[start : start + chunk]
            if rng.random() < 0.2:  # some systems have no team yet: a finding in itself
                continue
            made.append(
                Team(
                    id=f"TEAM-{len(made) + 1:03d}",
                    name=f"Team {department.domain.split()[0]} {start // chunk + 1}",
                    unit_id=rng.choice(units_by_department[department.key]),
                    description=f"Produktteam inom {department.name.lower()}.",
                    products=sorted({s.name for s in group})[:3],
                    system_ids=[s.id for s in group],
                )
            )
    return made
