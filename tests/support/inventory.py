"""A demo-like inventory of any size, for web tests, browser tests and the load benchmark.

Deterministic for a seed. It has the gaps real inventories have: some systems lack an owner,
criticality, lifecycle or cost, and some integrations are manual re-keying.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from produktlyft.inventory.exporters.json_export import write_json
from produktlyft.inventory.model import (
    Capability,
    CapabilityFit,
    Contract,
    Integration,
    Inventory,
    System,
    Technology,
    Unit,
)
from produktlyft.inventory.vocabularies import (
    Criticality,
    Direction,
    FunctionalFit,
    Hosting,
    IntegrationKind,
    Lifecycle,
    UnitKind,
)

UNITS = [
    "Socialförvaltningen",
    "Utbildningsförvaltningen",
    "Stadsbyggnadsförvaltningen",
    "Kommunledningskontoret",
    "Kultur- och fritidsförvaltningen",
    "Miljöförvaltningen",
]
CAPABILITIES = {
    "cap-case": ("Ärendehantering", None),
    "cap-case-reg": ("Registrering", "cap-case"),
    "cap-case-dec": ("Beslut", "cap-case"),
    "cap-finance": ("Ekonomi", None),
    "cap-pay": ("Lön", "cap-finance"),
    "cap-inv": ("Fakturahantering", "cap-finance"),
    "cap-school": ("Skoladministration", None),
    "cap-doc": ("Dokumenthantering", None),
}
WORDS = [
    "Ärende",
    "Lön",
    "Skol",
    "Bygglov",
    "Faktura",
    "Diarie",
    "Portal",
    "Karta",
    "Bok",
    "Elev",
    "Omsorg",
    "Miljö",
    "Park",
    "Vatten",
    "Kassa",
    "Avtal",
    "Personal",
    "Arkiv",
]
SUFFIXES = ["system", "stöd", "tjänst", "portal", "plattform", "register"]
VENDORS = ["Tieto", "CGI", "Visma", "Evry", "Sokigo", "Microsoft", None]


def synthetic_inventory(systems: int = 12, seed: int = 7) -> Inventory:
    rng = random.Random(seed)
    inventory = Inventory()
    inventory.units.append(Unit(id="org", name="Exempelstad kommun", kind=UnitKind.ORGANISATION))
    for index, name in enumerate(UNITS, start=1):
        inventory.units.append(
            Unit(id=f"unit-{index}", name=name, kind=UnitKind.DEPARTMENT, parent_id="org")
        )
    for cap_id, (name, parent) in CAPABILITIES.items():
        inventory.capabilities.append(Capability(id=cap_id, name=name, parent_id=parent))
    inventory.technologies.append(Technology(id="tech-java", name="Java", version="8"))
    inventory.technologies.append(Technology(id="tech-pg", name="PostgreSQL", version="15"))
    for number in range(1, systems + 1):
        inventory.systems.append(_system(rng, number))
    for number in range(1, max(2, systems * 2) + 1):
        source, target = rng.sample(range(1, systems + 1), 2) if systems > 1 else (1, 1)
        kind = rng.choice(list(IntegrationKind))
        inventory.integrations.append(
            Integration(
                id=f"int-{number:05d}",
                source_id=f"sys-{source:05d}",
                target_id=f"sys-{target:05d}",
                name=f"Flöde {number}",
                kind=kind,
                direction=rng.choice(list(Direction)),
                open_standard=kind in (IntegrationKind.REST, IntegrationKind.MESSAGING),
            )
        )
    start = date(2022, 1, 1)
    for number in range(1, max(1, systems // 4) + 1):
        end = start + timedelta(days=rng.randint(200, 2500))
        inventory.contracts.append(
            Contract(
                id=f"avtal-{number:04d}",
                name=f"Avtal {number}",
                supplier=rng.choice(VENDORS[:-1]),
                start_date=start,
                end_date=end if number % 5 else None,
                value=float(rng.randint(1, 90) * 100_000),
                notice_period_months=rng.choice([3, 6]),
                system_ids=[f"sys-{rng.randint(1, systems):05d}"],
            )
        )
    return inventory


def _system(rng: random.Random, number: int) -> System:
    gaps = rng.random()
    capabilities = [
        CapabilityFit(capability_id=cap, fit=rng.choice(list(FunctionalFit)))
        for cap in rng.sample(sorted(CAPABILITIES), rng.randint(0, 2))
    ]
    return System(
        id=f"sys-{number:05d}",
        name=f"{rng.choice(WORDS)}{rng.choice(SUFFIXES)} {number}",
        description=f"Stödjer verksamheten med {rng.choice(WORDS).lower()}frågor.",
        owning_unit_id=None if gaps < 0.08 else f"unit-{rng.randint(1, len(UNITS))}",
        system_owner=None if gaps < 0.15 else f"Person {rng.randint(1, 400)}",
        vendor=rng.choice(VENDORS),
        lifecycle=None if 0.15 <= gaps < 0.22 else rng.choice(list(Lifecycle)),
        criticality=None if 0.22 <= gaps < 0.3 else rng.choice(list(Criticality)),
        hosting=rng.choice(list(Hosting)),
        users=rng.randint(5, 5000),
        annual_operating_cost=None if 0.3 <= gaps < 0.4 else float(rng.randint(1, 300) * 10_000),
        annual_licence_cost=None if 0.3 <= gaps < 0.45 else float(rng.randint(0, 200) * 5_000),
        capabilities=capabilities,
        technology_ids=["tech-java"] if number % 3 == 0 else [],
    )


def write_inventory_json(path: Path, systems: int = 12, seed: int = 7) -> Path:
    write_json(synthetic_inventory(systems, seed), path)
    return path
