"""The demo organisation "Exempelstad kommun": a deterministic, seeded, realistic landscape
with planted ground truth for the analyses (duplicates, unsupported technology, lock-in
contracts, manual re-keying). The same seed and size always give the same organisation."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from produktlyft.demo.generator import relations
from produktlyft.demo.generator.systems import REFERENCE_DATE, build_landscape
from produktlyft.inventory.model import Inventory

DEFAULT_SYSTEMS = 300
DEFAULT_SEED = 42


@dataclass
class DemoOrganisation:
    inventory: Inventory
    ground_truth: dict[str, Any]


def generate_demo(systems: int = DEFAULT_SYSTEMS, seed: int = DEFAULT_SEED) -> DemoOrganisation:
    if systems < 20:
        raise ValueError("the demo organisation needs at least 20 systems")
    rng = random.Random(seed)
    duplicates = max(2, round(systems * 20 / 300))
    landscape = build_landscape(rng, systems, duplicates)
    integrations, manual = relations.integrations(rng, landscape.systems)
    contracts, lock_in = relations.contracts(
        rng, landscape.systems, REFERENCE_DATE, max(2, round(systems * 6 / 300))
    )
    teams = relations.teams(
        rng, landscape.systems, landscape.units_by_department, max(12, systems // 12)
    )
    inventory = Inventory(
        units=landscape.units,
        capabilities=landscape.capabilities,
        technologies=landscape.technologies,
        data_objects=landscape.data_objects,
        systems=landscape.systems,
        integrations=integrations,
        contracts=contracts,
        teams=teams,
    )
    truth = {
        "seed": seed,
        "systems": len(landscape.systems),
        "reference_date": REFERENCE_DATE.isoformat(),
        "duplicate_pairs": [list(pair) for pair in landscape.duplicate_pairs],
        "unsupported_technology_systems": landscape.unsupported_systems,
        "lock_in_contracts": lock_in,
        "manual_rekeying_integrations": manual,
    }
    return DemoOrganisation(inventory, truth)
